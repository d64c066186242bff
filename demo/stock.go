package demo

import (
	"math"
	"math/rand/v2"

	"stockroom/model"
	"stockroom/store"
)

// shares are the chances that steer each SKU towards a stock status. The
// statuses themselves are computed later by the dashboard, so the demo
// aims every SKU at one deliberately, from its own recent demand.
type shares struct {
	out     float64 // of SKUs that still sell: sold out at the end
	low     float64 // of SKUs with demand: at or below the reorder point
	excess  float64 // of SKUs with demand: far above the order-up-to level
	cleared float64 // of faded SKUs: discontinued and sold out rather than dead
}

var defaultShares = shares{out: 0.043, low: 0.145, excess: 0.07, cleared: 0.3}

// stockSplit is a SKU's stock: the main warehouse holds what online
// customers have ordered but not yet received (committed); the shop, when
// it carries the SKU, a share of the rest.
type stockSplit struct {
	main, shop, committed int
	inShop                bool
}

func (s stockSplit) onHand() int { return s.main + s.shop }

// stockUp aims the SKU at a status, then sets its stock, open orders and
// policy so that the dashboard's rules (model.Compute with a level
// estimate close to the engine's forecast) put it there, with room to spare from every threshold.
func (g *generator) stockUp(r *rand.Rand, d *skuData, out bool) {
	set := g.settings
	w := store.Rollup(d.sales) // the weekly series the dashboard will read back
	mu, sd := levelEstimate(w, g.cal.end)
	sp := g.sups.list[d.supplier]
	in := model.PlanInput{
		WeeklyDemand: mu, DemandSD: sd,
		LeadTimeWeeks: sp.LeadTimeDays / 7, LeadTimeSDWeeks: sp.LeadTimeSDDays / 7,
		ServiceLevel: set.ServiceLevelB, ReviewWeeks: float64(set.ReviewDays) / 7,
		OrderCost: sp.OrderCost, HoldingRate: set.HoldingRate, UnitCost: d.product.UnitCost,
		Active:        true,
		DaysSinceSale: daysSinceSale(w, d.product.LaunchedOn, g.cal.end),
		DeadStockDays: set.DeadStockDays, ExcessCoverDays: set.ExcessCoverDays,
	}
	d.policy = drawPolicy(r, &in)
	d.target = g.aim(r, d, in, out)
	avail := g.available(r, d, in)
	d.stock = splitStock(r, avail, mu, d.target == model.StatusOut)

	in.OnHand, in.Committed = d.stock.onHand(), d.stock.committed
	if d.sent != nil {
		in.OnOrder = d.sent.qty - d.sent.received
	}
	in.Active = d.product.Status == model.Active
	d.status = model.Compute(in).Status
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

// aim picks the status a SKU should end up in. Out is decided before the
// sales are drawn (they end in a stockout); dead follows from the history;
// the rest is drawn. Faded SKUs are sometimes delisted.
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
	case u < g.shares.low:
		return model.StatusLow
	case u < g.shares.low+g.shares.excess:
		return model.StatusExcess
	}
	return model.StatusOK
}

// available sets the units available to sell for the SKU's aim, and the
// open order lines that go with it.
func (g *generator) available(r *rand.Rand, d *skuData, in model.PlanInput) int {
	plan := model.Compute(in)
	mu := in.WeeklyDemand
	rop, upTo := float64(plan.ReorderPoint), plan.OrderUpTo
	limit := upTo + in.ExcessCoverDays*mu/7 // above this is excess
	p := &d.product
	switch d.target {
	case model.StatusOut:
		if chance(r, 0.6) {
			d.sent = openLine(r, orderQty(math.Max(upTo, 1), p.CasePack, p.MOQ))
		}
		return 0
	case model.StatusLow:
		ip := max(1, int(rop*uniform(r, 0.2, 0.9)))
		if ip >= 2 && chance(r, 0.35) {
			onOrder := between(r, 1, ip-1)
			d.sent = openLine(r, onOrder)
			return ip - onOrder
		}
		if chance(r, 0.15) {
			d.draft = &poLine{qty: orderQty(upTo-float64(ip), p.CasePack, p.MOQ)}
		}
		return ip
	case model.StatusOK:
		if p.Status == model.Discontinued {
			return 0
		}
		lo := rop + 1 + 0.05*(upTo-rop)
		hi := math.Min(0.85*limit, upTo+0.4*in.ExcessCoverDays*mu/7)
		ip := int(math.Round(uniform(r, lo, math.Max(lo, hi))))
		if chance(r, 0.2) { // part of it is on its way
			onOrder := int(math.Round(float64(ip) * uniform(r, 0.3, 0.7)))
			if onOrder >= 1 && ip-onOrder >= 1 {
				d.sent = openLine(r, onOrder)
				return ip - onOrder
			}
		}
		return ip
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

// openLine is a sent order line with outstanding units still to come;
// a quarter of them have already been partly delivered.
func openLine(r *rand.Rand, outstanding int) *poLine {
	l := &poLine{qty: outstanding}
	if chance(r, 0.25) {
		l.received = between(r, 1, max(1, outstanding/2))
		l.qty += l.received
	}
	return l
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
