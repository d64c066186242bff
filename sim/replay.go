package sim

import (
	"math"
	"math/rand/v2"
	"slices"

	"stockroom/model"
)

// Arrival is an order outstanding at the start of the replay: Qty units due
// at the start of replay day Day (0 = the first day after as-of; earlier
// days arrive on day 0).
type Arrival struct {
	Day int
	Qty int
}

// SKU is one SKU's starting position and the demand that followed.
type SKU struct {
	Class    model.ABC
	UnitCost float64

	// Demand is the units sold on each day after as-of, day 0 first;
	// Censored[i] marks a day the SKU was out of stock, whose demand is
	// imputed (Censored may be shorter than Demand, or nil).
	Demand   []float64
	Censored []bool
	// WeeklyMean is the planning μ_w, the imputation of a censored day in a
	// week without an uncensored day (μ_w/7).
	WeeklyMean float64

	Available int       // on hand − committed on the as-of day
	Incoming  []Arrival // open orders

	// Warmup is how many of the first days of Demand are replayed but not
	// measured, so that the start (stock at S, say) does not count: the
	// measured replay starts at day Warmup as if it were day 0, in the
	// state the warm-up left.
	Warmup int

	// Start is the calendar day of replay day 0. LastSale is the SKU's
	// last sale before it (NoDay: none known) and Launched its launch day
	// (NoDay: unknown): with the replay's own sales they give the days
	// since a sale of the dead-stock rule (model.DaysSinceSale).
	Start, LastSale, Launched model.Day

	// trace, when set (by tests), sees every review.
	trace func(reviewTrace)
}

// Policy is an (R, s, S) policy with its supplier terms.
type Policy struct {
	ReorderPoint float64 // s
	OrderUpTo    float64 // S
	ReviewDays   int     // R; ≤ 0 reviews daily
	LeadDays     int     // L
	LeadSDDays   float64 // σ_L; 0 keeps every lead time at L
	CasePack     int
	MOQ          int
	Rounding     model.Rounding

	// NoDemand is a SKU the planner forecast no demand for and whose s
	// the PM did not set: it is never low (model.Review.Sells).
	NoDemand bool
	// Weekly holds the forecast's weekly means from PlannedOn on (week 0:
	// the seven days after it), for the order-by rule; nil: no such rule.
	// Beyond its end its last week holds.
	Weekly    []float64
	PlannedOn model.Day
	// DeadStockDays holds back the orders of a SKU with stock and no sale
	// for this many days (model.DeadStock); 0: no such rule.
	DeadStockDays int
}

// Step is a policy in force from replay day From on: a re-plan.
type Step struct {
	From   int
	Policy Policy
}

// Costs prices the replay.
type Costs struct {
	HoldingRate float64 // per year, of unit cost
	OrderCost   float64 // K, per order
}

// Result is one SKU's replay.
type Result struct {
	Class    model.ABC
	UnitCost float64
	Days     int

	Demanded, Served float64
	Imputed          float64 // demand added on censored days
	Cycles, Failed   int     // replenishment cycles, those with a lost sale
	Orders           int
	OrderedUnits     int

	AvgInventory float64 // mean end-of-day on hand, units
	HoldingCost  float64
	OrderingCost float64
}

// Fill is served ÷ demanded; 1 without demand.
func (r Result) Fill() float64 { return ratio(r.Served, r.Demanded) }

// CSL is the share of cycles without a lost sale; 1 without a cycle.
func (r Result) CSL() float64 { return cycleServiceLevel(r.Cycles, r.Failed) }

func cycleServiceLevel(cycles, failed int) float64 {
	if cycles <= 0 {
		return 1
	}
	return float64(cycles-failed) / float64(cycles)
}

// WeeklyDemand is the average demand per week over the replay.
func (r Result) WeeklyDemand() float64 {
	if r.Days <= 0 {
		return 0
	}
	return r.Demanded / float64(r.Days) * 7
}

// WeeksOfStock is average inventory ÷ weekly demand; +Inf with stock and no
// demand, 0 with neither.
func (r Result) WeeksOfStock() float64 { return weeks(r.AvgInventory, r.WeeklyDemand()) }

// ImputeDemand returns the SKU's daily demand with censored days imputed,
// and the units added (see the package comment).
func ImputeDemand(demand []float64, censored []bool, weeklyMean float64) ([]float64, float64) {
	out := make([]float64, len(demand))
	copy(out, demand)
	added := 0.0
	for start := 0; start < len(demand); start += 7 {
		end := min(start+7, len(demand))
		sum, n := 0.0, 0
		for d := start; d < end; d++ {
			if !isCensored(censored, d) {
				sum += demand[d]
				n++
			}
		}
		fill := math.Max(weeklyMean, 0) / 7
		if n > 0 {
			fill = sum / float64(n)
		}
		for d := start; d < end; d++ {
			if isCensored(censored, d) && fill > demand[d] {
				added += fill - demand[d]
				out[d] = fill
			}
		}
	}
	return out, added
}

func isCensored(c []bool, d int) bool { return d < len(c) && c[d] }

// Replay runs one policy over the SKU's demand. seed makes the drawn lead
// times repeatable (unused when LeadSDDays is 0).
func Replay(sku SKU, pol Policy, costs Costs, seed uint64) Result {
	steps := [1]Step{{Policy: pol}}
	return ReplaySchedule(sku, steps[:], costs, seed)
}

// pendingOrder is an order on its way: it arrives at the start of replay
// day due (past the horizon: never); the planner expects it on expected
// (order day + L, which a drawn lead time may miss).
type pendingOrder struct {
	due      int
	expected model.Day
	qty      int
}

// reviewTrace is what a review saw (after the day's sales) and did.
type reviewTrace struct {
	Day           int
	Today         model.Day
	OnHand        float64
	OnOrder       int             // before this review's order
	Incoming      []model.Receipt // before this review's order, by expected day
	DaysSinceSale int
	Qty, Due      int // the order placed and the day it arrives (-1: none)
}

// ReplaySchedule runs a schedule of policies over the SKU's demand: each
// step's policy makes the reviews from its From day on (the first step's
// from day 0, whatever its From). Steps are in order of From.
func ReplaySchedule(sku SKU, steps []Step, costs Costs, seed uint64) Result {
	demand, _ := ImputeDemand(sku.Demand, sku.Censored, sku.WeeklyMean)
	days := len(demand)
	warmup := min(max(sku.Warmup, 0), days)
	res := Result{Class: sku.Class, UnitCost: sku.UnitCost, Days: days - warmup}
	if len(steps) == 0 {
		return res
	}
	// the orders on their way are kept only for the order-by rule, and
	// the last sale only for the dead-stock rule
	projects, sells := sku.trace != nil, sku.trace != nil
	for _, st := range steps {
		projects = projects || st.Policy.Weekly != nil
		sells = sells || st.Policy.DeadStockDays > 0
	}

	// due[d] is what arrives at the start of day d; arrivals past the
	// horizon stay on order
	due := make([]int, days)
	onOrder := 0
	var pending []pendingOrder
	for _, a := range sku.Incoming {
		if a.Qty <= 0 {
			continue
		}
		onOrder += a.Qty
		d := max(a.Day, 0)
		if d < days {
			due[d] += a.Qty
		}
		if projects {
			pending = append(pending, pendingOrder{due: d, expected: sku.Start + model.Day(d), qty: a.Qty})
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	var proj projection

	step, pol := 0, steps[0].Policy
	review, next := max(pol.ReviewDays, 1), nextFrom(steps, 0)
	onHand := math.Max(float64(sku.Available), 0)
	lastSale := sku.LastSale
	invDays := 0.0
	lostInCycle := false
	for d := 0; d < days; d++ {
		for d >= next {
			step++
			pol = steps[step].Policy
			review, next = max(pol.ReviewDays, 1), nextFrom(steps, step)
		}
		measured := d >= warmup
		if d == warmup {
			lostInCycle = false // what the warm-up lost is not measured
		}
		if due[d] > 0 {
			// an arrival closes the cycle that ran up to it; one on the
			// first measured day closes nothing measured
			if d > warmup {
				res.Cycles++
				if lostInCycle {
					res.Failed++
				}
			}
			lostInCycle = false
			onHand += float64(due[d])
			onOrder -= due[d]
			pending = arrived(pending, d)
		}
		want := demand[d]
		served := math.Min(want, onHand)
		onHand -= served
		if sells && served > 1e-9 {
			lastSale = sku.Start + model.Day(d)
		}
		if measured {
			res.Demanded += want
			res.Served += served
			res.Imputed += want - sku.Demand[d]
			invDays += onHand
		}
		if want-served > 1e-9 {
			lostInCycle = true
		}
		if d%review != 0 {
			continue
		}

		// the review, at the end of the day: the planner's decision on
		// the replay's state (model.Review). Above s only the order-by
		// rule orders: without it most reviews of most replays (the
		// baselines' at every scale) end here.
		ip := onHand + float64(onOrder)
		if ip > pol.ReorderPoint && pol.Weekly == nil && sku.trace == nil {
			continue
		}
		today := sku.Start + model.Day(d)
		rv := model.Review{
			Position: ip, ReorderPoint: pol.ReorderPoint, OrderUpTo: pol.OrderUpTo,
			Sells: !pol.NoDemand, CasePack: pol.CasePack, MOQ: pol.MOQ, Rounding: pol.Rounding,
		}
		since := -1
		if pol.DeadStockDays > 0 || sku.trace != nil {
			since = model.DaysSinceSale(today, lastSale, sku.Launched)
			rv.Dead = model.DeadStock(onHand, since, pol.DeadStockDays)
		}
		if pol.Weekly != nil && rv.MaySoonMatter() {
			rv.Soon = proj.orderBySoon(pol, today, onHand, pending)
		}
		var seen reviewTrace
		if sku.trace != nil {
			seen = reviewTrace{Day: d, Today: today, OnHand: onHand, OnOrder: onOrder,
				Incoming: slices.Clone(proj.receipts(pending)), DaysSinceSale: since, Due: -1}
		}
		if qty := rv.Decide().Qty; qty > 0 {
			if measured {
				res.Orders++
				res.OrderedUnits += qty
			}
			onOrder += qty
			at := d + leadDays(pol, rng)
			if at < days {
				due[at] += qty
			}
			if projects {
				pending = append(pending, pendingOrder{due: at, expected: today + model.Day(pol.LeadDays), qty: qty})
			}
			seen.Qty, seen.Due = qty, at
		}
		if sku.trace != nil {
			sku.trace(seen)
		}
	}
	if lostInCycle && days > warmup {
		res.Cycles++
		res.Failed++
	}
	if res.Days > 0 {
		res.AvgInventory = invDays / float64(res.Days)
	}
	res.HoldingCost = costs.HoldingRate * sku.UnitCost * res.AvgInventory * float64(res.Days) / 365
	res.OrderingCost = float64(res.Orders) * costs.OrderCost
	return res
}

// nextFrom is the day the step after step i starts; never after the last.
func nextFrom(steps []Step, i int) int {
	if i+1 < len(steps) {
		return steps[i+1].From
	}
	return math.MaxInt
}

// arrived drops the orders that arrive on day d.
func arrived(pending []pendingOrder, d int) []pendingOrder {
	kept := pending[:0]
	for _, p := range pending {
		if p.due != d {
			kept = append(kept, p)
		}
	}
	return kept
}

// leadDays is the lead time of one order: L, or L + σ_L·N(0,1) rounded,
// and never under a day (an order placed at the end of a day arrives the
// next morning at the soonest).
func leadDays(pol Policy, rng *rand.Rand) int {
	l := float64(pol.LeadDays)
	if pol.LeadSDDays > 0 {
		l += pol.LeadSDDays * rng.NormFloat64()
	}
	return max(int(math.Round(l)), 1)
}

func ratio(num, den float64) float64 {
	if den <= 0 {
		return 1
	}
	return num / den
}

func weeks(inv, weekly float64) float64 {
	switch {
	case weekly > 0:
		return inv / weekly
	case inv > 0:
		return math.Inf(1)
	}
	return 0
}
