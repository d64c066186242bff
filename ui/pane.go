package ui

import (
	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// pane is one table tab's state: the view it shows, the table drawing it,
// and the query (filter and sort) whose results come back in the
// background. Panes have no Update of their own; the root model routes.
type pane struct {
	tab   int
	view  planner.View
	table *table
	query planner.Query

	// sorted is every row in the current sort order; filtering narrows it.
	sorted     []int
	sortedBy   string
	sortedDesc bool
	gen        int // bumped per query; older results are dropped
	// stale is set when the view changed while the pane was not on screen:
	// it is queried again when shown
	stale bool
}

// runQuery sorts and filters in the background, after a load, a sort
// change or an edit that may reorder rows.
func (p *pane) runQuery() tea.Cmd {
	if p.view == nil {
		return nil
	}
	p.gen++
	return queryCmd(p.tab, p.gen, p.view, p.query, nil, nil)
}

// runFilter narrows from the rows shown when the filter only got longer.
func (p *pane) runFilter(prev string) tea.Cmd {
	if p.view == nil {
		return nil
	}
	if p.sorted == nil || p.sortedBy != p.query.Sort || p.sortedDesc != p.query.Desc {
		return p.runQuery()
	}
	p.gen++
	var narrow []int
	if planner.Narrows(prev, p.query.Filter) {
		narrow = p.table.rows()
	}
	return queryCmd(p.tab, p.gen, p.view, p.query, p.sorted, narrow)
}

// queried takes a finished query; false when a newer one is on its way.
func (p *pane) queried(msg queryMsg) bool {
	if msg.gen != p.gen {
		return false
	}
	p.sorted, p.sortedBy, p.sortedDesc = msg.sorted, msg.sortedBy, msg.desc
	p.table.setIndex(msg.index)
	return true
}

// paneOf is the table pane of a tab, nil for tabs without one.
func (m *Model) paneOf(tab int) *pane {
	switch tab {
	case stockTab:
		return &m.stock.pane
	case reorderTab:
		return &m.reorder.pane
	case suppliersTab:
		return m.suppliers.active()
	}
	return nil
}

// active is the table pane on screen, nil for tabs without one.
func (m *Model) active() *pane { return m.paneOf(m.tab) }
