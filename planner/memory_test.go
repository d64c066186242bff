package planner

import (
	"context"
	"runtime"
	"testing"
	"weak"

	"stockroom/model"
)

// Once every SKU's forecast is recomputed (a new horizon, or a morning's
// import), the snapshot that shows them must not keep the items and
// forecasts they replaced: the catalogue the first snapshot was read into
// held them all, which at 100,000 SKUs kept ~115 MB alive (issue 15).
func TestFreshForecastsLetTheOldOnesGo(t *testing.T) {
	ctx := context.Background()
	st, _ := cachedDemo(t, 100, 6)
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
	var items []weak.Pointer[model.Item]
	var forecasts []weak.Pointer[model.SKUForecast]
	for _, r := range s.Rows {
		items, forecasts = append(items, weak.Make(r.Item)), append(forecasts, weak.Make(r.Item.Forecast))
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
	for i := range items {
		if items[i].Value() != nil || forecasts[i].Value() != nil {
			kept++
		}
	}
	if kept > 0 {
		t.Errorf("%d of %d replaced items or their forecasts are still reachable", kept, len(items))
	}
	if len(s.Stale) != 0 || len(s.Rows[0].Item.Forecast.Result.Mean) != 13 {
		t.Errorf("%d stale after the forecasts landed; horizon %d", len(s.Stale), len(s.Rows[0].Item.Forecast.Result.Mean))
	}
	runtime.KeepAlive(s)
}
