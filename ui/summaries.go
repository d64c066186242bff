package ui

import (
	"weak"

	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// built records which snapshot a pane's view was built from and which one
// a build is on its way for, so a pane off screen is not rebuilt after
// every edit and a pane on screen is rebuilt once. It holds them weakly:
// a record of which plan a view came from must not keep that plan alive
// once a newer one replaced it (issue 15: a settings change on the Stock
// pane kept the whole old catalogue in memory through the Overview's
// record).
type built struct {
	from, asked weak.Pointer[planner.Snapshot]
}

// want reports whether a view of s still has to be asked for, and notes
// that it is being asked.
func (b *built) want(s *planner.Snapshot) bool {
	w := weak.Make(s)
	if b.from == w || b.asked == w {
		return false
	}
	b.asked = w
	return true
}

// builtFrom notes that the pane's view is now of s.
func (b *built) builtFrom(s *planner.Snapshot) { b.from = weak.Make(s) }

// summaryCmd builds the overview, risk or assortment view of the current
// snapshot when that pane is on screen and shows an older one. These
// views sum every SKU (40–50 ms at 100,000): an edit on another pane does
// not wait for them, and a pane shows its last view until the new one
// lands.
func (m *Model) summaryCmd() tea.Cmd {
	s := m.snap
	if s == nil {
		return nil
	}
	if p, ok := m.current().(summaryPane); ok {
		return p.summaryCmd(s)
	}
	return nil
}
