package planner

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"stockroom/forecast"
	"stockroom/model"
)

var asOf = model.MustDay("2026-11-22") // a Sunday

// weekly builds a sales series of the given weekly units ending with the
// week of asOf.
func weekly(units ...float32) model.WeeklySales {
	first := asOf.WeekStart() - model.Day(7*(len(units)-1))
	return model.WeeklySales{FirstWeek: first, Units: units, LastSale: asOf, LastDay: asOf}
}

// testCatalogue: supplier with a 14-day lead time (L = 2 weeks, σ_L = 0);
// A sells 10 a week steadily, B 4 a week, C nothing for 20 weeks, D is
// discontinued and empty.
func testCatalogue() *model.Catalogue {
	set := model.DefaultSettings()
	set.ServiceLevelA, set.ServiceLevelB, set.ServiceLevelC = 0.95, 0.95, 0.95 // the hand-worked numbers below assume one level
	set.OrderCost = 0                                                          // and no order cost, so no EOQ
	mk := func(id int64, sku, name, cat string, onHand, committed, onOrder int, sales model.WeeklySales) model.Item {
		return model.Item{
			Product: model.Product{ID: id, SKU: sku, Name: name, Category: cat, SupplierID: 1, UnitCost: 2, Price: 5,
				CasePack: 1, Status: model.Active, LaunchedOn: model.NoDay},
			OnHand: onHand, Committed: committed, OnOrder: onOrder, Sales: sales,
		}
	}
	dead := weekly(append([]float32{30}, make([]float32, 19)...)...)
	dead.LastSale = asOf - 7*19 - 3
	items := []model.Item{
		mk(1, "A-1", "Alpha kettle", "Kitchen", 12, 2, 0, weekly(10, 10, 10, 10, 10, 10, 10, 10)),
		mk(2, "B-2", "Bravo =SUM(A1)", "Garden", 400, 0, 0, weekly(4, 4, 4, 4, 4, 4, 4, 4)),
		mk(3, "C-3", "Charlie pot", "Garden", 50, 0, 0, dead),
		mk(4, "D-4", "Delta lamp", "Home", 0, 0, 0, weekly(2, 2)),
	}
	items[3].Product.Status = model.Discontinued
	return &model.Catalogue{
		Suppliers:  map[int64]model.Supplier{1: {ID: 1, Name: "Acme", LeadTimeDays: 14, OrderCost: 0}},
		Items:      items,
		Settings:   set,
		LatestSale: asOf,
	}
}

func TestBuildPlansEverySKU(t *testing.T) {
	s := Build(testCatalogue(), mean8)
	if s.AsOf != asOf {
		t.Fatalf("as of %v", s.AsOf)
	}
	a := s.Rows[0]
	// μ = 10, σ = 0, L 2 + R 1 weeks: SS = 0, ROP = 10·(2 + 1) = 30;
	// available 10 ≤ 30 → low; cover 10/(10/7) = 7 days
	if a.Forecast.Level() != 10 || a.Plan.ReorderPoint != 30 || a.Plan.Status != model.StatusLow || a.Plan.DaysOfCover != 7 {
		t.Errorf("A: level %v ROP %d status %v cover %v", a.Forecast.Level(), a.Plan.ReorderPoint, a.Plan.Status, a.Plan.DaysOfCover)
	}
	// B: ROP 4·3 = 12, S = 12 + 4·1 = 16 (no order cost → no EOQ);
	// excess = 400 − (16 + 180·4/7) = 281.14 → 281
	b := s.Rows[1]
	if b.Plan.Status != model.StatusExcess || b.Plan.ExcessUnits != 281 {
		t.Errorf("B: status %v excess %d", b.Plan.Status, b.Plan.ExcessUnits)
	}
	if c := s.Rows[2]; c.Plan.Status != model.StatusDead {
		t.Errorf("C: status %v, last sale %v", c.Plan.Status, c.LastSale)
	}
	if d := s.Rows[3]; d.Plan.Status != model.StatusOK {
		t.Errorf("D (discontinued, empty): status %v", d.Plan.Status)
	}
	counts := s.StatusCounts()
	if counts[model.StatusLow] != 1 || counts[model.StatusExcess] != 1 || counts[model.StatusDead] != 1 || counts[model.StatusOK] != 1 {
		t.Errorf("counts %v", counts)
	}
}

func TestAsOfUsesOnlyEarlierHistory(t *testing.T) {
	cat := func() *model.Catalogue {
		c := testCatalogue()
		c.Items[0].Sales = weekly(2, 2, 2, 2, 2, 2, 2, 2, 20, 20)
		return c
	}
	now := Build(cat(), mean8)
	past := Build(cat(), Options{AsOf: asOf - 14, Forecaster: mean8.Forecaster}) // two weeks earlier: only the 2s
	if now.Rows[0].Forecast.Level() != (6*2+2*20)/8.0 || past.Rows[0].Forecast.Level() != 2 {
		t.Errorf("levels now %v past %v", now.Rows[0].Forecast.Level(), past.Rows[0].Forecast.Level())
	}
}

func TestSelectFiltersAndSorts(t *testing.T) {
	v := Build(testCatalogue(), mean8).Stock()
	if got := Select(v, Query{Filter: "garden"}); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("filter garden: %v", got)
	}
	if got := Select(v, Query{Filter: "GARDEN pot"}); !slices.Equal(got, []int{2}) {
		t.Errorf("two terms: %v", got)
	}
	if got := Select(v, Query{Filter: "acme", Sort: "available", Desc: true}); !slices.Equal(got, []int{1, 2, 0, 3}) {
		t.Errorf("sort available desc: %v", got)
	}
	// status sorts by urgency, not alphabetically: low, dead, excess, ok
	if got := Select(v, Query{Sort: "status"}); !slices.Equal(got, []int{0, 2, 1, 3}) {
		t.Errorf("sort status: %v", got)
	}
	// no cover (no demand) sorts last ascending
	if got := Select(v, Query{Sort: "days_of_cover"}); got[len(got)-1] != 2 && got[len(got)-1] != 3 {
		t.Errorf("sort cover: %v", got)
	}
	if got := Select(v, Query{Sort: "name", Desc: true}); !slices.Equal(got, []int{3, 2, 1, 0}) {
		t.Errorf("sort name desc: %v", got)
	}
}

func TestNarrows(t *testing.T) {
	cases := []struct {
		prev, next string
		want       bool
	}{
		{"", "a", true}, {"ga", "gar", true}, {"gar", "ga", false}, {"gar", "gar pot", true},
		{"gar pot", "gar", false}, {"gar", "xgar", true}, {"gar", "pot", false},
	}
	for _, c := range cases {
		if got := Narrows(c.prev, c.next); got != c.want {
			t.Errorf("Narrows(%q, %q) = %v", c.prev, c.next, got)
		}
	}
}

func TestExportCSVRoundTrip(t *testing.T) {
	v := Build(testCatalogue(), mean8).Stock()
	rows := Select(v, Query{Sort: "sku", Desc: true})
	var buf bytes.Buffer
	if err := Export(&buf, v, rows, CSV); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 {
		t.Fatalf("%d records", len(recs))
	}
	want := []string{"sku", "name", "category", "supplier", "on_hand", "committed", "available", "on_order",
		"reorder_point", "reorder_point_manual", "days_of_cover", "status"}
	for _, w := range want {
		if !slices.Contains(recs[0], w) {
			t.Errorf("missing column %s in %v", w, recs[0])
		}
	}
	col := func(name string) int { return slices.Index(recs[0], name) }
	// rows come in the query's order: D, C, B, A
	if recs[1][col("sku")] != "D-4" || recs[4][col("sku")] != "A-1" {
		t.Errorf("order: %v ... %v", recs[1], recs[4])
	}
	a := recs[4]
	if a[col("available")] != "10" || a[col("reorder_point")] != "30" || a[col("reorder_point_manual")] != "false" ||
		a[col("days_of_cover")] != "7" || a[col("status")] != "low" || a[col("stock_value")] != "24.00" {
		t.Errorf("A exported as %v", a)
	}
	if c := recs[2]; c[col("days_of_cover")] != "" {
		t.Errorf("no demand should export empty cover, got %q", c[col("days_of_cover")])
	}
	// a formula-looking name is neutralised
	if b := recs[3]; b[col("name")] != "Bravo =SUM(A1)" {
		t.Errorf("name %q", b[col("name")])
	}
}

func TestNeutralise(t *testing.T) {
	cases := map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-2": "'-2", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"plain": "plain", "": "", "a=b": "a=b", "'-x": "''-x", "'quoted'": "''quoted'", "O'Neil": "O'Neil",
	}
	for in, want := range cases {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExportNeutralisesFormulaCells(t *testing.T) {
	c := testCatalogue()
	c.Items[0].Product.Name = "=HYPERLINK(\"http://x\")"
	c.Items[0].Product.SKU = "-5"
	v := Build(c, mean8).Stock()
	var buf bytes.Buffer
	if err := Export(&buf, v, []int{0}, CSV); err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(&buf).ReadAll()
	if recs[1][0] != "'-5" || recs[1][1] != "'=HYPERLINK(\"http://x\")" {
		t.Errorf("got %q %q", recs[1][0], recs[1][1])
	}
}

func TestExportJSON(t *testing.T) {
	v := Build(testCatalogue(), mean8).Stock()
	var buf bytes.Buffer
	if err := Export(&buf, v, []int{0, 2}, JSON); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(out) != 2 || out[0]["sku"] != "A-1" || out[0]["available"] != 10.0 || out[0]["reorder_point_manual"] != false ||
		out[1]["days_of_cover"] != nil || out[0]["status"] != "low" {
		t.Errorf("json %v", out)
	}
}

func TestExportFile(t *testing.T) {
	dir := t.TempDir()
	v := Build(testCatalogue(), mean8).Stock()
	at := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	p1, err := ExportFile(dir, v, []int{0, 1}, at)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := ExportFile(dir, v, []int{0}, at)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p1) != "stockroom-stock-20261127-093000.csv" || filepath.Base(p2) != "stockroom-stock-20261127-093000-2.csv" {
		t.Errorf("paths %s %s", p1, p2)
	}
	b, _ := os.ReadFile(p1)
	if n := strings.Count(string(b), "\n"); n != 3 {
		t.Errorf("%d lines", n)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// withReorderPoint is the snapshot after the PM set (manual) or cleared a
// product's reorder point: its item read back with the new policy.
func withReorderPoint(s *Snapshot, productID int64, manual bool, value int) (*Snapshot, []int) {
	it := *s.Rows[s.RowOf(productID)].Item
	it.Policy.Manual, it.Policy.ReorderPoint = manual, 0
	if manual {
		it.Policy.ReorderPoint = value
	}
	return s.WithItems([]model.Item{it}, nil)
}

func TestWithReorderPointsCopiesOnWrite(t *testing.T) {
	s := Build(testCatalogue(), mean8)
	next, changed := withReorderPoint(s, 1, true, 5)
	if !slices.Equal(changed, []int{0}) {
		t.Fatalf("changed %v", changed)
	}
	if r := next.Rows[0]; !r.Plan.ReorderPointManual || r.Plan.ReorderPoint != 5 || r.Plan.Status != model.StatusOK {
		t.Errorf("new row: %+v", r.Plan)
	}
	if r := s.Rows[0]; r.Plan.ReorderPointManual || r.Plan.ReorderPoint != 30 || r.Item.Policy.Manual {
		t.Errorf("old snapshot changed: %+v", r.Plan)
	}
	if c := next.StatusCounts(); c[model.StatusLow] != 0 || c[model.StatusOK] != 2 {
		t.Errorf("counts after the edit %v", c)
	}
	if c := s.StatusCounts(); c[model.StatusLow] != 1 || c[model.StatusOK] != 1 {
		t.Errorf("old snapshot's counts changed: %v", c)
	}
	if next.Rows[1] != s.Rows[1] {
		t.Error("unchanged rows should be shared")
	}
	back, _ := withReorderPoint(next, 1, false, 0)
	if r := back.Rows[0]; r.Plan.ReorderPointManual || r.Plan.ReorderPoint != 30 {
		t.Errorf("back to auto: %+v", r.Plan)
	}
	if next.RowOf(4) != 3 || next.RowOf(99) != -1 {
		t.Error("RowOf")
	}
	if math.IsNaN(next.Rows[0].Plan.DaysOfCover) {
		t.Error("NaN cover")
	}
}

func TestExportFileReturnsAnAbsolutePath(t *testing.T) {
	t.Chdir(t.TempDir())
	p, err := ExportFile(".", Build(testCatalogue(), mean8).Stock(), []int{0}, time.Now())
	if err != nil || !filepath.IsAbs(p) {
		t.Errorf("path %q, err %v", p, err)
	}
}

// mean8 plans with a flat forecast at the mean of the last 8 weeks with
// data, so that the planning tests' numbers can be worked out by hand;
// the engine's own forecasts are tested in package forecast.
var mean8 = Options{Forecaster: mean8Forecaster{}}

type mean8Forecaster struct{}

func (mean8Forecaster) Engine() string { return "test-mean8" }

func (mean8Forecaster) Forecast(demand []float64, horizon int) forecast.Result {
	return forecast.MovingAverage(demand, 8, horizon)
}

// A supplier without an order cost of its own orders at the catalogue's
// order_cost: the EOQ is no longer zero.
func TestOrderCostSettingForSuppliersWithoutOne(t *testing.T) {
	c := testCatalogue()
	c.Settings.OrderCost = 50
	a := Build(c, mean8).Rows[0]
	if want := model.EOQ(52*10, 50, c.Settings.HoldingRate, 2); a.Plan.EOQ == 0 || math.Abs(a.Plan.EOQ-want) > 1e-9 {
		t.Errorf("EOQ %v, want %v from order_cost 50", a.Plan.EOQ, want)
	}
	c = testCatalogue()
	c.Settings.OrderCost = 50
	sp := c.Suppliers[1]
	sp.OrderCost = 8
	c.Suppliers[1] = sp
	if a, want := Build(c, mean8).Rows[0], model.EOQ(52*10, 8, c.Settings.HoldingRate, 2); math.Abs(a.Plan.EOQ-want) > 1e-9 {
		t.Errorf("EOQ %v, want %v from the supplier's own 8", a.Plan.EOQ, want)
	}
}
