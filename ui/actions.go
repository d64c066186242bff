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
}

// changedMsg reports a change written to the catalogue (a planning edit
// or a purchase-order action) with the affected SKUs read again and the
// snapshot and views that show them, built off the loop from base. A
// planning edit refused because someone else changed its values since
// they were loaded brings conflict (nothing was written) and changes,
// with its SKUs read again all the same; a purchase-order action refused
// so brings conflict and resolve, which says what to do about it.
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
	resolve  func() tea.Cmd
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
	return m.changeOrAsk(ids, orders, write, isUndo, nil)
}

// changeOrAsk is change for a compare-and-set write: refused because what
// it was asked against changed (a *model.ConflictError), its SKUs are read
// and planned again all the same, so the panes show what is stored now,
// and then, in Update, resolve says what to do about it.
func (m *Model) changeOrAsk(ids []int64, orders bool, write func(ctx context.Context) (written, error), isUndo bool,
	resolve func(*model.ConflictError) tea.Cmd) tea.Cmd {
	if m.writeRefused() {
		return nil
	}
	b, base := m.opt.Backend, m.snap
	m.saving = true
	return saveInBackground(func(ctx context.Context) tea.Msg {
		w, err := write(ctx)
		var conflict *model.ConflictError
		if err != nil && (resolve == nil || !errors.As(err, &conflict)) {
			return changedMsg{err: err, isUndo: isUndo}
		}
		r, err := b.Reload(ctx, append(ids, w.touched...), base.AsOf, orders)
		if err != nil {
			return changedMsg{err: err, isUndo: isUndo}
		}
		next, rows := base.WithItems(r.Items, r.Activity)
		msg := changedMsg{info: w.info, undo: w.undo, isUndo: isUndo, reloaded: r, base: base, next: next, rows: rows, views: buildViews(next)}
		if conflict != nil {
			msg.conflict, msg.resolve = conflict, func() tea.Cmd { return resolve(conflict) }
		}
		return msg
	})
}

// changed applies a written change: only the touched rows were planned
// again, every pane is refreshed, and the step joins the undo stack. A
// refused edit shows its SKUs as stored now and asks what to do.
func (m *Model) changed(msg changedMsg) tea.Cmd {
	m.saving, m.lockWaiting = false, false
	if msg.err != nil {
		m.setError(fmt.Sprintf("Not saved: %v", msg.err))
		return nil
	}
	var show tea.Cmd
	if msg.next != nil {
		m.ownWrites++ // rows read after any outside reload still held
		show = m.landed(msg.base, msg.next, msg.rows, msg.views, func(s *planner.Snapshot) (*planner.Snapshot, []int) {
			return s.WithItems(msg.reloaded.Items, msg.reloaded.Activity)
		})
	}
	if msg.resolve != nil { // after show: it asks about the rows as stored now
		return tea.Batch(show, m.suppliers.refresh(m.opt.Backend), msg.resolve())
	}
	if msg.conflict != nil {
		return tea.Batch(show, m.askOverConflict(msg))
	}
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
// order quantity in place, the others in the status bar.
func (m *Model) startReorderEdit(field model.PolicyField) tea.Cmd {
	if m.writeRefused() {
		return nil
	}
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
	return m.openEditor(field, "auto", value)
}

// statusFieldWidth is the width of an editor in the status bar: a
// ten-digit number, and at 80 columns the key hints beside it.
const statusFieldWidth = 10

// openEditor opens the editor on what m.editing names, for a field,
// holding value selected (ui/cell_input.go).
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
	// the SKUs are taken now: a question may stand while the view changes
	field := m.field
	targets := make([]*planner.Row, len(m.editing))
	for k, i := range m.editing {
		targets[k] = m.editRow(i)
	}
	save := func() tea.Cmd {
		m.closeEditor()
		m.setInfo("Saving…")
		return m.setField(field, value, positions(len(targets)), func(k int) *planner.Row { return targets[k] })
	}
	if q, ok := m.policyQuestion(field, value, targets); ok {
		return m.askBeforeSaving(q, save)
	}
	return save()
}

// positions is 0, 1, …, n−1.
func positions(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return p
}

// setField saves one field's value for the SKUs of some view rows.
func (m *Model) setField(field model.PolicyField, value string, rows []int, row func(int) *planner.Row) tea.Cmd {
	changes := make([]model.PolicyChange, len(rows))
	for i, r := range rows {
		it := row(r).Item
		p := it.Product
		// saved only if the catalogue still holds what the row was loaded with
		changes[i] = model.PolicyChange{ProductID: p.ID, SKU: p.SKU, Field: field, Value: value,
			Seen: model.PolicyValue(it, field), Check: true}
	}
	return m.savePolicies(changes, false)
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
	if m.writeRefused() {
		return nil
	}
	rows := m.reorder.table.targets()
	if len(rows) == 0 || m.saving {
		return nil
	}
	first, _ := model.ParseRounding(string(m.reorder.rv.Row(rows[0]).Item.Policy.Rounding))
	next := map[model.Rounding]model.Rounding{model.RoundUp: model.RoundNearest, model.RoundNearest: model.RoundDown, model.RoundDown: model.RoundUp}[first]
	return m.setField(model.FieldRounding, string(next), rows, m.reorder.rv.Row)
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
