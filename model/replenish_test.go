package model

import (
	"math"
	"testing"

	"stockroom/forecast"
)

// poissonish is an intermittent forecast of 0.5 a week whose weekly error
// variance 0.5 equals its mean, so demand over h weeks is Poisson(0.5·h).
func poissonish() *forecast.Result {
	return &forecast.Result{Method: "TSB", Class: forecast.Intermittent, Mean: []float64{0.5, 0.5, 0.5, 0.5}, SD: math.Sqrt(0.5)}
}

func TestLeadTimeDemandQuantilePoisson(t *testing.T) {
	f := poissonish()
	cases := []struct {
		L, p, want float64
	}{
		// Poisson(1): P(≤1) = 0.7358, P(≤2) = 0.9197, P(≤3) = 0.9810
		{2, 0.90, 2},
		{2, 0.95, 3},
		{2, 0.98, 3},
		// Poisson(0.5): P(≤1) = 0.9098, P(≤2) = 0.9856 → 2; halfway to 3
		{1.5, 0.95, 2.5},
		// under a week: from 0 towards Poisson(0.5)'s 2
		{0.5, 0.95, 1},
		{0, 0.95, 0},
	}
	for _, c := range cases {
		if got := LeadTimeDemandQuantile(f, c.L, c.p); !near(got, c.want, 1e-9) {
			t.Errorf("L %v p %v: %v, want %v", c.L, c.p, got, c.want)
		}
	}
}

func TestComputeSporadicUsesTheQuantile(t *testing.T) {
	in := base()
	in.Forecast = poissonish()
	in.WeeklyDemand, in.DemandSD = 0.5, math.Sqrt(0.5)
	in.LeadTimeWeeks, in.LeadTimeSDWeeks = 1.5, 0.5 // σ_L plays no part
	p := Compute(in)
	// P = L + R = 2.5 weeks, halfway between Poisson(1)'s 95 % quantile 3
	// and Poisson(1.5)'s 4 (P(≤3) = 0.9344, P(≤4) = 0.9814): q = 3.5 →
	// ROP 4; SS = 3.5 − 0.5·2.5 = 2.25
	if p.AutoReorderPoint != 4 || !near(p.SafetyStock, 2.25, 1e-9) {
		t.Errorf("ROP %d SS %v, want 4 and 2.25", p.AutoReorderPoint, p.SafetyStock)
	}
	// the same forecast called smooth takes the normal formula:
	// 1.6448536·√(2.5·0.5 + 0.25·0.25) = 1.6448536·√1.3125 = 1.884417,
	// ROP ⌈0.5·2.5 + 1.884⌉ = ⌈3.134⌉ = 4
	smooth := *in.Forecast
	smooth.Class = forecast.Smooth
	in.Forecast = &smooth
	if p := Compute(in); !near(p.SafetyStock, 1.884417, 1e-6) || p.AutoReorderPoint != 4 {
		t.Errorf("smooth: SS %v ROP %d", p.SafetyStock, p.AutoReorderPoint)
	}
}

// planned is base() with a forecast and a planning day: available 25,
// μ_w 10, ROP 45 (over L + R = 3 weeks), S = 45 + √26000 = 206.245.
func planned() PlanInput {
	in := base()
	in.Today = MustDay("2026-11-22")
	in.Forecast = &forecast.Result{Class: forecast.Smooth, Mean: []float64{10, 10, 10, 10, 10, 10}, SD: 4}
	in.CasePack = 12
	return in
}

func TestComputeSuggestsBelowReorderPoint(t *testing.T) {
	p := Compute(planned())
	// IP 25 ≤ ROP 45: need 206.245 − 25 = 181.245 → 15.1 → 16 cases of 12
	if !p.Reorder || !near(p.Need, 181.2451549659710, 1e-9) || p.SuggestedQty != 192 || p.QtyManual {
		t.Errorf("reorder %v need %v qty %d manual %v", p.Reorder, p.Need, p.SuggestedQty, p.QtyManual)
	}
	if !near(p.OrderValue, 192*8, 1e-9) {
		t.Errorf("order value %v", p.OrderValue)
	}
	// 25 units at 10/7 a day: 17.5 days, short on day 18; order-by 14 days earlier
	if p.Stockout != MustDay("2026-12-10") || p.OrderBy != MustDay("2026-11-26") {
		t.Errorf("stockout %v order-by %v", p.Stockout, p.OrderBy)
	}
}

func TestComputeOrderByWithinReviewTriggers(t *testing.T) {
	in := planned()
	in.OnOrder = 21 // IP 46 > ROP 45: not low
	// demand jumps in week 3: 25 − 10 − 10 = 5 left, 40/7 a day → short on day 15
	in.Forecast.Mean = []float64{10, 10, 40, 40, 40, 40}
	p := Compute(in)
	// order-by = day 15 − 14 = day 1 ≤ today + 7
	if p.OrderBy != in.Today+1 || !p.Reorder {
		t.Fatalf("order-by %v reorder %v", p.OrderBy, p.Reorder)
	}
	// need 206.245 − 46 = 160.245 → 13.35 → 14 cases
	if p.SuggestedQty != 168 {
		t.Errorf("qty %d, want 168", p.SuggestedQty)
	}
	// the same with a stockout beyond the review period: 25 − 15 = 10
	// left after three weeks of 5, then 40/7 a day → short on day 23,
	// order-by day 9 > today + 7: no order yet
	in.Forecast.Mean = []float64{5, 5, 5, 40, 40, 40}
	if p := Compute(in); p.Reorder || p.SuggestedQty != 0 || p.Need != 0 {
		t.Errorf("far stockout (order-by %v): reorder %v qty %d need %v", p.OrderBy, p.Reorder, p.SuggestedQty, p.Need)
	}
}

func TestComputeOrderQuantityEdges(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*PlanInput)
		want   int
		manual bool
	}{
		{"MOQ above the need", func(in *PlanInput) { in.MOQ = 250 }, 252, false},
		// need 181.245 = 15.10 cases: 15 either way
		{"round down", func(in *PlanInput) { in.Rounding = RoundDown }, 180, false},
		{"nearest", func(in *PlanInput) { in.Rounding = RoundNearest }, 180, false},
		{"PM's quantity wins, unrounded", func(in *PlanInput) { in.OrderQty, in.HasOrderQty = 50, true }, 50, true},
		{"PM's zero keeps the SKU listed", func(in *PlanInput) { in.OrderQty, in.HasOrderQty = 0, true }, 0, true},
		// IP 215 > S 206.2: nothing needed
		{"zero need", func(in *PlanInput) { in.OnOrder = 190 }, 0, false},
		{"discontinued orders nothing", func(in *PlanInput) { in.Active = false }, 0, false},
	}
	for _, c := range cases {
		in := planned()
		c.edit(&in)
		p := Compute(in)
		if p.SuggestedQty != c.want || p.QtyManual != c.manual || p.Reorder != (c.want > 0 || c.manual) {
			t.Errorf("%s: qty %d manual %v reorder %v, want %d %v", c.name, p.SuggestedQty, p.QtyManual, p.Reorder, c.want, c.manual)
		}
	}
}

func TestComputeStockoutCountsOpenOrders(t *testing.T) {
	in := planned()
	in.OnOrder = 20
	in.Incoming = []Receipt{{MustDay("2026-11-29"), 20}} // 45 units at 10/7 a day: 31.5 days
	p := Compute(in)
	if p.Stockout != MustDay("2026-12-24") || p.OrderBy != MustDay("2026-12-10") {
		t.Errorf("stockout %v order-by %v", p.Stockout, p.OrderBy)
	}
}

// A suggestion, once ordered (the draft counts as on order), is covered:
// the part of a case that rounding left off must not come back as a case
// of its own (after o y a 1-unit top-up was suggested).
func TestComputeOrderedSuggestionIsCovered(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(*PlanInput)
		qty     int     // suggested before ordering
		needNow float64 // S − IP once it is on order
	}{
		// order-by day 1 ≤ today + 7 with IP 46 > ROP 45: need 206.245 − 46 =
		// 160.245, ⌊13.35⌋ = 13 cases; on order, 4.245 is left: under a case
		{"order-by, down", func(in *PlanInput) {
			in.OnOrder, in.Rounding = 21, RoundDown
			in.Forecast.Mean = []float64{10, 10, 40, 40, 40, 40}
		}, 156, 4.2451549659710},
		// IP 47: need 159.245, round(13.27) = 13 cases; 3.245 left: 0.27 of a case
		{"order-by, nearest", func(in *PlanInput) {
			in.OnOrder, in.Rounding = 22, RoundNearest
			in.Forecast.Mean = []float64{10, 10, 40, 40, 40, 40}
		}, 156, 3.2451549659710},
		// no order cost: EOQ 0, S = 45 + 10·1 = 55; IP 21 ≤ ROP 45: need 34
		// rounds down to 24, which leaves IP 45, still low; lifting it above
		// 45 takes 25 units: 3 cases, and S − IP = 55 − 57
		{"low, down, cycle stock under a case", func(in *PlanInput) {
			in.OnHand, in.OrderCost, in.Rounding = 26, 0, RoundDown
		}, 36, -2},
	}
	for _, c := range cases {
		in := planned()
		c.edit(&in)
		p := Compute(in)
		if !p.Reorder || p.SuggestedQty != c.qty {
			t.Errorf("%s: reorder %v qty %d, want %d", c.name, p.Reorder, p.SuggestedQty, c.qty)
			continue
		}
		in.OnOrder += p.SuggestedQty // drafted
		after := Compute(in)
		if !near(after.OrderUpTo-float64(after.InventoryPosition), c.needNow, 1e-9) {
			t.Errorf("%s: S − IP on order %v, want %v", c.name, after.OrderUpTo-float64(after.InventoryPosition), c.needNow)
		}
		if after.Reorder || after.SuggestedQty != 0 || after.Need != 0 {
			t.Errorf("%s: ordered %d, then reorder %v qty %d need %v", c.name, p.SuggestedQty, after.Reorder, after.SuggestedQty, after.Need)
		}
	}
}

// The same over a grid of positions, packs, rules, MOQs and triggers: no
// suggestion, once on order, is followed by another.
func TestComputeNoSuggestionAfterOrdering(t *testing.T) {
	means := [][]float64{{10, 10, 10, 10, 10, 10}, {10, 10, 40, 40, 40, 40}, {3, 3, 3, 3, 3, 3}}
	for _, mean := range means {
		for onHand := 0; onHand <= 80; onHand++ {
			for _, pack := range []int{1, 5, 12, 24, 100} {
				for _, rule := range []Rounding{RoundUp, RoundNearest, RoundDown} {
					for _, moq := range []int{0, 30} {
						for _, cost := range []float64{0, 50} {
							in := planned()
							in.Forecast.Mean = mean
							in.OnHand, in.CasePack, in.Rounding, in.MOQ, in.OrderCost = onHand, pack, rule, moq, cost
							p := Compute(in)
							if !p.Reorder {
								continue
							}
							in.OnOrder += p.SuggestedQty
							if after := Compute(in); after.Reorder {
								t.Fatalf("on hand %d, pack %d, %s, MOQ %d, cost %v, mean %v: ordered %d (need %.3f), then %d more (need %.3f)",
									onHand, pack, rule, moq, cost, mean, p.SuggestedQty, p.Need, after.SuggestedQty, after.Need)
							}
						}
					}
				}
			}
		}
	}
}

// The order part of the order-up-to level: min(max(EOQ, μ·R), μ·cap).
// μ 2/wk, R 1 wk: an EOQ of 100 units (50 weeks of demand) is capped at
// 26 weeks = 52; an EOQ of 30 stays; an EOQ under a review's demand is
// raised to it; no cap (0) leaves the EOQ.
func TestOrderCoverIsCapped(t *testing.T) {
	for _, c := range []struct{ eoq, mu, review, cap, want float64 }{
		{100, 2, 1, 26, 52},
		{30, 2, 1, 26, 30},
		{1, 2, 1, 26, 2},
		{100, 2, 1, 0, 100},
		{100, 0, 1, 26, 0},
	} {
		if got := orderCover(c.eoq, c.mu, c.review, c.cap); got != c.want {
			t.Errorf("orderCover(%v, %v, %v, %v) = %v, want %v", c.eoq, c.mu, c.review, c.cap, got, c.want)
		}
	}
	// through Compute: μ 2, L 2 wk, R 1 wk, σ 0 → ROP 2·3 = 6; EOQ
	// √(2·104·50/(0.25·1)) = 203.96 would make S 210; the 26-week cap
	// makes it 6 + 52 = 58
	in := PlanInput{WeeklyDemand: 2, LeadTimeWeeks: 2, ServiceLevel: 0.95, ReviewWeeks: 1,
		OrderCost: 50, HoldingRate: 0.25, UnitCost: 1, MaxCoverWeeks: 26, Active: true, Today: 100}
	if p := Compute(in); p.OrderUpTo != 58 || math.Abs(p.EOQ-203.96) > 0.01 {
		t.Errorf("S %v EOQ %v, want 58 and 203.96", p.OrderUpTo, p.EOQ)
	}
}
