package model

import "testing"

func TestDaysToStockout(t *testing.T) {
	cases := []struct {
		name      string
		available float64
		weekly    []float64
		want      int
	}{
		// 7 a week = 1 a day: 10 units last 10 days, out on day 11
		{"steady", 10, []float64{7, 7, 7}, 11},
		// week 1 uses 14 of 20; 6 left at 2 a day in week 2: days 8–10 leave 0, day 11 is short
		{"second week", 20, []float64{14, 14, 14}, 11},
		// exactly one week's demand: out the day after the week ends
		{"exact week", 7, []float64{7, 7}, 8},
		{"nothing available", 0, []float64{7}, 0},
		{"negative available", -3, []float64{7}, 0},
		{"no demand", 5, []float64{0, 0}, -1},
		{"horizon ends first", 100, []float64{7, 7}, -1},
		// a zero week does not use stock: 3 left after week 1, 3.5 a day in week 3 → day 15
		{"zero week", 10, []float64{7, 0, 24.5}, 15},
		{"empty forecast", 4, nil, -1},
	}
	for _, c := range cases {
		if got := DaysToStockout(c.available, c.weekly); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
