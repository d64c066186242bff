package demo

import (
	"math"
	"math/rand/v2"

	"stockroom/forecast"
	"stockroom/model"
)

// The simulated shop's replenishment policy (followPolicy). A SKU ends
// ok or low only as a consequence of following it through its history.
const (
	// maxOrderWeeks caps what one order covers. The economic order
	// quantity of a cheap, slow item can be a year of demand or more;
	// a well-run shop does not tie up shelf and capital for that long,
	// and stock bought that far ahead is what makes a slow mover.
	maxOrderWeeks = 6
	// steadyServiceLevel is the cycle service level the shop's safety
	// stock aims at for SKUs that sell most days (the dashboard's C
	// level); sporadicServiceLevel that for intermittent and lumpy ones,
	// whose single orders can be many weeks of their mean demand.
	steadyServiceLevel   = 0.90
	sporadicServiceLevel = 0.99
	// leadTimeBuffer: besides ordering at the reorder point, the shop
	// orders when the projected stockout comes within the lead time,
	// the review period and this share of the lead time more, as the
	// dashboard's order-by rule does with some room for its forecast
	// running higher than the shop's over a long lead time.
	leadTimeBuffer = 0.5
	// estimateWeeks is how many past weeks the shop measures the spread
	// of weekly demand over.
	estimateWeeks = 8
)

// replenishment is the (s, S) policy the simulated shop follows: s and S
// are updated every Monday from its demand estimate; on every weekday,
// when the inventory position is at or below the reorder point
// s (the safety stock formula of model.Compute) or a stockout is
// projected before an order placed a little later could arrive, order up
// to S = s + the economic order quantity, at least the review period's
// demand and at most maxOrderWeeks of it.
type replenishment struct {
	leadWeeks, leadSDWeeks float64 // what the plan assumes
	z                      float64
	reviewWeeks            float64
	orderCost, holdingRate float64
	unitCost               float64
	manualReorderPoint     int
	hasManualReorderPoint  bool
	casePack, moq          int
}

func newReplenishment(in model.PlanInput, p *model.Product, sporadic bool) replenishment {
	level := steadyServiceLevel
	if sporadic {
		level = sporadicServiceLevel
	}
	return replenishment{
		leadWeeks: in.LeadTimeWeeks, leadSDWeeks: in.LeadTimeSDWeeks,
		z:           forecast.NormalQuantile(level),
		reviewWeeks: in.ReviewWeeks,
		orderCost:   in.OrderCost, holdingRate: in.HoldingRate, unitCost: in.UnitCost,
		manualReorderPoint: in.ManualReorderPoint, hasManualReorderPoint: in.HasManualReorderPoint,
		casePack: p.CasePack, moq: p.MOQ,
	}
}

// levels are s and S for weekly demand mu with sd. They repeat the
// formulas of model.Compute rather than call it: this runs every week of
// every SKU.
func (p *replenishment) levels(mu, sd float64) (reorderPoint, orderUpTo float64) {
	// over the risk period L + R, as the dashboard's reorder point is: a
	// shop following it ends above the dashboard's reorder point
	risk := model.RiskPeriod(p.leadWeeks, p.reviewWeeks)
	ss := p.z * math.Sqrt(risk*sd*sd+mu*mu*p.leadSDWeeks*p.leadSDWeeks)
	reorderPoint = math.Ceil(mu*risk + ss - 1e-9)
	if p.hasManualReorderPoint {
		reorderPoint = float64(p.manualReorderPoint)
	}
	q := model.EOQ(52*mu, p.orderCost, p.holdingRate, p.unitCost)
	q = max(min(q, mu*maxOrderWeeks), mu*p.reviewWeeks)
	return reorderPoint, reorderPoint + q
}

// pending is a simulated order on its way.
type pending struct {
	sent, arrives int // day indexes
	qty           int
}

// followPolicy walks the SKU's daily sales, from its first selling day to
// the end, through the shop's replenishment policy. Orders go out on
// weekdays and arrive after the supplier's lead time drawn with its
// spread; the opening stock is there on the first day; stock never goes
// below zero. It returns the units on hand at the end and the orders
// still on their way, those whose expected day (sent + the supplier's
// lead time) is after the end: one late beyond its expected day arrives
// on the last day.
func (g *generator) followPolicy(r *rand.Rand, d *skuData, dem *demand, in model.PlanInput) (onHand int, open []poLine) {
	cal := g.cal
	last := cal.days() - 1
	sp := g.sups.list[d.supplier]
	supplierLead := int(sp.LeadTimeDays)
	pol := newReplenishment(in, &d.product, d.pattern == Intermittent || d.pattern == Lumpy)
	est := newEstimator(d.sales, dem, cal, model.RiskPeriod(in.LeadTimeWeeks, in.ReviewWeeks))
	planLead := int(math.Round(7 * in.LeadTimeWeeks))
	horizon := int(math.Round(7 * (in.ReviewWeeks + leadTimeBuffer*in.LeadTimeWeeks)))
	var onWay []pending
	var mu, sd, rop, upTo float64
	for t := dem.from; t <= last; t++ {
		kept := onWay[:0]
		for _, o := range onWay {
			if o.arrives <= t {
				onHand += o.qty
			} else {
				kept = append(kept, o)
			}
		}
		onWay = kept
		if cal.weekday[t] == 0 || t == dem.from { // the levels are updated weekly
			mu, sd = est.at(t)
			rop, upTo = pol.levels(mu, sd)
		}
		if cal.weekday[t] < 5 || t == dem.from {
			ip := onHand
			for _, o := range onWay {
				ip += o.qty
			}
			// what is on hand lasting past the horizon needs no projection
			lasts := float64(onHand) > mu/7*float64(planLead+horizon+1)
			due := float64(ip) <= rop ||
				float64(ip) < upTo && !lasts && orderBy(t, onHand, onWay, mu/7, supplierLead, planLead) <= t+horizon
			if mu > 0 && due {
				qty := orderQty(upTo-float64(ip), pol.casePack, pol.moq)
				if t == dem.from {
					onHand += qty
				} else {
					transit := math.Max(1, math.Round(sp.LeadTimeDays+sp.LeadTimeSDDays*r.NormFloat64()))
					onWay = append(onWay, pending{sent: t, arrives: t + int(transit), qty: qty})
				}
			}
		}
		onHand = max(0, onHand-est.units(t))
	}
	for _, o := range onWay {
		if o.sent+supplierLead <= last {
			onHand += o.qty
			continue
		}
		open = append(open, poLine{qty: o.qty, sentOn: cal.day(o.sent)})
	}
	return onHand, open
}

// orderBy is the last day an order placed on day t arrives before the
// stock runs out, projected as the dashboard does (model.StockoutDay):
// demand of daily units a day against what is on hand plus each order
// from its expected day, less the lead time; math.MaxInt without demand.
// Unlike the dashboard, the shop does not count on an order that is late
// already.
func orderBy(t, onHand int, onWay []pending, daily float64, supplierLead, planLead int) int {
	if daily <= 0 {
		return math.MaxInt
	}
	have, day := float64(onHand), t
	for {
		next, qty := math.MaxInt, 0
		for _, o := range onWay {
			switch e := o.sent + supplierLead; {
			case e <= day: // counted already, or late: not counted on
			case e < next:
				next, qty = e, o.qty
			case e == next:
				qty += o.qty
			}
		}
		if out := day + int(have/daily); out < next {
			return out - planLead
		}
		have += float64(qty) - daily*float64(next-day)
		day = next
	}
}

// estimator answers the shop's demand estimate on day t: the mean is the
// demand the SKU is expected to have over the lead time and review
// period ahead (a good forecast, which sees seasons, trends and the
// shop's own promotions coming), the sd that of the last estimateWeeks
// weeks of units sold and at least what the way the SKU sells gives.
type estimator struct {
	sold     []int32   // sold[t] is the units sold on days before t
	expected []float64 // expected[t] is the units expected on days before t
	from     int
	ahead    int // days the mean looks ahead
	dem      *demand
}

func newEstimator(sales []model.DailySale, dem *demand, cal *calendar, aheadWeeks float64) *estimator {
	days := cal.days()
	e := &estimator{sold: make([]int32, days+1), expected: make([]float64, days+aheadDays+1), from: dem.from, dem: dem}
	e.ahead = min(aheadDays, max(14, int(math.Round(7*aheadWeeks))))
	for _, s := range sales {
		if t := cal.index(s.Day); t >= 0 && t < days {
			e.sold[t+1] = int32(s.Units)
		}
	}
	for t := 1; t <= days; t++ {
		e.sold[t] += e.sold[t-1]
	}
	for t := dem.from; t < days+e.ahead; t++ {
		e.expected[t+1] = e.expected[t] + dem.expected(cal, t)
	}
	return e
}

func (e *estimator) units(t int) int { return int(e.sold[t+1] - e.sold[t]) }

func (e *estimator) at(t int) (mean, sd float64) {
	mean = 7 * (e.expected[t+e.ahead] - e.expected[t]) / float64(e.ahead)
	var sum, sumSq float64
	n := 0
	for j := 1; j <= estimateWeeks; j++ {
		if lo := t - 7*j; lo >= e.from {
			x := float64(e.sold[lo+7] - e.sold[lo])
			sum += x
			sumSq += x * x
			n++
		}
	}
	if n >= 2 {
		m := sum / float64(n)
		sd = math.Sqrt(math.Max(sumSq/float64(n)-m*m, 0) * float64(n) / float64(n-1))
	}
	return mean, math.Max(sd, e.dem.weeklySD(mean/7))
}
