package planner

import (
	"slices"
	"testing"

	"stockroom/model"
)

// reorderCatalogue: Acme (14-day lead time, minimum order 500) and Bolt
// (7 days), reviewed weekly (R = 1). Forecasts are the mean of the last 8
// weeks with σ = 0, so SS = 0, ROP = μ·(L + R) and S = ROP + μ·R (no
// order cost, no EOQ).
func reorderCatalogue() *model.Catalogue {
	set := model.DefaultSettings()
	set.OrderCost = 0 // no fallback order cost either: no EOQ
	mk := func(id, supplier int64, sku string, onHand, casePack, moq int, cost float64, sales model.WeeklySales) model.Item {
		return model.Item{
			Product: model.Product{ID: id, SKU: sku, Name: sku + " item", SupplierID: supplier, UnitCost: cost, Price: 2 * cost,
				CasePack: casePack, MOQ: moq, Status: model.Active, LaunchedOn: model.NoDay},
			OnHand: onHand, Sales: sales,
		}
	}
	items := []model.Item{
		// μ 10, L 2: ROP 10·3 = 30, S 40; IP 10 → need 30 → 5 cases of 6 = 30, value 60.
		// 10 units last 7 days: stockout day 8, order-by 8 − 14 = −6
		mk(1, 1, "A-1", 10, 6, 0, 2, weekly(10, 10, 10, 10, 10, 10, 10, 10)),
		// μ 7, L 1: ROP 7·2 = 14, S 21; IP 5 → need 16 ≥ MOQ 12 → 16, value 48.
		// 5 units last 5 days: stockout day 6, order-by −1
		mk(2, 2, "E-5", 5, 1, 12, 3, weekly(7, 7, 7, 7, 7, 7, 7, 7)),
		// μ 7, L 2: ROP 7·3 = 21, S 28; IP 30 > 21: stockout day 31, order-by 17 > 7: not listed
		mk(3, 1, "F-6", 30, 1, 0, 2, weekly(7, 7, 7, 7, 7, 7, 7, 7)),
		// no demand, 3 in stock, but the PM wants 5: listed with no order-by, value 10
		mk(4, 1, "G-7", 3, 1, 0, 2, weekly(0, 0, 0, 0, 0, 0, 0, 0)),
	}
	items[3].Policy.OrderQty, items[3].Policy.HasOrderQty = 5, true
	return &model.Catalogue{
		Suppliers: map[int64]model.Supplier{
			1: {ID: 1, Name: "Acme", LeadTimeDays: 14, MinOrderValue: 500},
			2: {ID: 2, Name: "Bolt", LeadTimeDays: 7},
		},
		Items: items, Settings: set, LatestSale: asOf,
	}
}

func TestReorderViewGroupsBySupplierByUrgency(t *testing.T) {
	s := Build(reorderCatalogue(), mean8)
	v := s.Reorder()
	var skus []string
	for i := range v.Len() {
		skus = append(skus, v.Value(i, ReorderSKU).Text)
	}
	// Acme's earliest order-by (−6) beats Bolt's (−1); G-7 has none, so last in Acme
	if !slices.Equal(skus, []string{"A-1", "G-7", "E-5"}) {
		t.Fatalf("rows %v", skus)
	}
	checks := []struct {
		row, col int
		want     int64
	}{
		{0, ReorderSuggested, 30}, {0, ReorderPoint, 30}, {0, ReorderPosition, 10}, {0, ReorderOrderBy, int64(asOf - 6)},
		{0, ReorderStockout, int64(asOf + 8)}, {1, ReorderSuggested, 5}, {1, ReorderQtyManual, 1},
		{2, ReorderSuggested, 16}, {2, ReorderOrderBy, int64(asOf - 1)},
	}
	for _, c := range checks {
		if got := v.Value(c.row, c.col).Int; got != c.want {
			t.Errorf("row %d %s = %d, want %d", c.row, reorderColumns[c.col].Name, got, c.want)
		}
	}
	if got := v.Value(0, ReorderOrderUpTo).Float; got != 40 {
		t.Errorf("A-1 S = %v", got)
	}
	if v.Value(0, ReorderReason).Text != "below_rop" || v.Value(1, ReorderReason).Text != "own_qty" {
		t.Errorf("reasons %q %q", v.Value(0, ReorderReason).Text, v.Value(1, ReorderReason).Text)
	}
	g := v.Groups()
	if len(g) != 2 || g[0].Supplier != "Acme" || g[1].Supplier != "Bolt" {
		t.Fatalf("groups %+v", g)
	}
	acme := v.Totals(g[0].Rows)
	// A-1's 30 at 2 and G-7's 5 at 2
	if acme != (ReorderTotals{SKUs: 2, Units: 35, Value: 70}) || !g[0].BelowMinimum(acme.Value) {
		t.Errorf("Acme totals %+v, below minimum %v", acme, g[0].BelowMinimum(acme.Value))
	}
	if g[1].BelowMinimum(v.Totals(g[1].Rows).Value) {
		t.Error("Bolt has no minimum")
	}
}

func TestReorderSortKeepsSuppliersTogether(t *testing.T) {
	v := Build(reorderCatalogue(), mean8).Reorder()
	// by SKU descending is G-7, E-5, A-1; Acme's rows stay together, first
	if got := Select(v, Query{Sort: "sku", Desc: true}); !slices.Equal(got, []int{1, 0, 2}) {
		t.Errorf("sorted %v, want [1 0 2]", got)
	}
	if got := Select(v, Query{Filter: "e-5"}); !slices.Equal(got, []int{2}) {
		t.Errorf("filtered %v", got)
	}
}

func TestSuppliersViewTotals(t *testing.T) {
	s := Build(reorderCatalogue(), mean8)
	v := s.Suppliers(s.Reorder())
	if v.Len() != 2 || v.Value(0, SupplierName).Text != "Acme" {
		t.Fatalf("%d rows, first %q", v.Len(), v.Value(0, SupplierName).Text)
	}
	if v.Value(0, SupplierSKUs).Int != 3 || v.Value(0, SupplierToOrder).Int != 2 || v.Value(0, SupplierToOrderUnits).Int != 35 ||
		v.Value(0, SupplierToOrderValue).Float != 70 {
		t.Errorf("Acme: skus %d to order %d units %d value %v", v.Value(0, SupplierSKUs).Int, v.Value(0, SupplierToOrder).Int,
			v.Value(0, SupplierToOrderUnits).Int, v.Value(0, SupplierToOrderValue).Float)
	}
	// no orders at all: measured numbers are empty, not zero
	if !v.Value(0, SupplierMeasured).Null || !v.Value(0, SupplierOnTime).Null || v.Value(0, SupplierLeadTimeUsed).Float != 14 {
		t.Errorf("measured %+v on time %+v used %+v", v.Value(0, SupplierMeasured), v.Value(0, SupplierOnTime), v.Value(0, SupplierLeadTimeUsed))
	}
}

func TestMeasuredLeadTimeFeedsSafetyStock(t *testing.T) {
	c := reorderCatalogue()
	// Bolt measured from 3 receipts: 14 days on average, sd 7 days
	c.Activity = map[int64]model.SupplierActivity{2: {SupplierID: 2, LeadTime: model.LeadTimeStats{Receipts: 3, MeanDays: 14, SDDays: 7, OnTime: 1}}}
	s := Build(c, mean8)
	r := s.Rows[1] // E-5: μ 7, σ_w 0, L 2 weeks, σ_L 1 week, R 1 week
	// SS = z(0.90, class C: no revenue)·√(3·0 + 49·1) = 1.2815516·7 = 8.97;
	// ROP = ⌈7·(2 + 1) + 8.97⌉ = ⌈29.97⌉ = 30
	if r.LeadTime.Source != model.LeadTimeMeasured || r.Plan.ReorderPoint != 30 {
		t.Errorf("source %v ROP %d SS %v", r.LeadTime.Source, r.Plan.ReorderPoint, r.Plan.SafetyStock)
	}
	// two receipts: configured 7 days, σ_L 0 → ROP 7·(1 + 1) = 14
	c.Activity[2] = model.SupplierActivity{SupplierID: 2, LeadTime: model.LeadTimeStats{Receipts: 2, MeanDays: 14, SDDays: 7}}
	if r := Build(c, mean8).Rows[1]; r.LeadTime.Source != model.LeadTimeSupplier || r.Plan.ReorderPoint != 14 {
		t.Errorf("2 receipts: source %v ROP %d", r.LeadTime.Source, r.Plan.ReorderPoint)
	}
}

func TestDraftTakesASKUOffTheList(t *testing.T) {
	c := reorderCatalogue()
	c.Items[0].InDraft = 30 // A-1's suggestion, on a draft: IP 40 ≥ S 40
	s := Build(c, mean8)
	if r := s.Rows[0]; r.Plan.Reorder || r.Plan.InventoryPosition != 40 {
		t.Errorf("A-1 with its draft: reorder %v IP %d", r.Plan.Reorder, r.Plan.InventoryPosition)
	}
	// the draft arrives a lead time (14 days) from today in the projection:
	// 10 units last to day 7, short on day 8, before it lands
	if got := s.Rows[0].Plan.Stockout; got != asOf+8 {
		t.Errorf("stockout %v", got)
	}
	c.Items[0].OnHand, c.Items[0].InDraft = 20, 24 // 20 + 24 (landing on day 14) = 44 units at 10/7 a day: 30.8 days
	if got := Build(c, mean8).Rows[0].Plan.Stockout; got != asOf+31 {
		t.Errorf("stockout with the draft landing first: %v, want day 31", int(got-asOf))
	}
}

// A changed forecast horizon makes every cached forecast out of date.
func TestHorizonChangeMakesForecastsStale(t *testing.T) {
	c := reorderCatalogue()
	s := Build(c, mean8)
	if len(s.Stale) != 0 || len(s.Rows[0].Forecast.Mean) != 26 {
		t.Fatalf("stale %v, horizon %d", s.Stale, len(s.Rows[0].Forecast.Mean))
	}
	c.Settings.ForecastWeeks = 13
	if s := build(c, mean8.resolve(c)); len(s.Stale) != len(c.Items) {
		t.Errorf("after the horizon changed: %d of %d stale", len(s.Stale), len(c.Items))
	}
}
