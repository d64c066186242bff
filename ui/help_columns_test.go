package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"stockroom/planner"
)

// helpColumnsSection is the ? screen from its Columns title to its end,
// without colour.
func helpColumnsSection(t *testing.T, m *Model) string {
	t.Helper()
	help := ansi.Strip(m.helpScreen())
	i := strings.LastIndex(help, "\nColumns\n")
	if i < 0 {
		t.Fatalf("the help has no Columns paragraph:\n%s", help)
	}
	return help[i+1:]
}

// The Columns paragraph explains each shortened title of the Stock pane by
// the title and meaning the stock view declares, and names what the filter
// looks in by the columns it searches: nothing is copied by hand.
func TestHelpColumnsComeFromTheStockView(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	section := helpColumnsSection(t, m)
	golden(t, "help_columns", section)

	// the meanings, unwrapped: a line's continuation joins it
	var unwrapped []string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, " ") && len(unwrapped) > 0 {
			unwrapped[len(unwrapped)-1] += " " + strings.TrimSpace(line)
			continue
		}
		unwrapped = append(unwrapped, line)
	}
	spec, _ := planner.LookupView("stock")
	explained := 0
	for _, tc := range m.stock.table.cols {
		c := spec.Columns[tc.viewCol]
		if c.Short == "" {
			continue
		}
		explained++
		want := c.Title + ": " + c.ScreenHelp()
		found := false
		for _, line := range unwrapped {
			if rest, ok := strings.CutPrefix(line, c.Short); ok && strings.TrimSpace(rest) == want {
				found = true
			}
		}
		if !found {
			t.Errorf("the help does not explain %q as %q:\n%s", c.Short, want, section)
		}
	}
	if explained < 5 {
		t.Errorf("%d shortened Stock columns explained, want Avail, On ord, ROP, Cover, Sales at least", explained)
	}
	for _, c := range planner.SearchColumns() {
		if !strings.Contains(strings.ToLower(section), "filters on") || !strings.Contains(section, searchedName(c)) {
			t.Errorf("the filter sentence does not name %s:\n%s", c.Title, section)
		}
	}
}

// searchedName is how the filter sentence names a column: lower case but
// for an acronym.
func searchedName(c planner.Column) string {
	if c.Title == strings.ToUpper(c.Title) {
		return c.Title
	}
	return strings.ToLower(c.Title)
}

func TestSearchedFieldsReadAsAList(t *testing.T) {
	if got, want := searchedFields(), "SKU, name, category, subcategory, brand and supplier"; got != want {
		t.Errorf("searchedFields() = %q, want %q", got, want)
	}
}

func TestWrapWordsBreaksAtSpacesOnly(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"by trailing-52-week revenue", 12, "by\ntrailing-52-week\nrevenue"},
		{"a b c d", 3, "a b\nc d"},
		{"on_hand − committed", 19, "on_hand − committed"},
		{"on_hand − committed", 18, "on_hand −\ncommitted"},
		{"", 10, ""},
	} {
		if got := wrapWords(c.in, c.w); got != c.want {
			t.Errorf("wrapWords(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}
