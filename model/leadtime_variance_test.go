package model

import (
	"math"
	"testing"

	"stockroom/forecast"
)

// levelled is a smooth forecast of 10 a week with σ_w 4, ψ = 0.5 and a
// level variance of 0.1·σ_w². Over h weeks its variance is
// 16·(Σ_{m<h} (1 + 0.5·m)² + 0.1·h²): 16·(1 + 0.1) = 17.6 for one week,
// 16·(1 + 2.25 + 0.4) = 58.4 for two, 16·(1 + 2.25 + 4 + 0.9) = 130.4
// for three, 16·(1 + 2.25 + 4 + 6.25 + 1.6) = 241.6 for four.
func levelled() *forecast.Result {
	return &forecast.Result{Method: "SES", Class: forecast.Smooth, Mean: []float64{10}, SD: 4, Psi: []float64{0.5}, LevelVar: 0.1}
}

func TestLeadTimeDemandVariance(t *testing.T) {
	cases := []struct {
		name    string
		f       *forecast.Result
		sd, L   float64
		want    float64
		epsilon float64
	}{
		{"one week", levelled(), 4, 1, 17.6, 1e-9},
		{"two weeks", levelled(), 4, 2, 58.4, 1e-9},
		{"three weeks", levelled(), 4, 3, 130.4, 1e-9},
		{"two and a half: halfway", levelled(), 4, 2.5, 94.4, 1e-9},
		{"half a week: from zero", levelled(), 4, 0.5, 8.8, 1e-9},
		{"no forecast: independent weeks", nil, 4, 2.5, 40, 1e-9},
		{"no lead time", levelled(), 4, 0, 0, 0},
		{"nonsense lead time", levelled(), 4, math.NaN(), 0, 0},
		{"endless lead time", levelled(), 4, math.Inf(1), 0, 0},
	}
	for _, c := range cases {
		if got := LeadTimeDemandVariance(c.f, c.sd, c.L); !near(got, c.want, c.epsilon) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// The safety stock of a smooth SKU comes from the forecast's variance
// over the risk period P = L + R = 2 + 1 = 3 weeks, not from P independent
// weeks, and from the level the cycles see (CycleWeighted): the level
// variance 16·0.1 = 1.6 gives k = 1 + 1.6/10² = 1.016, level variance
// 0.1016, μ 10.16. With ψ = 0.5, V_3 = 16·(7.25 + 0.1016·9) = 130.6304
// and SS = 10.16·3 + 1.6448536·√(130.6304 + 10.16²·0.5²) − 10·3 =
// 0.48 + 1.6448536·√156.4368 = 21.0529570, ROP = ⌈30 + 21.05⌉ = 52,
// where P·σ_w² gave 14.054 and 45. A fractional lead time interpolates
// the variance: L 2.5, P 3.5 weeks, (130.6304 + 242.0096)/2 = 186.32, SS
// 10.16·3.5 + 1.6448536·√(186.32 + 25.8064) − 35 = 24.5165689.
func TestComputeSafetyStockFromTheForecastVariance(t *testing.T) {
	in := base()
	in.Forecast = levelled()
	p := Compute(in)
	if !near(p.SafetyStock, 21.0529570, 1e-6) || p.AutoReorderPoint != 52 {
		t.Errorf("SS %v ROP %d, want 21.0529570 and 52", p.SafetyStock, p.AutoReorderPoint)
	}
	in.LeadTimeWeeks = 2.5
	if p := Compute(in); !near(p.SafetyStock, 24.5165689, 1e-6) || p.AutoReorderPoint != 60 {
		t.Errorf("L 2.5 weeks: SS %v ROP %d, want 24.5165689 and ⌈35 + 24.52⌉ = 60", p.SafetyStock, p.AutoReorderPoint)
	}
	// never negative, whatever the forecast's fields hold
	in.Forecast = &forecast.Result{Class: forecast.Erratic, Mean: []float64{10}, SD: math.NaN(), LevelVar: -3}
	if p := Compute(in); !(p.SafetyStock >= 0) {
		t.Errorf("SS %v with a NaN σ", p.SafetyStock)
	}
}
