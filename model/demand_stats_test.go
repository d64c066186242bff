package model

import (
	"math"
	"testing"
)

func sameStat(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) < 1e-9
}

func checkStats(t *testing.T, name string, got, want DemandStats) {
	t.Helper()
	if !sameStat(got.CV, want.CV) || !sameStat(got.InStockDays, want.InStockDays) ||
		!sameStat(got.SaleProb, want.SaleProb) || !sameStat(got.SaleProbBefore, want.SaleProbBefore) {
		t.Errorf("%s: got %+v, want %+v", name, got, want)
	}
}

func TestWeeklyDemandStats(t *testing.T) {
	first := MustDay("2026-11-02") // a Monday
	sunday := func(weeks int) Day { return first + Day(7*weeks) - 1 }
	nan := math.NaN()

	// 53 weeks: week 0 sold 100 but is out of the window; week 1 sold 1 in
	// 3.5 days (demand 2); weeks 1–26 demand 2, weeks 27–52 demand 4.
	long := WeeklySales{FirstWeek: first}
	for i := range 53 {
		u, in := float32(2), float32(7)
		switch {
		case i == 0:
			u, in = 100, 0
		case i == 1:
			u, in = 1, 3.5
		case i > 26:
			u = 4
		}
		long.Units = append(long.Units, u)
		long.InStockDays = append(long.InStockDays, in)
	}

	cases := []struct {
		name string
		w    WeeklySales
		asOf Day
		want DemandStats
	}{
		{
			// demand 2, 4, NaN, 6: known 3, mean 4, squares 4+0+4 = 8,
			// sd √(8/3) = 1.63299, CV = 0.408248. In stock: 48 weeks before
			// the first count 7 (336) + 7+7+0+7 = 357. Every known week
			// sold: p starts at 3/3 = 1 and stays; ≤ 26 weeks, so before = start.
			name: "2,4,NaN,6",
			w:    WeeklySales{FirstWeek: first, Units: []float32{2, 4, 0, 6}, InStockDays: []float32{7, 7, 0, 7}},
			asOf: sunday(4),
			want: DemandStats{CV: math.Sqrt(8.0/3) / 4, InStockDays: 357, SaleProb: 1, SaleProbBefore: 1},
		},
		{
			// demand 7, 3·7/3.5 = 6: mean 6.5, sd 0.5, CV 1/13 = 0.076923.
			// In stock: 50·7 + 7 + 3.5 = 360.5.
			name: "half a week in stock",
			w:    WeeklySales{FirstWeek: first, Units: []float32{7, 3}, InStockDays: []float32{7, 3.5}},
			asOf: sunday(2),
			want: DemandStats{CV: 0.5 / 6.5, InStockDays: 360.5, SaleProb: 1, SaleProbBefore: 1},
		},
		{
			// a third complete week without rows is demand 0 and in stock:
			// demand 7, 6, 0, mean 13/3, squares (8/3)² + (5/3)² + (13/3)² =
			// 258/9, var 86/9, CV = (√86/3)/(13/3) = √86/13 = 0.713365;
			// in stock 49·7 + 7 + 3.5 + 7 = 360.5. p: start 2/3, then
			// 2/3 + 0.1·(1/3) = 0.7, 0.7 + 0.1·0.3 = 0.73, 0.73·0.9 = 0.657.
			name: "weeks after the last row",
			w:    WeeklySales{FirstWeek: first, Units: []float32{7, 3}, InStockDays: []float32{7, 3.5}},
			asOf: sunday(3),
			want: DemandStats{CV: math.Sqrt(86) / 13, InStockDays: 360.5, SaleProb: 0.657, SaleProbBefore: 2.0 / 3},
		},
		{
			// units 1, 0, 0: start 1/3; then 1/3 + 0.1·(2/3) = 0.4, 0.36,
			// 0.324. CV: mean 1/3, sd √2/3, CV √2 = 1.414214.
			name: "p sequence 1,0,0",
			w:    WeeklySales{FirstWeek: first, Units: []float32{1, 0, 0}, InStockDays: []float32{7, 7, 7}},
			asOf: sunday(3),
			want: DemandStats{CV: math.Sqrt2, InStockDays: 364, SaleProb: 0.324, SaleProbBefore: 1.0 / 3},
		},
		{
			// the last 52 of 53 weeks: 26×2 and 26×4, mean 3, sd 1, CV 1/3;
			// in stock 51·7 + 3.5 = 360.5 (week 0's stockout is outside).
			name: "only the last 52 weeks",
			w:    long,
			asOf: sunday(53),
			want: DemandStats{CV: 1.0 / 3, InStockDays: 360.5, SaleProb: 1, SaleProbBefore: 1},
		},
		{
			// a half-finished week is not counted: as of the Saturday only
			// week 0 is complete, one known week → CV NaN.
			name: "one complete week",
			w:    WeeklySales{FirstWeek: first, Units: []float32{5, 9}, InStockDays: []float32{7, 7}},
			asOf: sunday(2) - 1,
			want: DemandStats{CV: nan, InStockDays: 364, SaleProb: 1, SaleProbBefore: 1},
		},
		{
			// known weeks but no demand: CV NaN, p 0
			name: "no demand",
			w:    WeeklySales{FirstWeek: first, Units: []float32{0, 0}, InStockDays: []float32{7, 2}},
			asOf: sunday(2),
			want: DemandStats{CV: nan, InStockDays: 359, SaleProb: 0, SaleProbBefore: 0},
		},
		{
			name: "no history",
			w:    WeeklySales{LastSale: NoDay, LastDay: NoDay},
			asOf: sunday(10),
			want: DemandStats{CV: nan, InStockDays: 364},
		},
	}
	for _, c := range cases {
		checkStats(t, c.name, c.w.DemandStats(c.asOf), c.want)
	}
}

func TestDemandStatsOfSaleProbBefore(t *testing.T) {
	nan := math.NaN()
	// 28 weeks: 1, 1, NaN, then 25 zeros. Known 27; the first 13 known
	// (1, 1, 11 zeros) start p at 2/13. Week 0: 2/13 + 0.1·(11/13) = 3.1/13;
	// week 1 (index n−27 = 1, SaleProbGap weeks before the last):
	// 3.1/13 + 0.1·(9.9/13) = 4.09/13 = 0.314615; the NaN leaves it; 25
	// zeros multiply by 0.9 each: 4.09/13·0.9²⁵ = 0.022586.
	// CV: mean 2/27, squares 2·(25/27)² + 25·(2/27)² = 1350/729,
	// var 50/729, CV = (√50/27)/(2/27) = √50/2 = 3.535534.
	series := append([]float64{1, 1, nan}, make([]float64, 25)...)
	checkStats(t, "28 weeks", DemandStatsOf(series, 300), DemandStats{
		CV: math.Sqrt(50) / 2, InStockDays: 300,
		SaleProb: 4.09 / 13 * math.Pow(0.9, 25), SaleProbBefore: 4.09 / 13,
	})

	// exactly 26 weeks: no week lies SaleProbGap before the last, so
	// before = the start value, 13/13 = 1 (all sold); sd 0, so CV 0.
	series = make([]float64, 26)
	for i := range series {
		series[i] = 3
	}
	checkStats(t, "26 weeks", DemandStatsOf(series, 364), DemandStats{CV: 0, InStockDays: 364, SaleProb: 1, SaleProbBefore: 1})

	// only missing weeks: nothing known
	checkStats(t, "all missing", DemandStatsOf([]float64{nan, nan}, 350), DemandStats{CV: nan, InStockDays: 350})
}
