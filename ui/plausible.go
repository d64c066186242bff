package ui

import (
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// A reorder point or quantity typed in an editor that is implausible for
// its SKU (model.CheckPlausible: more than 10× the suggestion or a year of
// forecast demand) is saved only after y, with the value shown in units
// and in money at unit cost; any other key goes back to the editor with
// what was typed.

// question is what the status bar asks, long and for a narrow terminal:
// the short form starts with the keys and the numbers being confirmed,
// then the names, so a cut leaves the keys and numbers readable: "y
// saves 5,000 (99k EUR, 19.8× suggestion) · other key edits:
// KI-000014 reorder point".
type question struct{ long, short string }

const otherKeyEdits = " · other key edits: "

// yesOrEdit ends a question about a value typed in an editor.
func (m *Model) yesOrEdit() string {
	return "? " + m.yes() + " saves, any other key goes back to the editor"
}

// askBeforeSaving puts the question to the PM; the editor stays open
// behind it.
func (m *Model) askBeforeSaving(q question, save func() tea.Cmd) tea.Cmd {
	m.message = ""
	m.askFirst(&confirmation{question: q.long, short: q.short, run: save, unsaved: true, back: func() tea.Cmd {
		m.message = "" // back in the editor with what was typed
		return nil
	}})
	return nil
}

// implausibleRow is a target whose typed value is implausible.
type implausibleRow struct {
	sku string
	imp model.Implausibility
}

// policyQuestion judges a typed reorder point or order quantity for every
// target; false when it is plausible for all of them (or is another
// field, or automatic).
func (m *Model) policyQuestion(field model.PolicyField, value string, rows []*planner.Row) (question, bool) {
	if value == "" || (field != model.FieldReorderPoint && field != model.FieldOrderQty) {
		return question{}, false
	}
	n, err := strconv.Atoi(value)
	if err != nil {
		return question{}, false
	}
	var hits []implausibleRow
	var money moneySum
	for _, r := range rows {
		p := r.Item.Product
		in := model.PlausibilityInput{Value: n, WeeklyDemand: r.Forecast.Level()}
		if field == model.FieldReorderPoint {
			in.Suggestion = r.Plan.AutoReorderPoint
		} else {
			in.Suggestion = model.PlannedQty(r.Plan, p.CasePack, p.MOQ, r.Item.Policy.Rounding)
			in.Floor = max(p.CasePack, p.MOQ)
		}
		money.add(float64(n)*p.UnitCost, m.currencyOf(r))
		if imp, ok := model.CheckPlausible(in); !ok {
			hits = append(hits, implausibleRow{sku: clean(p.SKU), imp: imp})
		}
	}
	if len(hits) == 0 {
		return question{}, false
	}
	units := count(n, "unit")
	label := fieldLabel(string(field))
	if len(rows) == 1 {
		what := fmt.Sprintf("Order %s (%s) of %s", units, money, hits[0].sku)
		if field == model.FieldReorderPoint {
			what = fmt.Sprintf("Reorder point of %s: %s (%s at cost)", hits[0].sku, units, money)
		}
		return question{
			long: what + " — " + hits[0].imp.String() + m.yesOrEdit(),
			short: m.yes() + fmt.Sprintf(" saves %s (%s, %s)%s%s %s", model.GroupThousands(int64(n)), money.compact(), hits[0].imp.Short(),
				otherKeyEdits, hits[0].sku, label),
		}, true
	}
	worst := hits[0]
	for _, h := range hits[1:] {
		if h.imp.Worst() > worst.imp.Worst() {
			worst = h
		}
	}
	what := fmt.Sprintf("Order %s each of %d SKUs (%s)", units, len(rows), money)
	if field == model.FieldReorderPoint {
		what = fmt.Sprintf("Reorder point %s for %d SKUs (%s at cost)", units, len(rows), money)
	}
	some := fmt.Sprintf("%d of them", len(hits))
	if len(hits) == len(rows) {
		some = "all of them"
	}
	return question{
		long: fmt.Sprintf("%s — %s beyond 10× the suggestion or a year of forecast demand, e.g. %s: %s%s",
			what, some, worst.sku, worst.imp, m.yesOrEdit()),
		short: m.yes() + fmt.Sprintf(" saves %s for %d SKUs (%s; %d implausible, worst %s)%s%s, e.g. %s", model.GroupThousands(int64(n)), len(rows),
			money.compact(), len(hits), worst.imp.Short(), otherKeyEdits, label, worst.sku),
	}, true
}

// lineQuestion judges a purchase-order line's new quantity against what
// the planner would order without the line; lowering a line is never
// questioned.
func (m *Model) lineQuestion(l model.POLine, n int) (question, bool) {
	ri := -1
	if m.snap != nil {
		ri = m.snap.RowOf(l.ProductID)
	}
	if n <= l.Qty || ri < 0 {
		return question{}, false
	}
	r := m.snap.Rows[ri]
	p := r.Item.Product
	// the position counts what is outstanding on this line: without it
	need := r.Plan.OrderUpTo - float64(r.Plan.InventoryPosition-l.Outstanding())
	imp, ok := model.CheckPlausible(model.PlausibilityInput{
		Value:        n,
		Suggestion:   l.ReceivedQty + model.RoundOrder(need, 0, p.CasePack, p.MOQ, r.Item.Policy.Rounding),
		WeeklyDemand: r.Forecast.Level(),
		Floor:        max(p.CasePack, p.MOQ),
	})
	if ok {
		return question{}, false
	}
	var money moneySum
	money.add(float64(n)*l.UnitCost, clean(m.suppliers.supplier.Currency))
	id := m.suppliers.order.ID
	what := fmt.Sprintf("PO #%d: %s (%s) of %s", id, count(n, "unit"), money, clean(l.SKU))
	return question{long: what + " — " + imp.String() + m.yesOrEdit(),
		short: m.yes() + fmt.Sprintf(" saves %s (%s, %s)%s%s on PO #%d", model.GroupThousands(int64(n)), money.compact(), imp.Short(), otherKeyEdits, clean(l.SKU), id)}, true
}

// currencyOf is the currency of a SKU's supplier, "" when unknown.
func (m *Model) currencyOf(r *planner.Row) string {
	if sp, ok := m.snap.Supplier(r.Item.Product.SupplierID); ok {
		return clean(sp.Currency)
	}
	return ""
}

// moneySum adds amounts and remembers whether they share a currency.
type moneySum struct {
	total    float64
	currency string
	mixed    bool
	n        int
}

func (s *moneySum) add(v float64, currency string) {
	if s.n > 0 && currency != s.currency {
		s.mixed = true
	}
	s.total += v
	s.currency = currency
	s.n++
}

// String is "3.18 M EUR", or the bare amount in mixed currencies.
func (s moneySum) String() string { return s.with(model.CompactAmount(s.total)) }

// compact is "3.2M EUR", for a short question.
func (s moneySum) compact() string { return s.with(compactMoney(s.total)) }

func (s moneySum) with(amount string) string {
	if s.currency == "" || s.mixed {
		return amount
	}
	return amount + " " + s.currency
}
