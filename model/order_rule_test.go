package model

import "testing"

// One review's decision, by hand: s 10, S 40, case pack 1 unless said.
func TestReviewDecide(t *testing.T) {
	base := Review{ReorderPoint: 10, OrderUpTo: 40, Sells: true}
	cases := []struct {
		name string
		edit func(*Review)
		want Decision
	}{
		{"above s, not soon: nothing", func(r *Review) { r.Position = 11 }, Decision{}},
		{"at s: S − IP", func(r *Review) { r.Position = 10 }, Decision{Low: true, Need: 30, Qty: 30}},
		{"above s but the order-by day is within the review: S − IP", func(r *Review) { r.Position = 24; r.Soon = true }, Decision{Need: 16, Qty: 16}},
		{"soon but at S: nothing", func(r *Review) { r.Position = 40; r.Soon = true }, Decision{}},
		{"low and dead: nothing", func(r *Review) { r.Position = 5; r.Dead = true }, Decision{Low: true}},
		{"soon and dead: nothing", func(r *Review) { r.Position = 24; r.Soon = true; r.Dead = true }, Decision{}},
		{"no demand: never low", func(r *Review) { r.Position = 0; r.Sells = false }, Decision{}},
		// rounded down to cases of 12: 16 → 12; low: at least s − IP + 1 = 11 → one case
		{"soon, rounded down", func(r *Review) { r.Position = 24; r.Soon = true; r.CasePack = 12; r.Rounding = RoundDown }, Decision{Need: 16, Qty: 12}},
		{"soon, need under a case rounded down: nothing", func(r *Review) {
			r.Position = 35
			r.Soon = true
			r.CasePack = 12
			r.Rounding = RoundDown
		}, Decision{}},
		// fractional position (the replay's imputed demand): s − IP = 0.5 → at least 1
		{"fractional IP, low", func(r *Review) { r.Position = 9.5; r.OrderUpTo = 10.2; r.Rounding = RoundDown }, Decision{Low: true, Need: 10.2 - 9.5, Qty: 1}},
	}
	for _, c := range cases {
		r := base
		c.edit(&r)
		got := r.Decide()
		if got.Low != c.want.Low || got.Qty != c.want.Qty || !close(got.Need, c.want.Need) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

func close(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestDeadStockAndDaysSinceSale(t *testing.T) {
	today := Day(1000)
	for _, c := range []struct {
		last, launch Day
		want         int
	}{
		{990, NoDay, 10},
		{NoDay, 900, 100},  // never sold: from launch
		{950, 980, 20},     // relaunched after the last sale: from launch
		{980, 950, 20},     // sold since launch: from the sale
		{NoDay, 1005, -1},  // launched after today: unknown
		{NoDay, NoDay, -1}, // nothing known
	} {
		if got := DaysSinceSale(today, c.last, c.launch); got != c.want {
			t.Errorf("DaysSinceSale(%d, %d, %d) = %d, want %d", today, c.last, c.launch, got, c.want)
		}
	}
	for _, c := range []struct {
		onHand      float64
		since, days int
		want        bool
	}{
		{5, 90, 90, true},
		{5, 89, 90, false},
		{0, 200, 90, false}, // no stock: nothing to hold back
		{5, -1, 90, false},  // unknown
		{5, 200, 0, false},  // no rule
	} {
		if got := DeadStock(c.onHand, c.since, c.days); got != c.want {
			t.Errorf("DeadStock(%v, %d, %d) = %v, want %v", c.onHand, c.since, c.days, got, c.want)
		}
	}
}
