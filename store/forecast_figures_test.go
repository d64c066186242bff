package store

import (
	"database/sql"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"testing"

	"stockroom/forecast"
	"stockroom/model"
)

// Every figure comes back as it went in: float64 scalars exactly, weekly
// series at float32 precision, a missing RMSSE or CV (NaN, or ±Inf that
// was never measured) as NaN, no last sale as NoDay, no ψ as nil.
func TestFiguresRoundTrip(t *testing.T) {
	means := make([]float64, 26)
	for i := range means {
		means[i] = 0.1 * float64(i+1)
	}
	cases := []*model.SKUForecast{
		{Result: forecast.Result{Class: forecast.Erratic, Mean: means, SD: 1.0 / 3, Psi: []float64{0.25, 0.5},
			RMSSE: 0.8125, LevelVar: 0.0625, SaleSize: 2.5},
			RecentFirstWeek: model.MustDay("2026-05-25"), Recent: []float32{1, 0, 3.5}, LastSale: model.MustDay("2026-11-20"),
			Revenue52w: 1234.5625, Units52w: 87,
			Stats: model.DemandStats{CV: 0.75, InStockDays: 350.5, SaleProb: 0.875, SaleProbBefore: 0.5}},
		{Result: forecast.Result{Class: forecast.NoDemand, Mean: []float64{}, RMSSE: math.Inf(1)},
			Recent: []float32{}, LastSale: model.NoDay, RecentFirstWeek: model.NoDay,
			Stats: model.DemandStats{CV: math.NaN(), InStockDays: 364}},
	}
	for i, f := range cases {
		b := appendFigures(nil, f)
		m, p, r, err := figuresShape(b)
		if err != nil || m != len(f.Result.Mean) || p != len(f.Result.Psi) || r != len(f.Recent) {
			t.Fatalf("case %d: shape %d %d %d, %v", i, m, p, r, err)
		}
		var got model.SKUForecast
		readFigures(b, &got, make([]float64, m), make([]float64, p), make([]float32, r))
		same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
		want := *f
		if math.IsInf(want.Result.RMSSE, 0) {
			want.Result.RMSSE = math.NaN()
		}
		g, w := got.Result, want.Result
		if g.Class != w.Class || !same(g.SD, w.SD) || !same(g.RMSSE, w.RMSSE) || g.LevelVar != w.LevelVar || g.SaleSize != w.SaleSize ||
			got.RecentFirstWeek != want.RecentFirstWeek || got.LastSale != want.LastSale || !slices.Equal(got.Recent, want.Recent) ||
			got.Revenue52w != want.Revenue52w || got.Units52w != want.Units52w || !same(got.Stats.CV, want.Stats.CV) ||
			got.Stats.InStockDays != want.Stats.InStockDays || got.Stats.SaleProb != want.Stats.SaleProb ||
			got.Stats.SaleProbBefore != want.Stats.SaleProbBefore || (len(w.Psi) == 0) != (g.Psi == nil) {
			t.Errorf("case %d: %+v came back as %+v", i, want, got)
		}
		for k := range w.Mean {
			if g.Mean[k] != float64(float32(w.Mean[k])) {
				t.Errorf("case %d: mean %d %v, want %v", i, k, g.Mean[k], float32(w.Mean[k]))
			}
		}
		for k := range w.Psi {
			if g.Psi[k] != w.Psi[k] {
				t.Errorf("case %d: ψ %d %v, want %v", i, k, g.Psi[k], w.Psi[k])
			}
		}
	}
}

// A blob of another layout or length is refused, not read past its end.
func TestFiguresShapeRefusesDamage(t *testing.T) {
	good := appendFigures(nil, &model.SKUForecast{Result: forecast.Result{Mean: []float64{1, 2}}, Recent: []float32{3}})
	other := slices.Clone(good)
	other[0] = 2
	for name, b := range map[string][]byte{
		"empty": nil, "short head": good[:10], "cut series": good[:len(good)-1], "one byte more": append(slices.Clone(good), 0),
		"another layout": other,
	} {
		if _, _, _, err := figuresShape(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// A damaged cache row is read as no forecast (the dashboard makes it
// again), and the other rows are read as they were written.
func TestDamagedForecastRowIsSkipped(t *testing.T) {
	s := openTemp(t)
	a, b := fixture(t, s)
	asOf := model.MustDay("2026-11-22")
	f := &model.SKUForecast{DataVersion: 1, AsOf: asOf, Engine: "e/1",
		Result: forecast.Result{Method: "SES", Class: forecast.Smooth, Mean: []float64{2}, SD: 1}, LastSale: model.NoDay}
	must(t, s.SaveForecasts(ctx, []ForecastRow{{a.ID, f}, {b.ID, f}}))
	_, err := s.db.Exec("UPDATE forecasts SET figures = substr(figures, 1, 20) WHERE product_id = ?", b.ID)
	must(t, err)
	c, err := s.LoadCatalogue(ctx, LoadOptions{Forecasts: ForecastKey{AsOf: asOf, Engine: "e/1"}})
	must(t, err)
	if got := c.Items[0].Forecast; got == nil || got.Result.Mean[0] != 2 || !got.Current(1, asOf, "e/1") {
		t.Errorf("the sound row came back as %+v", got)
	}
	if got := c.Items[1].Forecast; got != nil {
		t.Errorf("the damaged row came back as %+v", got)
	}
}

// Schema 8 replaces a schema-7 catalogue's forecast cache (twenty columns)
// with the figures blob; everything else is kept, and the cache is made
// again by the next start.
func TestMigrationEightRebuildsTheForecastCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite3", path)
	must(t, err)
	for _, q := range migrations[:7] {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		fmt.Sprintf("PRAGMA user_version = 7; PRAGMA application_id = %d", ApplicationID),
		"INSERT INTO products(id, sku, name, category, unit_cost, price) VALUES (1, 'A-1', 'Anvil', 'Tools', 5, 9)",
		`INSERT INTO forecasts(product_id, data_version, as_of, engine, method, horizon, residual_sd, recent_first_week,
			recent_units, computed_at) VALUES (1, 0, 20000, 'auto/9', 'SES', x'0000803f', 1, 19990, x'', '2026-12-01')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	var version, forecasts, products int
	must(t, s.db.QueryRow("PRAGMA user_version").Scan(&version))
	must(t, s.db.QueryRow("SELECT count(*) FROM forecasts").Scan(&forecasts))
	must(t, s.db.QueryRow("SELECT count(*) FROM products").Scan(&products))
	if version != SchemaVersion || forecasts != 0 || products != 1 {
		t.Errorf("version %d, %d cached forecasts, %d products; want %d, 0, 1", version, forecasts, products, SchemaVersion)
	}
	rows, err := s.db.Query("SELECT name FROM pragma_table_info('forecasts') ORDER BY cid")
	must(t, err)
	var cols []string
	for rows.Next() {
		var c string
		must(t, rows.Scan(&c))
		cols = append(cols, c)
	}
	rows.Close()
	if want := []string{"product_id", "data_version", "as_of", "engine", "method", "figures", "computed_at"}; !slices.Equal(cols, want) {
		t.Errorf("forecasts columns %v, want %v", cols, want)
	}
}
