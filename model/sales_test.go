package model

import "testing"

func TestWeeklySalesTrailing(t *testing.T) {
	first := MustDay("2026-01-05") // a Monday
	sunday := func(weeks int) Day { return first + Day(7*weeks) - 1 }
	// four held weeks: units 1, 2, 3, 4 at a price of 10
	held := WeeklySales{FirstWeek: first, Units: []float32{1, 2, 3, 4}, Revenue: []float32{10, 20, 30, 40}}
	noRevenue := WeeklySales{FirstWeek: first, Units: []float32{1, 2, 3, 4}}

	cases := []struct {
		name           string
		w              WeeklySales
		asOf           Day
		n              int
		revenue, units float64
	}{
		{"the window ends at the last held week", held, sunday(4), 2, 70, 7},
		{"a window longer than the history holds all of it", held, sunday(4), 52, 100, 10},
		// the as-of day's own week is not over: it does not count yet
		{"mid-week as-of day stops at the last complete week", held, sunday(4) - 3, 2, 50, 5},
		{"Sunday as-of day counts its week", held, sunday(3), 2, 50, 5},
		// history that stops early: the weeks since sold nothing, so a
		// window of 2 weeks that ends 1 week after the last row holds
		// only the last held week; 2 weeks after, nothing
		{"one empty week since the last row", held, sunday(5), 2, 40, 4},
		{"two empty weeks since the last row", held, sunday(6), 2, 0, 0},
		{"52 weeks ending long after the history", held, sunday(4 + 51), 52, 40, 4},
		{"52 weeks ending 52 weeks after the history", held, sunday(4 + 52), 52, 0, 0},
		// an as-of day inside the history ignores the weeks after it
		{"as-of inside the history", held, sunday(2), 1, 20, 2},
		{"as-of before the history", held, first - 1, 52, 0, 0},
		{"as-of on the first Monday", held, first, 52, 0, 0},
		{"units without revenue", noRevenue, sunday(4), 3, 0, 9},
		{"no history", WeeklySales{LastSale: NoDay, LastDay: NoDay}, sunday(4), 52, 0, 0},
		{"a window of none", held, sunday(4), 0, 0, 0},
	}
	for _, c := range cases {
		rev, units := c.w.Trailing(c.asOf, c.n)
		if rev != c.revenue || units != c.units {
			t.Errorf("%s: Trailing(%s, %d) = revenue %v, units %v; want %v, %v", c.name, c.asOf, c.n, rev, units, c.revenue, c.units)
		}
	}
}
