package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// o puts a supplier's suggestions on its draft purchase order after y.
// The draft is compare-and-set: each line carries what its quantity was
// computed from (model.OrderSeen), and if any SKU changed meanwhile —
// another dashboard drafted it, an order was received, someone set its
// order quantity, or this dashboard's own earlier draft landed after the
// question was asked — nothing is written. The SKUs are read and planned
// again, and the question is asked again with the new numbers: the PM
// still wants this supplier's suggestions ordered, and the new question
// shows exactly what y would add now. When nothing is left to order, the
// status bar says so instead.

// draftOffer is what o offers to put on a supplier's draft.
type draftOffer struct {
	grp   planner.ReorderGroup
	ids   []int64 // every SKU asked about, with a quantity or not
	lines []model.OrderLine
	units int
	value float64
}

// offerDraft puts the rows' suggested quantities on lines that carry what
// each was computed from.
func offerDraft(grp planner.ReorderGroup, rows []*planner.Row) draftOffer {
	o := draftOffer{grp: grp}
	for _, row := range rows {
		it := row.Item
		o.ids = append(o.ids, it.Product.ID)
		if row.Plan.SuggestedQty <= 0 {
			continue
		}
		o.lines = append(o.lines, model.OrderLine{ProductID: it.Product.ID, Qty: row.Plan.SuggestedQty,
			UnitCost: it.Product.UnitCost, Seen: model.OrderSeenOf(it)})
		o.units += row.Plan.SuggestedQty
		o.value += row.Plan.OrderValue
	}
	return o
}

// question is "Draft PO to Acme: 3 SKUs, 120 units, 1,500 EUR?"; again
// adds "now".
func (o draftOffer) question(again bool) string {
	now := ""
	if again {
		now = " now"
	}
	q := fmt.Sprintf("Draft PO to %s%s: %s, %s, %s", clean(o.grp.Supplier), now, count(len(o.lines), "SKU"),
		count(o.units, "unit"), formatMoney(o.value, o.grp.Currency))
	if o.grp.BelowMinimum(o.value) {
		q += " (below the minimum order " + formatMoney(o.grp.MinOrderValue, o.grp.Currency) + ")"
	}
	return q + "?"
}

// short is the question for a narrow status bar, keys and numbers first:
// "y drafts 11 SKUs, 1,193 units, 12k EUR · other key no: Velocity
// Sports SL"; asked again, after what changed (why).
func (o draftOffer) short(yes, why string) string {
	money := moneySum{total: o.value, currency: clean(o.grp.Currency)}.compact()
	now := ""
	if why != "" {
		now = " now"
	}
	q := yes + fmt.Sprintf(" drafts %s, %s, %s%s", count(len(o.lines), "SKU"), count(o.units, "unit"), money, now)
	if o.grp.BelowMinimum(o.value) {
		q += ", below the minimum " + compactMoney(o.grp.MinOrderValue)
	}
	q += " · other key no: " + clean(o.grp.Supplier)
	if why != "" {
		q += "; " + why
	}
	return q
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
	var rows []*planner.Row
	for _, r := range p.groupRows(g) {
		rows = append(rows, p.rv.Row(r))
	}
	o := offerDraft(grp, rows)
	if len(o.lines) == 0 {
		m.setInfo("Nothing to order: every quantity shown is 0")
		return nil
	}
	m.ask(&confirmation{question: o.question(false), short: o.short(m.yes(), ""), run: func() tea.Cmd { return m.draft(o) }})
	return nil
}

// draft writes the offer to the supplier's draft.
func (m *Model) draft(o draftOffer) tea.Cmd {
	b, on, supplier := m.opt.Backend, m.today(), o.grp.Supplier
	write := func(ctx context.Context) (written, error) {
		id, err := b.CreateDraftPO(ctx, o.grp.SupplierID, o.lines, on)
		if err != nil {
			return written{}, err
		}
		what := fmt.Sprintf("Draft PO #%d", id)
		// the lines join the supplier's open draft, if it has one: say
		// which, so its older created day (or lines) are no surprise
		if po, err := b.PurchaseOrder(ctx, id); err == nil && po.Created.Valid() && existedBefore(po, on, o.lines) {
			what = fmt.Sprintf("Added to draft PO #%d of %s", id, po.Created)
		}
		return written{info: fmt.Sprintf("%s to %s: %s · review and send it in 6 Suppliers", what, clean(supplier), count(len(o.lines), "line"))}, nil
	}
	return m.changeOrAsk(o.ids, write, func(c *model.ConflictError) tea.Cmd { return m.draftChanged(o, c) })
}

// existedBefore says a draft was there before these lines were put on it:
// created another day, or holding more than they are (another dashboard
// created it today, with its own lines).
func existedBefore(po model.PurchaseOrder, on model.Day, lines []model.OrderLine) bool {
	if po.Created != on {
		return true
	}
	ours := map[int64]int{}
	for _, l := range lines {
		ours[l.ProductID] = l.Qty
	}
	for _, l := range po.Lines {
		if qty, ok := ours[l.ProductID]; !ok || l.Qty != qty {
			return true
		}
	}
	return false
}

// draftChanged asks again about the same SKUs as planned now, or says
// that nothing is left to order.
func (m *Model) draftChanged(o draftOffer, c *model.ConflictError) tea.Cmd {
	again := offerDraft(o.grp, m.rowsOf(o.ids))
	what := m.draftConflictText(c)
	if len(again.lines) == 0 {
		m.setRefusal(fmt.Sprintf("Not drafted: %s and nothing is left to order from %s", what, clean(o.grp.Supplier)))
		return nil
	}
	m.ask(&confirmation{question: what + ". " + again.question(true), unsaved: true,
		short: again.short(m.yes(), m.draftConflictShort(c)),
		run:   func() tea.Cmd { return m.draft(again) }})
	return nil
}

// draftConflictText says what changed under a draft question, briefly
// enough to leave room for the question: "FW-001346 changed since you
// asked: 378 on drafts, not 0 (PO #211 by root at 02:10)", or for several
// SKUs "14 SKUs changed since you asked (PO #211 by root at 02:10)".
func (m *Model) draftConflictText(c *model.ConflictError) string {
	var skus []string
	first := map[string]model.Conflict{}
	for _, k := range c.Conflicts {
		if _, ok := first[k.Name]; !ok {
			skus = append(skus, k.Name)
			first[k.Name] = k
		}
	}
	by := m.conflictsBy(c.Conflicts)
	if len(skus) == 1 {
		k := first[skus[0]]
		return fmt.Sprintf("%s changed since you asked: %s (%s)", clean(k.Name), skuValueText(k), by)
	}
	return fmt.Sprintf("%d SKUs changed since you asked (%s)", len(skus), by)
}

// draftConflictShort is draftConflictText for a narrow status bar:
// "FW-001346 changed (PO #211 by root at 02:10)".
func (m *Model) draftConflictShort(c *model.ConflictError) string {
	skus := map[string]bool{}
	for _, k := range c.Conflicts {
		skus[k.Name] = true
	}
	what := clean(c.Conflicts[0].Name)
	if len(skus) > 1 {
		what = count(len(skus), "SKU")
	}
	return fmt.Sprintf("%s changed (%s)", what, m.conflictsBy(c.Conflicts))
}

// skuValueText is one changed input of a SKU's suggestion: "378 on
// drafts, not 0", "order quantity 40, not automatic".
func skuValueText(k model.Conflict) string {
	label := map[string]string{model.FieldInDraft: "on drafts", model.FieldOnOrder: "on order",
		model.FieldOnHand: "on hand", model.FieldCommitted: "committed"}[k.Field]
	if label != "" {
		return fmt.Sprintf("%s %s, not %s", groupText(k.Stored), label, groupText(k.Seen))
	}
	f := model.PolicyField(k.Field)
	return fmt.Sprintf("%s %s, not %s", fieldLabel(k.Field), shownPolicyValue(f, k.Stored), shownPolicyValue(f, k.Seen))
}

// groupText groups a stored whole number's digits.
func groupText(v string) string { return shownPolicyValue(model.FieldOrderQty, v) }
