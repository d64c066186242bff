package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// The Stock pane (tab 2) has no keys of its own: e edits the reorder
// point and u undoes, the shared KeyMap's keys, which the ? screen lists
// in its grid and its Editing paragraph.

func (p *stockPane) ownKeys() []key.Binding { return nil }

func (p *stockPane) handleKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	return m.tablePaneKey(&p.pane, msg, func() (tea.Cmd, bool) {
		switch {
		case key.Matches(msg, m.keys.Edit):
			return m.startEdit(), true
		case key.Matches(msg, m.keys.Undo):
			return m.undoLast(), true
		}
		return nil, false
	})
}

func (p *stockPane) hints(m *Model) []key.Binding {
	k := m.keys
	return append([]key.Binding{k.Filter, k.Sort, k.Edit, k.Mark, k.Export}, k.closing()...)
}

func (p *stockPane) help(*Model) string { return "" }

func (p *stockPane) body(m *Model, w, h int) string {
	if p.view == nil {
		return m.planning(w, h)
	}
	return m.tableBody(p.table, func(d rect, side bool) string { return p.detail(m, d, side) })
}

func (p *stockPane) detail(m *Model, d rect, side bool) string {
	return m.skuDetail(m.detailInput(), d, side)
}

func (p *stockPane) rows() *pane { return &p.pane }

func (p *stockPane) productOf(row int) int64 { return p.row(row).Item.Product.ID }

func (p *stockPane) decorate(*detailInput) {}

func (p *stockPane) layout(w, h int) { p.resizeTable(w, h) }

func (p *stockPane) editedCell(field model.PolicyField) (*table, int, bool) {
	return p.table, colROP, field == model.FieldReorderPoint
}

// startEdit opens the reorder-point editor on the marked rows, or on the
// cursor row when none are marked, holding their common value. It opens
// while a save is running (enter queues behind it) and on a read-only
// catalogue (enter says it cannot save): typing after e always goes into
// the field, never to the panes.
func (m *Model) startEdit() tea.Cmd {
	rows := m.takeTargets(m.stock.table, m.stock.row)
	if len(rows) == 0 {
		return nil
	}
	value, placeholder := commonValue(rows, func(r *planner.Row) string {
		if r.Plan.ReorderPointManual {
			return strconv.Itoa(r.Plan.ReorderPoint)
		}
		return ""
	})
	return m.openEditor(model.FieldReorderPoint, placeholder, value)
}
