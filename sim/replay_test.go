package sim

import (
	"math"
	"testing"

	"stockroom/model"
)

func constant(v float64, days int) []float64 {
	out := make([]float64, days)
	for i := range out {
		out[i] = v
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// Constant demand 2/day, L 7, R 7, s 28, S 42, start with 42 on hand, 28 days.
//
//	day 0      42−2 = 40, review: IP 40 > 28, no order
//	days 1–6   38 36 34 32 30 28
//	day 7      26, review: IP 26 ≤ 28 → order 42−26 = 16, due day 14
//	days 8–13  24 22 20 18 16 14
//	day 14     14+16 = 30 → 28, review: IP 28 ≤ 28 → order 14, due day 21
//	days 15–20 26 … 16
//	day 21     16+14 = 30 → 28, order 14, due day 28 (after the horizon)
//	days 22–27 26 … 16
//
// end-of-day on hand: 238 + 140 + 154 + 154 = 686 → average 686/28 = 24.5;
// orders 3 (16+14+14 = 44 units); served = demanded = 56; cycles closed by
// the arrivals of days 14 and 21: 2, none failed; weekly demand 14 → weeks
// of stock 24.5/14 = 1.75; holding 0.365 × 10 × 24.5 × 28/365 = 6.86;
// ordering 3 × 5 = 15.
func TestReplayConstantDemand(t *testing.T) {
	sku := SKU{Class: model.ClassA, UnitCost: 10, Demand: constant(2, 28), Available: 42}
	pol := Policy{ReorderPoint: 28, OrderUpTo: 42, ReviewDays: 7, LeadDays: 7}
	r := Replay(sku, pol, Costs{HoldingRate: 0.365, OrderCost: 5}, 1)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"demanded", r.Demanded, 56},
		{"served", r.Served, 56},
		{"fill", r.Fill(), 1},
		{"orders", float64(r.Orders), 3},
		{"ordered units", float64(r.OrderedUnits), 44},
		{"cycles", float64(r.Cycles), 2},
		{"failed", float64(r.Failed), 0},
		{"csl", r.CSL(), 1},
		{"avg inventory", r.AvgInventory, 24.5},
		{"weeks of stock", r.WeeksOfStock(), 1.75},
		{"holding cost", r.HoldingCost, 6.86},
		{"ordering cost", r.OrderingCost, 15},
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// Demand 3/day for 14 days, 10 on hand, s 5, S 20, L 2, R 7.
//
//	day 0  10−3 = 7, review: IP 7 > 5
//	day 1  4; day 2  1; day 3  serves 1, loses 2 → 0
//	days 4–6 lose 3 each; day 7 loses 3, review: IP 0 → order 20, due day 9
//	day 8  loses 3
//	day 9  20 arrive → 17 (closes the cycle with lost sales: one failure)
//	days 10–13  14 11 8 5 (day 13 is no review day)
//
// demanded 42; served 9 + 1 + 15 = 25; fill 25/42; lost sales on six days
// but one cycle, failed: CSL 0. On hand 7+4+1+0·6+17+14+11+8+5 = 67 →
// average 67/14.
func TestReplayLostSales(t *testing.T) {
	sku := SKU{Class: model.ClassC, UnitCost: 4, Demand: constant(3, 14), Available: 10}
	pol := Policy{ReorderPoint: 5, OrderUpTo: 20, ReviewDays: 7, LeadDays: 2}
	r := Replay(sku, pol, Costs{}, 1)
	if r.Demanded != 42 || r.Served != 25 || !near(r.Fill(), 25.0/42) {
		t.Errorf("demanded %v served %v fill %v, want 42 25 %v", r.Demanded, r.Served, r.Fill(), 25.0/42)
	}
	if r.Orders != 1 || r.OrderedUnits != 20 {
		t.Errorf("orders %d of %d units, want 1 of 20", r.Orders, r.OrderedUnits)
	}
	if r.Cycles != 1 || r.Failed != 1 || r.CSL() != 0 {
		t.Errorf("cycles %d failed %d csl %v, want 1 1 0", r.Cycles, r.Failed, r.CSL())
	}
	if !near(r.AvgInventory, 67.0/14) {
		t.Errorf("avg inventory %v, want %v", r.AvgInventory, 67.0/14)
	}
}

// The constant case with 20 sold on day 10:
//
//	day 7   26, order 16 due day 14
//	day 8   24; day 9  22; day 10  22−20 = 2; day 11  0
//	days 12, 13 lose 2 each (two days, one cycle)
//	day 14  0+16 = 16 → 14: closes cycle 1 (days 0–13), failed;
//	        review: IP 14 → order 28, due day 21
//	days 15–20  12 … 2
//	day 21  2+28 = 30 → 28: closes cycle 2 (days 14–20), no loss;
//	        review: order 14, due after the horizon
//
// cycles 2, failed 1, CSL 0.5; demanded 54 + 20 = 74, lost 4, served 70;
// orders 3 of 16 + 28 + 14 = 58 units.
func TestReplayCycleWithLostSaleCountedOnce(t *testing.T) {
	demand := constant(2, 28)
	demand[10] = 20
	sku := SKU{Demand: demand, Available: 42}
	pol := Policy{ReorderPoint: 28, OrderUpTo: 42, ReviewDays: 7, LeadDays: 7}
	r := Replay(sku, pol, Costs{}, 1)
	if r.Cycles != 2 || r.Failed != 1 || r.CSL() != 0.5 {
		t.Errorf("cycles %d failed %d csl %v, want 2 1 0.5", r.Cycles, r.Failed, r.CSL())
	}
	if r.Demanded != 74 || r.Served != 70 {
		t.Errorf("demanded %v served %v, want 74 70", r.Demanded, r.Served)
	}
	if r.Orders != 3 || r.OrderedUnits != 58 {
		t.Errorf("orders %d of %d units, want 3 of 58", r.Orders, r.OrderedUnits)
	}
}

// The constant case with a case pack of 10:
//
//	day 7   IP 26: need 16 → 2 cases = 20, due day 14 (IP 46)
//	day 14  14+20 = 34 → 32, IP 32 > 28: no order
//	day 21  32 − 7·2 = 18, IP 18: need 24 → 30, due after the horizon
//
// orders 2 of 50 units; on hand 238 + 140 + (32…20: 182) + (18…6: 84) = 644
// → average 23; one cycle (arrival of day 14), no loss.
func TestReplayCasePack(t *testing.T) {
	sku := SKU{Demand: constant(2, 28), Available: 42}
	pol := Policy{ReorderPoint: 28, OrderUpTo: 42, ReviewDays: 7, LeadDays: 7, CasePack: 10}
	r := Replay(sku, pol, Costs{}, 1)
	if r.Orders != 2 || r.OrderedUnits != 50 || !near(r.AvgInventory, 23) || r.Cycles != 1 || r.Failed != 0 {
		t.Errorf("orders %d units %d avg %v cycles %d failed %d, want 2 50 23 1 0",
			r.Orders, r.OrderedUnits, r.AvgInventory, r.Cycles, r.Failed)
	}
}

func TestOrderQty(t *testing.T) {
	cases := []struct {
		name      string
		ip, s, S  float64
		pack, moq int
		rule      model.Rounding
		want      int
	}{
		{"above s orders nothing", 29, 28, 42, 1, 0, model.RoundUp, 0},
		{"at s orders S − IP", 28, 28, 42, 1, 0, model.RoundUp, 14},
		{"need 16, pack 12: up to 2 cases", 26, 28, 42, 12, 0, model.RoundUp, 24},
		{"need 16, pack 12, MOQ 30: 3 cases", 26, 28, 42, 12, 30, model.RoundUp, 36},
		{"need 16, pack 12, down: 1 case", 26, 28, 42, 12, 0, model.RoundDown, 12},
		// need 5 rounds down to no case, but IP 28 ≤ s asks for at least
		// 28 − 28 + 1 = 1 unit: a whole case
		{"down to nothing still lifts IP above s", 28, 28, 33, 12, 0, model.RoundDown, 12},
		{"fractional IP 27.5 ≤ s 28: need 14.5 → 15", 27.5, 28, 42, 1, 0, model.RoundUp, 15},
		{"S at or below IP orders nothing", 0, 0, 0, 1, 0, model.RoundUp, 0},
	}
	for _, c := range cases {
		// a baseline's review: sells, no order-by or dead-stock rule
		rv := model.Review{Position: c.ip, ReorderPoint: c.s, OrderUpTo: c.S, Sells: true, CasePack: c.pack, MOQ: c.moq, Rounding: c.rule}
		got := rv.Decide().Qty
		if got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

// Nothing on hand, 10 units due on day 2, demand 1/day for 5 days, s −1 (no
// reviews order): days 0, 1 lose 1 each; day 2 the 10 arrive (closing a
// failed cycle) → 9, then 8, 7. Served 3 of 5; on hand 0+0+9+8+7 = 24 → 4.8.
// An order due after the horizon stays on order and keeps IP above s.
func TestReplayOpenOrders(t *testing.T) {
	sku := SKU{Demand: constant(1, 5), Incoming: []Arrival{{Day: 2, Qty: 10}}}
	r := Replay(sku, Policy{ReorderPoint: -1, OrderUpTo: 10, ReviewDays: 1, LeadDays: 1}, Costs{}, 1)
	if r.Served != 3 || r.Demanded != 5 || r.Cycles != 1 || r.Failed != 1 || !near(r.AvgInventory, 4.8) {
		t.Errorf("served %v of %v, cycles %d failed %d, avg %v; want 3 of 5, 1 1, 4.8",
			r.Served, r.Demanded, r.Cycles, r.Failed, r.AvgInventory)
	}
	// an order overdue on the as-of day arrives on day 0: it closes no
	// cycle, since none ran before it
	sku = SKU{Demand: constant(1, 3), Incoming: []Arrival{{Day: -3, Qty: 5}}}
	r = Replay(sku, Policy{ReorderPoint: -1}, Costs{}, 1)
	if r.Served != 3 || r.Cycles != 0 || r.CSL() != 1 {
		t.Errorf("overdue order: served %v cycles %d csl %v, want 3 0 1", r.Served, r.Cycles, r.CSL())
	}
	// 5 on hand, 100 due on day 50: IP 105 − sales stays above s 5
	sku = SKU{Demand: constant(1, 5), Available: 5, Incoming: []Arrival{{Day: 50, Qty: 100}}}
	r = Replay(sku, Policy{ReorderPoint: 5, OrderUpTo: 20, ReviewDays: 1, LeadDays: 1}, Costs{}, 1)
	if r.Orders != 0 || r.Served != 5 {
		t.Errorf("orders %d served %v, want 0 5", r.Orders, r.Served)
	}
}

// Week 1 (days 0–6): day 2 censored with 0 sold; the five uncensored days
// (0, 1, 3, 4, 6) sold 2 each → imputed 10/5 = 2 (2 added). Day 5 censored with 5 sold,
// above the week's mean 2: kept at 5. Week 2 (days 7–9, all censored,
// recorded 1 0 0): no uncensored day, so μ_w/7 = 7/7 = 1: day 7 keeps its
// 1, days 8 and 9 become 1 (2 added). 4 added in all.
func TestImputeDemand(t *testing.T) {
	demand := []float64{2, 2, 0, 2, 2, 5, 2, 1, 0, 0}
	censored := []bool{false, false, true, false, false, true, false, true, true, true}
	got, added := ImputeDemand(demand, censored, 7)
	want := []float64{2, 2, 2, 2, 2, 5, 2, 1, 1, 1}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("day %d = %v, want %v", i, got[i], want[i])
		}
	}
	if !near(added, 4) {
		t.Errorf("added %v, want 4", added)
	}
}

// A censored day is replayed as demand, not as zero: 2/day for 7 days with
// day 3 censored at 0 is 14 units demanded, not 12.
func TestReplayImputesCensoredDay(t *testing.T) {
	demand := constant(2, 7)
	demand[3] = 0
	censored := make([]bool, 7)
	censored[3] = true
	r := Replay(SKU{Demand: demand, Censored: censored, Available: 100}, Policy{ReorderPoint: -1}, Costs{}, 1)
	if r.Demanded != 14 || r.Imputed != 2 || r.Served != 14 {
		t.Errorf("demanded %v imputed %v served %v, want 14 2 14", r.Demanded, r.Imputed, r.Served)
	}
}

func TestLeadTimeDraws(t *testing.T) {
	sku := SKU{Demand: constant(3, 140), Available: 20}
	pol := Policy{ReorderPoint: 30, OrderUpTo: 60, ReviewDays: 7, LeadDays: 7, LeadSDDays: 3}
	a, b := Replay(sku, pol, Costs{}, 42), Replay(sku, pol, Costs{}, 42)
	if a != b {
		t.Errorf("same seed, different replays: %+v vs %+v", a, b)
	}
	pol.LeadSDDays = 0
	fixed := Replay(sku, pol, Costs{}, 42)
	if other := Replay(sku, pol, Costs{}, 7); fixed != other {
		t.Errorf("without a spread the seed must not matter: %+v vs %+v", fixed, other)
	}
	// a lead time of 0 days still arrives the next morning
	pol.LeadDays = 0
	if got := leadDays(pol, nil); got != 1 {
		t.Errorf("lead 0 → %d days, want 1", got)
	}
}

// Warm-up: the first Warmup days are replayed but not measured.
//
// The constant case (2/day, s 28, S 42, 42 on hand) with 14 days of warm-up
// measures days 14–27: the arrival of day 14 (first measured day) closes
// nothing; orders of days 14 and 21 (2, of 14 each); the arrival of day 21
// closes 1 cycle; demanded = served = 28; on hand 154 + 154 = 308 over 14
// days → 22.
//
// The spike case (20 sold on day 10, lost sales on days 12 and 13):
// with 7 days of warm-up the loss is measured (arrivals of days 14 and 21:
// 2 cycles, 1 failed; orders of days 7, 14, 21); with 14 days of warm-up
// the loss falls in the warm-up and the arrival of day 14 closes nothing
// measured: 1 cycle (day 21), none failed; demanded 28, served 28.
func TestReplayWarmup(t *testing.T) {
	pol := Policy{ReorderPoint: 28, OrderUpTo: 42, ReviewDays: 7, LeadDays: 7}
	r := Replay(SKU{Demand: constant(2, 28), Available: 42, Warmup: 14}, pol, Costs{}, 1)
	if r.Days != 14 || r.Demanded != 28 || r.Served != 28 || r.Orders != 2 || r.OrderedUnits != 28 ||
		r.Cycles != 1 || r.Failed != 0 || !near(r.AvgInventory, 22) {
		t.Errorf("constant, 14 days warm-up: %+v", r)
	}
	spike := constant(2, 28)
	spike[10] = 20
	r = Replay(SKU{Demand: spike, Available: 42, Warmup: 7}, pol, Costs{}, 1)
	if r.Cycles != 2 || r.Failed != 1 || r.Orders != 3 || r.Demanded != 60 || r.Served != 56 {
		t.Errorf("spike, 7 days warm-up: %+v", r)
	}
	r = Replay(SKU{Demand: spike, Available: 42, Warmup: 14}, pol, Costs{}, 1)
	if r.Cycles != 1 || r.Failed != 0 || r.Demanded != 28 || r.Served != 28 {
		t.Errorf("spike, 14 days warm-up: %+v", r)
	}
}
