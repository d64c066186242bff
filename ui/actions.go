package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// undoStep is one edit that u can take back: per-SKU planning fields,
// holding the values from before the edit.
type undoStep struct {
	policies []model.PolicyChange
}

// confirmation is a question the status bar asks; y runs it, anything
// else drops it.
type confirmation struct {
	question string
	run      func() tea.Cmd
}

// changedMsg reports a change written to the catalogue (a planning edit
// or a purchase-order action) with the affected SKUs read again and the
// snapshot and views that show them, built off the loop from base.
type changedMsg struct {
	info     string
	undo     *undoStep // set for an edit that u can undo
	isUndo   bool
	reloaded planner.Reloaded
	base     *planner.Snapshot
	next     *planner.Snapshot
	rows     []int // rows of next that changed
	views    *paneViews
	err      error
}

// paneViews are the views built from a snapshot besides the stock view.
type paneViews struct {
	reorder   *planner.ReorderView
	suppliers *planner.SuppliersView
}

func buildViews(s *planner.Snapshot) *paneViews {
	rv := s.Reorder()
	return &paneViews{reorder: rv, suppliers: s.Suppliers(rv)}
}

// written is what a write reports: a message, the undo step if it has
// one, and the SKUs it touched beyond those known before it ran.
type written struct {
	info    string
	undo    *undoStep
	touched []int64
}

// change runs a write, reads the SKUs it touched and plans them again,
// all off the loop; orders says the write touched purchase orders, so the
// suppliers' activity is read again too.
func (m *Model) change(ids []int64, orders bool, write func(ctx context.Context) (written, error), isUndo bool) tea.Cmd {
	b, base := m.opt.Backend, m.snap
	m.saving = true
	return func() tea.Msg {
		ctx := context.Background()
		w, err := write(ctx)
		if err != nil {
			return changedMsg{err: err, isUndo: isUndo}
		}
		r, err := b.Reload(ctx, append(ids, w.touched...), base.AsOf, orders)
		if err != nil {
			return changedMsg{err: err, isUndo: isUndo}
		}
		next, rows := base.WithItems(r.Items, r.Activity)
		return changedMsg{info: w.info, undo: w.undo, isUndo: isUndo, reloaded: r, base: base, next: next, rows: rows, views: buildViews(next)}
	}
}

// changed applies a written change: only the touched rows were planned
// again, every pane is refreshed, and the step joins the undo stack.
func (m *Model) changed(msg changedMsg) tea.Cmd {
	m.saving = false
	if msg.err != nil {
		m.setError(fmt.Sprintf("Not saved: %v", msg.err))
		return nil
	}
	show := m.landed(msg.base, msg.next, msg.rows, msg.views, func(s *planner.Snapshot) (*planner.Snapshot, []int) {
		return s.WithItems(msg.reloaded.Items, msg.reloaded.Activity)
	})
	if msg.undo != nil && !msg.isUndo {
		m.undo = append(m.undo, *msg.undo)
		if p := m.active(); p != nil {
			clear(p.table.marked) // the marks were the edit's targets
		}
	}
	m.setInfo(msg.info)
	return tea.Batch(show, m.suppliers.refresh(m.opt.Backend))
}

// landed shows the snapshot a command planned from base, or, when
// forecasts landed meanwhile, applies the change again to the current one.
func (m *Model) landed(base, next *planner.Snapshot, rows []int, views *paneViews, again func(*planner.Snapshot) (*planner.Snapshot, []int)) tea.Cmd {
	if base != m.snap {
		next, rows = again(m.snap)
		views = nil
	}
	return m.setSnapshot(next, rows, views)
}

// today is the day purchase-order actions are dated: the real date, as
// sending and receiving happen now whatever day the plan looks at.
func (m *Model) today() model.Day { return model.DayOf(m.opt.Now()) }

// policyEdits are the reorder pane's per-SKU fields, by key.
var policyEdits = map[string]struct {
	field  model.PolicyField
	prompt string
}{
	"L": {model.FieldLeadTime, "Lead time in days (a = the supplier's)"},
	"c": {model.FieldCasePack, "Units per case"},
	"M": {model.FieldMOQ, "Minimum order quantity"},
	"v": {model.FieldServiceLevel, "Service level % (a = the ABC class default)"},
}

// startReorderEdit opens the editor on a field of the reorder pane: the
// order quantity in place (field ""), the others in the status bar.
func (m *Model) startReorderEdit(field model.PolicyField) tea.Cmd {
	if m.saving {
		m.setError("Still saving the last edit…")
		return nil
	}
	m.editing = m.reorder.table.targets()
	if len(m.editing) == 0 {
		m.setInfo("Move to a SKU first: a supplier's heading has nothing to edit")
		return nil
	}
	value := ""
	if len(m.editing) == 1 {
		value = currentPolicyText(m.reorder.rv.Row(m.editing[0]), field)
	}
	return m.openEditor(field, 12, "auto", value)
}

// openEditor opens the text field on what m.editing names, for a field
// ("" is the reorder point), starting at value.
func (m *Model) openEditor(field model.PolicyField, limit int, placeholder, value string) tea.Cmd {
	m.field = field
	m.mode = modeEdit
	m.input.CharLimit = limit
	m.input.Placeholder = placeholder
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.message = ""
	return m.input.Focus()
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

// savePolicyEdit parses the editor and saves the field for every target.
func (m *Model) savePolicyEdit() tea.Cmd {
	value, err := model.ParsePolicyValue(m.field, m.input.Value())
	if err != nil {
		m.setError(err.Error())
		return nil
	}
	m.mode = modeNormal
	m.input.Blur()
	m.setInfo("Saving…")
	return m.setField(m.field, value, m.editing, m.reorder.rv.Row)
}

// setField saves one field's value for the SKUs of some view rows.
func (m *Model) setField(field model.PolicyField, value string, rows []int, row func(int) *planner.Row) tea.Cmd {
	changes := make([]model.PolicyChange, len(rows))
	for i, r := range rows {
		p := row(r).Item.Product
		changes[i] = model.PolicyChange{ProductID: p.ID, SKU: p.SKU, Field: field, Value: value}
	}
	return m.savePolicies(changes, false)
}

// savePolicies saves planning edits and re-plans their SKUs.
func (m *Model) savePolicies(changes []model.PolicyChange, isUndo bool) tea.Cmd {
	b := m.opt.Backend
	ids := make([]int64, len(changes))
	for i, c := range changes {
		ids[i] = c.ProductID
	}
	return m.change(ids, false, func(ctx context.Context) (written, error) {
		prev, err := b.SetPolicies(ctx, changes)
		if err != nil {
			return written{}, err
		}
		return written{info: describePolicyChange(changes, isUndo), undo: &undoStep{policies: prev}}, nil
	}, isUndo)
}

func describePolicyChange(cs []model.PolicyChange, isUndo bool) string {
	target := cs[0].SKU
	if len(cs) > 1 {
		target = fmt.Sprintf("%d SKUs", len(cs))
	}
	if cs[0].Field == model.FieldReorderPoint {
		what := "automatic"
		if n, err := strconv.Atoi(cs[0].Value); err == nil {
			what = groupInt(int64(n)) + " (manual)"
		}
		if !isUndo {
			return fmt.Sprintf("Reorder point of %s set to %s · u undoes", target, what)
		}
		if len(cs) > 1 {
			what = "their previous values"
		}
		return fmt.Sprintf("Undone: reorder point of %s back to %s", target, what)
	}
	field := strings.ReplaceAll(string(cs[0].Field), "_", " ")
	if isUndo {
		return fmt.Sprintf("Undone: %s of %s back to the previous value", field, target)
	}
	value := cs[0].Value
	if value == "" {
		value = "automatic"
	}
	return fmt.Sprintf("%s of %s set to %s · u undoes", field, target, value)
}

// cycleRounding moves the targets' rounding rule to the next one.
func (m *Model) cycleRounding() tea.Cmd {
	rows := m.reorder.table.targets()
	if len(rows) == 0 || m.saving {
		return nil
	}
	first, _ := model.ParseRounding(string(m.reorder.rv.Row(rows[0]).Item.Policy.Rounding))
	next := map[model.Rounding]model.Rounding{model.RoundUp: model.RoundNearest, model.RoundNearest: model.RoundDown, model.RoundDown: model.RoundUp}[first]
	return m.setField(model.FieldRounding, string(next), rows, m.reorder.rv.Row)
}

// askDraftPO asks to put the cursor's supplier's shown (or marked)
// suggestions on its draft purchase order.
func (m *Model) askDraftPO() tea.Cmd {
	if m.busy() {
		return nil
	}
	p := m.reorder
	g, ok := p.currentGroup()
	if !ok {
		return nil
	}
	grp := p.rv.Groups()[g]
	if grp.SupplierID == 0 {
		m.setError("These SKUs have no supplier to order from: import products with a supplier column first")
		return nil
	}
	rows := p.groupRows(g)
	var lines []planner.POLine
	var ids []int64
	for _, r := range rows {
		row := p.rv.Row(r)
		if row.Plan.SuggestedQty <= 0 {
			continue
		}
		lines = append(lines, planner.POLine{ProductID: row.Item.Product.ID, Qty: row.Plan.SuggestedQty, UnitCost: row.Item.Product.UnitCost})
		ids = append(ids, row.Item.Product.ID)
	}
	if len(lines) == 0 {
		m.setInfo("Nothing to order: every quantity shown is 0")
		return nil
	}
	tot := p.rv.Totals(rows)
	q := fmt.Sprintf("Draft PO to %s: %s, %s, %s", clean(grp.Supplier), count(len(lines), "SKU"), count(tot.Units, "unit"), formatMoney(tot.Value, grp.Currency))
	if grp.BelowMinimum(tot.Value) {
		q += " (below the minimum order " + formatMoney(grp.MinOrderValue, grp.Currency) + ")"
	}
	b, on, supplier := m.opt.Backend, m.today(), grp.Supplier
	m.confirm = &confirmation{question: q + "?", run: func() tea.Cmd {
		return m.change(ids, true, func(ctx context.Context) (written, error) {
			id, err := b.CreateDraftPO(ctx, grp.SupplierID, lines, on)
			if err != nil {
				return written{}, err
			}
			what := fmt.Sprintf("Draft PO #%d", id)
			// the lines join the supplier's open draft, if it has one: say
			// which, so its older created day is no surprise
			if po, err := b.PurchaseOrder(ctx, id); err == nil && po.Created.Valid() && po.Created != on {
				what = fmt.Sprintf("Added to draft PO #%d of %s", id, po.Created)
			}
			return written{info: fmt.Sprintf("%s to %s: %s · review and send it in 6 Suppliers", what, clean(supplier), count(len(lines), "line"))}, nil
		}, false)
	}}
	return nil
}

// poAction runs a purchase-order action on the order under the cursor of
// the suppliers tab, reading its lines first to know which SKUs change.
func (m *Model) poAction(verb string) tea.Cmd {
	if m.busy() {
		return nil
	}
	o, ok := m.suppliers.currentOrder()
	if !ok {
		return nil
	}
	b, on := m.opt.Backend, m.today()
	run := func() tea.Cmd {
		return m.change(nil, true, func(ctx context.Context) (written, error) {
			// the order's lines say which SKUs change; read in the command
			po, err := b.PurchaseOrder(ctx, o.ID)
			if err != nil {
				return written{}, err
			}
			w := written{}
			for _, l := range po.Lines {
				w.touched = append(w.touched, l.ProductID)
			}
			switch verb {
			case "send":
				exp, err := b.SendPO(ctx, o.ID, on)
				w.info = fmt.Sprintf("PO #%d sent, expected %s", o.ID, exp)
				return w, err
			case "receive":
				w.info = fmt.Sprintf("PO #%d received in full: stock raised", o.ID)
				return w, b.ReceivePOInFull(ctx, o.ID, on)
			}
			w.info = fmt.Sprintf("PO #%d cancelled", o.ID)
			return w, b.CancelPO(ctx, o.ID)
		}, false)
	}
	q := map[string]string{
		"send":    "Mark PO #%d to %s sent (expected a lead time from today)?",
		"receive": "Receive everything outstanding on PO #%d from %s into stock?",
		"cancel":  "Cancel PO #%d to %s?",
	}[verb]
	m.confirm = &confirmation{question: fmt.Sprintf(q, o.ID, clean(o.Supplier)), run: run}
	return nil
}

// startLineEdit opens the editor on a line of the order shown: its
// quantity (e) or units received now (r).
func (m *Model) startLineEdit(receive bool) tea.Cmd {
	if m.busy() {
		return nil
	}
	p := m.suppliers
	i, ok := p.lines.table.current()
	if !ok || i >= len(p.order.Lines) {
		return nil
	}
	l := p.order.Lines[i]
	m.editing = []int{i}
	if receive {
		return m.openEditor("po_receive", 9, "", strconv.Itoa(l.Outstanding()))
	}
	return m.openEditor("po_qty", 9, "", strconv.Itoa(l.Qty))
}

func (m *Model) saveLineEdit() tea.Cmd {
	p := m.suppliers
	n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(m.input.Value()), ",", ""))
	if err != nil || n < 0 {
		m.setError(fmt.Sprintf("%q is not a quantity: type a whole number ≥ 0", m.input.Value()))
		return nil
	}
	l := p.order.Lines[m.editing[0]]
	id, b, on := p.order.ID, m.opt.Backend, m.today()
	receive := m.field == "po_receive"
	m.mode = modeNormal
	m.input.Blur()
	return m.change([]int64{l.ProductID}, true, func(ctx context.Context) (written, error) {
		if receive {
			done, err := b.ReceivePO(ctx, id, []planner.POReceipt{{ProductID: l.ProductID, Qty: n}}, on)
			info := fmt.Sprintf("Received %s of %s on PO #%d", groupInt(int64(n)), l.SKU, id)
			if done {
				info += ": the order is complete"
			}
			return written{info: info}, err
		}
		prev, err := b.SetPOLineQty(ctx, id, l.ProductID, n)
		return written{info: fmt.Sprintf("PO #%d: %s from %d to %d", id, l.SKU, prev, n)}, err
	}, false)
}

// busy says so when a change is still being saved: changes go one at a
// time, so each is planned on the snapshot the last one left.
func (m *Model) busy() bool {
	if m.saving {
		m.setError("Still saving the last change…")
	}
	return m.saving
}

// undoLast takes back the newest edit.
func (m *Model) undoLast() tea.Cmd {
	if m.saving {
		m.setError("Still saving the last edit…")
		return nil
	}
	if len(m.undo) == 0 {
		m.setInfo("Nothing to undo")
		return nil
	}
	last := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	m.setInfo("Undoing…")
	return m.savePolicies(last.policies, true)
}
