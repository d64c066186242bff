package planner

import (
	"math"
	"testing"

	"stockroom/model"
)

// dailySeries keeps the window's days only; a day with an in-stock share
// under 1 is censored, an unknown (NaN) or full one is not; a missing day
// sold nothing and counts as in stock.
func TestDailySeries(t *testing.T) {
	first := model.MustDay("2026-05-26")
	days := []model.DailySale{
		{Day: first - 1, Units: 9, InStock: 0}, // before the window
		{Day: first, Units: 2, InStock: 1},
		{Day: first + 1, Units: 1, InStock: 0.5},
		{Day: first + 3, Units: 4, InStock: math.NaN()},
		{Day: first + 4, Units: 0, InStock: 0},
		{Day: first + 5, Units: 7, InStock: 1}, // after the window
	}
	units, censored := dailySeries(days, first, 5)
	wantUnits := []float64{2, 1, 0, 4, 0}
	wantCensored := []bool{false, true, false, false, true}
	for i := range wantUnits {
		if units[i] != wantUnits[i] || censored[i] != wantCensored[i] {
			t.Errorf("day %d: %v %v, want %v %v", i, units[i], censored[i], wantUnits[i], wantCensored[i])
		}
	}
}
