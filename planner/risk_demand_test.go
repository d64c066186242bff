package planner

import (
	"math"
	"testing"

	"stockroom/forecast"
)

// Demand over the risk period P = L + R by hand. Smooth, 10 a week with
// σ_w 2 and ψ = 0.4, L = 2 ± 0.5 weeks, continuous review (R = 0): mean
// 20; the forecast's variance over two weeks is 4·(1² + 1.4²) = 11.84 (the
// first week's error stays in the second's forecast), plus 10²·0.5² = 25
// for the lead time: 36.84, band 20 ± 1.2815516·6.069596 =
// 12.221499–27.778501. Reviewed weekly (R = 1), P = 3: mean 30, variance
// 4·(1² + 1.4² + 1.8²) + 25 = 4·6.2 + 25 = 49.8, band
// 30 ± 1.2815516·7.056912 = 20.956204–39.043796.
// Poisson at 0.5 a week over L = 2 weeks is Poisson(1): band 0–2; with a
// weekly review, over 3 weeks, Poisson(1.5): 0–3 (P(0) = 0.223 ≥ 10 %,
// P(≤ 2) = 0.809 < 90 % ≤ P(≤ 3) = 0.934), mean 1.5. Over 2.5 weeks
// (L = 1.5, R = 1) the planner interpolates between 2 and 3 weeks: mean
// 1.25, band 0–2.5. No lead time and no review, no demand; a review alone
// still has a period to cover.
func TestRiskDemand(t *testing.T) {
	smooth := forecast.Result{Class: forecast.Smooth, Mean: []float64{10, 10, 10, 10}, SD: 2, Psi: []float64{0.4}}
	poisson := forecast.Result{Class: forecast.Intermittent, Mean: []float64{0.5, 0.5, 0.5, 0.5}, SD: 0.5}
	cases := []struct {
		name    string
		row     Row
		want    RiskDemand
		epsilon float64
	}{
		{"smooth, continuous", Row{Forecast: smooth, LeadTimeWeeks: 2, LeadTimeSDWeeks: 0.5}, RiskDemand{2, 0, 2, 20, 12.221499, 27.778501}, 1e-6},
		{"smooth, weekly review", Row{Forecast: smooth, LeadTimeWeeks: 2, LeadTimeSDWeeks: 0.5, ReviewWeeks: 1}, RiskDemand{2, 1, 3, 30, 20.956204, 39.043796}, 1e-6},
		{"poisson, continuous", Row{Forecast: poisson, LeadTimeWeeks: 2}, RiskDemand{2, 0, 2, 1, 0, 2}, 0},
		{"poisson, weekly review", Row{Forecast: poisson, LeadTimeWeeks: 2, ReviewWeeks: 1}, RiskDemand{2, 1, 3, 1.5, 0, 3}, 1e-12},
		{"poisson, fractional", Row{Forecast: poisson, LeadTimeWeeks: 1.5, ReviewWeeks: 1}, RiskDemand{1.5, 1, 2.5, 1.25, 0, 2.5}, 1e-12},
		{"poisson, review only", Row{Forecast: poisson, ReviewWeeks: 2}, RiskDemand{0, 2, 2, 1, 0, 2}, 0},
		{"no lead time, no review", Row{Forecast: smooth}, RiskDemand{}, 0},
		{"nonsense lead time and review", Row{Forecast: poisson, LeadTimeWeeks: math.NaN(), ReviewWeeks: math.Inf(1)}, RiskDemand{}, 0},
	}
	for _, c := range cases {
		got := c.row.RiskDemand()
		if math.Abs(got.Lead-c.want.Lead) > c.epsilon || math.Abs(got.Review-c.want.Review) > c.epsilon ||
			math.Abs(got.Weeks-c.want.Weeks) > c.epsilon || math.Abs(got.Mean-c.want.Mean) > c.epsilon ||
			math.Abs(got.Lower-c.want.Lower) > c.epsilon || math.Abs(got.Upper-c.want.Upper) > c.epsilon {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

// The band comes from the distribution the reorder point is the
// service-level quantile of: for every SKU and class, rounding that
// quantile up gives the plan's automatic reorder point. If the planner's
// formula changes, this fails until RiskDemand follows it. The fixture's
// weekly review makes the risk period L + R = 2.5 + 1 = 3.5 weeks, so a
// band over the lead time alone fails too.
func TestRiskDemandAgreesWithTheReorderPoint(t *testing.T) {
	for _, r := range []forecast.Result{
		{Method: "fixed", Class: forecast.Smooth, Mean: []float64{10}, SD: 3, Psi: []float64{0.3}},
		{Method: "fixed", Class: forecast.Smooth, Mean: []float64{10}, SD: 3, Psi: []float64{0.3}, LevelVar: 0.2},
		{Method: "fixed", Class: forecast.Erratic, Mean: []float64{4}, SD: 5},
		{Method: "fixed", Class: forecast.Intermittent, Mean: []float64{0.7}, SD: 0.6},
		{Method: "fixed", Class: forecast.Lumpy, Mean: []float64{3}, SD: 6, Psi: []float64{0.1}},
		{Method: "fixed", Class: forecast.Lumpy, Mean: []float64{3}, SD: 6, Psi: []float64{0.1}, LevelVar: 0.5},
	} {
		for _, sdDays := range []float64{0, 4} {
			c := testCatalogue()
			sp := c.Suppliers[1]
			sp.LeadTimeDays, sp.LeadTimeSDDays = 17.5, sdDays // 2.5 weeks: a fractional lead time too
			c.Suppliers[1] = sp
			for _, row := range Build(c, Options{Forecaster: fixedForecaster{r}}).Rows {
				q := row.RiskDemandQuantile(row.ServiceLevel)
				if got := int(math.Ceil(q - 1e-9)); got != row.Plan.AutoReorderPoint {
					t.Errorf("%v, σ_L %v d, %s: ⌈%v⌉ = %d, reorder point %d", r.Class, sdDays, row.Item.Product.SKU, q, got, row.Plan.AutoReorderPoint)
				}
				if ld := row.RiskDemand(); !(ld.Lower <= ld.Mean && ld.Mean <= ld.Upper) || ld.Lead != 2.5 || ld.Review != 1 || ld.Weeks != 3.5 {
					t.Errorf("%v, %s: %+v", r.Class, row.Item.Product.SKU, ld)
				}
			}
		}
	}
}
