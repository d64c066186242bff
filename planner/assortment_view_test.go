package planner

import (
	"math"
	"testing"

	"stockroom/model"
)

// sold is 8 weeks of sales at a price, so revenue = units × price.
func sold(price float32, units ...float32) model.WeeklySales {
	w := weekly(units...)
	w.Revenue = make([]float32, len(units))
	for i, u := range units {
		w.Revenue[i] = u * price
	}
	return w
}

// assortmentCatalogue, all sold over the same 8 weeks:
//
//	K-1 Kitchen Acme  cost 2 price 5   20 on hand  10/wk, last week 3.5 days in stock (20 adjusted)
//	K-2 Kitchen Bolt  cost 4 price 10  10 on hand  0,20,0,20…  mean 10, sd 10: CV 1.0
//	G-1 Garden  Acme  cost 1 price 2  100 on hand  5,15,5,15…  mean 10, sd 5: CV 0.5
//	G-2 Garden  Bolt  cost 3 price 6   30 on hand  nothing sold
func assortmentCatalogue() *model.Catalogue {
	set := model.DefaultSettings()
	mk := func(id int64, sku, cat, brand string, cost, price float64, onHand int, sales model.WeeklySales) model.Item {
		return model.Item{
			Product: model.Product{ID: id, SKU: sku, Name: sku, Category: cat, Brand: brand, SupplierID: 1,
				UnitCost: cost, Price: price, CasePack: 1, Status: model.Active, LaunchedOn: model.NoDay},
			OnHand: onHand, Sales: sales,
		}
	}
	k1 := sold(5, 10, 10, 10, 10, 10, 10, 10, 10)
	k1.InStockDays = []float32{7, 7, 7, 7, 7, 7, 7, 3.5}
	g2 := weekly(0, 0, 0, 0, 0, 0, 0, 0)
	g2.LastSale = model.NoDay
	return &model.Catalogue{
		Suppliers: map[int64]model.Supplier{1: {ID: 1, Name: "Acme Supply", LeadTimeDays: 14}},
		Items: []model.Item{
			mk(1, "K-1", "Kitchen", "Acme", 2, 5, 20, k1),
			mk(2, "K-2", "Kitchen", "Bolt", 4, 10, 10, sold(10, 0, 20, 0, 20, 0, 20, 0, 20)),
			mk(3, "G-1", "Garden", "Acme", 1, 2, 100, sold(2, 5, 15, 5, 15, 5, 15, 5, 15)),
			mk(4, "G-2", "Garden", "Bolt", 3, 6, 30, g2),
		},
		Settings: set, LatestSale: asOf,
	}
}

func TestABCAndXYZClasses(t *testing.T) {
	s := Build(assortmentCatalogue(), mean8)
	// revenue 400, 800, 160, 0 of 1360: K-2 A (0 above), K-1 A (800 < 1088),
	// G-1 B (1200 < 1292), G-2 C (none). K-1's CV: 10×7 and 20 → 3.307/11.25
	want := []struct{ abc, xyz string }{{"A", "X"}, {"A", "Z"}, {"B", "Y"}, {"C", "Z"}}
	v := s.Stock()
	for i, w := range want {
		if got := v.Value(i, StockABC).Text + v.Value(i, StockXYZ).Text; got != w.abc+w.xyz {
			t.Errorf("%s: %s, want %s%s", v.Value(i, StockSKU).Text, got, w.abc, w.xyz)
		}
	}
	m := s.Assortment(ByCategory).Matrix
	for _, c := range []struct {
		abc  model.ABC
		xyz  model.XYZ
		want MatrixCell
	}{
		{model.ClassA, model.ClassX, MatrixCell{1, 400, 40}},
		{model.ClassA, model.ClassZ, MatrixCell{1, 800, 40}},
		{model.ClassB, model.ClassY, MatrixCell{1, 160, 100}},
		{model.ClassC, model.ClassZ, MatrixCell{1, 0, 90}},
		{model.ClassB, model.ClassX, MatrixCell{}},
	} {
		if got := m[c.abc][c.xyz]; got != c.want {
			t.Errorf("matrix %v%v = %+v, want %+v", c.abc, c.xyz, got, c.want)
		}
	}
}

// The matrix view lists the same cells, AX first, with shares of the
// catalogue: AZ holds 800 of 1,360 revenue and 40 of 270 stock value.
func TestMatrixView(t *testing.T) {
	v := Build(assortmentCatalogue(), mean8).Assortment(ByCategory).MatrixView()
	az := 2 // A row, Z column
	if v.Value(az, 0).Text+v.Value(az, 1).Text != "AZ" || v.Value(az, 2).Int != 1 || v.Value(az, 3).Float != 800 ||
		math.Abs(v.Value(az, 4).Float-100*800.0/1360) > 1e-9 || math.Abs(v.Value(az, 6).Float-100*40.0/270) > 1e-9 {
		t.Errorf("AZ: %+v %+v %+v %+v", v.Value(az, 2), v.Value(az, 3), v.Value(az, 4), v.Value(az, 6))
	}
	skus, share := int64(0), 0.0
	for i := range v.Len() {
		skus += v.Value(i, 2).Int
		share += v.Value(i, 6).Float
	}
	if skus != 4 || math.Abs(share-100) > 1e-9 {
		t.Errorf("cells hold %d SKUs and %v %% of stock, want 4 and 100", skus, share)
	}
}

func TestAssortmentByCategory(t *testing.T) {
	v := Build(assortmentCatalogue(), mean8).Assortment(ByCategory)
	if v.Len() != 2 || v.Value(0, AssortGroup).Text != "Kitchen" || v.Value(1, AssortGroup).Text != "Garden" {
		t.Fatalf("groups: %d, first %q", v.Len(), v.Value(0, AssortGroup).Text)
	}
	// Kitchen: revenue 1200, COGS 80·2 + 80·4 = 480, margin 720, stock 20·2 + 10·4 = 80.
	// Garden: revenue 160, COGS 80, margin 80, stock 100·1 + 30·3 = 190.
	// Totals: revenue 1360, margin 800, stock 270.
	for _, c := range []struct {
		row, col int
		want     float64
	}{
		{0, AssortSKUs, 2},
		{0, AssortRevenue, 1200},
		{0, AssortRevenueShare, 100 * 1200.0 / 1360},
		{0, AssortMargin, 720},
		{0, AssortMarginShare, 90},
		{0, AssortStockValue, 80},
		{0, AssortStockValueShare, 100 * 80.0 / 270},
		{0, AssortShareGap, 100 * (1200.0/1360 - 80.0/270)},
		{0, AssortTurnover, 6},
		{0, AssortGMROI, 9},
		{0, AssortSellThrough, 100 * 160.0 / 190},
		{0, AssortStockoutRate, 100 * 3.5 / 728},
		{1, AssortMarginShare, 10},
		{1, AssortTurnover, 80.0 / 190},
		{1, AssortSellThrough, 100 * 80.0 / 210},
		{1, AssortStockoutRate, 0},
	} {
		got := v.Value(c.row, c.col)
		n := got.Float
		if v.Columns()[c.col].Kind == Integer {
			n = float64(got.Int)
		}
		if got.Null || math.Abs(n-c.want) > 1e-9 {
			t.Errorf("%s %s = %+v, want %v", v.Value(c.row, AssortGroup).Text, assortmentColumns[c.col].Name, got, c.want)
		}
	}
}

// A group's cover is its available units over its SKUs' summed daily
// forecast demand (the formula itself is pinned in package model).
func TestAssortmentCoverSumsDemand(t *testing.T) {
	s := Build(assortmentCatalogue(), mean8)
	want := 30 / ((s.Rows[0].Forecast.Level() + s.Rows[1].Forecast.Level()) / 7)
	if got := s.Assortment(ByCategory).Value(0, AssortDaysOfCover).Float; math.Abs(got-want) > 1e-9 {
		t.Errorf("Kitchen cover %v, want %v", got, want)
	}
}

func TestBreakdownSharesSumTo100(t *testing.T) {
	s := Build(assortmentCatalogue(), mean8)
	for _, by := range GroupBys {
		v := s.Assortment(by)
		for _, col := range []int{AssortRevenueShare, AssortMarginShare, AssortStockValueShare} {
			sum, skus := 0.0, int64(0)
			for i := range v.Len() {
				sum += v.Value(i, col).Float
				skus += v.Value(i, AssortSKUs).Int
			}
			if math.Abs(sum-100) > 1e-9 || skus != 4 {
				t.Errorf("by %v: %s sums to %v over %d SKUs, want 100 over 4", by, assortmentColumns[col].Name, sum, skus)
			}
		}
	}
	if got := s.Assortment(BySubcategory).Value(0, AssortGroup).Text; got != "Kitchen / (none)" {
		t.Errorf("a subcategory reads with its category: %q", got)
	}
}

func TestGroupFilterNarrowsTheStockView(t *testing.T) {
	s := Build(assortmentCatalogue(), mean8)
	rows := Select(s.Stock(), Query{Group: Group{By: ByBrand, Name: "Bolt"}, Sort: "sku"})
	if len(rows) != 2 || s.Rows[rows[0]].Item.Product.SKU != "G-2" || s.Rows[rows[1]].Item.Product.SKU != "K-2" {
		t.Errorf("brand Bolt: rows %v", rows)
	}
	if rows := Select(s.Stock(), Query{Group: Group{By: BySubcategory, Name: "", Category: "Garden"}}); len(rows) != 2 {
		t.Errorf("Garden / (none): %d rows, want 2", len(rows))
	}
}
