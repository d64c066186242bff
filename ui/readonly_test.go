package ui

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"stockroom/planner"
	"stockroom/store"
)

// readOnlyModel opens the fixture as the dashboard does a catalogue it may
// not write: read-only, saying why.
func readOnlyModel(t *testing.T, w, h int) (*Model, string) {
	t.Helper()
	rw := fixtureStore(t)
	path := rw.Path()
	rw.Close()
	st, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	m := New(Options{
		Backend:   planner.Backend{Store: st},
		Source:    path,
		ReadOnly:  "the directory /srv/shop is not writable",
		ExportDir: t.TempDir(),
		Now:       func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) },
	})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(t, m, loadCmd(m.opt.Backend))
	return m, path
}

func TestReadOnlyCatalogueRefusesEveryChange(t *testing.T) {
	m, path := readOnlyModel(t, 160, 45)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	refused := func(what string) {
		t.Helper()
		if !strings.Contains(m.message, "read-only") || !strings.Contains(m.message, "/srv/shop is not writable") || !m.messageErr {
			t.Errorf("%s: message %q, want the read-only refusal with its reason", what, m.message)
		}
		if m.mode == modeEdit || m.settings.editing || m.confirm != nil {
			t.Errorf("%s: an editor or a question opened", what)
		}
		line := ansi.Strip(m.statusBar())
		if m.mode == modeSettings {
			line = ansi.Strip(m.settingsStatus())
		}
		if !strings.Contains(line, "read-only") || strings.Contains(line, "\n") {
			t.Errorf("%s: status bar %q", what, line)
		}
		m.message = ""
	}

	// an editor opens, says read-only at once, and takes what is typed:
	// digits typed after e must not switch panes; enter saves nothing
	editRefused := func(what, key string) {
		t.Helper()
		tab := m.tab
		press(t, m, key)
		if m.mode != modeEdit {
			t.Fatalf("%s: the editor did not open (message %q)", what, m.message)
		}
		if line := ansi.Strip(m.statusBar()); !strings.Contains(line, "read-only, enter saves nothing") {
			t.Errorf("%s: the editor should say read-only: %q", what, line)
		}
		typeText(t, m, "62")
		if m.tab != tab || m.input.Value() != "62" {
			t.Errorf("%s: typing 62 went to tab %d, field %q", what, m.tab, m.input.Value())
		}
		press(t, m, "enter")
		if m.mode != modeNormal || !strings.HasPrefix(m.message, "Not saved: the catalogue is read-only (the directory /srv/shop is not writable)") {
			t.Errorf("%s: enter left mode %v, message %q", what, m.mode, m.message)
		}
		m.message = ""
	}

	press(t, m, "2")
	editRefused("Stock e", "e")
	press(t, m, "u")
	refused("Stock u")
	press(t, m, "3")
	if m.reorder.view == nil {
		t.Fatal("the reorder pane has no view")
	}
	for _, k := range []string{"e", "L", "c", "M", "v"} {
		editRefused("Reorder "+k, k)
	}
	for _, k := range []string{"r", "o", "u"} {
		press(t, m, k)
		refused("Reorder " + k)
	}
	press(t, m, "6", "enter")
	if m.suppliers.screen != screenOrders {
		t.Fatalf("suppliers screen %d after enter", m.suppliers.screen)
	}
	for _, k := range []string{"t", "R", "c"} {
		press(t, m, k)
		refused("Suppliers orders " + k)
	}
	press(t, m, "enter")
	if m.suppliers.screen != screenLines {
		t.Fatalf("suppliers screen %d after enter on an order", m.suppliers.screen)
	}
	editRefused("PO lines e", "e")
	editRefused("PO lines r", "r")
	for _, k := range []string{"t", "R", "c"} {
		press(t, m, k)
		refused("PO lines " + k)
	}
	press(t, m, "esc", "esc", ",")
	for _, k := range []string{"enter", "e", "d", "u"} {
		press(t, m, k)
		refused("settings " + k)
	}
	press(t, m, "esc")

	// reading still works: a filter, the detail pane, an export to a file
	press(t, m, "2", "/")
	typeText(t, m, "Tools")
	press(t, m, "enter")
	if n := len(m.stock.table.index); n == 0 || n == len(m.snap.Rows) {
		t.Errorf("the filter kept %d of %d rows", n, len(m.snap.Rows))
	}
	press(t, m, "x")
	if !strings.HasPrefix(m.message, "Exported") || m.messageErr {
		t.Errorf("export from a read-only catalogue: %q", m.message)
	}
	// the Risk pane's what-if is never saved, so it stays
	press(t, m, "esc", "5", "m")
	if m.mode != modeEdit {
		t.Errorf("the what-if editor did not open (message %q)", m.message)
	}
	press(t, m, "esc")

	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the read-only catalogue changed")
	}
}

// The tab bar says "read-only" at every width the dashboard draws, and so
// does the settings view.
func TestReadOnlyIsAlwaysShown(t *testing.T) {
	for _, w := range []int{minWidth, 80, 120, 200} {
		m, _ := readOnlyModel(t, w, 30)
		for _, tab := range []string{"1", "2", "3", "6"} {
			press(t, m, tab)
			top := ansi.Strip(strings.SplitN(m.render(), "\n", 2)[0])
			if !strings.Contains(top, "read-only") || ansi.StringWidth(top) > w {
				t.Errorf("width %d, tab %s: top line %q", w, tab, top)
			}
		}
		press(t, m, ",")
		if screen := ansi.Strip(m.render()); !strings.Contains(screen, "read-only") {
			t.Errorf("width %d: the settings view does not say read-only", w)
		}
	}
	// a writable catalogue says nothing of the kind
	m, _ := openTestModel(t, 160, 45)
	if strings.Contains(ansi.Strip(m.render()), "read-only") {
		t.Error("a writable catalogue is shown as read-only")
	}
}
