package ui

import (
	"context"
	"errors"
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
// else drops it, or, with back, returns to what asked (an editor).
type confirmation struct {
	question string
	short    string // the question for a narrow status bar; "" = question
	run      func() tea.Cmd
	back     func() tea.Cmd
	// no is what any other key leaves in the status bar: what did not
	// happen ("Not saved: …"); "" says "Cancelled"
	no string
}

// changedMsg reports a change written to the catalogue (a planning edit
// or a purchase-order action) with the affected SKUs read again and the
// snapshot and views that show them, built off the loop from base. A
// planning edit refused because someone else changed its values since
// they were loaded brings conflict (nothing was written) and changes,
// with its SKUs read again all the same.
type changedMsg struct {
	info     string
	undo     *undoStep // set for an edit that u can undo
	isUndo   bool
	reloaded planner.Reloaded
	base     *planner.Snapshot
	next     *planner.Snapshot
	rows     []int // rows of next that changed
	views    *paneViews
	conflict *model.ConflictError
	changes  []model.PolicyChange
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
	if m.writeRefused() {
		return nil
	}
	b, base := m.opt.Backend, m.snap
	m.saving = true
	return saveInBackground(func(ctx context.Context) tea.Msg {
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
	})
}

// changed applies a written change: only the touched rows were planned
// again, every pane is refreshed, and the step joins the undo stack. A
// refused edit shows its SKUs as stored now and asks what to do.
func (m *Model) changed(msg changedMsg) tea.Cmd {
	m.saving, m.lockWaiting = false, false
	if msg.err != nil {
		m.setError(fmt.Sprintf("Not saved: %v", msg.err) + m.dropQueue())
		m.savedOwn(m.message, nil)
		return nil
	}
	var show tea.Cmd
	if msg.next != nil {
		m.ownWrites++ // rows read after any outside reload still held
		show = m.landed(msg.base, msg.next, msg.rows, msg.views, func(s *planner.Snapshot) (*planner.Snapshot, []int) {
			return s.WithItems(msg.reloaded.Items, msg.reloaded.Activity)
		})
	}
	if msg.conflict != nil {
		// the rows show what is stored now and the question who wrote it
		m.savedOwn("", ownValues(msg.changes))
		return tea.Batch(show, m.askOverConflict(msg))
	}
	if msg.undo != nil && !msg.isUndo {
		m.undo = append(m.undo, *msg.undo)
		m.unmark(msg.changes) // the marks were the edit's targets
	}
	m.setInfo(msg.info)
	m.savedOwn(msg.info, ownValues(msg.changes))
	m.ownLog = append(m.ownLog, msg.changes...)
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

// statusFieldWidth is the width of an editor in the status bar: a
// ten-digit number, and at 80 columns the key hints beside it.
const statusFieldWidth = 10

// openEditor opens the editor on what m.editIDs (or m.editing, for a
// purchase-order line) names, for a field, holding value selected
// (ui/cell_input.go).
func (m *Model) openEditor(field model.PolicyField, placeholder, value string) tea.Cmd {
	m.field = field
	m.mode = modeEdit
	m.message = ""
	// room in the status bar for a ten-digit number and the whole placeholder
	// (a field of width 0 shows one letter of it); a cell's overlay sets
	// its own width
	m.input.SetWidth(statusFieldWidth)
	return m.input.open(value, placeholder)
}

// statusFieldW is the editor's width in the status bar: a ten-digit
// number, or the whole placeholder.
func (m *Model) statusFieldW() int {
	return max(statusFieldWidth, width(m.input.Placeholder))
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

// savePolicyEdit parses the editor with the field's parser (model's, the
// one `stockroom set` uses) and saves the field for every target, after y
// when the value is implausible for some of them. A value that does not
// parse or is out of range keeps the editor open with what was typed.
func (m *Model) savePolicyEdit() tea.Cmd {
	value, err := model.ParsePolicyValue(m.field, m.input.Value())
	if err != nil {
		m.setError(clean(err.Error()))
		return nil
	}
	// the SKUs are taken by id when the editor opened, and what they hold
	// now is what the PM saw: a save queued behind others compares with
	// it, updated only by what this dashboard's saves before it wrote, so
	// a change by another process that landed meanwhile (shown by the
	// earlier save's conflict, say) is asked about, never overwritten
	field, ids, what := m.field, m.editIDs, fieldLabel(string(m.field))+" of "+m.editTarget()
	seen := map[int64]string{}
	for _, r := range m.editRows() {
		seen[r.Item.Product.ID] = model.PolicyValue(r.Item, field)
	}
	since := len(m.ownLog)
	save := func() tea.Cmd {
		m.closeEditor()
		return m.saveWhenFree(what, func() tea.Cmd {
			rows := m.rowsOf(ids)
			if len(rows) == 0 {
				m.setError("Not saved: the SKUs are no longer in the catalogue")
				return nil
			}
			m.setInfo("Saving…")
			return m.setField(field, value, rows, func(it *model.Item) string {
				v := seen[it.Product.ID]
				for _, c := range m.ownLog[min(since, len(m.ownLog)):] {
					if c.ProductID == it.Product.ID && c.Field == field {
						v = c.Value
					}
				}
				return v
			})
		})
	}
	if q, ok := m.policyQuestion(field, value, m.editRows()); ok {
		return m.askBeforeSaving(q, save)
	}
	return save()
}

// setField saves one field's value for some SKUs, compare-and-set
// against what seen says the PM saw.
func (m *Model) setField(field model.PolicyField, value string, rows []*planner.Row, seen func(*model.Item) string) tea.Cmd {
	changes := make([]model.PolicyChange, len(rows))
	for i, r := range rows {
		it := r.Item
		p := it.Product
		// saved only if the catalogue still holds what the PM saw
		changes[i] = model.PolicyChange{ProductID: p.ID, SKU: p.SKU, Field: field, Value: value,
			Seen: seen(it), Check: true}
	}
	return m.savePolicies(changes, false)
}

// shownNow is what a row holds in the snapshot on screen.
func shownNow(field model.PolicyField) func(*model.Item) string {
	return func(it *model.Item) string { return model.PolicyValue(it, field) }
}

// savePolicies saves planning edits and re-plans their SKUs, through the
// planner's write path. Each change carries what was seen (compare-and-
// set): a change made meanwhile by another process comes back as a
// conflict, and nothing is written.
func (m *Model) savePolicies(changes []model.PolicyChange, isUndo bool) tea.Cmd {
	b, base := m.opt.Backend, m.snap
	m.saving = true
	return saveInBackground(func(ctx context.Context) tea.Msg {
		edit, err := b.SetPolicies(ctx, base, changes)
		msg := changedMsg{isUndo: isUndo, changes: changes, base: base, reloaded: edit.Reloaded, next: edit.Next, rows: edit.Rows}
		if !errors.As(err, &msg.conflict) {
			if err != nil {
				return changedMsg{err: err, isUndo: isUndo}
			}
			msg.info = describePolicyChange(changes, isUndo)
			if undo := edit.Undo(); len(undo) > 0 {
				msg.undo = &undoStep{policies: undo}
			} else if !isUndo { // nothing to take back: say so rather than offer u
				msg.info = strings.Replace(strings.TrimSuffix(msg.info, " · u undoes"), " set to ", " is already ", 1) + ": nothing changed"
			}
		}
		if msg.next != nil {
			msg.views = buildViews(msg.next)
		}
		return msg
	})
}

func describePolicyChange(cs []model.PolicyChange, isUndo bool) string {
	target := cs[0].SKU
	if len(cs) > 1 {
		target = fmt.Sprintf("%d SKUs", len(cs))
	}
	field := cs[0].Field
	what := changedValueText(field, cs[0].Value)
	if field == model.FieldReorderPoint && cs[0].Value != "" {
		what += " (manual)"
	}
	if !isUndo {
		return fmt.Sprintf("%s of %s set to %s · u undoes", upperFirst(fieldLabel(string(field))), target, what)
	}
	for _, c := range cs[1:] {
		if c.Value != cs[0].Value {
			what = "their previous values"
		}
	}
	return fmt.Sprintf("Undone: %s of %s back to %s", fieldLabel(string(field)), target, what)
}

// changedValueText shows a value as the panes do (97.5%, 21 days, 1,200),
// and an empty one as what it means for the field.
func changedValueText(field model.PolicyField, v string) string {
	if v != "" {
		return shownPolicyValue(field, v)
	}
	switch field {
	case model.FieldOrderQty:
		return "the suggestion"
	case model.FieldLeadTime:
		return "the supplier's"
	case model.FieldServiceLevel:
		return "the class default"
	}
	return "automatic"
}

// upperFirst capitalises a message's first letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
	var lines []model.OrderLine
	var ids []int64
	for _, r := range rows {
		row := p.rv.Row(r)
		if row.Plan.SuggestedQty <= 0 {
			continue
		}
		lines = append(lines, model.OrderLine{ProductID: row.Item.Product.ID, Qty: row.Plan.SuggestedQty, UnitCost: row.Item.Product.UnitCost})
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
// quantity (e) or units received now (r). Like every editor it opens
// while a save runs and on a read-only catalogue, so what is typed next
// goes into the field (ui/edit.go says what enter does then).
func (m *Model) startLineEdit(receive bool) tea.Cmd {
	p := m.suppliers
	i, ok := p.lines.table.current()
	if !ok || i >= len(p.order.Lines) {
		return nil
	}
	l := p.order.Lines[i]
	m.editing = []int{i}
	if receive {
		return m.openEditor(fieldPOReceive, "", strconv.Itoa(l.Outstanding()))
	}
	return m.openEditor(fieldPOQty, "", strconv.Itoa(l.Qty))
}

// saveLineEdit reads a line's quantity or receipt through model's number
// reader and range, refuses a receipt above what is outstanding, asks y
// for an implausible quantity, and saves.
func (m *Model) saveLineEdit() tea.Cmd {
	p := m.suppliers
	l := p.order.Lines[m.editing[0]]
	receive := m.field == fieldPOReceive
	name, rng := "quantity", model.UnitsRange
	if receive {
		name, rng = "received", model.ReceiptRange
	}
	n, err := model.ReadQuantity(name, m.input.Value(), rng)
	if err == nil && receive && n > l.Outstanding() {
		err = fmt.Errorf("received %s: only %s outstanding on this line", groupInt(int64(n)), count(l.Outstanding(), "unit"))
	}
	if err != nil {
		m.setError(clean(err.Error()))
		return nil
	}
	if !receive {
		if q, ok := m.lineQuestion(l, n); ok {
			return m.askBeforeSaving(q, func() tea.Cmd { return m.saveLine(l, n, false) })
		}
	}
	return m.saveLine(l, n, receive)
}

// saveLine writes a line's new quantity, or n units received now.
func (m *Model) saveLine(l model.POLine, n int, receive bool) tea.Cmd {
	p := m.suppliers
	id, b, on := p.order.ID, m.opt.Backend, m.today()
	m.closeEditor()
	return m.change([]int64{l.ProductID}, true, func(ctx context.Context) (written, error) {
		if receive {
			done, err := b.ReceivePO(ctx, id, []model.POReceipt{{ProductID: l.ProductID, Qty: n}}, on)
			info := fmt.Sprintf("Received %s of %s on PO #%d", groupInt(int64(n)), l.SKU, id)
			if done {
				info += ": the order is complete"
			}
			return written{info: info}, err
		}
		prev, err := b.SetPOLineQty(ctx, id, l.ProductID, n)
		return written{info: fmt.Sprintf("PO #%d: %s from %s to %s", id, l.SKU, groupInt(int64(prev)), groupInt(int64(n)))}, err
	}, false)
}

// busy says so when a change is still being saved: changes go one at a
// time, so each is planned on the snapshot the last one left. On a
// read-only catalogue nothing can be saved at all.
func (m *Model) busy() bool {
	if m.writeRefused() {
		return true
	}
	switch {
	case m.lockWaiting:
		m.setError(waitingText)
	case m.saving:
		m.setError("Still saving the last change…")
	}
	return m.saving
}

// undoLast takes back the newest edit: the step leaves the stack whatever
// comes of it. Values someone else changed since are left as they are
// (undo restores only what is still this dashboard's): with none left it
// says who changed them, with some it asks before undoing the rest.
func (m *Model) undoLast() tea.Cmd {
	if m.writeRefused() {
		return nil
	}
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
