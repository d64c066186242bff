package forecast

import (
	"math"
	"testing"
)

// The cumulative band by hand. Normal: SD 2, ψ = 0.5 for every lag, a
// flat mean of 10. Through week j the variance is 4·Σ_{m≤j} (1 + 0.5m)²:
// 4·1 = 4, 4·(1 + 2.25) = 13, 4·(3.25 + 4) = 29; the band is the mean
// ± 1.2815516·sd. Counts: Poisson(0.5 a week) through one and two weeks
// is Poisson(1), Poisson(1.5): CDF 0.368, 0.736, 0.920 and 0.223, 0.558,
// 0.809, 0.934. Negative binomial: mean 2, variance 4 (r = 2, p = ½),
// CDF 0.25, 0.5, 0.6875, 0.8125, 0.8906, 0.9375; through two weeks with
// ψ = 0, mean 4 and variance 8 (r = 4, p = ½), CDF 0.0625, 0.1875, …,
// 0.8867, 0.9270.
func TestCumulativeBand(t *testing.T) {
	normal := Result{Class: Smooth, Mean: []float64{10, 10, 10}, SD: 2, Psi: []float64{0.5}}
	poisson := Result{Class: Intermittent, Mean: []float64{0.5, 0.5, 0.5}, SD: 0.5}
	negbin := Result{Class: Lumpy, Mean: []float64{2, 2}, SD: 2, Psi: []float64{0}}
	cases := []struct {
		name                string
		r                   Result
		j                   int
		mean, lower, upper  float64
		kind                DistKind
		variance, tolerance float64
	}{
		{"normal week 0", normal, 0, 10, 7.436897, 12.563103, Normal, 4, 1e-6},
		{"normal weeks 0-1", normal, 1, 20, 15.379300, 24.620700, Normal, 13, 1e-6},
		{"normal weeks 0-2", normal, 2, 30, 23.098634, 36.901366, Normal, 29, 1e-6},
		// beyond the horizon the last week's mean and ψ hold
		{"normal weeks 0-3", normal, 3, 40, 40 - 1.2815516*math.Sqrt(4*(7.25+6.25)), 40 + 1.2815516*math.Sqrt(4*(7.25+6.25)), Normal, 54, 1e-5},
		{"poisson week 0", poisson, 0, 0.5, 0, 1, Poisson, 0.5, 0},
		{"poisson weeks 0-1", poisson, 1, 1, 0, 2, Poisson, 1, 0},
		{"poisson weeks 0-2", poisson, 2, 1.5, 0, 3, Poisson, 1.5, 0},
		{"negative binomial week 0", negbin, 0, 2, 0, 5, NegBinomial, 4, 0},
		{"negative binomial weeks 0-1", negbin, 1, 4, 1, 8, NegBinomial, 8, 0},
		{"no weeks", normal, -1, 0, 0, 0, Normal, 0, 0},
	}
	for _, c := range cases {
		d := c.r.Cumulative(c.j)
		if d.Kind != c.kind || math.Abs(d.Variance-c.variance) > 1e-9 {
			t.Errorf("%s: %v with variance %v, want %v with %v", c.name, d.Kind, d.Variance, c.kind, c.variance)
		}
		mean, lo, hi := c.r.CumulativeBand(c.j)
		if math.Abs(mean-c.mean) > 1e-9 || math.Abs(lo-c.lower) > c.tolerance || math.Abs(hi-c.upper) > c.tolerance {
			t.Errorf("%s: %v (%v–%v), want %v (%v–%v)", c.name, mean, lo, hi, c.mean, c.lower, c.upper)
		}
	}
}

// A moving average's errors are independent (ψ = 0): the variance through
// week j is (j+1)·SD², and a sum of normals is never below zero here.
func TestCumulativeWithoutPsiAddsWeeks(t *testing.T) {
	r := Result{Class: Erratic, Mean: []float64{5, 5, 5, 5}, SD: 3}
	for j := range 4 {
		if d := r.Cumulative(j); d.Variance != 9*float64(j+1) || d.Mean != 5*float64(j+1) {
			t.Errorf("week %d: mean %v variance %v", j, d.Mean, d.Variance)
		}
	}
}

// CumulativeBands builds the horizon week by week; it must agree with
// Total(j+1) (the distribution of the reorder point) for every week, its
// upper edge raised to the mean as bandTop does, and its first week with
// the weekly band.
func TestCumulativeBandsAgreeWithTotal(t *testing.T) {
	for _, r := range []Result{
		{Class: Smooth, Mean: []float64{3, 4, 5, 6, 7, 8}, SD: 1.5, Psi: []float64{0.3, 0.35, 0.4, 0.45, 0.5}},
		{Class: Lumpy, Mean: []float64{0.4, 0.4, 0.3, 0.3}, SD: 1.8, Psi: []float64{0.1}},
		{Class: Intermittent, Mean: []float64{0.2, 0.2}, SD: 0.3},
		{Class: NoDemand, Mean: make([]float64, 3)},
	} {
		mean, lower, upper := r.CumulativeBands(8)
		if len(mean) != 8 {
			t.Fatalf("%d weeks", len(mean))
		}
		for j := range 8 {
			d := r.Total(j + 1)
			lo, hi := d.Quantile(0.1), bandTop(d)
			if math.Abs(mean[j]-d.Mean) > 1e-9 || math.Abs(lower[j]-lo) > 1e-9 || math.Abs(upper[j]-hi) > 1e-9 {
				t.Errorf("%v week %d: %v (%v–%v), Total says %v (%v–%v)", r.Class, j, mean[j], lower[j], upper[j], d.Mean, lo, hi)
			}
		}
		if lo, hi := r.Band(0); lo != lower[0] || hi != upper[0] {
			t.Errorf("%v: first week %v–%v, weekly band %v–%v", r.Class, lower[0], upper[0], lo, hi)
		}
	}
	if m, l, u := (Result{SD: 1}).CumulativeBands(0); len(m)+len(l)+len(u) != 0 {
		t.Errorf("no weeks gave %v %v %v", m, l, u)
	}
	if m, _, _ := (Result{SD: 1}).CumulativeBands(-3); len(m) != 0 {
		t.Errorf("negative weeks gave %v", m)
	}
}

// A total whose count distribution is so spread that its 90th percentile
// is below its mean gets the weekly band's rule: the upper edge is the
// mean rounded up. Lumpy, 2.3 a week, SD 20, ψ = 1 (a naive part: every
// shock stays): through week 3 the mean is 9.2 and the variance
// 400·(1 + 4 + 9 + 16) = 12000, a negative binomial with r = 9.2² ÷
// (12000 − 9.2) = 0.0070591 and p = r ÷ (r + 9.2) = 0.00076670, whose
// P(0) = p^r = 0.9506: its 10th and 90th percentiles are both 0, and the
// band [0, 0] said "sells nothing" under a forecast of 9.2. Week 0 alone
// (mean 2.3, variance 400, P(0) = 0.934) is [0, 3], as the weekly band.
func TestCumulativeBandContainsMean(t *testing.T) {
	r := Result{Class: Lumpy, Mean: []float64{2.3, 2.3, 2.3, 2.3}, SD: 20, Psi: []float64{1}}
	if q := r.Cumulative(3).Quantile(0.9); q != 0 {
		t.Fatalf("the case needs a 90th percentile of 0, got %v", q)
	}
	want := [][3]float64{{2.3, 0, 3}, {4.6, 0, 5}, {6.9, 0, 7}, {9.2, 0, 10}}
	means, lowers, uppers := r.CumulativeBands(4)
	for j, w := range want {
		mean, lo, hi := r.CumulativeBand(j)
		if math.Abs(mean-w[0]) > 1e-9 || lo != w[1] || hi != w[2] {
			t.Errorf("CumulativeBand(%d) = %v (%v–%v), want %v (%v–%v)", j, mean, lo, hi, w[0], w[1], w[2])
		}
		if means[j] != mean || lowers[j] != lo || uppers[j] != hi {
			t.Errorf("CumulativeBands week %d = %v (%v–%v), CumulativeBand %v (%v–%v)", j, means[j], lowers[j], uppers[j], mean, lo, hi)
		}
	}
	if lo, hi := r.Band(0); lo != lowers[0] || hi != uppers[0] {
		t.Errorf("first week %v–%v, weekly band %v–%v", lowers[0], uppers[0], lo, hi)
	}
	// the backtest scores the same band: a total of 9 is inside it
	ho := Holdout{Test: []float64{0, 9, 0, 0}, Train: []float64{0, 3, 0, 0, 5, 0}}
	if got := ho.ScoreCumulative(r, []int{4}); got[0].Covered != 1 {
		t.Errorf("a 4-week total of 9 under a mean of 9.2 scored %+v, want covered", got[0])
	}
	// a normal total keeps its quantiles: its mean is inside them
	n := Result{Class: Smooth, Mean: []float64{10}, SD: 2}
	if _, lo, hi := n.CumulativeBand(0); math.Abs(lo-7.436897) > 1e-6 || math.Abs(hi-12.563103) > 1e-6 {
		t.Errorf("normal band %v–%v, want 7.436897–12.563103", lo, hi)
	}
}
