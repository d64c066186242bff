package model

import (
	"math"
	"testing"
)

// The risk period is the lead time plus the review period, each read as 0
// when negative or unknown: continuous review (R 0) protects L alone.
func TestRiskPeriod(t *testing.T) {
	for _, c := range []struct{ L, R, want float64 }{
		{2, 1, 3},
		{2, 0, 2},
		{0, 1, 1},
		{2.5, 2.0 / 7, 2.5 + 2.0/7},
		{-1, 1, 1},
		{2, -1, 2},
		{math.NaN(), 1, 1},
		{2, math.NaN(), 2},
	} {
		if got := RiskPeriod(c.L, c.R); !near(got, c.want, 1e-12) {
			t.Errorf("RiskPeriod(%v, %v) = %v, want %v", c.L, c.R, got, c.want)
		}
	}
}

// Continuous review (R 0) keeps the reorder point over the lead time:
// base() without its review, SS = 1.6448536·√(2·4² + 10²·0.5²) =
// 1.6448536·√57 = 12.4183726, ROP ⌈20 + 12.42⌉ = 33.
func TestComputeContinuousReviewProtectsTheLeadTime(t *testing.T) {
	in := base()
	in.ReviewWeeks = 0
	if p := Compute(in); !near(p.SafetyStock, 12.4183726, 1e-6) || p.AutoReorderPoint != 33 {
		t.Errorf("SS %v ROP %d, want 12.4183726 and 33", p.SafetyStock, p.AutoReorderPoint)
	}
}
