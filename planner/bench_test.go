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
		if _, err := st.LoadCatalogue(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild forecasts and plans every SKU of a freshly loaded
// catalogue (Build trims histories, so each round needs its own).
func BenchmarkBuild(b *testing.B) {
	st := benchCatalogueStore(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c, err := st.LoadCatalogue(context.Background())
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
