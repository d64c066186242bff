package demo

import (
	"math"
	"math/rand/v2"

	"stockroom/model"
	"stockroom/store"
)

// shares are the chances that put a SKU in trouble on purpose. Most SKUs
// follow the shop's replenishment policy through their history
// (followPolicy) and end ok or low, as in a well-run shop; a few are
// aimed at a status that shows what the dashboard is for. The statuses
// themselves are computed later by the dashboard, so the demo aims from
// the SKU's own recent demand.
type shares struct {
	out     float64 // of SKUs that still sell: sold out at the end
	excess  float64 // of SKUs with demand: far above the order-up-to level
	cleared float64 // of faded SKUs: discontinued and sold out rather than dead
	drafted float64 // of SKUs the policy left low: the PM has drafted the order
}

var defaultShares = shares{out: 0.03, excess: 0.04, cleared: 0.3, drafted: 0.15}

// missedEvery: one SKU in this many (by position, so that every catalogue
// has a few, not a random number of them) has had its reorder missed:
// low with nothing on order, overdue. The policy leaves too few SKUs
// overdue to count on.
const missedEvery = 1000

// stockSplit is a SKU's stock: the main warehouse holds what online
// customers have ordered but not yet received (committed); the shop, when
// it carries the SKU, a share of the rest.
type stockSplit struct {
	main, shop, committed int
	inShop                bool
}

func (s stockSplit) onHand() int { return s.main + s.shop }

// stockUp sets the SKU's stock, open orders and policy: by following the
// replenishment policy through its history, or for the few aimed at
// trouble so that the dashboard's rules (model.Compute with a level
// estimate close to the engine's forecast) put it in that status, with
// room to spare from every threshold. dem is how it sells.
func (g *generator) stockUp(r *rand.Rand, d *skuData, dem *demand, out bool) {
	set := g.settings
	w := store.Rollup(d.sales) // the weekly series the dashboard will read back
	mu, sd := levelEstimate(w, g.cal.end)
	sp := g.sups.list[d.supplier]
	in := model.PlanInput{
		WeeklyDemand: mu, DemandSD: sd,
		LeadTimeWeeks: sp.LeadTimeDays / 7, LeadTimeSDWeeks: sp.LeadTimeSDDays / 7,
		ServiceLevel: set.ServiceLevelB, ReviewWeeks: float64(set.ReviewDays) / 7, MaxCoverWeeks: float64(set.MaxCoverWeeks),
		OrderCost: sp.OrderCost, HoldingRate: set.HoldingRate, UnitCost: d.product.UnitCost,
		Active:        true,
		DaysSinceSale: daysSinceSale(w, d.product.LaunchedOn, g.cal.end),
		DeadStockDays: set.DeadStockDays, ExcessCoverDays: set.ExcessCoverDays,
	}
	d.policy = drawPolicy(r, &in)
	d.target = g.aim(r, d, in, out)
	var avail int
	if d.followed {
		avail, d.sent = g.followPolicy(r, d, dem, in)
		for i := range d.sent {
			partlyReceived(r, &d.sent[i])
		}
		if avail == 0 {
			// sold out: the shop has raised its order, as for the SKUs
			// aimed at a sell-out (the history before this is not
			// written, so only the end needs the rule)
			have := 0
			for _, l := range d.sent {
				have += l.qty - l.received
			}
			if want := g.rushWant(dem, in); float64(have) < want {
				d.sent = mergeSent(append(d.sent, g.rushLine(r, d, orderQty(want-float64(have), d.product.CasePack, d.product.MOQ))))
			}
		}
	} else {
		avail = g.available(r, d, dem, in)
	}
	d.stock = splitStock(r, avail, mu, d.target == model.StatusOut)

	in.OnHand, in.Committed = d.stock.onHand(), d.stock.committed
	for _, l := range d.sent {
		in.OnOrder += l.qty - l.received
	}
	in.Active = d.product.Status == model.Active
	plan := model.Compute(in)
	if d.followed && plan.Low && chance(r, g.shares.drafted) { // the PM has started the order
		d.draft = &poLine{qty: orderQty(plan.OrderUpTo-float64(plan.InventoryPosition), d.product.CasePack, d.product.MOQ)}
		in.OnOrder += d.draft.qty
		plan = model.Compute(in)
	}
	d.status = plan.Status
}

// drawPolicy gives a few SKUs planning overrides and applies them to in:
// a manual reorder point near the automatic one (3 %), a lead-time
// override (1 %) or a rounding rule (2 %). It returns nil for most SKUs.
func drawPolicy(r *rand.Rand, in *model.PlanInput) *model.Policy {
	var pol model.Policy
	if chance(r, 0.012) {
		pol.LeadTimeDays = math.Max(1, math.Round(in.LeadTimeWeeks*7*uniform(r, 0.5, 1.8)))
		in.LeadTimeWeeks = pol.LeadTimeDays / 7
	}
	if chance(r, 0.03) {
		in.HasManualReorderPoint = true
		in.ManualReorderPoint = int(math.Round(float64(model.Compute(*in).AutoReorderPoint) * uniform(r, 0.6, 1.5)))
		pol.Manual, pol.ReorderPoint = true, in.ManualReorderPoint
	}
	if chance(r, 0.02) {
		pol.Rounding = pick(r, []model.Rounding{model.RoundNearest, model.RoundDown})
	}
	if pol == (model.Policy{}) {
		return nil
	}
	return &pol
}

// aim picks the status a SKU should end up in, or marks it as following
// the policy (d.followed, aimed at ok). Out is decided before the sales
// are drawn (they end in a stockout); dead follows from the history; the
// rest is drawn. Faded SKUs are sometimes delisted.
func (g *generator) aim(r *rand.Rand, d *skuData, in model.PlanInput, out bool) model.Status {
	u := r.Float64()
	switch {
	case out:
		return model.StatusOut
	case in.DaysSinceSale >= in.DeadStockDays:
		if d.pattern == Declining && chance(r, g.shares.cleared) {
			d.product.Status = model.Discontinued
			return model.StatusOK // sold out and delisted
		}
		if d.pattern == Declining && chance(r, 0.5) {
			d.product.Status = model.Discontinued // delisted with stock left over
		}
		return model.StatusDead
	case in.WeeklyDemand <= 0:
		return model.StatusExcess // any stock is more than no demand needs
	case d.index%missedEvery == missedEvery/2:
		return model.StatusLow
	case u < g.shares.excess:
		return model.StatusExcess
	}
	d.followed = true
	return model.StatusOK
}

// available sets the units available to sell for a SKU aimed at trouble,
// and the open order lines that go with it.
func (g *generator) available(r *rand.Rand, d *skuData, dem *demand, in model.PlanInput) int {
	plan := model.Compute(in)
	mu := in.WeeklyDemand
	limit := plan.OrderUpTo + in.ExcessCoverDays*mu/7 // above this is excess
	p := &d.product
	switch d.target {
	case model.StatusOut:
		// the shop has ordered already: enough is on its way that nothing
		// more is needed
		d.sent = append(d.sent, g.rushLine(r, d, orderQty(g.rushWant(dem, in), p.CasePack, p.MOQ)))
		return 0
	case model.StatusLow:
		// nothing on order, and what is left runs out within the lead time
		return max(1, int(math.Min(float64(plan.ReorderPoint), mu*in.LeadTimeWeeks)*uniform(r, 0.2, 0.7)))
	case model.StatusOK: // sold out and delisted
		return 0
	case model.StatusExcess:
		if mu > 0 {
			return int(math.Ceil(limit*uniform(r, 1.3, 3))) + between(r, 1, 2*p.CasePack)
		}
		return max(1, int(math.Round(d.rate*uniform(r, 20, 120)))) + between(r, 0, p.CasePack)
	case model.StatusDead:
		return max(1, int(math.Round(d.rate*uniform(r, 10, 120))))
	}
	return 0
}

// rushWant is what a SKU that sold out has on order once the shop has
// reacted: the order-up-to level for a generous demand estimate, enough
// that the dashboard asks for nothing more even when its forecast runs
// high (the recent weeks it sold out in read low).
func (g *generator) rushWant(dem *demand, in model.PlanInput) float64 {
	rush := in
	ahead := int(math.Round(7 * model.RiskPeriod(in.LeadTimeWeeks, in.ReviewWeeks)))
	rush.WeeklyDemand = 1.5 * math.Max(in.WeeklyDemand, dem.expectedWeekly(g.cal, g.cal.days(), min(max(ahead, 14), aheadDays)))
	rush.DemandSD = 1.5 * math.Max(in.DemandSD, math.Sqrt(rush.WeeklyDemand))
	return math.Max(1.5*model.Compute(rush).OrderUpTo, 1)
}

// rushLine is an order sent in the last days for a SKU that sold out,
// expected after the end.
func (g *generator) rushLine(r *rand.Rand, d *skuData, qty int) poLine {
	lead := g.sups.list[d.supplier].LeadTimeDays
	l := poLine{qty: qty, sentOn: g.cal.end - model.Day(r.IntN(max(1, min(int(lead), 21))))}
	partlyReceived(r, &l)
	return l
}

// mergeSent makes lines sent on the same day one line: an order has one
// line per product.
func mergeSent(lines []poLine) []poLine {
	out := lines[:0]
	for _, l := range lines {
		merged := false
		for i := range out {
			if out[i].sentOn == l.sentOn {
				out[i].qty += l.qty
				out[i].received += l.received
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, l)
		}
	}
	return out
}

// splitStock spreads available units over the locations and adds the
// units committed to customer orders.
func splitStock(r *rand.Rand, avail int, mu float64, out bool) stockSplit {
	var s stockSplit
	if out {
		if chance(r, 0.2) { // everything left is promised to customers
			s.committed = between(r, 1, 3)
			s.main = s.committed
		}
		return s
	}
	if avail > 0 {
		s.committed = min(avail, poisson(r, 0.5*mu/7))
	}
	s.inShop = chance(r, 0.4)
	if s.inShop && avail > 0 {
		s.shop = min(avail, int(math.Round(float64(avail)*uniform(r, 0.1, 0.35))))
	}
	s.main = avail + s.committed - s.shop
	return s
}

// partlyReceived makes a quarter of the open lines partly delivered
// already: the line is for more than is still to come.
func partlyReceived(r *rand.Rand, l *poLine) {
	if chance(r, 0.25) {
		l.received = between(r, 1, max(1, l.qty/2))
		l.qty += l.received
	}
}

// orderQty rounds a wanted quantity up to whole cases and the MOQ.
func orderQty(want float64, casePack, moq int) int {
	casePack = max(casePack, 1)
	q := int(math.Ceil(math.Max(want, 1)/float64(casePack))) * casePack
	return max(q, moq)
}

// daysSinceSale counts as the dashboard does: from the last sale, or from
// the launch when that came later; -1 when neither is known.
func daysSinceSale(w model.WeeklySales, launched, end model.Day) int {
	since := w.LastSale
	if launched.Valid() && launched <= end && (!since.Valid() || launched > since) {
		since = launched
	}
	if !since.Valid() {
		return -1
	}
	return int(end - since)
}
