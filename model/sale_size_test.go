package model

import (
	"math"
	"testing"

	"stockroom/forecast"
)

// A lumpy SKU selling 0.2 a week in orders of 6 (SaleSize): its order
// cover min(max(EOQ √(2·10.4·50/(0.25·8)) = 22.8, 0.2·1), 0.2·26) = 5.2
// would leave an order short of one customer's; the floor makes it 6, so
// S = ROP + 6. A smooth SKU with the same numbers keeps 5.2, and a
// missing or nonsense size changes nothing.
func TestOrderUpToCoversOneSaleOfASporadicSKU(t *testing.T) {
	plan := func(class forecast.Class, size float64) Plan {
		in := base()
		in.WeeklyDemand, in.DemandSD, in.MaxCoverWeeks = 0.2, 0.9, 26
		in.Forecast = &forecast.Result{Class: class, Mean: []float64{0.2}, SD: 0.9, SaleSize: size}
		return Compute(in)
	}
	cases := []struct {
		name  string
		class forecast.Class
		size  float64
		cover float64
	}{
		{"lumpy, orders of 6", forecast.Lumpy, 6, 6},
		{"intermittent, orders of 6", forecast.Intermittent, 6, 6},
		{"lumpy, orders of 2: the cap is more", forecast.Lumpy, 2, 5.2},
		{"smooth: no floor", forecast.Smooth, 6, 5.2},
		{"lumpy, no size", forecast.Lumpy, 0, 5.2},
		{"lumpy, NaN size", forecast.Lumpy, math.NaN(), 5.2},
		{"lumpy, negative size", forecast.Lumpy, -4, 5.2},
	}
	for _, c := range cases {
		p := plan(c.class, c.size)
		if got := p.OrderUpTo - float64(p.ReorderPoint); !near(got, c.cover, 1e-9) {
			t.Errorf("%s: S − ROP = %v, want %v", c.name, got, c.cover)
		}
	}
}
