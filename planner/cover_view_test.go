package planner

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"

	"stockroom/model"
)

// Days of cover in the exports: empty when the stock never runs out (no
// demand, also with nothing available, or beyond ten years), 0 when orders
// already wait for stock; the empty cells sort as the largest.
func TestDaysOfCoverExportsAndSorts(t *testing.T) {
	set := model.DefaultSettings()
	mk := func(id int64, sku, cat string, onHand, committed int, sales model.WeeklySales) model.Item {
		return model.Item{
			Product: model.Product{ID: id, SKU: sku, Category: cat, SupplierID: 1, UnitCost: 2, Price: 5, CasePack: 1,
				Status: model.Active, LaunchedOn: model.NoDay},
			OnHand: onHand, Committed: committed, Sales: sales,
		}
	}
	c := &model.Catalogue{
		Suppliers: map[int64]model.Supplier{1: {ID: 1, Name: "Acme", LeadTimeDays: 14}},
		Items: []model.Item{
			// mean8: the mean of the last 8 weeks
			mk(1, "NONE", "Idle", 0, 0, weekly(3, 0, 0, 0, 0, 0, 0, 0, 0)),   // no demand, nothing available: was 0
			mk(2, "TINY", "Idle", 5, 0, weekly(0, 0, 0, 0, 0, 0, 0, 1e-6)),   // 1.25e-7 a week: 2.8e8 days
			mk(3, "OWED", "Busy", 2, 5, weekly(0)),                           // committed beyond stock
			mk(4, "SELL", "Busy", 14, 0, weekly(7, 7, 7, 7, 7, 7, 7, 7)),     // 14 / (7/7)
			mk(5, "DECADE", "Busy", 3650, 0, weekly(7, 7, 7, 7, 7, 7, 7, 7)), // exactly ten years
			mk(6, "LONGER", "Busy", 3651, 0, weekly(7, 7, 7, 7, 7, 7, 7, 7)), // a day more: never runs out
			mk(7, "EMPTY", "Busy", 0, 0, weekly(7, 7, 7, 7, 7, 7, 7, 7)),     // sells, nothing left
		},
		Settings:   set,
		LatestSale: asOf,
	}
	s := Build(c, mean8)
	v := s.Stock()
	cells := func(order []int) (skus, cover []string) {
		var buf bytes.Buffer
		if err := Export(&buf, v, order, CSV); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := ColumnIndex(v, "days_of_cover")
		for _, rec := range recs[1:] {
			skus, cover = append(skus, rec[0]), append(cover, rec[col])
		}
		return skus, cover
	}
	skus, cover := cells(Sorted(v, "sku", false))
	want := map[string]string{"NONE": "", "TINY": "", "OWED": "0", "SELL": "14", "DECADE": "3650", "LONGER": "", "EMPTY": "0"}
	for i, sku := range skus {
		if cover[i] != want[sku] {
			t.Errorf("%s: days_of_cover %q, want %q", sku, cover[i], want[sku])
		}
	}
	if skus, _ := cells(Sorted(v, "days_of_cover", false)); !slices.Equal(skus, []string{"OWED", "EMPTY", "SELL", "DECADE", "NONE", "TINY", "LONGER"}) {
		t.Errorf("ascending by cover: %v, want the endless last", skus)
	}
	if skus, _ := cells(Sorted(v, "days_of_cover", true)); !slices.Equal(skus[:3], []string{"NONE", "TINY", "LONGER"}) {
		t.Errorf("descending by cover: %v, want the endless first", skus)
	}
	// a group whose SKUs have no demand has endless cover too
	av := s.Assortment(ByCategory)
	for i := range av.Len() {
		if g := av.Group(i); g.Group.Name == "Idle" && !av.Value(i, AssortDaysOfCover).Null {
			t.Errorf("Idle's days of cover %v, want empty", av.Value(i, AssortDaysOfCover))
		}
	}
}
