package planner

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"testing"
	"weak"
)

// TestWithSettingsMatchesReading plans a demo catalogue again in memory
// after each settings change and compares every row with the catalogue
// read and planned afresh from the store holding the new value: the
// in-memory path must not miss a setting that a fresh read would apply.
func TestWithSettingsMatchesReading(t *testing.T) {
	ctx := context.Background()
	// planned from the cache, as the reads it is compared with are (the
	// cache stores forecasts at lower precision than it computes them)
	st, s := cachedDemo(t, 400, 3)
	changes := []map[string]string{
		{"service_level_a": "0.995", "service_level_c": "0.8"},
		{"abc_cut_a": "0.5", "abc_cut_b": "0.7"},
		{"review_days": "14"},
		{"default_lead_time_days": "40", "order_cost": "90"},
		{"dead_stock_days": "30", "excess_cover_days": "60", "slow_cover_days": "40"},
		{"xyz_cut_x": "0.2", "xyz_cut_y": "0.6", "decline_drop": "0.05"},
		{"max_cover_weeks": "4", "holding_rate": "0.4"},
		{"forecast_weeks": "13"},
	}
	for _, values := range changes {
		t.Run(fmt.Sprint(values), func(t *testing.T) {
			set, err := ApplySettings(s.Catalogue.Settings, values)
			if err != nil {
				t.Fatal(err)
			}
			got := s.WithSettings(set)
			if _, _, err := st.SetSettings(ctx, values, nil); err != nil {
				t.Fatal(err)
			}
			want, err := Open(ctx, st, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Catalogue.Settings != want.Catalogue.Settings {
				t.Fatalf("settings %+v, read %+v", got.Catalogue.Settings, want.Catalogue.Settings)
			}
			if len(got.Rows) != len(want.Rows) {
				t.Fatalf("%d rows, read %d", len(got.Rows), len(want.Rows))
			}
			differ := 0
			for i := range want.Rows {
				g, w := rowFigures(got.Rows[i]), rowFigures(want.Rows[i])
				if g != w {
					if differ++; differ <= 3 {
						t.Errorf("row %d:\n in memory %s\n read      %s", i, g, w)
					}
				}
			}
			if differ > 3 {
				t.Errorf("… %d rows differ", differ)
			}
			if !maps.Equal(got.StatusCounts(), want.StatusCounts()) {
				t.Errorf("status counts %v, read %v", got.StatusCounts(), want.StatusCounts())
			}
			if !slices.Equal(got.Stale, want.Stale) {
				t.Errorf("%d stale rows, read %d", len(got.Stale), len(want.Stale))
			}
			// the change lands on the snapshot it was made from; the next
			// starts from the catalogue as stored, as the dashboard's does
			s = want
		})
	}
	if len(s.Stale) != len(s.Rows) {
		t.Errorf("a new horizon leaves %d of %d rows stale, want every one", len(s.Stale), len(s.Rows))
	}
}

// rowFigures is what a row shows, as text (NaN equal to NaN).
func rowFigures(r *Row) string {
	return fmt.Sprintf("%s abc=%v xyz=%v sl=%v/%v lt=%+v review=%v plan=%+v risk=%+v",
		r.Item.Product.SKU, r.ABC, r.XYZ, r.ServiceLevel, r.ServiceLevelManual, r.LeadTime, r.ReviewWeeks, r.Plan, r.Risk)
}

// A snapshot planned again shares the search texts, not the rows they were
// read from: the first snapshot's rows must go once the texts are built
// (they stayed alive through the shared index, doubling the plan's memory
// after every settings change on a catalogue read from its cache).
func TestPlanningAgainLetsTheSearchedRowsGo(t *testing.T) {
	_, s := cachedDemo(t, 100, 4)
	s.WarmSearch()
	old := weak.Make(s.Rows[0])
	set := s.Catalogue.Settings
	set.ServiceLevelA = 0.99
	s = s.WithSettings(set)
	for range 3 {
		runtime.GC()
	}
	if old.Value() != nil {
		t.Error("the first snapshot's rows are still reachable after planning again")
	}
	// and the texts still find a SKU
	sku := s.Rows[5].Item.Product.SKU
	if got := Filter(s.Stock(), all(len(s.Rows)), sku); !slices.Contains(got, 5) {
		t.Errorf("filtering by %s found rows %v", sku, got)
	}
	runtime.KeepAlive(s)
}
