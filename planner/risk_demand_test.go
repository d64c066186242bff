package planner

import (
	"math"
	"testing"

	"stockroom/forecast"
)

// Lead-time demand by hand. Smooth, 10 a week with σ_w 2 and ψ = 0.4,
// L = 2 ± 0.5 weeks: mean 20; the forecast's variance over two weeks is
// 4·(1² + 1.4²) = 11.84 (the first week's error stays in the second's
// forecast), plus 10²·0.5² = 25 for the lead time: 36.84, band
// 20 ± 1.2815516·6.069596 = 12.221499–27.778501.
// Poisson at 0.5 a week over 2 weeks is Poisson(1): band 0–2; over 2.5
// weeks the planner interpolates between 2 and 3 weeks (Poisson(1.5):
// 0–3): mean 1.25, band 0–2.5. No lead time, no demand.
func TestLeadTimeDemand(t *testing.T) {
	smooth := forecast.Result{Class: forecast.Smooth, Mean: []float64{10, 10, 10, 10}, SD: 2, Psi: []float64{0.4}}
	poisson := forecast.Result{Class: forecast.Intermittent, Mean: []float64{0.5, 0.5, 0.5, 0.5}, SD: 0.5}
	cases := []struct {
		name    string
		row     Row
		want    LeadTimeDemand
		epsilon float64
	}{
		{"smooth", Row{Forecast: smooth, LeadTimeWeeks: 2, LeadTimeSDWeeks: 0.5}, LeadTimeDemand{2, 20, 12.221499, 27.778501}, 1e-6},
		{"poisson", Row{Forecast: poisson, LeadTimeWeeks: 2}, LeadTimeDemand{2, 1, 0, 2}, 0},
		{"poisson, fractional", Row{Forecast: poisson, LeadTimeWeeks: 2.5}, LeadTimeDemand{2.5, 1.25, 0, 2.5}, 1e-12},
		{"no lead time", Row{Forecast: smooth}, LeadTimeDemand{}, 0},
		{"nonsense lead time", Row{Forecast: poisson, LeadTimeWeeks: math.NaN()}, LeadTimeDemand{}, 0},
	}
	for _, c := range cases {
		got := c.row.LeadTimeDemand()
		if math.Abs(got.Weeks-c.want.Weeks) > c.epsilon || math.Abs(got.Mean-c.want.Mean) > c.epsilon ||
			math.Abs(got.Lower-c.want.Lower) > c.epsilon || math.Abs(got.Upper-c.want.Upper) > c.epsilon {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

// The band comes from the distribution the reorder point is the
// service-level quantile of: for every SKU and class, rounding that
// quantile up gives the plan's automatic reorder point. If the planner's
// formula changes, this fails until LeadTimeDemand follows it.
func TestLeadTimeDemandAgreesWithTheReorderPoint(t *testing.T) {
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
				q := row.LeadTimeDemandQuantile(row.ServiceLevel)
				if got := int(math.Ceil(q - 1e-9)); got != row.Plan.AutoReorderPoint {
					t.Errorf("%v, σ_L %v d, %s: ⌈%v⌉ = %d, reorder point %d", r.Class, sdDays, row.Item.Product.SKU, q, got, row.Plan.AutoReorderPoint)
				}
				if ld := row.LeadTimeDemand(); !(ld.Lower <= ld.Mean && ld.Mean <= ld.Upper) || ld.Weeks != 2.5 {
					t.Errorf("%v, %s: %+v", r.Class, row.Item.Product.SKU, ld)
				}
			}
		}
	}
}
