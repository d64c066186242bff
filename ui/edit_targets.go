package ui

import (
	"fmt"
	"slices"

	"stockroom/model"
	"stockroom/planner"
)

// A pane editor (Stock e, Reorder e/L/c/M/v, Risk m) edits the marked rows
// of its pane, or the cursor's. They are taken by product id when the
// editor opens: a snapshot landing under the open editor (the save before
// it, new forecasts) rebuilds the views, and a view row number could then
// name another SKU.

// takeTargets notes the SKUs an editor opened on the table edits, and how
// many of the marked ones the filter hides; it returns their rows.
func (m *Model) takeTargets(t *table, row func(int) *planner.Row) []*planner.Row {
	targets := t.targets()
	rows := make([]*planner.Row, len(targets))
	m.editIDs = make([]int64, len(targets))
	for k, i := range targets {
		rows[k] = row(i)
		m.editIDs[k] = rows[k].Item.Product.ID
	}
	m.editHidden = 0
	if len(t.marked) > 0 {
		shown := 0
		for _, r := range t.index {
			if r >= 0 && t.marked[r] {
				shown++
			}
		}
		m.editHidden = len(t.marked) - shown
	}
	return rows
}

// editRows are the rows of the SKUs being edited in the current snapshot;
// a SKU gone from it (deleted by another process) is left out.
func (m *Model) editRows() []*planner.Row {
	return m.rowsOf(m.editIDs)
}

// rowsOf are the rows of some SKUs in the current snapshot, in their
// order; a SKU gone from it is left out.
func (m *Model) rowsOf(ids []int64) []*planner.Row {
	rows := make([]*planner.Row, 0, len(ids))
	for _, id := range ids {
		if i := m.snap.RowOf(id); i >= 0 {
			rows = append(rows, m.snap.Rows[i])
		}
	}
	return rows
}

// editTarget names what the editor edits: a SKU, or "2 marked SKUs, 1
// hidden by the filter", so a bulk edit never surprises with rows the PM
// cannot see.
func (m *Model) editTarget() string {
	rows := m.editRows()
	if len(m.editIDs) == 1 && len(rows) == 1 {
		return clean(rows[0].Item.Product.SKU)
	}
	s := fmt.Sprintf("%d marked SKUs", len(m.editIDs))
	if m.editHidden > 0 {
		s += fmt.Sprintf(", %d hidden by the filter", m.editHidden)
	}
	return s
}

// valuesDiffer is the placeholder of a bulk editor whose SKUs hold
// different values: it opens empty, and saves nothing unless typed in.
const valuesDiffer = "values differ"

// commonValue is the editor's starting text for several SKUs: their value
// when they all hold the same one, else "" and the placeholder saying
// they differ. A single SKU's own value, or "" and auto, opens likewise.
func commonValue(rows []*planner.Row, text func(*planner.Row) string) (value, placeholder string) {
	for k, r := range rows {
		v := text(r)
		if k == 0 {
			value = v
		} else if v != value {
			return "", valuesDiffer
		}
	}
	return value, "auto"
}

// unmark takes the marks off the SKUs an edit saved, on the pane on
// screen: marks the PM set since, for the next edit while this one was
// saving or queued, stay.
func (m *Model) unmark(changes []model.PolicyChange) {
	p := m.active()
	if p == nil {
		return
	}
	saved := make(map[int64]bool, len(changes))
	for _, c := range changes {
		saved[c.ProductID] = true
	}
	sp, ok := m.current().(skuPane)
	if !ok {
		clear(p.table.marked)
		return
	}
	if p.view != nil {
		for r := range p.table.marked {
			if saved[sp.productOf(r)] {
				delete(p.table.marked, r)
			}
		}
	}
	// a rebuilt view holds its marks by product until its rows arrive
	p.follow.marked = slices.DeleteFunc(p.follow.marked, func(id int64) bool { return saved[id] })
}
