package sim

import (
	"math"
	"testing"

	"stockroom/forecast"
)

// 100 days of history: the 9 oldest sold 50 each (outside the 13-week
// window), the last 91 sold 2 each except a censored day with 0, left out
// of the mean: d̄ = 2. L 7, R 7: s = 2·14 = 28, S = 28 + 2·91 = 210.
func TestMinMaxPolicy(t *testing.T) {
	history := constant(2, 100)
	censored := make([]bool, 100)
	for i := range 9 {
		history[i] = 50
	}
	history[60], censored[60] = 0, true
	base := Policy{ReviewDays: 7, LeadDays: 7, CasePack: 6, MOQ: 12}
	p := MinMaxPolicy(history, censored, base)
	if !near(p.ReorderPoint, 28) || !near(p.OrderUpTo, 210) {
		t.Errorf("s %v S %v, want 28 210", p.ReorderPoint, p.OrderUpTo)
	}
	if p.CasePack != 6 || p.MOQ != 12 || p.LeadDays != 7 || p.ReviewDays != 7 {
		t.Errorf("supplier terms lost: %+v", p)
	}
	if p := MinMaxPolicy(nil, nil, base); p.ReorderPoint != 0 || p.OrderUpTo != 0 {
		t.Errorf("no history: s %v S %v, want 0 0", p.ReorderPoint, p.OrderUpTo)
	}
}

// 3 weeks of history, oldest first:
//
//	days 0–6   all censored: no in-stock day, left out (not a zero week)
//	days 7–13  1 each: 7 units, 7 in-stock days → 7
//	days 14–20 3 each but day 20 censored at 0: 18 units × 7/6 → 21
//
// μ = 14, σ = √((7² + 7²)/1) = 7√2; L 7, R 7 → P = 2 weeks;
// s = 14·2 + z·7√2·√2 = 28 + 14z, z = Φ⁻¹(0.95) ≈ 1.64485 → ≈ 51.028;
// S = s + 30 (the tool's cover).
func TestNormalPolicy(t *testing.T) {
	history := append(constant(0, 7), append(constant(1, 7), constant(3, 7)...)...)
	censored := make([]bool, 21)
	for i := range 7 {
		censored[i] = true
	}
	history[20], censored[20] = 0, true
	p := NormalPolicy(history, censored, 0.95, 30, Policy{ReviewDays: 7, LeadDays: 7})
	z := forecast.NormalQuantile(0.95)
	if math.Abs(z-1.64485) > 1e-4 {
		t.Fatalf("z(0.95) = %v", z)
	}
	if !near(p.ReorderPoint, 28+14*z) || math.Abs(p.ReorderPoint-51.028) > 1e-3 {
		t.Errorf("s = %v, want 28 + 14z ≈ 51.028", p.ReorderPoint)
	}
	if !near(p.OrderUpTo, p.ReorderPoint+30) {
		t.Errorf("S = %v, want s + 30", p.OrderUpTo)
	}
	// a negative cover (a tool S below its s) adds nothing
	if p := NormalPolicy(history, censored, 0.95, -5, Policy{ReviewDays: 7, LeadDays: 7}); p.OrderUpTo != p.ReorderPoint {
		t.Errorf("S %v with negative cover, want s %v", p.OrderUpTo, p.ReorderPoint)
	}
}
