package sim

import (
	"slices"
	"testing"

	"stockroom/forecast"
	"stockroom/model"
)

// start is the calendar day of replay day 0 in these tests.
const start = model.Day(20600)

// ordersOf replays with a trace and returns the orders placed: replay day,
// units, day due.
func ordersOf(sku SKU, steps []Step) (Result, [][3]int) {
	var orders [][3]int
	sku.trace = func(r reviewTrace) {
		if r.Qty > 0 {
			orders = append(orders, [3]int{r.Day, r.Qty, r.Due})
		}
	}
	return ReplaySchedule(sku, steps, Costs{}, 1), orders
}

// The order-by rule orders a review before IP reaches s. Forecast 7 units
// in week 0, then 28 a week; demand 1/day in week 0, then 4/day; s 10,
// S 40, L 7, R 7; 25 on hand, planned on day 0's date.
//
//	day 0   25−1 = 24; review: IP 24 > s. Projection (weeks [7, 28]):
//	        week 0 leaves 17, week 1 runs 4/day: out on day 7 + ⌊17/4⌋+1
//	        = 12, order-by 12 − 7 = day 5 ≤ the next review (7): order
//	        40 − 24 = 16, due day 7
//	days 1–6  23 … 18
//	day 7   18+16 = 34 → 30; review: IP 30 > s. Projection from week 1
//	        ([28, 28]): out on day 7 + 1 = 8 after, order-by 1 ≤ 7: order
//	        10, due day 14 (past the 14 days: stays on order)
//	days 8–13  26 22 18 14 10 6
//
// served all 35; orders 2 of 26 units; one cycle (day 7), no loss; on hand
// 147 + 126 = 273 → 19.5. Without the rule: no order at all (IP 24, then
// 14, stays above s), and days 11–13 run out: served 25 of 35.
func TestReplayOrderByOrdersBeforeTheReorderPoint(t *testing.T) {
	demand := append(constant(1, 7), constant(4, 7)...)
	sku := SKU{Demand: demand, Available: 25, Start: start, LastSale: model.NoDay, Launched: model.NoDay}
	pol := Policy{ReorderPoint: 10, OrderUpTo: 40, ReviewDays: 7, LeadDays: 7, Weekly: []float64{7, 28}, PlannedOn: start}
	r, orders := ordersOf(sku, []Step{{Policy: pol}})
	if want := [][3]int{{0, 16, 7}, {7, 10, 14}}; !slices.Equal(orders, want) {
		t.Errorf("orders (day, units, due) %v, want %v", orders, want)
	}
	if r.Served != 35 || r.Demanded != 35 || r.Orders != 2 || r.OrderedUnits != 26 || r.Cycles != 1 || r.Failed != 0 || !near(r.AvgInventory, 19.5) {
		t.Errorf("served %v of %v, orders %d of %d, cycles %d failed %d, avg %v; want 35 of 35, 2 of 26, 1 0, 19.5",
			r.Served, r.Demanded, r.Orders, r.OrderedUnits, r.Cycles, r.Failed, r.AvgInventory)
	}

	pol.Weekly = nil
	r, orders = ordersOf(sku, []Step{{Policy: pol}})
	if len(orders) != 0 || r.Served != 25 || r.Failed != 1 {
		t.Errorf("without the rule: orders %v, served %v, failed %d; want none, 25, 1", orders, r.Served, r.Failed)
	}
}

// A dead SKU is not reordered: 8 on hand (IP ≤ s 10), last sale 100 days
// before day 0, dead after 90. Reviews on days 0 and 7 hold back; one unit
// sells on day 10 (7 left), so the review of day 14 (4 days since the
// sale) orders S − IP = 30 − 7 = 23, due day 21.
func TestReplayDeadStockIsNotReordered(t *testing.T) {
	demand := constant(0, 28)
	sku := SKU{Demand: demand, Available: 8, Start: start, LastSale: start - 100, Launched: model.NoDay}
	pol := Policy{ReorderPoint: 10, OrderUpTo: 30, ReviewDays: 7, LeadDays: 7, DeadStockDays: 90}
	if r, orders := ordersOf(sku, []Step{{Policy: pol}}); len(orders) != 0 || r.Orders != 0 {
		t.Errorf("a dead SKU ordered %v", orders)
	}

	sku.Demand = slices.Clone(demand)
	sku.Demand[10] = 1
	if _, orders := ordersOf(sku, []Step{{Policy: pol}}); !slices.Equal(orders, [][3]int{{14, 23, 21}}) {
		t.Errorf("after a sale: orders %v, want [[14 23 21]]", orders)
	}

	// without the rule the first review orders 30 − 8 = 22
	pol.DeadStockDays = 0
	if _, orders := ordersOf(SKU{Demand: demand, Available: 8, Start: start, LastSale: start - 100}, []Step{{Policy: pol}}); !slices.Equal(orders, [][3]int{{0, 22, 7}}) {
		t.Errorf("without the rule: orders %v, want [[0 22 7]]", orders)
	}

	// a SKU launched 95 days before, never sold: dead too; one launched
	// 60 days before is not (yet): its review of day 0 orders
	sku = SKU{Demand: demand, Available: 8, Start: start, LastSale: model.NoDay, Launched: start - 95}
	pol.DeadStockDays = 90
	if _, orders := ordersOf(sku, []Step{{Policy: pol}}); len(orders) != 0 {
		t.Errorf("never sold since launch 95 days ago: orders %v", orders)
	}
	sku.Launched = start - 60
	if _, orders := ordersOf(sku, []Step{{Policy: pol}}); len(orders) == 0 || orders[0][0] != 0 {
		t.Errorf("launched 60 days ago: orders %v, want one on day 0", orders)
	}
}

// A re-plan changes s and S from day 14 on. Demand 2/day for 35 days,
// L 7, R 7, 42 on hand; s 28, S 42, then s 16, S 30.
//
//	days 0–6    40 … 28; day 7  26: IP 26 ≤ 28 → order 16, due 14
//	days 8–13   24 … 14
//	day 14      14+16 = 30 → 28: the new policy, IP 28 > 16, no order
//	            (the old one would have ordered 14)
//	days 15–20  26 … 16; day 21  14: IP 14 ≤ 16 → order 16, due 28
//	days 22–27  12 … 2
//	day 28      2+16 = 18 → 16: IP 16 ≤ 16 → order 14, due 35 (past the
//	            35 days: stays on order)
//	days 29–34  14 … 4
//
// arrivals on days 14 and 28: two cycles, no loss; orders 3 of 46 units;
// on hand 238 + 140 + 154 + 56 + 70 = 658 → 18.8.
func TestReplayScheduleChangesThePolicy(t *testing.T) {
	sku := SKU{Demand: constant(2, 35), Available: 42}
	first := Policy{ReorderPoint: 28, OrderUpTo: 42, ReviewDays: 7, LeadDays: 7}
	second := Policy{ReorderPoint: 16, OrderUpTo: 30, ReviewDays: 7, LeadDays: 7}
	r, orders := ordersOf(sku, []Step{{Policy: first}, {From: 14, Policy: second}})
	if want := [][3]int{{7, 16, 14}, {21, 16, 28}, {28, 14, 35}}; !slices.Equal(orders, want) {
		t.Errorf("orders (day, units, due) %v, want %v", orders, want)
	}
	if r.Orders != 3 || r.OrderedUnits != 46 || r.Cycles != 2 || r.Failed != 0 || r.Served != 70 || !near(r.AvgInventory, 18.8) {
		t.Errorf("orders %d of %d, cycles %d failed %d, served %v, avg %v; want 3 of 46, 2 0, 70, 18.8",
			r.Orders, r.OrderedUnits, r.Cycles, r.Failed, r.Served, r.AvgInventory)
	}
	// one step is Replay
	if a, b := ReplaySchedule(sku, []Step{{Policy: first}}, Costs{}, 1), Replay(sku, first, Costs{}, 1); a != b {
		t.Errorf("a one-step schedule %+v, Replay %+v", a, b)
	}
}

// weeksFrom spreads each forecast week over its days: 3 days into week 0
// of [7, 14, 28], the next 7 days hold 4 days of week 0 and 3 of week 1:
// (4·7 + 3·14)/7 = 10; then (4·14 + 3·28)/7 = 20; then week 2 held:
// (4·28 + 3·28)/7 = 28.
func TestWeeksFrom(t *testing.T) {
	got := weeksFrom(nil, []float64{7, 14, 28}, 3, 3)
	if want := []float64{10, 20, 28}; len(got) != 3 || !near(got[0], want[0]) || !near(got[1], want[1]) || !near(got[2], want[2]) {
		t.Errorf("weeksFrom = %v, want %v", got, want)
	}
	if got := weeksFrom(nil, []float64{7, 14, 28}, 14, 2); !slices.Equal(got, []float64{28, 28}) {
		t.Errorf("two weeks in: %v, want [28 28]", got)
	}
	if got := weeksFrom(nil, nil, 0, 2); len(got) != 0 {
		t.Errorf("no forecast: %v", got)
	}
}

// Every review of a replay decides as model.Compute (the planner's
// suggestion) does on the same state: the replay's stock, orders on their
// way by expected day, days since a sale, and the forecast read from the
// review day on. The cases cover an order the order-by rule places, one at
// the reorder point, and a dead SKU held back.
func TestReplayDecidesAsThePlanner(t *testing.T) {
	mean := make([]float64, 40)
	for w := range mean {
		mean[w] = 14
		if w >= 3 {
			mean[w] = 42 // a season starts in week 3
		}
	}
	// demand per day, week after week: what the forecast expects, lumpy
	var demand []float64
	for w := range 12 {
		for d := range 7 {
			units := 0.0
			if d%3 == 0 {
				units = mean[w] / 7 * 3
			}
			demand = append(demand, units)
		}
	}
	cases := []struct {
		name     string
		sku      SKU
		lead     int
		spread   float64
		dead     int
		rounding model.Rounding
		mu       float64 // the planning μ_w: S = s + μ_w
	}{
		{"season", SKU{Demand: demand, Available: 30}, 14, 0, 0, model.RoundUp, 30},
		{"late open order", SKU{Demand: demand, Available: 40, Incoming: []Arrival{{Day: 30, Qty: 60}}}, 7, 0, 0, model.RoundNearest, 30},
		{"drawn lead times", SKU{Demand: demand, Available: 30}, 14, 7, 0, model.RoundDown, 90},
		{"dead, then sells", SKU{Demand: append(constant(0, 40), demand[:44]...), Available: 20, LastSale: start - 80}, 7, 0, 60, model.RoundUp, 30},
	}
	kinds := map[string]int{}
	for _, c := range cases {
		sku := c.sku
		sku.Start, sku.Launched = start, model.NoDay
		if sku.LastSale == 0 {
			sku.LastSale = start - 1
		}
		in := model.PlanInput{
			WeeklyDemand: c.mu, LeadTimeWeeks: float64(c.lead) / 7, ServiceLevel: 0.95, ReviewWeeks: 1,
			ManualReorderPoint: 45, HasManualReorderPoint: true,
			CasePack: 6, MOQ: 12, Rounding: c.rounding,
			Active: true, DeadStockDays: c.dead,
		}
		plan := model.Compute(in) // S = s + μ_w·R
		pol := Policy{
			ReorderPoint: float64(plan.ReorderPoint), OrderUpTo: plan.OrderUpTo, ReviewDays: 7,
			LeadDays: c.lead, LeadSDDays: c.spread, CasePack: 6, MOQ: 12, Rounding: c.rounding,
			Weekly: mean, PlannedOn: start, DeadStockDays: c.dead,
		}
		// the orders on their way, kept here as the planner sees them:
		// expected a lead time after they were placed, whenever a drawn
		// lead time brings them
		type onItsWay struct {
			expected model.Day
			due, qty int
		}
		var way []onItsWay
		for _, a := range sku.Incoming {
			way = append(way, onItsWay{start + model.Day(a.Day), a.Day, a.Qty})
		}
		reviews := 0
		sku.trace = func(r reviewTrace) {
			reviews++
			if r.OnHand != float64(int(r.OnHand)) {
				t.Fatalf("%s day %d: on hand %v is not whole", c.name, r.Day, r.OnHand)
			}
			way = slices.DeleteFunc(way, func(o onItsWay) bool { return o.due <= r.Day })
			var incoming []model.Receipt
			onOrder := 0
			for _, o := range way {
				incoming = append(incoming, model.Receipt{Day: o.expected, Qty: o.qty})
				onOrder += o.qty
			}
			slices.SortStableFunc(incoming, func(a, b model.Receipt) int { return int(a.Day - b.Day) })
			if !slices.Equal(incoming, r.Incoming) {
				t.Errorf("%s day %d: the replay projects receipts %v, the planner would see %v", c.name, r.Day, r.Incoming, incoming)
			}
			if onOrder != r.OnOrder {
				t.Errorf("%s day %d: on order %d, the orders on their way hold %d", c.name, r.Day, r.OnOrder, onOrder)
			}
			if r.Qty > 0 {
				way = append(way, onItsWay{r.Today + model.Day(c.lead), r.Due, r.Qty})
			}
			at := in
			at.OnHand, at.OnOrder, at.Today, at.Incoming = int(r.OnHand), onOrder, r.Today, incoming
			at.DaysSinceSale = r.DaysSinceSale
			// the forecast as seen from the review day: reviews fall on
			// whole weeks after the planning day
			at.Forecast = &forecast.Result{Mean: mean[r.Day/7:]}
			p := model.Compute(at)
			if p.SuggestedQty != r.Qty {
				t.Errorf("%s day %d (on hand %v, on order %d, incoming %v): replay orders %d, planner %d (low %v, order-by %s, status %v)",
					c.name, r.Day, r.OnHand, r.OnOrder, r.Incoming, r.Qty, p.SuggestedQty, p.Low, p.OrderBy, p.Status)
			}
			switch {
			case p.Reorder && p.Low:
				kinds["low"]++
			case p.Reorder:
				kinds["order-by"]++
			case p.Status == model.StatusDead && p.InventoryPosition <= p.ReorderPoint:
				kinds["dead"]++
			}
		}
		ReplaySchedule(sku, []Step{{Policy: pol}}, Costs{}, 7)
		if reviews != len(sku.Demand)/7+boolInt(len(sku.Demand)%7 != 0) {
			t.Errorf("%s: %d reviews", c.name, reviews)
		}
	}
	for _, k := range []string{"low", "order-by", "dead"} {
		if kinds[k] == 0 {
			t.Errorf("no review ordered (or held back) by the %s rule: %v", k, kinds)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
