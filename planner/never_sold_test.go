package planner

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"testing"

	"stockroom/model"
)

// A SKU that never sold, in a catalogue where others did, has no last sale:
// an empty cell in the stock and risk exports, not 1970-01-01 — when its
// forecast is computed and when it is read back from the cache.
func TestNeverSoldHasNoLastSale(t *testing.T) {
	ctx := context.Background()
	st, b, sp, must := acmeStore(t)
	loc := &model.Location{Name: "Main"}
	must(b.AddLocation(loc))
	sold := &model.Product{SKU: "SOLD", SupplierID: sp.ID, UnitCost: 1, Price: 2, LaunchedOn: model.NoDay}
	never := &model.Product{SKU: "NEVER", SupplierID: sp.ID, UnitCost: 1, Price: 2, LaunchedOn: model.NoDay}
	must(b.AddProduct(sold))
	must(b.AddProduct(never))
	must(b.SetSales(sold.ID, []model.DailySale{{Day: asOf - 3, Units: 2, Revenue: 4, InStock: math.NaN()}}))
	must(b.SetStock(never.ID, loc.ID, 5, 0)) // stock that never sold: at risk
	must(b.Commit())

	lastSaleCells := func(s *Snapshot) map[string]map[string]string {
		out := map[string]map[string]string{}
		risk := s.Risk(nil)
		for _, v := range []View{s.Stock(), risk} {
			var buf bytes.Buffer
			if err := Export(&buf, v, Sorted(v, "sku", false), CSV); err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			cells := map[string]string{}
			for _, rec := range recs[1:] {
				cells[rec[0]] = rec[ColumnIndex(v, "last_sale")]
			}
			out[v.Name()] = cells
		}
		return out
	}
	computed, err := Load(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	must(computed.SaveForecasts(ctx, st))
	cached, err := Load(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cached.Refreshed) != 0 {
		t.Fatalf("second load refreshed %v, want the cache", cached.Refreshed)
	}
	for name, s := range map[string]*Snapshot{"computed": computed, "cached": cached} {
		cells := lastSaleCells(s)
		if got := cells["stock"]["NEVER"]; got != "" {
			t.Errorf("%s: stock export last_sale of a SKU that never sold = %q, want empty", name, got)
		}
		if got, ok := cells["risk"]["NEVER"]; !ok || got != "" {
			t.Errorf("%s: risk export last_sale of a SKU that never sold = %q (listed %v), want an empty cell", name, got, ok)
		}
		if got, want := cells["stock"]["SOLD"], (asOf - 3).String(); got != want {
			t.Errorf("%s: stock export last_sale of the SKU that sold = %q, want %s", name, got, want)
		}
	}
}
