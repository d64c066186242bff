package model

import (
	"math"
	"testing"
)

func TestCoverDays(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		name              string
		available, weekly float64
		want              float64
	}{
		{"25 units at 10 a week", 25, 10, 17.5},
		{"nothing available, selling", 0, 10, 0},
		{"committed beyond stock, selling", -3, 10, 0},
		{"committed beyond stock, no demand", -3, 0, 0},
		{"no demand", 25, 0, inf},
		{"nothing available, no demand", 0, 0, inf},
		{"demand not a number", 25, math.NaN(), inf},
		{"negative demand", 25, -1, inf},
		// 10 units at 7/365 a week (one a year): 10 / (1/365) = 3,650
		// days: exactly ten years is still a number
		{"exactly ten years", 10, 7.0 / 365, 3650},
		{"just beyond ten years", 10, 7.0 / 365 * 0.999, inf},
		// the 37,861,757,858,947 days: a forecast of almost nothing
		{"near-zero demand", 5, 5 * 7 / 37861757858947.0, inf},
		// one unit a ten years is demand; less is none, also at 0 stock
		{"nothing available, one unit in ten years", 0, 7.0 / 3650, 0},
		{"nothing available, less than a unit in ten years", 0, 7.0 / 3650 * 0.99, inf},
	}
	for _, c := range cases {
		got := CoverDays(c.available, c.weekly)
		if !(got == c.want || math.Abs(got-c.want) < 1e-9) {
			t.Errorf("%s: CoverDays(%v, %v) = %v, want %v", c.name, c.available, c.weekly, got, c.want)
		}
	}
}

// The plan and the assortment figures read days of cover the same way.
func TestPlanAndKPIsUseCoverDays(t *testing.T) {
	cases := []struct {
		name           string
		onHand, commit int
		weekly         float64
		want           float64
	}{
		{"selling", 30, 5, 10, 17.5},
		{"nothing available, no demand", 0, 0, 0, math.Inf(1)},
		{"near-zero demand", 5, 0, 1e-12, math.Inf(1)},
		{"committed beyond stock", 2, 5, 10, 0},
	}
	for _, c := range cases {
		in := base()
		in.OnHand, in.Committed, in.WeeklyDemand, in.DemandSD = c.onHand, c.commit, c.weekly, 0
		if got := Compute(in).DaysOfCover; !(got == c.want || math.Abs(got-c.want) < 1e-9) {
			t.Errorf("%s: plan cover %v, want %v", c.name, got, c.want)
		}
		var k KPIs
		k.Add(SKUFigures{OnHand: c.onHand, Available: c.onHand - c.commit, WeeklyDemand: c.weekly})
		if got := k.DaysOfCover(); !(got == c.want || math.Abs(got-c.want) < 1e-9) {
			t.Errorf("%s: KPI cover %v, want %v", c.name, got, c.want)
		}
	}
}
