package forecast

import (
	"math"
	"testing"
)

// A week's band always contains its mean, its upper edge a whole unit for
// count demand, so a SKU forecast to sell has no band of [0, 0] (issue 13:
// "forecast 0.36, band 0–0"). Otherwise it is the 10th–90th percentile.
func TestBandContainsTheMean(t *testing.T) {
	cases := []struct {
		name     string
		r        Result
		lo, hi   float64
		tolerate float64
	}{
		// negative binomial, r = 0.36²/(4 − 0.36), p = 0.09: P(0) = 0.918,
		// so the 90th percentile is 0; the mean rounds up to 1
		{"sporadic, mean 0.36, overdispersed", Result{Class: Intermittent, Mean: []float64{0.36}, SD: 2}, 0, 1, 0},
		// the same with a mean of 2.4 and SD 10: P(0) ≈ 0.80 and the 90th
		// percentile is 4 (P(X ≤ 3) = 0.889, P(X ≤ 4) = 0.900), above the
		// mean: unchanged
		{"lumpy, mean 2.4, SD 10", Result{Class: Lumpy, Mean: []float64{2.4}, SD: 10}, 0, 4, 0},
		// Poisson(0.5): P(0) = 0.607, P(≤1) = 0.910, so [0, 1] as before
		{"Poisson 0.5", Result{Class: Intermittent, Mean: []float64{0.5}, SD: 0.5}, 0, 1, 0},
		// Poisson(0.04), a sale a year at most: P(0) = 0.96, band [0, 1]
		{"Poisson 0.04", Result{Class: Lumpy, Mean: []float64{0.04}, SD: 0.1}, 0, 1, 0},
		// normal: mean ± 1.2816 SD, untouched
		{"smooth", Result{Class: Smooth, Mean: []float64{10}, SD: 2}, 10 - 2*1.281552, 10 + 2*1.281552, 1e-5},
		{"no demand", Result{Class: Lumpy, Mean: []float64{0}, SD: 0}, 0, 0, 0},
	}
	for _, c := range cases {
		lo, hi := c.r.Band(0)
		if math.Abs(lo-c.lo) > c.tolerate || math.Abs(hi-c.hi) > c.tolerate {
			t.Errorf("%s: band [%v, %v], want [%v, %v]", c.name, lo, hi, c.lo, c.hi)
		}
		if m := c.r.Mean[0]; m < lo || m > hi {
			t.Errorf("%s: mean %v outside the band [%v, %v]", c.name, m, lo, hi)
		}
	}
}
