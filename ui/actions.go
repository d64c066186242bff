package ui

import (
	"context"
	"errors"
	"fmt"
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

// written is what a purchase-order write reports: a message, and the
// SKUs it touched beyond those known before it ran.
type written struct {
	info    string
	touched []int64
}

// changeOrAsk runs a purchase-order write, compare-and-set, then reads the
// SKUs it touched and the suppliers' activity again and plans them, all
// off the loop. Refused because what it was asked against changed (a
// *model.ConflictError), its SKUs are read and planned again all the same,
// so the panes show what is stored now, and then, in Update, resolve says
// what to do about it.
func (m *Model) changeOrAsk(ids []int64, write func(ctx context.Context) (written, error), resolve func(*model.ConflictError) tea.Cmd) tea.Cmd {
	if m.writeRefused() {
		return nil
	}
	b, base := m.opt.Backend, m.snap
	m.saving = true
	return saveInBackground(func(ctx context.Context) tea.Msg {
		w, err := write(ctx)
		var conflict *model.ConflictError
		if err != nil && !errors.As(err, &conflict) {
			return changedMsg{err: err}
		}
		r, err := b.Reload(ctx, append(ids, w.touched...), base.AsOf, true)
		if err != nil {
			return changedMsg{err: err}
		}
		next, rows := base.WithItems(r.Items, r.Activity)
		msg := changedMsg{info: w.info, reloaded: r, base: base, next: next, rows: rows, views: buildViews(next)}
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
		m.notDone(fmt.Sprintf("Not saved: %v", msg.err) + m.dropQueue())
		m.savedOwn(m.message, nil)
		return nil
	}
	var show tea.Cmd
	if msg.next != nil {
		m.replayOutdated("the catalogue was edited")
		m.ownWrites++ // rows read after any outside reload still held
		show = m.landed(msg.base, msg.next, msg.rows, msg.views, func(s *planner.Snapshot) (*planner.Snapshot, []int) {
			return s.WithItems(msg.reloaded.Items, msg.reloaded.Activity)
		})
	}
	if msg.conflict != nil {
		m.showedConflicts(msg.conflict)
	}
	if msg.resolve != nil { // after show: it asks about the rows as stored now
		return tea.Batch(show, m.suppliers.refresh(m.opt.Backend), msg.resolve())
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
	m.savedOwn(m.message, ownValues(msg.changes))
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
				m.notDone("Not saved: the SKUs are no longer in the catalogue")
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
	undoes := " · " + keyName(m.keys.Undo) + " undoes" // read here: the save runs off the loop
	m.saving = true
	return saveInBackground(func(ctx context.Context) tea.Msg {
		edit, err := b.SetPolicies(ctx, base, changes)
		msg := changedMsg{isUndo: isUndo, changes: changes, base: base, reloaded: edit.Reloaded, next: edit.Next, rows: edit.Rows}
		if !errors.As(err, &msg.conflict) {
			if err != nil {
				return changedMsg{err: err, isUndo: isUndo}
			}
			undo := edit.Undo()
			msg.info = describePolicyChange(changes, len(undo), isUndo, undoes)
			if len(undo) > 0 {
				msg.undo = &undoStep{policies: undo}
			} else if !isUndo { // nothing to take back: say so rather than offer u
				msg.info = strings.Replace(strings.TrimSuffix(msg.info, undoes), " set to ", " is already ", 1) + ": nothing changed"
			}
		}
		if msg.next != nil {
			msg.views = buildViews(msg.next)
		}
		return msg
	})
}

// describePolicyChange says what an edit did; changed counts the SKUs
// whose value it changed (the others held it already), undoes ends it
// (" · u undoes").
func describePolicyChange(cs []model.PolicyChange, changed int, isUndo bool, undoes string) string {
	target := cs[0].SKU
	if len(cs) > 1 {
		target = fmt.Sprintf("%d SKUs", len(cs))
	}
	rest := ""
	if !isUndo && changed > 0 && changed < len(cs) {
		target = fmt.Sprintf("%d of %d SKUs", changed, len(cs))
		rest = "; the other already was"
		if n := len(cs) - changed; n > 1 {
			rest = fmt.Sprintf("; the other %d already were", n)
		}
	}
	field := cs[0].Field
	what := changedValueText(field, cs[0].Value)
	if field == model.FieldReorderPoint && cs[0].Value != "" {
		what += " (manual)"
	}
	if !isUndo {
		return fmt.Sprintf("%s of %s set to %s%s%s", upperFirst(fieldLabel(string(field))), target, what, rest, undoes)
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

// busy says so when a change is still being saved: changes go one at a
// time, so each is planned on the snapshot the last one left. The action
// asked for is not done, and the message says so plainly. On a read-only
// catalogue nothing can be saved at all.
func (m *Model) busy() bool {
	if m.writeRefused() {
		return true
	}
	switch {
	case m.lockWaiting:
		m.setError("Not done: your last change still waits for another process to finish writing the catalogue; try again once it is saved")
	case m.saving:
		m.setError("Not done: still saving your last change; try again once it is saved")
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
	if m.saving || len(m.queue) > 0 {
		m.setError("Nothing undone: your last change is still being saved; press u once it is")
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
