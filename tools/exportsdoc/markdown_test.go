package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"stockroom/planner"
)

// docs/EXPORTS.md is what the views say: a column added, renamed or given
// a new meaning in planner without running the generator fails here.
func TestExportsDocIsCurrent(t *testing.T) {
	committed, err := os.ReadFile("../../docs/EXPORTS.md")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	writeMarkdown(&b)
	if bytes.Equal(committed, b.Bytes()) {
		return
	}
	got, want := strings.Split(string(committed), "\n"), strings.Split(b.String(), "\n")
	for i := range max(len(got), len(want)) {
		g, w := line(got, i), line(want, i)
		if g != w {
			t.Fatalf("docs/EXPORTS.md is stale at line %d (run `go run ./tools/exportsdoc` from the repository's root):\n have %q\n want %q", i+1, g, w)
		}
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// Every view and column is on the page, with its type and meaning.
func TestExportsDocListsEveryColumn(t *testing.T) {
	var b bytes.Buffer
	writeMarkdown(&b)
	doc := b.String()
	for _, v := range planner.Views() {
		if !strings.Contains(doc, "\n## "+v.Name+"\n\n"+v.About+"\n") {
			t.Errorf("no section for %s", v.Name)
		}
		for _, c := range v.Columns {
			if row := "| `" + c.Name + "` | " + c.Kind.String() + " | "; !strings.Contains(doc, row) {
				t.Errorf("%s: no row %q", v.Name, row)
			}
		}
	}
	if !strings.Contains(doc, "| `margin_52w` | gross margin of the last 52 complete weeks: revenue − units sold × unit cost |") {
		t.Error("the overview's metrics are not listed")
	}
	if got := cell("a | b"); got != `a \| b` {
		t.Errorf("cell: %q", got)
	}
}
