package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"stockroom/model"
	"stockroom/store"
)

// orderBook collects, while the SKUs are written, what the purchase orders
// need; the orders are made once every product has its id.
type orderBook struct {
	skus   [][]skuRef // by supplier
	sent   [][]lineRef
	drafts [][]lineRef
}

type skuRef struct {
	id            int64
	cost          float64
	casePack, moq int
	rate          float64
	from, to      model.Day
}

type lineRef struct {
	id   int64
	cost float64
	line poLine
}

func newOrderBook(suppliers int) *orderBook {
	return &orderBook{
		skus:   make([][]skuRef, suppliers),
		sent:   make([][]lineRef, suppliers),
		drafts: make([][]lineRef, suppliers),
	}
}

func (ob *orderBook) add(d *skuData) {
	p := &d.product
	s := d.supplier
	ob.skus[s] = append(ob.skus[s], skuRef{p.ID, p.UnitCost, p.CasePack, p.MOQ, d.rate, d.from, d.to})
	for _, l := range d.sent {
		ob.sent[s] = append(ob.sent[s], lineRef{p.ID, p.UnitCost, l})
	}
	if d.draft != nil {
		ob.drafts[s] = append(ob.drafts[s], lineRef{p.ID, p.UnitCost, *d.draft})
	}
}

// order is a purchase order ready to write.
type order struct {
	supplier                int
	status                  model.POStatus
	created, sent, expected model.Day
	// received is when a received order arrived: sent + the supplier's lead
	// time drawn with its spread, so lead times can be measured from history.
	received model.Day
	lines    []model.OrderLine
}

// orders makes every purchase order from the catalogue-wide order stream:
// received ones through the history (at least three per supplier, for
// lead-time measurement), a few cancelled ones, the open sent orders that
// put SKUs on order, and a few drafts. They are returned oldest first.
func (g *generator) orders(ob *orderBook) []order {
	r := newRand(g.opt.Seed, streamOrders)
	var out []order
	for s := range g.sups.list {
		out = append(out, g.history(r, s, ob.skus[s])...)
	}
	for s := range g.sups.list {
		if len(ob.skus[s]) > 0 && chance(r, 0.25) {
			out = append(out, g.cancelled(r, s, ob.skus[s]))
		}
	}
	for s := range g.sups.list {
		out = append(out, g.openOrders(r, s, ob.sent[s])...)
	}
	drafted := 0
	for s := range g.sups.list {
		if len(ob.drafts[s]) > 0 && (drafted < 2 || chance(r, 0.3)) {
			out = append(out, g.draft(r, s, ob.drafts[s]))
			drafted++
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].created < out[j].created })
	return out
}

// history is a supplier's received orders, spread evenly over the
// history with some jitter, each for SKUs that were selling at the time.
func (g *generator) history(r *rand.Rand, s int, skus []skuRef) []order {
	if len(skus) == 0 {
		return nil
	}
	sp := g.sups.list[s]
	first := g.cal.start
	last := g.cal.end - model.Day(sp.LeadTimeDays+3*sp.LeadTimeSDDays) - 2
	n := 3 + min(27, len(skus)/20)
	var out []order
	for k := range n {
		sent := first + model.Day((float64(k)+r.Float64())*float64(last-first)/float64(n))
		transit := math.Max(1, math.Round(sp.LeadTimeDays+sp.LeadTimeSDDays*r.NormFloat64()))
		o := order{
			supplier: s, status: model.POReceived,
			created:  sent - model.Day(between(r, 0, 2)),
			sent:     sent,
			expected: sent + model.Day(sp.LeadTimeDays),
			received: min(g.cal.end, sent+model.Day(transit)),
		}
		for _, ref := range sample(r, skus, between(r, 3, 30), func(x skuRef) bool { return x.from <= sent && sent <= x.to }) {
			qty := orderQty(ref.rate*uniform(r, 14, 60), ref.casePack, ref.moq)
			got := qty
			if qty > 1 && chance(r, 0.1) { // short delivery
				got = qty - between(r, 1, max(1, qty/10))
			}
			o.lines = append(o.lines, model.OrderLine{ProductID: ref.id, Qty: qty, UnitCost: ref.cost, ReceivedQty: got})
		}
		if len(o.lines) > 0 {
			out = append(out, o)
		}
	}
	return out
}

func (g *generator) cancelled(r *rand.Rand, s int, skus []skuRef) order {
	created := g.cal.start + model.Day(r.IntN(g.cal.days()))
	o := order{supplier: s, status: model.POCancelled, created: created, sent: model.NoDay, expected: model.NoDay, received: model.NoDay}
	for _, ref := range sample(r, skus, between(r, 1, 5), func(skuRef) bool { return true }) {
		o.lines = append(o.lines, model.OrderLine{ProductID: ref.id, Qty: orderQty(ref.rate*30, ref.casePack, ref.moq), UnitCost: ref.cost})
	}
	return o
}

// openOrders puts a supplier's open lines on sent orders: one order per
// day the shop ordered from the supplier (a weekday the policy ordered,
// or a rush order for a SKU that sold out), split at maxOpenLines lines. Every line was sent
// recently enough that it is expected after the end.
func (g *generator) openOrders(r *rand.Rand, s int, lines []lineRef) []order {
	sp := g.sups.list[s]
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].line.sentOn < lines[j].line.sentOn })
	var out []order
	for len(lines) > 0 {
		sent := lines[0].line.sentOn
		n := 1
		for n < len(lines) && n < maxOpenLines && lines[n].line.sentOn == sent {
			n++
		}
		o := order{
			supplier: s, status: model.POSent,
			created:  sent - model.Day(between(r, 0, 3)),
			sent:     sent,
			expected: sent + model.Day(math.Max(1, sp.LeadTimeDays)),
			received: model.NoDay,
		}
		for _, l := range lines[:n] {
			o.lines = append(o.lines, model.OrderLine{ProductID: l.id, Qty: l.line.qty, UnitCost: l.cost, ReceivedQty: l.line.received})
		}
		out = append(out, o)
		lines = lines[n:]
	}
	return out
}

// maxOpenLines is the most lines one sent order carries.
const maxOpenLines = 60

// draft is an order the PM started for some of a supplier's low SKUs.
func (g *generator) draft(r *rand.Rand, s int, lines []lineRef) order {
	o := order{supplier: s, status: model.PODraft, created: g.cal.end - model.Day(between(r, 0, 2)),
		sent: model.NoDay, expected: model.NoDay, received: model.NoDay}
	for _, l := range lines[:min(len(lines), 60)] {
		o.lines = append(o.lines, model.OrderLine{ProductID: l.id, Qty: l.line.qty, UnitCost: l.cost})
	}
	return o
}

// sample picks up to n distinct SKUs that pass ok, by random probes.
func sample(r *rand.Rand, skus []skuRef, n int, ok func(skuRef) bool) []skuRef {
	var out []skuRef
	seen := map[int]bool{}
	for try := 0; try < 8*n && len(out) < n; try++ {
		i := r.IntN(len(skus))
		if seen[i] || !ok(skus[i]) {
			continue
		}
		seen[i] = true
		out = append(out, skus[i])
	}
	return out
}

func (g *generator) writeOrders(b *store.Bulk, ob *orderBook, supplierIDs []int64) error {
	for _, o := range g.orders(ob) {
		if _, err := b.AddPurchaseOrder(store.PurchaseOrderInput{SupplierID: supplierIDs[o.supplier], Status: o.status,
			Created: o.created, Sent: o.sent, Expected: o.expected, Received: o.received, Lines: o.lines}); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}
