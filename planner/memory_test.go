package planner

import (
	"context"
	"runtime"
	"testing"
	"weak"

	"stockroom/model"
	"stockroom/store"
)

// Once every SKU's forecast is recomputed (a new horizon, or a morning's
// import), the snapshot that shows them must not keep the forecasts they
// replaced (the catalogue the first snapshot was read into held them all,
// ~115 MB at 100,000 SKUs, issue 15), and shares the SKUs' items instead
// of copying them (0.4 KB a SKU held twice while forecasts land).
func TestFreshForecastsLetTheOldOnesGo(t *testing.T) {
	ctx := context.Background()
	st, s := openAllStale(t, 100)
	items := map[*model.Item]bool{}
	var forecasts []weak.Pointer[model.SKUForecast]
	for _, r := range s.Rows {
		items[r.Item] = true
		forecasts = append(forecasts, weak.Make(r.Cached))
	}
	f, err := s.ForecastStale(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	s = s.WithForecasts(f)
	f = Forecasts{}
	for range 3 {
		runtime.GC()
	}
	kept := 0
	for i := range forecasts {
		if forecasts[i].Value() != nil {
			kept++
		}
	}
	if kept > 0 {
		t.Errorf("%d of %d replaced forecasts are still reachable", kept, len(forecasts))
	}
	copied := 0
	for _, r := range s.Rows {
		if !items[r.Item] || r.Item.Forecast != nil {
			copied++
		}
	}
	if copied > 0 {
		t.Errorf("%d of %d items were copied (or hold a forecast) instead of shared", copied, len(s.Rows))
	}
	if len(s.Stale) != 0 || len(s.Rows[0].Cached.Result.Mean) != 13 {
		t.Errorf("%d stale after the forecasts landed; horizon %d", len(s.Stale), len(s.Rows[0].Cached.Result.Mean))
	}
	runtime.KeepAlive(s)
}

// openAllStale opens a cached demo of n SKUs whose forecast horizon was
// changed since, so every forecast is stale, its search index built.
func openAllStale(t *testing.T, n int) (*store.Store, *Snapshot) {
	t.Helper()
	ctx := context.Background()
	st, _ := cachedDemo(t, n, 6)
	if _, _, err := st.SetSettings(ctx, map[string]string{"forecast_weeks": "13"}, nil); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Stale) != len(s.Rows) {
		t.Fatalf("%d of %d rows stale after a new horizon", len(s.Stale), len(s.Rows))
	}
	s.WarmSearch()
	return st, s
}
