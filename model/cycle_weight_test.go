package model

import (
	"math"
	"testing"

	"stockroom/forecast"
)

// k = 1 + SD²·LevelVar/μ², at most 2. By hand: μ 10, SD 4, LevelVar 0.1:
// v 1.6, k 1.016, means 10.16 and 5.08 (the second week 5), level
// variance 0.1016. μ 1, SD 1, LevelVar 0.5: k 1.5. μ 0.5, SD 1,
// LevelVar 0.5: 1 + 0.5/0.25 = 3, capped at 2. Without a level variance,
// demand or a usable number, the forecast is returned as it is.
func TestCycleWeighted(t *testing.T) {
	cases := []struct {
		name         string
		f            forecast.Result
		k            float64
		mean         []float64
		levelVar     float64
		sameAsBefore bool
	}{
		{"slight", forecast.Result{Mean: []float64{15, 5}, SD: 4, LevelVar: 0.1}, 1.016, []float64{15.24, 5.08}, 0.1016, false},
		{"half", forecast.Result{Mean: []float64{1}, SD: 1, LevelVar: 0.5}, 1.5, []float64{1.5}, 0.75, false},
		{"capped", forecast.Result{Mean: []float64{0.5}, SD: 1, LevelVar: 0.5}, 2, []float64{1}, 1, false},
		{"no level variance", forecast.Result{Mean: []float64{3}, SD: 2}, 1, []float64{3}, 0, true},
		{"no demand", forecast.Result{Mean: []float64{0}, SD: 2, LevelVar: 1}, 1, []float64{0}, 1, true},
		{"no weeks", forecast.Result{SD: 2, LevelVar: 1}, 1, nil, 1, true},
		{"NaN level variance", forecast.Result{Mean: []float64{3}, SD: 2, LevelVar: math.NaN()}, 1, []float64{3}, math.NaN(), true},
		{"infinite SD", forecast.Result{Mean: []float64{3}, SD: math.Inf(1), LevelVar: 1}, 1, []float64{3}, 1, true},
	}
	for _, c := range cases {
		before := append([]float64(nil), c.f.Mean...)
		got, k := CycleWeighted(c.f)
		if !near(k, c.k, 1e-12) {
			t.Errorf("%s: k %v, want %v", c.name, k, c.k)
		}
		if len(got.Mean) != len(c.mean) {
			t.Fatalf("%s: means %v, want %v", c.name, got.Mean, c.mean)
		}
		for i := range c.mean {
			if !near(got.Mean[i], c.mean[i], 1e-12) {
				t.Errorf("%s: week %d mean %v, want %v", c.name, i, got.Mean[i], c.mean[i])
			}
		}
		if !(near(got.LevelVar, c.levelVar, 1e-12) || math.IsNaN(c.levelVar) && math.IsNaN(got.LevelVar)) {
			t.Errorf("%s: level variance %v, want %v", c.name, got.LevelVar, c.levelVar)
		}
		// the caller's forecast is never changed
		for i := range before {
			if c.f.Mean[i] != before[i] {
				t.Errorf("%s: the input's mean changed to %v", c.name, c.f.Mean)
			}
		}
	}
}

// A sporadic SKU's reorder point is the service-level quantile of demand
// over P at the raised level. Intermittent demand of 0.5 a week with SD 1
// and LevelVar 0.5 has k = 1 + 0.5/0.25 = 3, capped at 2: 1 a week, level
// variance 1. Over P = 2 + 1 = 3 weeks the weighted total has mean 3 and
// variance 1·(3 + 1·3²) = 12: a negative binomial with p = 3/12 = 0.25
// and r = 3²/(12 − 3) = 1, a geometric with P(X ≤ x) = 1 − 0.75^(x+1),
// whose 95 % quantile is 10 (0.75¹¹ = 0.042 ≤ 0.05 < 0.75¹⁰ = 0.056).
// Unweighted (mean 1.5, variance 3 + 0.5·9 = 7.5) it would be 7. The
// safety stock is what the reorder point holds above the unweighted mean
// demand: 10 − 1.5 = 8.5.
func TestComputeRaisesASporadicReorderPointByTheCycleWeight(t *testing.T) {
	in := base()
	f := &forecast.Result{Class: forecast.Intermittent, Mean: []float64{0.5}, SD: 1, LevelVar: 0.5}
	in.Forecast, in.WeeklyDemand, in.DemandSD = f, 0.5, 1
	p := Compute(in)
	if p.AutoReorderPoint != 10 || !near(p.SafetyStock, 8.5, 1e-9) {
		t.Errorf("ROP %d SS %v, want 10 and 8.5", p.AutoReorderPoint, p.SafetyStock)
	}
	if q := LeadTimeDemandQuantile(f, 3, in.ServiceLevel); q != 7 {
		t.Errorf("unweighted quantile %v, want 7", q)
	}
}
