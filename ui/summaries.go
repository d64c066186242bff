package ui

import (
	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// built records which snapshot a pane's view was built from and which one
// a build is on its way for, so a pane off screen is not rebuilt after
// every edit and a pane on screen is rebuilt once.
type built struct {
	from, asked *planner.Snapshot
}

// want reports whether a view of s still has to be asked for, and notes
// that it is being asked.
func (b *built) want(s *planner.Snapshot) bool {
	if b.from == s || b.asked == s {
		return false
	}
	b.asked = s
	return true
}

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
	switch m.tab {
	case overviewTab:
		if m.overview.built.want(s) {
			return overviewCmd(s)
		}
	case riskTab:
		if m.risk.built.want(s) {
			return riskViewCmd(s, m.risk.whatIf)
		}
	case assortmentTab:
		if m.assortment.built.want(s) {
			return assortmentViewCmd(s, m.assortment.by)
		}
	}
	return nil
}
