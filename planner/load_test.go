package planner

import (
	"context"
	"math"
	"slices"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// smallStore writes three SKUs selling 2, 4 and 6 units a day for 20 weeks
// up to asOf.
func smallStore(t *testing.T) *store.Store {
	t.Helper()
	st, b, sp, must := acmeStore(t)
	for k, sku := range []string{"A", "B", "C"} {
		p := &model.Product{SKU: sku, SupplierID: sp.ID, UnitCost: 1, LaunchedOn: model.NoDay}
		must(b.AddProduct(p))
		var days []model.DailySale
		for d := asOf - 139; d <= asOf; d++ {
			days = append(days, model.DailySale{Day: d, Units: 2 * (k + 1), InStock: math.NaN()})
		}
		must(b.SetSales(p.ID, days))
	}
	must(b.Commit())
	return st
}

func TestLoadCachesForecastsAndRefreshesOnlyWhatChanged(t *testing.T) {
	st := smallStore(t)
	ctx := context.Background()
	first, err := Load(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(first.Refreshed, []int{0, 1, 2}) {
		t.Fatalf("first load refreshed %v, want all", first.Refreshed)
	}
	if lv := first.Rows[1].Forecast.Level(); lv != 28 {
		t.Errorf("B level %v, want 4·7", lv)
	}
	if err := first.SaveForecasts(ctx, st); err != nil {
		t.Fatal(err)
	}
	second, err := Load(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Refreshed) != 0 {
		t.Errorf("second load refreshed %v, want none (cached)", second.Refreshed)
	}
	for i := range 3 {
		a, b := first.Rows[i], second.Rows[i]
		if a.Forecast.Level() != b.Forecast.Level() || a.Forecast.SD != b.Forecast.SD || a.Forecast.Method != b.Forecast.Method ||
			a.LastSale != b.LastSale || !slices.Equal(a.Cached.Recent, b.Cached.Recent) || a.Plan != b.Plan {
			t.Errorf("row %d differs between computed and cached:\n%+v\n%+v", i, a.Plan, b.Plan)
		}
	}
	if r := second.Rows[2].Cached.Recent; len(r) != model.RecentWeeks || r[len(r)-1] != 42 || r[6] != 42 || r[5] != 0 { // 20 weeks of sales
		t.Errorf("recent weeks of C: %v", r)
	}

	// new sales data for B: only B is forecast again
	if _, err := st.DB().Exec("UPDATE products SET data_version = data_version + 1 WHERE sku = 'B'"); err != nil {
		t.Fatal(err)
	}
	third, err := Load(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(third.Refreshed, []int{1}) {
		t.Errorf("after B changed, refreshed %v, want [1]", third.Refreshed)
	}
	third.SaveForecasts(ctx, st)

	// planning as of an earlier day computes without overwriting the cache
	past, err := Load(ctx, st, Options{AsOf: asOf - 70})
	if err != nil {
		t.Fatal(err)
	}
	if len(past.Refreshed) != 3 {
		t.Errorf("past as-of refreshed %v", past.Refreshed)
	}
	if err := past.SaveForecasts(ctx, st); err != nil {
		t.Fatal(err)
	}
	again, _ := Load(ctx, st, Options{})
	if len(again.Refreshed) != 0 {
		t.Errorf("a past as-of replaced the cache: refreshed %v", again.Refreshed)
	}
}

// The dashboard opens on cached forecasts only and forecasts the stale
// SKUs in the background; the result applies to whatever snapshot an edit
// has made meanwhile, without undoing the edit.
func TestOpenComputesNothingAndBackgroundForecastsKeepEdits(t *testing.T) {
	st := smallStore(t)
	ctx := context.Background()
	s, err := Open(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Stale, []int{0, 1, 2}) || s.Rows[1].Cached != nil || s.Rows[1].Forecast.Level() != 0 {
		t.Fatalf("open: stale %v, B forecast %+v", s.Stale, s.Rows[1].Cached)
	}
	var steps [][2]int
	f, err := s.ForecastStale(ctx, st, func(done, total int) { steps = append(steps, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(steps, [][2]int{{3, 3}}) || s.Rows[1].Cached != nil {
		t.Errorf("progress %v; forecasting must not touch the snapshot", steps)
	}
	edited, _ := withReorderPoint(s, s.Rows[0].Item.Product.ID, true, 99)
	next := edited.WithForecasts(f)
	if len(next.Stale) != 0 || !slices.Equal(next.Refreshed, []int{0, 1, 2}) {
		t.Errorf("after applying: stale %v refreshed %v", next.Stale, next.Refreshed)
	}
	if next.Rows[0].Plan.ReorderPoint != 99 || !next.Rows[0].Plan.ReorderPointManual {
		t.Errorf("the edit was lost: %+v", next.Rows[0].Plan)
	}
	if lv := next.Rows[1].Forecast.Level(); lv != 28 {
		t.Errorf("B level %v, want 28", lv)
	}
	if edited.Rows[1].Cached != nil || edited.Rows[1].Plan == next.Rows[1].Plan {
		t.Error("applying forecasts changed the older snapshot, or changed nothing")
	}
	// the cached forecasts make the next open current
	if err := next.SaveForecasts(ctx, st); err != nil {
		t.Fatal(err)
	}
	if again, _ := Open(ctx, st, Options{}); len(again.Stale) != 0 || again.Rows[1].Forecast.Level() != 28 {
		t.Errorf("reopened: stale %v", again.Stale)
	}
}
