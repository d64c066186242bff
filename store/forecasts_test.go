package store

import (
	"math"
	"testing"

	"stockroom/forecast"
	"stockroom/model"
)

func TestForecastCacheRoundTripAndKey(t *testing.T) {
	s := openTemp(t)
	a, b := fixture(t, s)
	asOf := model.MustDay("2026-11-22")
	fa := &model.SKUForecast{
		DataVersion: 1, AsOf: asOf, Engine: "e/1",
		Result: forecast.Result{Method: "SES", Class: forecast.Lumpy, Mean: []float64{1.5, 2.25}, SD: 0.75,
			Psi: []float64{0.25}, RMSSE: 0.5, LevelVar: 0.125, SaleSize: 2.5},
		RecentFirstWeek: model.MustDay("2026-11-09"), Recent: []float32{3, 4}, LastSale: model.MustDay("2026-11-16"),
		Stats: model.DemandStats{CV: 0.625, InStockDays: 350.5, SaleProb: 0.75, SaleProbBefore: 0.875},
	}
	fb := &model.SKUForecast{DataVersion: 1, AsOf: asOf, Engine: "other/2", Result: forecast.Result{Method: "x", Mean: []float64{9}, RMSSE: math.NaN()},
		Recent: []float32{}, LastSale: model.NoDay, Stats: model.DemandStats{CV: math.NaN(), InStockDays: 364}}
	must(t, s.SaveForecasts(ctx, []ForecastRow{{a.ID, fa}, {b.ID, fb}}))

	c, err := s.LoadCatalogue(ctx, LoadOptions{Forecasts: ForecastKey{AsOf: asOf, Engine: "e/1"}})
	must(t, err)
	got := c.Items[0].Forecast
	if got == nil || got.Result.Method != fa.Result.Method || got.Result.SD != 0.75 || len(got.Result.Mean) != 2 ||
		got.Result.Mean[1] != 2.25 || got.Recent[1] != 4 || got.LastSale != fa.LastSale || got.RecentFirstWeek != fa.RecentFirstWeek ||
		!got.Current(1, asOf, "e/1") || got.Result.Class != forecast.Lumpy || len(got.Result.Psi) != 1 ||
		got.Result.Psi[0] != 0.25 || got.Result.RMSSE != 0.5 || got.Result.LevelVar != 0.125 || got.Result.SaleSize != 2.5 || got.Stats != fa.Stats {
		t.Errorf("A's forecast came back as %+v", got)
	}
	// another engine's forecast is attached, to show until it is replaced,
	// but it is not current; a missing backtest error and CV stay NaN
	if fb := c.Items[1].Forecast; fb == nil || fb.Current(1, asOf, "e/1") || !math.IsNaN(fb.Result.RMSSE) ||
		!math.IsNaN(fb.Stats.CV) || fb.Stats.InStockDays != 364 || fb.Stats.SaleProb != 0 || fb.Stats.SaleProbBefore != 0 {
		t.Errorf("B's forecast from another engine came back as %+v", fb)
	}
	// the latest sales day is the default as-of
	c, _ = s.LoadCatalogue(ctx, LoadOptions{Forecasts: ForecastKey{Engine: "e/1"}})
	if c.LatestSale != asOf-6 || c.Items[0].Forecast != nil {
		t.Errorf("latest %v; a forecast as of %v should not match", c.LatestSale, asOf)
	}
	// replacing keeps one row per product
	fa2 := *fa
	fa2.DataVersion = 2
	must(t, s.SaveForecasts(ctx, []ForecastRow{{a.ID, &fa2}}))
	var n int
	must(t, s.db.QueryRow("SELECT count(*) FROM forecasts").Scan(&n))
	c, _ = s.LoadCatalogue(ctx, LoadOptions{Forecasts: ForecastKey{AsOf: asOf, Engine: "e/1"}})
	if n != 2 || c.Items[0].Forecast.DataVersion != 2 {
		t.Errorf("%d rows, version %d", n, c.Items[0].Forecast.DataVersion)
	}
}

func TestFillSalesReadsOnlyWhatIsAsked(t *testing.T) {
	s := openTemp(t)
	fixture(t, s)
	c, err := s.LoadCatalogue(ctx, LoadOptions{})
	must(t, err)
	if c.Items[0].Sales.Weeks() != 0 {
		t.Fatal("the snapshot should not carry histories")
	}
	must(t, s.FillSales(ctx, c, []int{0}))
	if c.Items[0].Sales.Weeks() != 3 || c.Items[0].Sales.Units[2] != 4 {
		t.Errorf("A's sales %+v", c.Items[0].Sales)
	}
	w, err := s.WeeklySales(ctx, c.Items[1].Product.ID)
	must(t, err)
	if w.Weeks() != 0 || w.LastSale.Valid() {
		t.Errorf("B never sold: %+v", w)
	}
}

// Writing a product's sales makes its cached forecast out of date.
func TestNewSalesBumpDataVersion(t *testing.T) {
	s := openTemp(t)
	a, _ := fixture(t, s)
	version := func() (v int64) {
		must(t, s.db.QueryRow("SELECT data_version FROM products WHERE id = ?", a.ID).Scan(&v))
		return v
	}
	before := version()
	b, err := s.BeginBulk(ctx)
	must(t, err)
	must(t, b.SetSales(a.ID, []model.DailySale{{Day: model.MustDay("2026-11-20"), Units: 3, InStock: math.NaN()}}))
	must(t, b.Commit())
	if after := version(); after <= before {
		t.Errorf("data version %d after new sales, was %d", after, before)
	}
}

func TestFirstSalesWeek(t *testing.T) {
	s := openTemp(t)
	if d, err := s.FirstSalesWeek(ctx); err != nil || d != model.NoDay {
		t.Errorf("empty catalogue: %v %v, want NoDay", d, err)
	}
	_, b := fixture(t, s) // A-1 sells from Monday 2026-11-02
	if d, err := s.FirstSalesWeek(ctx); err != nil || d != model.MustDay("2026-11-02") {
		t.Errorf("first week %v %v, want 2026-11-02", d, err)
	}
	bulk, err := s.BeginBulk(ctx)
	must(t, err)
	must(t, bulk.SetSales(b.ID, []model.DailySale{{Day: model.MustDay("2025-03-12"), Units: 1, Revenue: 4, InStock: math.NaN()}})) // a Wednesday
	must(t, bulk.Commit())
	if d, err := s.FirstSalesWeek(ctx); err != nil || d != model.MustDay("2025-03-10") {
		t.Errorf("first week %v %v, want Monday 2025-03-10", d, err)
	}
}
