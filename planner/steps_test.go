package planner

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"weak"

	"stockroom/demo"
	"stockroom/model"
	"stockroom/store"
)

// rowText is everything a row shows and plans with, its forecast's numbers
// included (printed: NaN equals NaN).
func rowText(r *Row) string {
	c := *r
	c.Item, c.Cached = nil, nil
	f := "none"
	if r.Cached != nil {
		f = fmt.Sprintf("%+v", *r.Cached)
	}
	return fmt.Sprintf("%d %+v %s", r.Item.Product.ID, c, f)
}

// Forecasts landed in steps, each on the snapshot the step before made,
// give the snapshot one landing of them all gives, row for row: the ABC
// classes that new revenue moves are settled by the last step.
func TestForecastsLandedInStepsMatchOneLanding(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	skus := 2*refreshChunk + 300
	if err := demo.Create(ctx, path, demo.Options{SKUs: skus, Seed: 9, End: demo.DefaultEnd}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := Open(ctx, st, Options{AsOf: demo.DefaultEnd - 30}) // not cached: every SKU is stale
	if err != nil {
		t.Fatal(err)
	}
	var steps []Forecasts
	err = s.StaleWork().ForecastInSteps(ctx, st, refreshChunk, nil, func(f Forecasts) error {
		steps = append(steps, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	var all Forecasts
	for _, f := range steps {
		sizes = append(sizes, len(f.Rows))
		all = all.Append(f)
	}
	if want := []int{refreshChunk, refreshChunk, 300}; !slices.Equal(sizes, want) {
		t.Fatalf("steps of %v rows, want %v", sizes, want)
	}
	if !slices.Equal(all.Rows, s.Stale) {
		t.Fatal("the steps do not cover the stale rows in order")
	}
	whole := s.WithForecasts(all)
	stepped := s
	var refreshed []int
	var first *Snapshot
	for _, f := range steps {
		stepped = stepped.WithForecasts(f)
		refreshed = append(refreshed, stepped.Refreshed...)
		if first == nil {
			first = stepped
		}
	}
	if len(whole.Stale) != 0 || len(stepped.Stale) != 0 {
		t.Fatalf("stale after landing: whole %d, in steps %d", len(whole.Stale), len(stepped.Stale))
	}
	if !slices.Equal(refreshed, whole.Refreshed) {
		t.Error("the steps' Refreshed rows differ from the whole landing's")
	}
	if got := stepped.Landed(all).Refreshed; !slices.Equal(got, whole.Refreshed) {
		t.Errorf("the stepped snapshot shows %d of the forecasts to cache, want %d", len(got), len(whole.Refreshed))
	}
	if got := s.Landed(all).Refreshed; len(got) != 0 {
		t.Errorf("a snapshot that shows none of the forecasts would cache %d", len(got))
	}
	if whole.statusCounts != stepped.statusCounts {
		t.Errorf("status counts: whole %v, in steps %v", whole.statusCounts, stepped.statusCounts)
	}
	moved := 0
	for i := range whole.Rows {
		if a, b := rowText(whole.Rows[i]), rowText(stepped.Rows[i]); a != b {
			t.Fatalf("row %d:\nwhole    %s\nin steps %s", i, a, b)
		}
		if i < refreshChunk && stepped.Rows[i].ABC != first.Rows[i].ABC {
			moved++
		}
	}
	if moved == 0 {
		t.Error("no SKU of the first step changed ABC class in a later one: the test does not exercise the classes' re-plan")
	}
}

// While a run lands its steps, the rows and forecasts a landed step
// replaced are free: the run holds the stale rows' items, not the
// snapshot (holding it kept every old forecast until the last step, the
// old and the new of every SKU at once, issue 15), and the rows were
// allocated in blocks that a step frees whole.
func TestLandedStepsLetTheReplacedRowsGo(t *testing.T) {
	ctx := context.Background()
	st, s := openAllStale(t, 2*refreshChunk+300)
	var rows []weak.Pointer[Row]
	var forecasts []weak.Pointer[model.SKUForecast]
	for _, r := range s.Rows[:refreshChunk] {
		rows = append(rows, weak.Make(r))
		forecasts = append(forecasts, weak.Make(r.Cached))
	}
	work, shown := s.StaleWork(), s
	s = nil
	steps := 0
	err := work.ForecastInSteps(ctx, st, refreshChunk, nil, func(f Forecasts) error {
		steps++
		if steps == 2 { // the run goes on: the first step has landed
			for range 3 {
				runtime.GC()
			}
			keptRows, keptForecasts := 0, 0
			for i := range rows {
				if rows[i].Value() != nil {
					keptRows++
				}
				if forecasts[i].Value() != nil {
					keptForecasts++
				}
			}
			if keptRows > 0 || keptForecasts > 0 {
				t.Errorf("after the first step landed, %d of its %d replaced rows and %d forecasts are still reachable",
					keptRows, len(rows), keptForecasts)
			}
		}
		shown = shown.WithForecasts(f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if steps != 3 || len(shown.Stale) != 0 || len(shown.Rows[0].Cached.Result.Mean) != 13 {
		t.Errorf("%d steps, %d stale after the last, horizon %d", steps, len(shown.Stale), len(shown.Rows[0].Cached.Result.Mean))
	}
}
