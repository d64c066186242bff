package ui

import (
	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// pane is a table's state on a tab: the view it shows, the table drawing
// it, and the query (filter and sort) whose results come back in the
// background. A tab (tabPane, ui/panes.go) holds one or more (the
// Suppliers pane one per screen); the root model routes their results.
type pane struct {
	tab   int
	view  planner.View
	table *table
	query planner.Query

	// sorted is every row in the current sort order; filtering narrows it.
	sorted     []int
	sortedBy   string
	sortedDesc bool
	gen        int  // bumped per query; older results are dropped
	querying   bool // a query of the current view is on its way
	// stale is set when the view changed while the pane was not on screen:
	// it is queried again when shown
	stale bool
	memo  filterMemo
	follow
}

// replaceView shows a new view, or none while one is read (nil); rows
// listed in changed are redrawn, all when changed is nil. Queries of the
// old view still on their way are dropped and the next filter sorts
// afresh: the old view's row numbers and order are not the new one's.
func (p *pane) replaceView(v planner.View, changed []int) {
	p.view = v
	p.gen++
	p.querying = false // any on its way was of the old view
	p.sorted = nil
	p.memo.forget()
	if v == nil {
		p.table.setIndex(nil)
		return
	}
	p.table.setView(v, changed)
}

// runQuery sorts and filters in the background, after a load, a sort
// change or an edit that may reorder rows.
func (p *pane) runQuery() tea.Cmd {
	if p.view == nil {
		return nil
	}
	p.gen++
	p.querying = true
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
	p.querying = true
	if rows, ok := p.memo.recall(p.sorted, p.query.Group, p.query.Filter); ok {
		msg := queryMsg{tab: p.tab, gen: p.gen, view: p.view, sorted: p.sorted, sortedBy: p.sortedBy, desc: p.sortedDesc,
			index: rows, filter: p.query.Filter, group: p.query.Group}
		return func() tea.Msg { return msg }
	}
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
	p.querying = false
	p.sorted, p.sortedBy, p.sortedDesc = msg.sorted, msg.sortedBy, msg.desc
	p.memo.remember(msg.sorted, msg.group, msg.filter, msg.index)
	p.table.setIndex(msg.index)
	return true
}

// settle finishes a query result: the cursor and marks return to their rows.
func (p *pane) settle() { p.restore() }

// follow keeps the cursor and the marks on the same rows (by key: a
// product, a purchase order) when a pane's view is rebuilt with its rows in
// a new order, as the reorder view is after every edit.
type follow struct {
	key    func(row int) int64 // the identity of a view row; nil: rows keep their indexes
	cursor int64
	pos    int // the cursor's position, kept when its row has gone
	marked []int64
	armed  bool
}

// remember notes the cursor's and the marked rows' keys before the view is
// replaced.
func (p *pane) remember() {
	f := &p.follow
	f.armed = false
	if f.key == nil || p.view == nil {
		return
	}
	if r, ok := p.table.current(); ok {
		f.cursor, f.pos, f.armed = f.key(r), p.table.cursor, true
	}
	f.marked = f.marked[:0]
	for r := range p.table.marked {
		f.marked = append(f.marked, f.key(r))
	}
	clear(p.table.marked)
}

// restore puts the cursor and the marks back on their rows in the new
// index.
func (p *pane) restore() {
	f := &p.follow
	if f.key == nil || !f.armed {
		return
	}
	f.armed = false
	t := p.table
	t.cursor = min(f.pos, len(t.index)-1)
	want := make(map[int64]bool, len(f.marked))
	for _, k := range f.marked {
		want[k] = true
	}
	for pos, r := range t.index {
		k := f.key(r)
		if k == f.cursor {
			t.cursor = pos
			if len(want) == 0 {
				break // nothing else to find: most edits mark nothing
			}
		}
		if r >= 0 && want[k] {
			t.marked[r] = true
		}
	}
	t.clamp()
}
