package planner

import (
	"context"
	"testing"

	"stockroom/demo"
	"stockroom/store"
)

func benchCatalogueStore(b *testing.B) *store.Store {
	b.Helper()
	path, err := demo.BenchCatalogue(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	primeCache(b, path)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkLoadCatalogue reads the 100k snapshot from SQLite.
func BenchmarkLoadCatalogue(b *testing.B) {
	st := benchCatalogueStore(b)
	for b.Loop() {
		if _, err := st.LoadCatalogue(context.Background(), cachedForecasts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild plans every SKU of a freshly loaded catalogue from its
// cached forecasts.
func BenchmarkBuild(b *testing.B) {
	st := benchCatalogueStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c, err := st.LoadCatalogue(context.Background(), cachedForecasts)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		Build(c, Options{})
	}
}

// BenchmarkSortByStatus and BenchmarkFilter are the query steps.
func BenchmarkSortByStatus(b *testing.B) {
	s, err := Load(context.Background(), benchCatalogueStore(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	v := s.Stock()
	for b.Loop() {
		Sorted(v, "status", false)
	}
}

func BenchmarkFilter(b *testing.B) {
	s, err := Load(context.Background(), benchCatalogueStore(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	v := s.Stock()
	all := Sorted(v, "status", false)
	for b.Loop() {
		Filter(v, all, "garden")
	}
}

// primeCache plans the catalogue once so the forecast cache is current,
// as it is after stockroom demo.
func primeCache(b *testing.B, path string) {
	b.Helper()
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := Refresh(context.Background(), st, Options{}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLoadColdCache plans with no cached forecasts: every history is
// read and forecast (the first start after an import of all sales).
func BenchmarkLoadColdCache(b *testing.B) {
	st := benchCatalogueStore(b)
	for b.Loop() {
		c, err := st.LoadCatalogue(context.Background(), cachedForecasts)
		if err != nil {
			b.Fatal(err)
		}
		for i := range c.Items {
			c.Items[i].Forecast = nil
		}
		opt := Options{}.resolve(c)
		if _, err := refreshStale(context.Background(), st, c, opt); err != nil {
			b.Fatal(err)
		}
		Build(c, opt)
	}
}

// cachedForecasts is what Load asks the store for on a normal start.
var cachedForecasts = store.LoadOptions{Forecasts: store.ForecastKey{Engine: Interim{}.Engine()}}
