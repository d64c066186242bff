package model

import (
	"math"
	"slices"
	"testing"
)

// A SKU whose only sales of the last 26 whole weeks are none, and which
// sold in the as-of day's unfinished week (its first sales, or its first
// in half a year), is forecast from that week too, at what it sold up to
// the as-of day; any other SKU is forecast from whole weeks only.
func TestAppendForecastDemand(t *testing.T) {
	mon := MustDay("2026-05-11") // a Monday
	next := mon + 7              // the Monday after
	cases := []struct {
		name string
		w    WeeklySales
		asOf Day
		want []float64
	}{
		{"first sale on the as-of Monday",
			WeeklySales{FirstWeek: next, Units: []float32{3}, LastSale: next, LastDay: next}, next, []float64{3}},
		{"first sale on a Wednesday, as of that Friday",
			WeeklySales{FirstWeek: next, Units: []float32{2}, LastSale: next + 2, LastDay: next + 2}, next + 4, []float64{2}},
		{"a week of stockout rows before the first sale",
			WeeklySales{FirstWeek: mon, Units: []float32{0, 1}, InStockDays: []float32{0, 7}, LastSale: next, LastDay: next}, next, []float64{math.NaN(), 1}},
		{"sold in a whole week: the week in progress waits",
			WeeklySales{FirstWeek: mon, Units: []float32{2, 5}, LastSale: next, LastDay: next}, next, []float64{2}},
		{"as of a Sunday the week is whole",
			WeeklySales{FirstWeek: next, Units: []float32{4}, LastSale: next, LastDay: next}, next + 6, []float64{4}},
		{"rows after the as-of day: the week's units are not the week so far",
			WeeklySales{FirstWeek: next, Units: []float32{4}, LastSale: next + 3, LastDay: next + 3}, next + 1, nil},
		{"never sold", WeeklySales{LastSale: NoDay, LastDay: NoDay}, next, nil},
		{"quiet for 26 whole weeks, selling again on the as-of Monday",
			WeeklySales{FirstWeek: next - 7*27, Units: append(append([]float32{1}, make([]float32, 26)...), 2), LastSale: next, LastDay: next},
			next, append(append([]float64{1}, make([]float64, 26)...), 2)},
		{"a sale 26 whole weeks back: the week in progress waits",
			WeeklySales{FirstWeek: next - 7*26, Units: append(append([]float32{1}, make([]float32, 25)...), 2), LastSale: next, LastDay: next},
			next, append([]float64{1}, make([]float64, 25)...)},
		{"first sale after the as-of day's week",
			WeeklySales{FirstWeek: next + 7, Units: []float32{4}, LastSale: next + 7, LastDay: next + 7}, next, nil},
	}
	for _, c := range cases {
		got := c.w.AppendForecastDemand(nil, c.asOf)
		same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
		if !slices.EqualFunc(got, c.want, same) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// CutAt keeps what the rollup knew at the end of the as-of day: the days
// of its week after it, and every later week, are dropped.
func TestWeeklySalesCutAt(t *testing.T) {
	mon := MustDay("2026-05-11")
	w := WeeklySales{FirstWeek: mon, Units: []float32{1, 5, 4}, Revenue: []float32{10, 50, 40},
		InStockDays: []float32{7, 6, 7}, LastSale: mon + 15, LastDay: mon + 15}
	week := []DailySale{
		{Day: mon + 7, Units: 2, Revenue: 20},
		{Day: mon + 9, Units: 1, Revenue: 10},
		{Day: mon + 11, Units: 2, Revenue: 20}, // after the as-of day
	}
	got := w.CutAt(mon+9, week)
	if !slices.Equal(got.Units, []float32{1, 3}) || !slices.Equal(got.Revenue, []float32{10, 30}) ||
		!slices.Equal(got.InStockDays, []float32{7, 6}) || got.LastDay != mon+9 || got.LastSale != mon+9 {
		t.Errorf("cut on Wednesday: %+v", got)
	}
	if !slices.Equal(w.Units, []float32{1, 5, 4}) {
		t.Errorf("the rollup cut was changed: %v", w.Units)
	}
	// nothing sold that week up to the as-of day: the last sale is the
	// Sunday of the week before (as lastSale reads whole weeks)
	got = w.CutAt(mon+8, week[1:])
	if !slices.Equal(got.Units, []float32{1, 0}) || got.LastSale != mon+6 || got.LastDay != mon+8 {
		t.Errorf("cut on Tuesday: %+v", got)
	}
	// a rollup that ends by the as-of day is what it was
	if got := w.CutAt(mon+20, nil); !slices.Equal(got.Units, w.Units) || got.LastDay != w.LastDay {
		t.Errorf("cut after the history: %+v", got)
	}
	if u, known := w.CutAt(mon+9, week).WeekInProgress(mon + 9); !known || u != 3 {
		t.Errorf("week in progress after the cut: %v %v, want 3 true", u, known)
	}
	if _, known := w.WeekInProgress(mon + 9); known {
		t.Error("week in progress before the cut: known, want unknown (later days in the rollup)")
	}
}
