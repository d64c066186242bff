package planner

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"stockroom/demo"
	"stockroom/store"
)

// Reading the next chunk of histories while this one is forecast gives the
// forecasts reading them in turn gives, row for row, over more than one
// chunk (a command reads ahead; the dashboard's background work does not).
func TestReadAheadForecastsAsReadingInTurn(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	skus := 2*refreshChunk + 300
	if err := demo.Create(ctx, path, demo.Options{SKUs: skus, Seed: 8, End: demo.DefaultEnd}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	asOf := demo.DefaultEnd - 30 // not cached: every SKU is forecast
	var got [2]Forecasts
	for k, background := range []bool{false, true} {
		s, err := Open(ctx, st, Options{AsOf: asOf, Background: background})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Stale) != skus {
			t.Fatalf("%d of %d rows stale as of a past day", len(s.Stale), skus)
		}
		var seen []int
		if got[k], err = s.ForecastStale(ctx, st, func(done, total int) { seen = append(seen, done) }); err != nil {
			t.Fatal(err)
		}
		if want := []int{refreshChunk, 2 * refreshChunk, skus}; !slices.Equal(seen, want) {
			t.Errorf("background %v: progress %v, want %v", background, seen, want)
		}
	}
	a, b := got[0], got[1]
	if !slices.Equal(a.ProductIDs, b.ProductIDs) {
		t.Fatal("the rows forecast differ")
	}
	for i := range a.Forecasts {
		x, y := a.Forecasts[i], b.Forecasts[i]
		if x.Result.Method != y.Result.Method || !slices.Equal(x.Result.Mean, y.Result.Mean) || x.Revenue52w != y.Revenue52w {
			t.Fatalf("product %d: read ahead %s %v, in turn %s %v", a.ProductIDs[i], x.Result.Method, x.Result.Mean, y.Result.Method, y.Result.Mean)
		}
	}
}
