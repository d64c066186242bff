package importer

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"stockroom/model"
)

// flatExport is an order-line export as BI tools, ERPs and marketplaces
// write them: product fields repeated on every line, one line per order
// and SKU, US dates with a time of day. want* are computed from the lines
// as written, independently of the importer.
type flatExport struct {
	csv  string
	skus map[string]bool // sold on some line
	// by SKU: the first non-empty name, category and subcategory
	name, category, subcategory map[string]string
	units                       map[string]int     // sku|YYYY-MM-DD
	revenue                     map[string]float64 // sku|YYYY-MM-DD
	nameConflicts               int                // SKUs with another spelling of the name
	lines                       int
}

func newFlatExport(seed uint64, lines, skus int) *flatExport {
	r := rand.New(rand.NewPCG(seed, 7))
	cats := []struct{ cat, sub string }{
		{"Office Supplies", "Pens, markers"}, {"Office Supplies", "Paper"}, {"Garden", "Hoses"},
		{"Garden", "Tools"}, {"Kitchen", "Mugs"}, {"Kitchen", "Knives, scissors"},
	}
	type product struct{ sku, name, cat, sub string }
	products := make([]product, skus)
	for i := range products {
		c := cats[r.IntN(len(cats))]
		products[i] = product{fmt.Sprintf("FL-%04d", i), fmt.Sprintf("Item %d, size %s", i, []string{"S", "M", "L"}[i%3]), c.cat, c.sub}
	}
	f := &flatExport{skus: map[string]bool{}, name: map[string]string{}, category: map[string]string{}, subcategory: map[string]string{},
		units: map[string]int{}, revenue: map[string]float64{}, lines: lines}
	conflicted := map[string]bool{}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"Order ID", "Order Date", "SKU", "Product Name", "Category", "Sub-Category", "Quantity", "Line Total"})
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	order, written := 1000, 0
	for written < lines {
		order++
		at := start.Add(time.Duration(r.IntN(365*24*60)) * time.Minute)
		date := at.Format("1/2/2006 3:04 PM") // as Excel writes US dates
		for n := 1 + r.IntN(3); n > 0 && written < lines; n-- {
			p := products[min(r.IntN(skus), r.IntN(skus))] // popular SKUs sell more
			name, cat, sub := p.name, p.cat, p.sub
			switch r.IntN(20) {
			case 0: // another spelling of the name on some lines
				name = strings.ToUpper(name)
			case 1: // a line without product fields
				name, cat, sub = "", "", ""
			}
			f.skus[p.sku] = true
			if f.name[p.sku] == "" && name != "" {
				f.name[p.sku] = name
			} else if name != "" && name != f.name[p.sku] && !conflicted[p.sku] {
				conflicted[p.sku] = true
				f.nameConflicts++
			}
			if f.category[p.sku] == "" && cat != "" {
				f.category[p.sku], f.subcategory[p.sku] = cat, sub
			}
			qty := 1 + r.IntN(4)
			total := math.Round(float64(qty)*(4.99+float64(len(p.sku)+r.IntN(30)))*100) / 100 // discounts vary the price
			key := p.sku + "|" + at.Format("2006-01-02")
			f.units[key] += qty
			f.revenue[key] += total
			w.Write([]string{fmt.Sprintf("SO-%d", order), date, p.sku, name, cat, sub, fmt.Sprint(qty), fmt.Sprintf("%.2f", total)})
			written++
		}
	}
	w.Flush()
	f.csv = b.String()
	return f
}

// A flat export imports into an empty catalogue in one command: the
// products come from the lines' product fields, sales and revenue from
// quantities and line totals.
func TestFlatOrderExportImportsProductsAndSalesAtOnce(t *testing.T) {
	st := newStore(t)
	f := newFlatExport(1, 2000, 300)
	opt := Options{In: strings.NewReader(f.csv), Map: map[string]string{"name": "Product Name", "category": "Category",
		"subcategory": "Sub-Category", "line_total": "Line Total"}}
	r := run(t, st, "orders", "flat.csv", opt)
	if r.Rows != 2000 || r.New != len(f.units) || r.Updated != 0 || r.Unchanged != 0 {
		t.Errorf("rows %d, SKU-days %d/%d/%d, want 2000 rows, %d new: %s", r.Rows, r.New, r.Updated, r.Unchanged, len(f.units), r)
	}
	for _, note := range []string{fmt.Sprintf("%d products new", len(f.skus)),
		fmt.Sprintf("%d SKUs with another name on some lines", f.nameConflicts)} {
		if !strings.Contains(r.String(), note) {
			t.Errorf("no %q in %s", note, r)
		}
	}
	got := map[string][3]string{}
	for _, line := range strings.Split(query(t, st, "SELECT sku, name, category, subcategory FROM products"), "\n") {
		c := strings.Split(line, "|")
		got[c[0]] = [3]string{c[1], c[2], c[3]}
	}
	if len(got) != len(f.skus) {
		t.Errorf("%d products, want %d", len(got), len(f.skus))
	}
	for sku := range f.skus {
		name := f.name[sku]
		if name == "" { // no line named it
			name = sku
		}
		if want := [3]string{name, f.category[sku], f.subcategory[sku]}; got[sku] != want {
			t.Errorf("%s: %q, want %q", sku, got[sku], want)
		}
	}
	sales := query(t, st, `SELECT p.sku, date(s.day * 86400, 'unixepoch'), s.units, s.revenue
		FROM sales_daily s JOIN products p ON p.id = s.product_id`)
	n := 0
	for _, line := range strings.Split(sales, "\n") {
		c := strings.Split(line, "|")
		key := c[0] + "|" + c[1]
		var revenue float64
		fmt.Sscan(c[3], &revenue)
		if c[2] != fmt.Sprint(f.units[key]) || math.Abs(revenue-f.revenue[key]) > 1e-6 {
			t.Errorf("%s: %s units, %s revenue; want %d, %.2f", key, c[2], c[3], f.units[key], f.revenue[key])
		}
		n++
	}
	if n != len(f.units) {
		t.Errorf("%d SKU-days stored, want %d", n, len(f.units))
	}
	var wantUnits int
	var wantRevenue float64
	for k := range f.units {
		wantUnits += f.units[k]
		wantRevenue += f.revenue[k]
	}
	if got := query(t, st, "SELECT sum(units), round(sum(revenue), 2) FROM sales_daily"); got != fmt.Sprintf("%d|%.2f", wantUnits, wantRevenue) {
		t.Errorf("totals %s, want %d|%.2f", got, wantUnits, wantRevenue)
	}
	// the same file again changes nothing, products included
	r = run(t, st, "orders", "flat.csv", Options{In: strings.NewReader(f.csv), Map: opt.Map})
	counts(t, r, 0, 0, len(f.units))
	if strings.Contains(r.String(), "products new") || strings.Contains(r.String(), "filled in") {
		t.Errorf("re-import touched products: %s", r)
	}
}

// Without --map, the usual spellings of product and line-total headers
// are found.
func TestFlatOrderExportHeadersAreRecognised(t *testing.T) {
	st := newStore(t)
	f := newFlatExport(2, 50, 10)
	r := run(t, st, "orders", "flat.csv", Options{In: strings.NewReader(f.csv)})
	if r.New != len(f.units) || !strings.Contains(r.String(), fmt.Sprintf("%d products new", len(f.skus))) {
		t.Errorf("%s", r)
	}
	var want float64
	for _, v := range f.revenue {
		want += v
	}
	if got := query(t, st, "SELECT round(sum(revenue), 2) FROM sales_daily"); got != fmt.Sprintf("%.2f", want) {
		t.Errorf("revenue %s, want %.2f (the line totals)", got, want)
	}
}

// An order export fills in what the catalogue lacks and never overwrites
// what the PM curated; differences are counted.
func TestOrderExportFillsOnlyEmptyProductFields(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku,name,category,price\n" +
		"A-1,Curated name,,12.50\nB-2,Bee,Garden,0\n")})
	file := "order,date,sku,product name,category,brand,quantity,price\n" +
		"1,2026-03-01,A-1,Export name,Tools,Hortus,2,11.00\n" + // name differs: kept; category and brand filled; price kept
		"2,2026-03-02,B-2,Bee,Kitchen,,1,4.00\n" + // category differs: kept; price 0 is empty: filled
		"3,2026-03-02,C-3,\"Sea, salt\",Food,,3,2.50\n" + // new
		"4,2026-03-03,C-3,\"Sea,  salt\",Food,,1,2.50\n" // the same name, spaced differently: no conflict
	r := run(t, st, "orders", "o.csv", Options{In: strings.NewReader(file)})
	if got := query(t, st, "SELECT sku, name, category, brand, price FROM products ORDER BY sku"); got !=
		"A-1|Curated name|Tools|Hortus|12.5\nB-2|Bee|Garden||4.0\nC-3|Sea, salt|Food||2.5" {
		t.Errorf("products:\n%s", got)
	}
	for _, note := range []string{"1 product new", "2 products filled in where empty",
		"2 products differ from the file (name 1, category 1): the catalogue's values are kept"} {
		if !strings.Contains(r.String(), note) {
			t.Errorf("no %q in %s", note, r)
		}
	}
	if strings.Contains(r.String(), "another name") {
		t.Errorf("spacing counted as another name: %s", r)
	}
	// a product added without a name, named by its SKU, takes a name later
	run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,category\n2026-03-05,D-4,1,Food\n")})
	r = run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,product name\n2026-03-05,D-4,1,Dates\n")})
	if got := query(t, st, "SELECT name FROM products WHERE sku = 'D-4'"); got != "Dates" || !strings.Contains(r.String(), "1 product filled in") {
		t.Errorf("name %q: %s", got, r)
	}
	// revenue is quantity × price without a line total
	if got := query(t, st, "SELECT round(sum(revenue), 2) FROM sales_daily WHERE date(day * 86400, 'unixepoch') < '2026-03-05'"); got != "36.0" {
		t.Errorf("revenue %s, want 2×11 + 4 + 3×2.5 + 2.5 = 36", got)
	}
}

// A dry run of a flat export reports new products and SKU-days and writes
// nothing.
func TestFlatOrderExportDryRun(t *testing.T) {
	st := newStore(t)
	f := newFlatExport(3, 200, 40)
	r := run(t, st, "orders", "flat.csv", Options{In: strings.NewReader(f.csv), DryRun: true})
	if r.New != len(f.units) || !strings.Contains(r.String(), fmt.Sprintf("%d products new", len(f.skus))) {
		t.Errorf("%s", r)
	}
	if got := query(t, st, "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM sales_daily) + (SELECT count(*) FROM audit_log)"); got != "0" {
		t.Errorf("a dry run wrote %s rows", got)
	}
}

// Without product columns an unknown SKU is still an error: a typo must
// not create a product.
func TestOrdersWithoutProductColumnsStillRefuseUnknownSKUs(t *testing.T) {
	st := newStore(t)
	_, err := try(st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,line total\n2026-03-01,NOPE,1,3\n")})
	if err == nil || !strings.Contains(err.Error(), `o.csv:2: column "sku": unknown SKU "NOPE"`) {
		t.Errorf("%v", err)
	}
}

// The line total wins over quantity × price; a negative or absurd one is
// refused.
func TestLineTotalIsTheRevenue(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku,name\nA-1,A\n")})
	run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,price,line total\n2026-03-01,A-1,2,10,17.50\n")})
	if got := query(t, st, "SELECT units, revenue FROM sales_daily"); got != "2|17.5" {
		t.Errorf("sales %s, want 2 units for 17.50 (the discounted line total)", got)
	}
	_, err := try(st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,line total\n2026-03-01,A-1,2,-5\n")})
	if err == nil || !strings.Contains(err.Error(), `o.csv:2: column "line total": -5 is negative`) {
		t.Errorf("negative line total: %v", err)
	}
}

func TestDayOfFlatExportDates(t *testing.T) {
	// the test's expected days come from Go's time; the importer reads
	// the same cells with its own parser
	d, _ := NewDates("")
	k, err := d.Key("3/14/2025 6:22 PM")
	if err != nil || d.Resolve() != nil {
		t.Fatal(err)
	}
	if got, _ := d.Day(k); got != model.MustDay("2025-03-14") {
		t.Errorf("day %s", got)
	}
}

// A column named in --map is not taken by another field's known headers:
// Name is Shopify's order number, but here the PM said it is the product.
func TestMappedColumnIsNotAlsoDetected(t *testing.T) {
	st := newStore(t)
	file := "Order ID,Date,SKU,Name,Quantity,Cancelled\n" +
		"1,2026-03-01,A-1,Apple,2,yes\n" +
		"2,2026-03-01,B-2,Apple,3,\n" // a new order: not cancelled, although its product name is the line before's
	r := run(t, st, "orders", "o.csv", Options{In: strings.NewReader(file), Map: map[string]string{"name": "Name"}})
	if got := query(t, st, "SELECT p.sku, p.name, s.units FROM sales_daily s JOIN products p ON p.id = s.product_id"); got != "B-2|Apple|3" {
		t.Errorf("sales %q: %s", got, r)
	}
}
