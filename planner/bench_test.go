package planner_test

import (
	"context"
	"testing"

	. "stockroom/planner"
	"stockroom/store"
	"stockroom/tools/benchfixture"
)

// The benchmarks are an external test package so that they can share
// tools/benchfixture (which imports planner) with ui's; the dot import
// keeps them reading as planner's own code. The catalogue is 100,000 demo
// SKUs (or $STOCKROOM_BENCH_DB), written once into the temp directory.

// BenchmarkLoadCatalogue reads the 100k snapshot from SQLite.
func BenchmarkLoadCatalogue(b *testing.B) {
	st := benchfixture.Store(b)
	for b.Loop() {
		if _, err := st.LoadCatalogue(context.Background(), cachedForecasts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild plans every SKU of a freshly loaded catalogue from its
// cached forecasts.
func BenchmarkBuild(b *testing.B) {
	st := benchfixture.Store(b)
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
	s, err := Load(context.Background(), benchfixture.Store(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	v := s.Stock()
	for b.Loop() {
		Sorted(v, "status", false)
	}
}

func BenchmarkFilter(b *testing.B) {
	s, err := Load(context.Background(), benchfixture.Store(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	v := s.Stock()
	all := Sorted(v, "status", false)
	for b.Loop() {
		Filter(v, all, "garden")
	}
}

// BenchmarkForecastAll reads every history and forecasts every SKU, as
// the first start after importing all sales does: the engine's speed
// target (100,000 SKUs in under 20 s on 2 cores).
func BenchmarkForecastAll(b *testing.B) {
	st := benchfixture.Store(b)
	s, err := Open(context.Background(), st, Options{})
	if err != nil {
		b.Fatal(err)
	}
	all := make([]int, len(s.Rows))
	for i := range all {
		all[i] = i
	}
	for b.Loop() {
		s.Stale = all
		if _, err := s.Refresh(context.Background(), st, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(all)), "µs/SKU")
}

// cachedForecasts is what Load asks the store for on a normal start.
var cachedForecasts = store.LoadOptions{Forecasts: store.ForecastKey{Engine: Auto{}.Engine()}}

// BenchmarkOpenReorder is what the reorder pane waits for on a start: read
// the catalogue with its cached forecasts, plan every SKU, build the
// reorder view and order it by urgency (issue 5: under 1 s for 100,000).
func BenchmarkOpenReorder(b *testing.B) {
	st := benchfixture.Store(b)
	rows := 0
	for b.Loop() {
		s, err := Open(context.Background(), st, Options{})
		if err != nil {
			b.Fatal(err)
		}
		v := s.Reorder()
		rows = len(Select(v, Query{}))
	}
	b.ReportMetric(float64(rows), "rows")
}

// BenchmarkReorderView is the reorder view alone, built again after every
// edit.
func BenchmarkReorderView(b *testing.B) {
	s, err := Open(context.Background(), benchfixture.Store(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s.Suppliers(s.Reorder())
	}
}

// BenchmarkOpenPane is what each pane waits for on a start from cached
// forecasts: read the catalogue, plan every SKU, build the pane's view and
// put its rows in the pane's default order (issue 6: under 1 s each for
// 100,000 SKUs).
func BenchmarkOpenPane(b *testing.B) {
	st := benchfixture.Store(b)
	for _, pane := range []struct {
		name string
		view func(*Snapshot) View
		sort string
	}{
		{"overview", func(s *Snapshot) View { return s.Overview().View() }, ""},
		{"stock", func(s *Snapshot) View { return s.Stock() }, "status"},
		{"reorder", func(s *Snapshot) View { return s.Reorder() }, ""},
		{"assortment", func(s *Snapshot) View { return s.Assortment(ByCategory) }, ""},
		{"risk", func(s *Snapshot) View { return s.Risk(nil) }, ""},
		{"suppliers", func(s *Snapshot) View { return s.Suppliers(s.Reorder()) }, ""},
	} {
		b.Run(pane.name, func(b *testing.B) {
			rows := 0
			for b.Loop() {
				s, err := Open(context.Background(), st, Options{})
				if err != nil {
					b.Fatal(err)
				}
				rows = len(Select(pane.view(s), Query{Sort: pane.sort}))
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}

// BenchmarkSummaryViews are the views the dashboard builds in the
// background after every snapshot, each alone.
func BenchmarkSummaryViews(b *testing.B) {
	s, err := Open(context.Background(), benchfixture.Store(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("overview", func(b *testing.B) {
		for b.Loop() {
			s.Overview()
		}
	})
	for _, by := range GroupBys {
		b.Run("assortment-by-"+by.String(), func(b *testing.B) {
			for b.Loop() {
				s.Assortment(by)
			}
		})
	}
	b.Run("risk", func(b *testing.B) {
		for b.Loop() {
			s.Risk(nil)
		}
	})
}

// BenchmarkWithSettings plans the 100k catalogue again in memory after a
// settings change, as the dashboard does (issue 15: < 0.5 s with the
// views, against 0.9 s reading the catalogue again).
func BenchmarkWithSettings(b *testing.B) {
	s, err := Open(context.Background(), benchfixture.Store(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	set := s.Catalogue.Settings
	for b.Loop() {
		set.ServiceLevelA = 0.99 - set.ServiceLevelA + 0.97 // alternate 0.98 / 0.99
		s = s.WithSettings(set)
	}
}
