package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Round 2 of issue 12: once a cell editor had been opened, the filter kept
// the cell's width and showed about five characters ("/ lter", "/ s").
func TestFilterFieldHasItsOwnWidth(t *testing.T) {
	for _, size := range [][2]int{{160, 45}, {80, 24}} {
		m, _ := newTestModel(t, size[0], size[1])
		press(t, m, "e", "esc") // the editor in the reorder-point cell
		screen(m)
		press(t, m, "/")
		if s := lastLine(screen(m)); !strings.Contains(s, "/ sku, name, category, supplier") {
			t.Errorf("%dx%d: the placeholder should show whole: %q", size[0], size[1], s)
		}
		typeText(t, m, "tiger garden long filter")
		if s := lastLine(screen(m)); !strings.Contains(s, "/ tiger garden long filter") {
			t.Errorf("%dx%d: the filter should show whole: %q", size[0], size[1], s)
		}
		// a resize keeps it whole, and a filter longer than the bar shows its end
		m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
		typeText(t, m, " and then some more words to scroll")
		if s := lastLine(screen(m)); !strings.Contains(s, "more words to scroll") || len([]rune(s)) > 60 {
			t.Errorf("60 columns: %q", s)
		}
	}
}
