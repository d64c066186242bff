package ui

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// reorderKeys are the Reorder pane's own keys (tab 3): the planning fields
// edited in the status bar, and the rounding rule. e (the order quantity),
// u and o are the shared KeyMap's.
type reorderKeys struct {
	LeadTime, CasePack, MOQ, Service, Rounding key.Binding
}

func defaultReorderKeys() reorderKeys {
	return reorderKeys{
		LeadTime: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "lead time")),
		CasePack: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "case pack")),
		MOQ:      key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "MOQ")),
		Service:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "service level")),
		Rounding: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rounding up/nearest/down")),
	}
}

// fieldKey is a key that opens the editor on a planning field.
type fieldKey struct {
	key   key.Binding
	field model.PolicyField
}

// fields are the planning fields the pane's own keys edit in the status bar.
func (k reorderKeys) fields() []fieldKey {
	return []fieldKey{
		{k.LeadTime, model.FieldLeadTime},
		{k.CasePack, model.FieldCasePack},
		{k.MOQ, model.FieldMOQ},
		{k.Service, model.FieldServiceLevel},
	}
}

// policyPrompts name the fields edited in the status bar.
var policyPrompts = map[model.PolicyField]string{
	model.FieldLeadTime:     "Lead time in days (a = the supplier's)",
	model.FieldCasePack:     "Units per case",
	model.FieldMOQ:          "Minimum order quantity",
	model.FieldServiceLevel: "Service level % (a = the ABC class default)",
}

func (p *reorderPane) ownKeys() []key.Binding {
	k := p.keys
	return []key.Binding{k.LeadTime, k.CasePack, k.MOQ, k.Service, k.Rounding}
}

func (p *reorderPane) handleKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	return m.tablePaneKey(&p.pane, msg, func() (tea.Cmd, bool) {
		k := m.keys
		switch {
		case key.Matches(msg, k.Edit):
			return m.startReorderEdit(model.FieldOrderQty), true
		case key.Matches(msg, k.Undo):
			return m.undoLast(), true
		case key.Matches(msg, k.Order):
			return m.askDraftPO(), true
		case key.Matches(msg, p.keys.Rounding):
			return m.cycleRounding(), true
		}
		for _, f := range p.keys.fields() {
			if key.Matches(msg, f.key) {
				return m.startReorderEdit(f.field), true
			}
		}
		return nil, false
	})
}

func (p *reorderPane) hints(m *Model) []key.Binding {
	k, own := m.keys, p.keys
	fields := hintOf("lead/case/MOQ/svc/round", own.LeadTime, own.CasePack, own.MOQ, own.Service, own.Rounding)
	return append([]key.Binding{withDesc(k.Edit, "qty"), k.Order, fields, k.Undo, k.Filter, k.Export}, k.closing()...)
}

func (p *reorderPane) help(m *Model) string {
	k, own := m.keys, p.keys
	return "SKUs to order now, under their supplier with its totals (⚠ when below the minimum order value). A SKU is\n" +
		"listed when its position (available + on order + drafts) is at or below its reorder point, or its order-by day\n" +
		"(stockout − lead time) falls within the review period. The detail shows the working: SS, ROP, S, need, rounding.\n" +
		"\"ROP plans for μ × k\": an uncertain level is raised (k ≤ 2), as SKUs selling above forecast run more cycles.\n" +
		keyList(withDesc(k.Edit, "order quantity (* = yours)"), own.LeadTime, own.CasePack, own.MOQ, own.Service, own.Rounding) + "\n" +
		fmt.Sprintf("%s undoes · %s puts the supplier's shown (or marked) SKUs on its draft purchase order, after %s.",
			keyName(k.Undo), keyName(k.Order), keyName(k.Yes))
}

func (p *reorderPane) body(m *Model, w, h int) string {
	switch {
	case p.view == nil:
		return m.planning(w, h)
	case p.rv != nil && p.rv.Len() == 0:
		return center(m.styles.Title.Render("Nothing to order today")+"\n\n"+
			"No SKU is at or below its reorder point, and none must be ordered within the review period.", w, h)
	}
	return m.tableBody(p.table, func(d rect, side bool) string { return p.detail(m, d, side) })
}

// detail is the cursor SKU's working, or on a supplier's heading its
// group's totals.
func (p *reorderPane) detail(m *Model, d rect, side bool) string {
	in := m.detailInput()
	if in.Row == nil {
		return m.groupDetail(d.w, d.h)
	}
	return m.skuDetail(in, d, side)
}

func (p *reorderPane) rows() *pane { return &p.pane }

func (p *reorderPane) productOf(row int) int64 { return p.rv.Row(row).Item.Product.ID }

func (p *reorderPane) decorate(in *detailInput) { in.Reorder = true }

func (p *reorderPane) layout(w, h int) { p.resizeTable(w, h) }

func (p *reorderPane) editedCell(field model.PolicyField) (*table, int, bool) {
	return p.table, rcolQty, field == model.FieldOrderQty
}

// paneFor and settled: a query result of the pane's table gets its
// supplier headings.
func (p *reorderPane) paneFor(queryMsg) *pane { return &p.pane }
func (p *reorderPane) settled()               { p.addHeadings() }

// startReorderEdit opens the editor on a field of the reorder pane: the
// order quantity in place, the others in the status bar. Like every pane
// editor it opens while a save runs and on a read-only catalogue (see
// startEdit).
func (m *Model) startReorderEdit(field model.PolicyField) tea.Cmd {
	rows := m.takeTargets(m.reorder.table, m.reorder.rv.Row)
	if len(rows) == 0 {
		m.setInfo("Move to a SKU first: a supplier's heading has nothing to edit")
		return nil
	}
	value, placeholder := commonValue(rows, func(r *planner.Row) string { return currentPolicyText(r, field) })
	return m.openEditor(field, placeholder, value)
}

// currentPolicyText is the editor's starting text for a SKU's field.
func currentPolicyText(r *planner.Row, field model.PolicyField) string {
	it := r.Item
	switch field {
	case model.FieldOrderQty:
		return strconv.Itoa(r.Plan.SuggestedQty)
	case model.FieldLeadTime:
		if it.Policy.LeadTimeDays > 0 {
			return trimFloat(it.Policy.LeadTimeDays)
		}
	case model.FieldCasePack:
		return strconv.Itoa(max(it.Product.CasePack, 1))
	case model.FieldMOQ:
		return strconv.Itoa(it.Product.MOQ)
	case model.FieldServiceLevel:
		if r.ServiceLevelManual {
			return trimFloat(100*r.ServiceLevel) + "%"
		}
	}
	return ""
}

// cycleRounding moves the targets' rounding rule to the next one.
func (m *Model) cycleRounding() tea.Cmd {
	if m.writeRefused() {
		return nil
	}
	targets := m.reorder.table.targets()
	if len(targets) == 0 || m.busy() {
		return nil
	}
	rows := make([]*planner.Row, len(targets))
	for k, i := range targets {
		rows[k] = m.reorder.rv.Row(i)
	}
	first, _ := model.ParseRounding(string(rows[0].Item.Policy.Rounding))
	next := map[model.Rounding]model.Rounding{model.RoundUp: model.RoundNearest, model.RoundNearest: model.RoundDown, model.RoundDown: model.RoundUp}[first]
	return m.setField(model.FieldRounding, string(next), rows, shownNow(model.FieldRounding))
}
