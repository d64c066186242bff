package model

import (
	"math"
	"testing"

	"stockroom/forecast"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestEOQ(t *testing.T) {
	// √(2·520·50 / (0.25·8)) = √26000
	if got := EOQ(520, 50, 0.25, 8); !near(got, 161.2451549659710, 1e-9) {
		t.Errorf("EOQ = %v", got)
	}
	if EOQ(520, 0, 0.25, 8) != 0 || EOQ(0, 50, 0.25, 8) != 0 || EOQ(520, 50, 0.25, 0) != 0 {
		t.Error("EOQ with a missing input should be 0")
	}
}

func base() PlanInput {
	return PlanInput{
		OnHand: 30, Committed: 5,
		WeeklyDemand: 10, DemandSD: 4,
		LeadTimeWeeks: 2, LeadTimeSDWeeks: 0.5,
		ServiceLevel: 0.95, ReviewWeeks: 1,
		OrderCost: 50, HoldingRate: 0.25, UnitCost: 8,
		Active: true, DaysSinceSale: 1, DeadStockDays: 90, ExcessCoverDays: 180,
	}
}

func TestComputeHandNumbers(t *testing.T) {
	p := Compute(base())
	// weekly review, so the risk period is P = L + R = 2 + 1 = 3 weeks:
	// SS = 1.6448536·√(3·4² + 10²·0.5²) = 1.6448536·√73
	if !near(p.SafetyStock, 14.0536355, 1e-6) {
		t.Errorf("SS = %v", p.SafetyStock)
	}
	// ROP = ⌈10·3 + 14.054⌉ = 45
	if p.AutoReorderPoint != 45 || p.ReorderPoint != 45 || p.ReorderPointManual {
		t.Errorf("ROP = %d/%d manual=%v", p.AutoReorderPoint, p.ReorderPoint, p.ReorderPointManual)
	}
	// S = 45 + max(√26000, 10·1)
	if !near(p.OrderUpTo, 45+161.2451549659710, 1e-9) {
		t.Errorf("S = %v", p.OrderUpTo)
	}
	if p.Available != 25 || p.InventoryPosition != 25 {
		t.Errorf("available %d IP %d", p.Available, p.InventoryPosition)
	}
	// 25 / (10/7)
	if !near(p.DaysOfCover, 17.5, 1e-9) {
		t.Errorf("days of cover = %v", p.DaysOfCover)
	}
	if p.Status != StatusLow {
		t.Errorf("status = %v, want low", p.Status)
	}
}

func TestComputeStatuses(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*PlanInput)
		want   Status
		excess int
	}{
		{"nothing available", func(in *PlanInput) { in.OnHand, in.Committed = 4, 4 }, StatusOut, 0},
		// available 25 + 21 on order = 46 > ROP 45; 25 + 20 = 45 is at it
		{"open PO lifts position above ROP", func(in *PlanInput) { in.OnOrder = 21 }, StatusOK, 0},
		{"at ROP is low", func(in *PlanInput) { in.OnOrder = 20 }, StatusLow, 0},
		// limit = S 206.245 + 180·10/7 = 463.388; 600 − 463.388 = 136.6
		{"excess", func(in *PlanInput) { in.OnHand, in.Committed = 600, 0 }, StatusExcess, 136},
		{"dead beats excess", func(in *PlanInput) { in.OnHand, in.Committed, in.DaysSinceSale = 600, 0, 90 }, StatusDead, 136},
		{"89 days is not dead yet", func(in *PlanInput) { in.OnHand, in.Committed, in.DaysSinceSale = 100, 0, 89 }, StatusOK, 0},
		{"discontinued and empty is not out", func(in *PlanInput) { in.OnHand, in.Committed, in.Active = 0, 0, false }, StatusOK, 0},
		{"manual ROP wins", func(in *PlanInput) { in.HasManualReorderPoint, in.ManualReorderPoint = true, 10 }, StatusOK, 0},
	}
	for _, c := range cases {
		in := base()
		c.edit(&in)
		p := Compute(in)
		if p.Status != c.want || p.ExcessUnits != c.excess {
			t.Errorf("%s: status %v excess %d, want %v %d", c.name, p.Status, p.ExcessUnits, c.want, c.excess)
		}
	}
}

func TestComputeNoDemand(t *testing.T) {
	in := base()
	in.WeeklyDemand, in.DemandSD = 0, 0
	p := Compute(in)
	// With no demand every available unit is above the cover target.
	if !math.IsInf(p.DaysOfCover, 1) || p.ReorderPoint != 0 || p.Status != StatusExcess || p.ExcessUnits != 25 {
		t.Errorf("got cover %v ROP %d status %v excess %d", p.DaysOfCover, p.ReorderPoint, p.Status, p.ExcessUnits)
	}
}

func TestDayWeekStart(t *testing.T) {
	cases := []struct{ day, monday string }{
		{"2026-11-27", "2026-11-23"}, // Friday
		{"2026-11-23", "2026-11-23"}, // Monday
		{"2026-11-22", "2026-11-16"}, // Sunday
		{"1970-01-01", "1969-12-29"}, // Thursday, before day 0's Monday
	}
	for _, c := range cases {
		if got := MustDay(c.day).WeekStart().String(); got != c.monday {
			t.Errorf("WeekStart(%s) = %s, want %s", c.day, got, c.monday)
		}
	}
}

func TestWeeklyDemandAdjustsForStockouts(t *testing.T) {
	w := WeeklySales{
		FirstWeek:   MustDay("2026-11-02"),
		Units:       []float32{14, 6, 0, 3},
		InStockDays: []float32{7, 3, 0, 7},
	}
	d := w.Demand()
	if d[0] != 14 || d[1] != 14 || !math.IsNaN(d[2]) || d[3] != 3 {
		t.Errorf("demand = %v, want [14 14 NaN 3]", d)
	}
	// The week of 2026-11-23 ends on Sunday 2026-11-29; as of Friday the 27th it is not complete.
	if got := w.Through(MustDay("2026-11-27")).Weeks(); got != 3 {
		t.Errorf("weeks through Friday = %d, want 3", got)
	}
	if got := w.Through(MustDay("2026-11-29")).Weeks(); got != 4 {
		t.Errorf("weeks through Sunday = %d, want 4", got)
	}
}

func TestDemandThroughPadsAndRecentUnits(t *testing.T) {
	w := WeeklySales{FirstWeek: MustDay("2026-11-02"), Units: []float32{5, 6}, InStockDays: []float32{7, 7}}
	// as of Sunday 2026-11-22: three complete weeks; the third had no rows
	d := w.DemandThrough(MustDay("2026-11-22"))
	if len(d) != 3 || d[0] != 5 || d[1] != 6 || d[2] != 0 {
		t.Errorf("demand %v", d)
	}
	r := w.RecentUnits(MustDay("2026-11-22"), 4)
	if r[0] != 0 || r[1] != 5 || r[2] != 6 || r[3] != 0 {
		t.Errorf("recent %v, want [0 5 6 0]", r)
	}
	if (WeeklySales{}).DemandThrough(MustDay("2026-11-22")) != nil {
		t.Error("no sales should give no series")
	}
}

func TestParseDay(t *testing.T) {
	for _, ok := range []string{"2026-11-27", "2024-02-29", "1970-01-01"} {
		d, err := ParseDay(ok)
		if err != nil || d.String() != ok {
			t.Errorf("ParseDay(%q) = %v, %v", ok, d, err)
		}
	}
	for _, bad := range []string{"2026-02-30", "2026-13-01", "27/11/2026", "2026-1-05", "", "2026-11-2x"} {
		if _, err := ParseDay(bad); err == nil {
			t.Errorf("ParseDay(%q) accepted", bad)
		}
	}
	if MustDay("1970-01-02") != 1 {
		t.Error("day numbering")
	}
}

// Dead stock is not suggested again, however low its position against a
// forecast that expects it to sell; the PM's own quantity still orders.
func TestDeadStockIsNotReordered(t *testing.T) {
	in := base()
	in.DaysSinceSale = 120 // 25 available at 10 a week: position ≤ ROP, but no sale for 120 days
	p := Compute(in)
	if p.Status != StatusDead || !p.Low || p.Reorder || p.SuggestedQty != 0 {
		t.Errorf("dead: status %v, low %v, reorder %v, qty %d", p.Status, p.Low, p.Reorder, p.SuggestedQty)
	}
	in.OrderQty, in.HasOrderQty = 12, true
	if p := Compute(in); !p.Reorder || p.SuggestedQty != 12 {
		t.Errorf("own quantity on dead stock: reorder %v, qty %d", p.Reorder, p.SuggestedQty)
	}
}

// Safety stock is the stock held beyond the mean demand over the risk
// period: never negative. A sporadic SKU whose service-level quantile of
// that demand is below its mean (most risk periods sell nothing) holds
// none, and its reorder point stays the quantile.
func TestSafetyStockIsNeverNegative(t *testing.T) {
	// Poisson(0.2) a week over P = L + R = 1 + 1 = 2 weeks is Poisson(0.4):
	// P(0) = e^−0.4 = 0.6703, P(≤1) = 0.9384, P(≤2) = 0.9921
	poisson := func(in *PlanInput) {
		in.WeeklyDemand, in.DemandSD, in.LeadTimeWeeks, in.LeadTimeSDWeeks = 0.2, math.Sqrt(0.2), 1, 0
		in.Forecast = &forecast.Result{Class: forecast.Intermittent, Mean: []float64{0.2, 0.2}, SD: math.Sqrt(0.2)}
	}
	cases := []struct {
		name string
		edit func(*PlanInput)
		ss   float64
		rop  int
	}{
		// q = 0 < μ·P = 0.4: SS would be 0 − 0.4 = −0.4
		{"sporadic, quantile below the mean", func(in *PlanInput) { poisson(in); in.ServiceLevel = 0.6 }, 0, 0},
		// q = 2: SS = 2 − 0.4
		{"sporadic, quantile above the mean", func(in *PlanInput) { poisson(in); in.ServiceLevel = 0.95 }, 1.6, 2},
		// z = 1.6448536, P = 3, SS = z·√(3·4² + 10²·0.5²) = z·√73, ROP ⌈30 + 14.05⌉
		{"smooth", func(in *PlanInput) {}, 14.0536355, 45},
		// z = Φ⁻¹(0.5) = 0: no safety stock, ROP = ⌈μ·P⌉ = ⌈10·3⌉
		{"smooth at 50 %", func(in *PlanInput) { in.ServiceLevel = 0.5 }, 0, 30},
		{"smooth below 50 %", func(in *PlanInput) { in.ServiceLevel = 0.3 }, 0, 30},
		{"negative σ", func(in *PlanInput) { in.DemandSD, in.LeadTimeSDWeeks = -4, -1 }, 0, 30},
		{"σ not a number", func(in *PlanInput) { in.DemandSD = math.NaN(); in.LeadTimeSDWeeks = 0 }, 0, 30},
	}
	for _, c := range cases {
		in := base()
		c.edit(&in)
		p := Compute(in)
		if !near(p.SafetyStock, c.ss, 1e-6) || p.AutoReorderPoint != c.rop {
			t.Errorf("%s: SS %v ROP %d, want %v and %d", c.name, p.SafetyStock, p.AutoReorderPoint, c.ss, c.rop)
		}
	}
}
