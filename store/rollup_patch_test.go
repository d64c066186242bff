package store

import (
	"math"
	"math/rand/v2"
	"testing"

	"stockroom/model"
)

// Patching a rollup gives the rollup of the patched history, for random
// histories and patches: week by week, and the last day and last sale.
func TestPatchRollupMatchesRollup(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := model.MustDay("2026-01-05") // a Monday
	randomDays := func(lo, hi model.Day, p float64) []model.DailySale {
		var out []model.DailySale
		for d := lo; d <= hi; d++ {
			if r.Float64() < p {
				s := model.DailySale{Day: d, Units: r.IntN(5), Revenue: float64(r.IntN(500)) / 10, InStock: math.NaN()}
				if r.Float64() < 0.2 {
					s.InStock = float64(r.IntN(5)) / 4
				}
				if s.Units == 0 && math.IsNaN(s.InStock) {
					s.Units = 1
				}
				out = append(out, s)
			}
		}
		return out
	}
	for trial := range 500 {
		history := randomDays(base+model.Day(r.IntN(30)), base+model.Day(60+r.IntN(100)), 0.3+0.6*r.Float64())
		from := base + model.Day(r.IntN(200)) - 20
		to := from + model.Day(r.IntN(90))
		added := randomDays(from, to, r.Float64()*0.8)
		var removed, kept []model.DailySale
		for _, d := range history {
			if d.Day >= from && d.Day <= to {
				removed = append(removed, d)
			} else {
				kept = append(kept, d)
			}
		}
		after := append(append([]model.DailySale(nil), kept...), added...)
		want := Rollup(after)
		before := func(salesOnly bool) model.Day {
			last := model.NoDay
			for _, d := range kept {
				if d.Day < from && (!salesOnly || d.Units > 0) {
					last = d.Day
				}
			}
			return last
		}
		got := PatchRollup(Rollup(history), from, to, removed, added, before)
		if got.LastDay != want.LastDay || got.LastSale != want.LastSale {
			t.Fatalf("trial %d: last day %v sale %v, want %v %v", trial, got.LastDay, got.LastSale, want.LastDay, want.LastSale)
		}
		// weeks compare over the union; a week either side lacks is empty
		// (nothing sold, in stock all week)
		for d := min(got.FirstWeek, want.FirstWeek); d <= max(want.LastDay, got.LastDay); d += 7 {
			gu, gr, gi := weekOf(got, d)
			wu, wr, wi := weekOf(want, d)
			if math.Abs(float64(gu-wu)) > 1e-3 || math.Abs(float64(gr-wr)) > 0.05 || math.Abs(float64(gi-wi)) > 1e-3 {
				t.Fatalf("trial %d, week of %v: got %v %v %v, want %v %v %v", trial, d, gu, gr, gi, wu, wr, wi)
			}
		}
	}
}

func weekOf(w model.WeeklySales, d model.Day) (units, revenue, inStock float32) {
	i := int(d.WeekStart()-w.FirstWeek) / 7
	if w.Weeks() == 0 || d < w.FirstWeek || i >= w.Weeks() {
		return 0, 0, 7
	}
	inStock = 7
	if i < len(w.InStockDays) {
		inStock = w.InStockDays[i]
	}
	return w.Units[i], w.Revenue[i], inStock
}

// A patch worked by hand: one week, two days replaced.
func TestPatchRollupByHand(t *testing.T) {
	mon := model.MustDay("2026-03-02")
	w := Rollup([]model.DailySale{
		{Day: mon, Units: 4, Revenue: 40, InStock: math.NaN()},
		{Day: mon + 2, Units: 2, Revenue: 20, InStock: 0.5},
		{Day: mon + 9, Units: 1, Revenue: 10, InStock: math.NaN()},
	})
	// replace Mon–Wed of the first week: Mon's 4 and Wed's 2 (half a day
	// out) go, Tue sells 3 and is out all day
	got := PatchRollup(w, mon, mon+2,
		[]model.DailySale{{Day: mon, Units: 4, Revenue: 40, InStock: math.NaN()}, {Day: mon + 2, Units: 2, Revenue: 20, InStock: 0.5}},
		[]model.DailySale{{Day: mon + 1, Units: 3, Revenue: 30, InStock: 0}},
		func(bool) model.Day { t.Fatal("no lookup needed"); return model.NoDay })
	if got.Units[0] != 3 || got.Revenue[0] != 30 || got.InStockDays[0] != 6 || got.Units[1] != 1 || got.LastDay != mon+9 || got.LastSale != mon+9 {
		t.Errorf("%+v", got)
	}
}
