package ui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"stockroom/planner"
	"stockroom/store"
)

// TestWriteScreens renders the panes of a catalogue as ANSI text for
// screenshots/generate.sh. It runs only when that script asks for it:
// STOCKROOM_SCREENS names the output folder, STOCKROOM_SCREENS_DB the
// catalogue.
func TestWriteScreens(t *testing.T) {
	dir, db := os.Getenv("STOCKROOM_SCREENS"), os.Getenv("STOCKROOM_SCREENS_DB")
	if dir == "" || db == "" {
		t.Skip("screenshots are written by screenshots/generate.sh")
	}
	st, err := store.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := New(Options{Backend: planner.Backend{Store: st}, Source: filepath.Base(db), ExportDir: t.TempDir()})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	run(t, m, loadCmd(m.opt.Backend))
	// The keys of each shot continue from where the one before left off.
	// The dashboard opens on the overview.
	shots := []struct {
		name string
		keys []string
	}{
		{"overview", []string{"down", "down"}},
		{"stock", []string{"2", "j", "j", "j", "j", "j", "j"}},
		{"stock-filter-edit", []string{"/", "g", "a", "r", "d", "e", "n", "enter", "j", "space", "j", "space", "e", "4", "0"}},
		{"help", []string{"esc", "esc", "?"}},
		{"reorder", []string{"?", "3", "j", "j"}},
		// the first group's suggestions (Ferro Kitchenware's) onto its draft
		// order, which the demo has already started; then that supplier,
		// the ninth by name, and the draft
		{"suppliers", []string{"o", "y", "6", "j", "j", "j", "j", "j", "j", "j", "j"}},
		{"purchase-order", []string{"enter", "enter"}},
		// by category, on Kitchen: a larger share of the stock than of the
		// revenue
		{"assortment", []string{"4", "j", "j", "j", "j", "j"}},
		// largest value first (the sixth column, reversed), a 30% what-if on
		// the two largest
		{"risk", []string{"5", "s", "s", "s", "s", "s", "s", "S", "g", "space", "space", "m", "3", "0", "enter"}},
		{"settings", []string{",", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j"}},
		// the replay of the last 26 weeks, run to its end
		{"replay", []string{"esc", "7"}},
	}
	for _, s := range shots {
		press(t, m, s.keys...)
		out := withProfile(m.render(), colorprofile.TrueColor)
		if err := os.WriteFile(filepath.Join(dir, s.name+".ansi"), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
