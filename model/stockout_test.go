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
	// days from today, -1 when the horizon ends first
	daysToStockout := func(available float64, weekly []float64) int {
		d := StockoutDay(100, available, weekly, nil)
		if !d.Valid() {
			return -1
		}
		return int(d - 100)
	}
	for _, c := range cases {
		if got := daysToStockout(c.available, c.weekly); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

func TestStockoutDayCountsReceipts(t *testing.T) {
	const today = Day(100)
	steady := []float64{7, 7, 7} // one a day
	cases := []struct {
		name      string
		available float64
		incoming  []Receipt
		want      Day
	}{
		// 10 on hand, 5 arrive on day 105: 15 − d < 0 first on d = 16
		{"receipt extends cover", 10, []Receipt{{105, 5}}, 116},
		// an overdue order still counts, from tomorrow
		{"overdue receipt counts", 10, []Receipt{{90, 5}}, 116},
		// 3 last three days; day 4 is short before the receipt on 105
		{"receipt too late", 3, []Receipt{{105, 10}}, 104},
		// two receipts: 5 + 4 + 4 = 13 units cover 13 days
		{"two receipts", 5, []Receipt{{103, 4}, {110, 4}}, 114},
		{"receipt beyond the horizon covers nothing", 10, []Receipt{{200, 50}}, 111},
		{"nothing available is today", 0, []Receipt{{102, 50}}, 100},
		{"receipts outlast the horizon", 10, []Receipt{{101, 100}}, NoDay},
	}
	for _, c := range cases {
		if got := StockoutDay(today, c.available, steady, c.incoming); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, int(got), int(c.want))
		}
	}
	if got := StockoutDay(NoDay, 10, steady, nil); got != NoDay {
		t.Errorf("no planning day: %v", got)
	}
	// without receipts both paths agree with DaysToStockout
	if got := StockoutDay(today, 20, []float64{14, 14, 14}, nil); got != today+11 {
		t.Errorf("no receipts: %v", int(got))
	}
}
