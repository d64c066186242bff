package ui

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"stockroom/planner"
	"stockroom/store"
)

// updating reports -update, the flag that teatest's golden package
// defines: go test ./ui -update rewrites the golden files.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// withProfile downsamples a rendered screen the way the terminal writer
// does for a given colour profile.
func withProfile(s string, p colorprofile.Profile) string {
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: p}
	w.WriteString(s)
	return buf.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	if string(want) != got {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := range min(len(wl), len(gl)) {
			if wl[i] != gl[i] {
				t.Fatalf("%s differs at line %d:\nwant %q\ngot  %q", path, i+1, ansi.Strip(wl[i]), ansi.Strip(gl[i]))
			}
		}
		t.Fatalf("%s: %d lines, want %d", path, len(gl), len(wl))
	}
}

func TestGoldenStockPane(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		m, _ := newTestModel(t, size.w, size.h)
		press(t, m, "down", "down")
		name := fmt.Sprintf("stock_%dx%d", size.w, size.h)
		golden(t, name, withProfile(m.render(), colorprofile.ANSI256))
		golden(t, name+"_nocolor", noColorRender(m))
	}
}

// TestGoldenEditInPlace pins the reorder-point field drawn in the cursor
// row's cell while typing.
func TestGoldenEditInPlace(t *testing.T) {
	m, _ := newTestModel(t, 80, 24)
	press(t, m, "down", "e")
	typeText(t, m, "42")
	out := withProfile(m.render(), colorprofile.Ascii)
	if !strings.Contains(ansi.Strip(out), "[42") {
		t.Errorf("no field in the cell:\n%s", ansi.Strip(out))
	}
	golden(t, "stock_80x24_edit", out)
}

func TestNoColorMarksSelectionWithoutColour(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	press(t, m, "space")
	out := withProfile(m.render(), colorprofile.Ascii)
	if strings.Contains(out, "\x1b[3") || strings.Contains(out, "\x1b[9") || strings.Contains(out, "38;") {
		t.Error("colour codes survive the Ascii profile")
	}
	plain := ansi.Strip(out)
	if !strings.Contains(plain, "▶") || !strings.Contains(plain, "●") {
		t.Error("cursor and marks need symbols, not only colour")
	}
	for _, st := range []string{"out ", "low ", "dead ", "excess ", "ok "} {
		if !strings.Contains(plain, st) {
			t.Errorf("status %q should be written as a word", st)
		}
	}
}

func TestEveryTerminalSizeRendersInsideItsRectangle(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	press(t, m, "down", "e") // with the editor open too
	checkEverySize(t, m)
	m.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
	if s := screen(m); !strings.Contains(s, "needs") {
		t.Errorf("a tiny terminal should say it is too small:\n%s", s)
	}
}

// The reorder pane (with its editor open, on a supplier heading) and the
// suppliers tab's three screens fit every size too.
func TestEveryPaneFitsEverySize(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	steps := []struct {
		name string
		keys []string
	}{
		{"reorder", []string{"3"}},
		{"reorder heading", []string{"up"}},
		{"reorder editor", []string{"down", "e"}},
		{"suppliers", []string{"esc", "6"}},
		{"orders", []string{"enter"}},
		{"lines", []string{"enter"}},
		{"receive editor", []string{"r"}},
	}
	for _, st := range steps {
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		press(t, m, st.keys...)
		t.Run(st.name, func(t *testing.T) { checkEverySize(t, m) })
	}
	if m.tab != suppliersTab || m.suppliers.screen != screenLines || m.mode != modeEdit || m.field != "po_receive" {
		t.Errorf("the steps should end in the receive editor: tab %d screen %d mode %v field %q", m.tab, m.suppliers.screen, m.mode, m.field)
	}
}

// checkEverySize draws the model at many sizes and checks every frame fits.
func checkEverySize(t *testing.T, m *Model) {
	t.Helper()
	sizes := [][2]int{}
	for w := 1; w <= 200; w += 7 {
		for h := 1; h <= 60; h += 3 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [2]int{20, 5}, [2]int{49, 9}, [2]int{50, 10}, [2]int{119, 30}, [2]int{120, 30}, [2]int{0, 0})
	for _, s := range sizes {
		m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		out := m.render()
		lines := strings.Split(out, "\n")
		if out != "" && len(lines) > s[1] {
			t.Errorf("%dx%d: %d lines", s[0], s[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > s[0] {
				t.Errorf("%dx%d: line %d is %d wide", s[0], s[1], i, w)
				break
			}
			if !utf8.ValidString(l) {
				t.Errorf("%dx%d: invalid UTF-8", s[0], s[1])
			}
		}
	}
}

func TestCatalogueTextNeverReachesTheTerminalRaw(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	press(t, m, "/")
	typeText(t, m, "evil")
	press(t, m, "enter")
	out := m.render()
	if strings.Contains(out, "\x07") || strings.Contains(out, "\x1b[31mred") {
		t.Errorf("control characters from a product name reached the screen: %q", out)
	}
	if !strings.Contains(ansi.Strip(out), "Evil [31mred[0m name") {
		t.Errorf("the name should still be shown, cleaned:\n%s", ansi.Strip(out))
	}
}

func TestHelpScreenOpensAndCloses(t *testing.T) {
	m, _ := newTestModel(t, 120, 40)
	press(t, m, "?")
	s := screen(m)
	for _, want := range []string{"keys", "filter", "undo last edit", "excess", "reverse sort"} {
		if !strings.Contains(s, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	press(t, m, "?")
	if m.mode != modeNormal {
		t.Error("? should close help")
	}
}

func TestTabsCycleAndKeysReachTheirPane(t *testing.T) {
	m, _ := newTestModel(t, 120, 40)
	press(t, m, "4")
	if s := screen(m); !strings.Contains(s, "[4 Assortment]") || !strings.Contains(s, "ABC × XYZ") {
		t.Errorf("assortment tab:\n%s", s)
	}
	press(t, m, "tab", "tab", "tab", "tab") // Risk, Suppliers, Replay, Overview
	if m.tab != 0 {
		t.Errorf("tab wraps to Overview, got %d", m.tab)
	}
	press(t, m, "2", "down")
	if m.stock.table.cursor != 1 {
		t.Error("keys should reach the stock pane again")
	}
}

func TestEmptyCatalogueExplainsWhatToDo(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := New(Options{Backend: planner.Backend{Store: st}, Source: "empty.db", ExportDir: t.TempDir()})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	run(t, m, loadCmd(m.opt.Backend))
	s := screen(m)
	// the import commands as stockroom import --help spells them, with the
	// catalogue's path; no promise of a release to come
	for _, want := range []string{"This catalogue is empty", "stockroom --demo", "stockroom demo --db demo.db",
		"stockroom import products products.csv --db empty.db", "stockroom import stock inventory.csv --db empty.db",
		"stockroom import orders orders.csv --db empty.db", "stockroom import --help"} {
		if !strings.Contains(s, want) {
			t.Errorf("the empty catalogue's page lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "next release") {
		t.Errorf("the page still says importing is coming:\n%s", s)
	}
	press(t, m, "down", "e", "x", "/") // nothing to act on; must not panic
	// the status bar offers only keys that do something on this page
	for _, tab := range []string{"1", "3"} {
		press(t, m, tab)
		bar := lastLine(screen(m))
		for _, want := range []string{", settings", "? help", "q quit"} {
			if !strings.Contains(bar, want) {
				t.Errorf("tab %s: status bar %q lacks %q", tab, bar, want)
			}
		}
		for _, dead := range []string{"enter", "1–6", "x export", "↑/↓", "/ filter", "o draft"} {
			if strings.Contains(bar, dead) {
				t.Errorf("tab %s: status bar %q offers %q, which does nothing here", tab, bar, dead)
			}
		}
	}
}

// The page's commands paste into a shell whatever the path holds.
func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"shop.db":               "shop.db",
		"/home/pm/data/shop.db": "/home/pm/data/shop.db",
		"my shop.db":            "'my shop.db'",
		"cat#2.db":              "'cat#2.db'",
		"it's.db":               `'it'\''s.db'`,
		"Bücher.db":             "'Bücher.db'",
		"":                      "''",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestRapidResizesWhileWorking interleaves resizes with keys and results of
// background work, as a window being dragged while the PM types would.
func TestRapidResizesWhileWorking(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	sizes := [][2]int{{20, 5}, {300, 100}, {1, 1}, {80, 24}, {119, 40}, {121, 12}, {50, 10}, {0, 0}, {160, 45}}
	keys := []string{"j", "G", "/", "k", "esc", "e", "9", "esc", "space", "s", "S", "?", "?", "pgdown", "g", "tab", "2"}
	for i := range 200 {
		s := sizes[i%len(sizes)]
		m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		_, cmd := m.Update(keyMsg(keys[i%len(keys)]))
		run(t, m, cmd)
		out := m.render()
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > max(s[0], 0) {
				t.Fatalf("step %d at %dx%d: a line is %d wide", i, s[0], s[1], ansi.StringWidth(l))
			}
		}
	}
}
