package importer

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

var ctx = context.Background()

func newStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// run imports a file from testdata (or text given inline).
func run(t *testing.T, st *store.Store, kind, file string, opt Options) Result {
	t.Helper()
	res, err := try(st, kind, file, opt)
	if err != nil {
		t.Fatalf("import %s %s: %v", kind, file, err)
	}
	return res
}

func try(st *store.Store, kind, file string, opt Options) (Result, error) {
	opt.Kind = kind
	if opt.Exports == nil {
		opt.Exports = stockroomExports()
	}
	if opt.In == nil {
		opt.File = filepath.Join("testdata", file)
	} else {
		opt.File = file
	}
	return Run(ctx, st, opt)
}

func counts(t *testing.T, r Result, new, updated, unchanged int) {
	t.Helper()
	if r.New != new || r.Updated != updated || r.Unchanged != unchanged {
		t.Errorf("%s: new %d updated %d unchanged %d, want %d %d %d (%s)", r.File, r.New, r.Updated, r.Unchanged, new, updated, unchanged, r)
	}
}

func query(t *testing.T, st *store.Store, q string, args ...any) string {
	t.Helper()
	rows, err := st.DB().Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		rows.Scan(ptrs...)
		var cells []string
		for _, v := range vals {
			switch x := v.(type) {
			case []byte:
				cells = append(cells, string(x))
			case nil:
				cells = append(cells, "NULL")
			default:
				cells = append(cells, strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(fmtAny(x), "\n", " "), "  ", " ")))
			}
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return strings.Join(out, "\n")
}

// A Shopify shop's files, one after another, each twice: the second time
// changes nothing.
func TestShopifyFilesImportAndReimportUnchanged(t *testing.T) {
	st := newStore(t)
	r := run(t, st, "products", "shopify_products_legacy.csv", Options{})
	counts(t, r, 3, 0, 0)
	if r.Format != ShopifyLegacy || !strings.Contains(r.String(), "1 row without a SKU left out") {
		t.Errorf("%s", r)
	}
	counts(t, run(t, st, "products", "shopify_products_legacy.csv", Options{}), 0, 0, 3)
	// variants take the product's fields from its first row and get their
	// option values in the name; archived is discontinued
	if got := query(t, st, "SELECT sku, name, category, brand, unit_cost, price, status FROM products ORDER BY id"); got !=
		"HOSE-25-G|Garden hose, 25 m – Green|Watering|Hortus|12.5|29.9|active\n"+
			"HOSE-25-B|Garden hose, 25 m – Blue|Watering|Hortus|12.5|29.9|active\n"+
			"TROWEL-1|Hand trowel|Tools|Hortus|3.1|9.99|discontinued" {
		t.Errorf("products:\n%s", got)
	}

	r = run(t, st, "products", "shopify_products.csv", Options{})
	counts(t, r, 2, 0, 0)
	if r.Format != ShopifyProducts {
		t.Errorf("format %s", r.Format)
	}
	if got := query(t, st, "SELECT name FROM products WHERE sku = 'RJ-M-BLK'"); got != "Rain jacket – M / Black" {
		t.Errorf("variant name %q", got)
	}

	r = run(t, st, "stock", "shopify_inventory.csv", Options{})
	counts(t, r, 3, 0, 0)
	counts(t, run(t, st, "stock", "shopify_inventory.csv", Options{}), 0, 0, 3)
	if got := query(t, st, `SELECT p.sku, l.name, on_hand, committed FROM stock JOIN products p ON p.id = product_id
		JOIN locations l ON l.id = location_id ORDER BY p.id, l.id`); got !=
		"HOSE-25-G|Main warehouse|12|2\nHOSE-25-B|Main warehouse|3|1\nTROWEL-1|Shop Leipzig|40|0" {
		t.Errorf("stock:\n%s", got)
	}

	version := func() string { return query(t, st, "SELECT data_version FROM products WHERE sku = 'HOSE-25-G'") }
	before := version()
	r = run(t, st, "orders", "shopify_orders.csv", Options{})
	counts(t, r, 3, 0, 0)
	for _, note := range []string{"1 line of cancelled orders left out", "1 line without a SKU left out"} {
		if !strings.Contains(r.String(), note) {
			t.Errorf("no note %q in %s", note, r)
		}
	}
	// #1001's second line takes the order's date from its first; #1002 is
	// cancelled; 23:30 −05:00 stays on its local day; #1003's tip has no SKU
	if got := query(t, st, `SELECT p.sku, s.day, s.units, round(s.revenue, 2) FROM sales_daily s JOIN products p ON p.id = s.product_id ORDER BY p.id, s.day`); got !=
		"HOSE-25-G|"+day("2026-03-01")+"|2|59.8\nHOSE-25-G|"+day("2026-03-03")+"|3|81.0\nTROWEL-1|"+day("2026-03-01")+"|1|9.99" {
		t.Errorf("sales:\n%s", got)
	}
	after := version()
	if after == before {
		t.Error("new sales did not make the cached forecast stale")
	}
	counts(t, run(t, st, "orders", "shopify_orders.csv", Options{}), 0, 0, 3)
	if version() != after {
		t.Error("re-importing the same orders changed the data version")
	}
	// the weekly rollup the planner reads has the orders
	c, err := st.LoadCatalogueWithSales(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var hose model.Item
	for _, it := range c.Items {
		if it.Product.SKU == "HOSE-25-G" {
			hose = it
		}
	}
	total := float32(0)
	for _, u := range hose.Sales.Units {
		total += u
	}
	if total != 5 {
		t.Errorf("weekly rollup holds %v units, want 5", total)
	}
	// one audit row per import, with its counts
	if got := query(t, st, "SELECT count(*) FROM audit_log WHERE entity = 'import'"); got != "7" {
		t.Errorf("%s import audit rows, want 7", got)
	}
	if got := query(t, st, "SELECT new FROM audit_log WHERE entity = 'import' AND field = 'orders' ORDER BY id LIMIT 1"); got !=
		"Shopify orders export: 5 rows; SKU-days new 3, updated 0, unchanged 0" {
		t.Errorf("audit: %s", got)
	}
}

func day(s string) string { return fmtAny(int64(model.MustDay(s))) }

// A dry run reports what would change and writes nothing, not even the
// audit row.
func TestDryRunWritesNothing(t *testing.T) {
	st := newStore(t)
	r := run(t, st, "products", "shopify_products_legacy.csv", Options{DryRun: true})
	counts(t, r, 3, 0, 0)
	if !r.DryRun || !strings.HasPrefix(r.String(), "Dry run, nothing written:") {
		t.Errorf("%s", r)
	}
	if got := query(t, st, "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM audit_log)"); got != "0" {
		t.Errorf("a dry run wrote %s rows", got)
	}
	run(t, st, "products", "shopify_products_legacy.csv", Options{})
	changed := strings.Replace(readFile(t, "shopify_products_legacy.csv"), "29.90", "31.00", 1)
	counts(t, run(t, st, "products", "edited.csv", Options{In: strings.NewReader(changed), DryRun: true}), 0, 1, 2)
	if got := query(t, st, "SELECT price FROM products WHERE sku = 'HOSE-25-G'"); got != "29.9" {
		t.Errorf("dry run changed the price to %s", got)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWooCommerceProducts(t *testing.T) {
	st := newStore(t)
	r := run(t, st, "products", "woocommerce_products.csv", Options{})
	counts(t, r, 2, 0, 0)
	if r.Format != WooCommerceExport {
		t.Errorf("format %s", r.Format)
	}
	if got := query(t, st, "SELECT sku, name, category, subcategory, price FROM products ORDER BY id"); got !=
		"WOO-MUG|Stoneware mug|Kitchen|Mugs|14.5\nWOO-TEA|Tea, green 100 g|Food|Tea|6.9" {
		t.Errorf("products:\n%s", got)
	}
	// the same file as stock: Stock is on hand at the first location
	counts(t, run(t, st, "stock", "woocommerce_products.csv", Options{}), 2, 0, 0)
	if got := query(t, st, "SELECT l.name, on_hand FROM stock JOIN locations l ON l.id = location_id ORDER BY product_id"); got != "Main|25\nMain|8" {
		t.Errorf("stock:\n%s", got)
	}
}

// A German spreadsheet: BOM, semicolons, CRLF, decimal commas, day-first
// dates, headers named with --map.
func TestMappedSemicolonFileWithDecimalCommas(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "shopify_products_legacy.csv", Options{})
	m, err := ParseMap(`sku=Artikelnummer,date="Datum",units=Menge,revenue=Umsatz`)
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, st, "sales", "sales_semicolon_de.csv", Options{Map: m})
	counts(t, r, 3, 0, 0)
	if got := query(t, st, `SELECT p.sku, s.day, s.units, s.revenue FROM sales_daily s JOIN products p ON p.id = s.product_id ORDER BY p.id, s.day`); got !=
		"HOSE-25-G|"+day("2026-03-02")+"|3|89.7\nHOSE-25-G|"+day("2026-03-13")+"|1|29.9\nTROWEL-1|"+day("2026-03-13")+"|2|19.98" {
		t.Errorf("sales:\n%s", got)
	}
	// without --map the file has no column Stockroom knows
	if _, err := try(st, "sales", "sales_semicolon_de.csv", Options{}); err == nil || !strings.Contains(err.Error(), "no column for sku, date, units") {
		t.Errorf("unmapped file: %v", err)
	}
	if _, err := try(st, "sales", "x.csv", Options{In: strings.NewReader("sku,date,units\n"), Map: map[string]string{"colour": "x"}}); err == nil ||
		!strings.Contains(err.Error(), `sales has no field "colour"`) {
		t.Errorf("bad --map: %v", err)
	}
}

func TestAmbiguousDatesAskForAFormat(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "shopify_products_legacy.csv", Options{})
	file := "sku,date,units\nHOSE-25-G,03/04/2026,1\nTROWEL-1,05/04/2026,2\n"
	_, err := try(st, "sales", "ambiguous.csv", Options{In: strings.NewReader(file)})
	if err == nil || !strings.Contains(err.Error(), "--date-format") {
		t.Fatalf("ambiguous dates: %v", err)
	}
	r := run(t, st, "sales", "ambiguous.csv", Options{In: strings.NewReader(file), DateFormat: "MM/DD/YYYY"})
	counts(t, r, 2, 0, 0)
	if got := query(t, st, "SELECT min(day) FROM sales_daily"); got != day("2026-03-04") {
		t.Errorf("first day %s", got)
	}
}

// Bad rows are listed FILE:LINE: column "X": reason, the first 20 and a
// count, and nothing at all is written.
func TestBadRowsAreListedAndNothingIsWritten(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "shopify_products_legacy.csv", Options{})
	before := query(t, st, "SELECT (SELECT count(*) FROM sales_daily), (SELECT count(*) FROM audit_log), (SELECT group_concat(data_version) FROM products)")
	var b strings.Builder
	b.WriteString("sku,date,units\nHOSE-25-G,2026-03-01,4\n")                                   // fine
	b.WriteString("HOSE-25-G,2026-03-02,lots\nNOPE,2026-03-02,1\n\"HOSE-25-B\",2026-02-30,1\n") // lines 3–5
	for range 22 {
		b.WriteString("TROWEL-1,2026-03-03,-1\n")
	}
	_, err := try(st, "sales", "bad.csv", Options{In: strings.NewReader(b.String())})
	if err == nil || !RowErrors(err) {
		t.Fatalf("no row errors: %v", err)
	}
	lines := strings.Split(err.Error(), "\n")
	// line 4's unknown SKU is the 25th error: among the 5 counted
	want := []string{
		`bad.csv:3: column "units": `,
		`bad.csv:5: column "date": "2026-02-30" is not a date`,
		`bad.csv:6: column "units": -1 is negative`,
	}
	if len(lines) != 21 || !strings.HasPrefix(lines[0], want[0]) || !strings.HasPrefix(lines[1], want[1]) ||
		!strings.HasPrefix(lines[2], want[2]) || lines[20] != "bad.csv: 5 more errors" {
		t.Errorf("errors:\n%s", err)
	}
	if after := query(t, st, "SELECT (SELECT count(*) FROM sales_daily), (SELECT count(*) FROM audit_log), (SELECT group_concat(data_version) FROM products)"); after != before {
		t.Errorf("a refused file wrote: %s → %s", before, after)
	}
	// unknown SKUs and impossible dates are reported once the cells are fine
	_, err = try(st, "sales", "bad.csv", Options{In: strings.NewReader("sku,date,units\nNOPE,2026-03-02,1\nHOSE-25-B,2026-02-30,1\n")})
	if err == nil || !strings.Contains(err.Error(), `bad.csv:2: column "sku": unknown SKU "NOPE"`) || !strings.Contains(err.Error(), "bad.csv:3: column \"date\"") {
		t.Errorf("meaning errors: %v", err)
	}
	// --skip-unknown leaves the unknown SKU out and says so
	r := run(t, st, "sales", "skip.csv", Options{In: strings.NewReader("sku,date,units\nNOPE,2026-03-02,1\nHOSE-25-B,2026-03-02,1\n"), SkipUnknown: true})
	if r.New != 1 || !strings.Contains(r.String(), "1 row of 1 unknown SKU left out") {
		t.Errorf("%s", r)
	}
}

// Sales replace a SKU's days in the file's range: a day the file leaves out
// sold nothing, days outside the range stay.
func TestSalesReplaceTheFileRange(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "shopify_products_legacy.csv", Options{})
	run(t, st, "sales", "s1.csv", Options{In: strings.NewReader("sku,date,units,in_stock\nHOSE-25-G,2026-03-01,4,\nHOSE-25-G,2026-03-03,2,\n" +
		"HOSE-25-G,2026-03-05,2,\nHOSE-25-G,2026-03-09,1,0.5\n")})
	r := run(t, st, "sales", "s2.csv", Options{In: strings.NewReader("sku,date,units\nHOSE-25-G,2026-03-02,7\nHOSE-25-G,2026-03-05,3\n")})
	// the file covers 03-02 … 03-05: 03-02 new; 03-05 changed; 03-03
	// set to 0 (in range, not listed); 03-01 and 03-09 outside, kept
	counts(t, r, 1, 1, 0)
	if r.Removed != 1 || !strings.HasSuffix(r.String(), "; 1 SKU-day in the window set to 0 (not in the file).") {
		t.Errorf("%s", r)
	}
	if got := query(t, st, "SELECT day, units, coalesce(in_stock_fraction, 'NULL') FROM sales_daily ORDER BY day"); got !=
		day("2026-03-01")+"|4|NULL\n"+day("2026-03-02")+"|7|NULL\n"+day("2026-03-05")+"|3|NULL\n"+day("2026-03-09")+"|1|0.5" {
		t.Errorf("sales:\n%s", got)
	}
}

func TestSuppliersPurchaseOrdersAndPolicies(t *testing.T) {
	st := newStore(t)
	counts(t, run(t, st, "suppliers", "suppliers.csv", Options{}), 2, 0, 0)
	counts(t, run(t, st, "suppliers", "suppliers.csv", Options{}), 0, 0, 2)
	if got := query(t, st, "SELECT name, lead_time_days, min_order_value, currency FROM suppliers ORDER BY id"); got !=
		"Hortus GmbH|21.0|250.0|EUR\nFjord Outdoor AS|35.0|1000.0|NOK" {
		t.Errorf("suppliers:\n%s", got)
	}
	run(t, st, "products", "shopify_products_legacy.csv", Options{})

	counts(t, run(t, st, "purchase-orders", "purchase_orders.csv", Options{}), 2, 0, 0)
	counts(t, run(t, st, "purchase-orders", "purchase_orders.csv", Options{}), 0, 0, 2)
	if got := query(t, st, `SELECT o.reference, o.status, count(*), sum(l.qty) FROM purchase_orders o JOIN po_lines l ON l.po_id = o.id
		GROUP BY o.id ORDER BY o.reference`); got != "PO-2026-001|sent|2|72\nPO-2026-002|draft|1|12" {
		t.Errorf("purchase orders:\n%s", got)
	}
	received := strings.ReplaceAll(readFile(t, "purchase_orders.csv"), ",sent,", ",received,")
	counts(t, run(t, st, "purchase-orders", "po.csv", Options{In: strings.NewReader(received)}), 0, 1, 1)
	if got := query(t, st, `SELECT o.status, sum(l.received_qty) FROM purchase_orders o JOIN po_lines l ON l.po_id = o.id
		WHERE o.reference = 'PO-2026-001'`); got != "received|72" {
		t.Errorf("received order: %s", got)
	}
	if got := query(t, st, "SELECT count(*) FROM purchase_orders"); got != "2" {
		t.Errorf("%s purchase orders after re-import, want 2", got)
	}

	counts(t, run(t, st, "policies", "policies.csv", Options{}), 0, 2, 0)
	counts(t, run(t, st, "policies", "policies.csv", Options{}), 0, 0, 2)
	// rounding up is what no rounding means, so HOSE-25-G's stays unset
	if got := query(t, st, `SELECT p.sku, coalesce(reorder_point, 'auto'), coalesce(lead_time_days, '-'), service_level, rounding, case_pack, moq
		FROM policies JOIN products p ON p.id = product_id ORDER BY p.id`); got !=
		"HOSE-25-G|30|-|0.98|NULL|6|12\nHOSE-25-B|auto|10.0|0.9|nearest|1|0" {
		t.Errorf("policies:\n%s", got)
	}
}

// A file Stockroom exported imports back unchanged.
func TestStockroomExportImportsBack(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "shopify_products_legacy.csv", Options{})
	run(t, st, "stock", "shopify_inventory.csv", Options{})
	export := "sku,name,category,subcategory,brand,supplier,on_hand,committed,available,on_order,reorder_point,reorder_point_manual,safety_stock,weekly_demand,days_of_cover,stock_value,last_sale,status,stockout_date,forecast_method,demand_class,abc,xyz,risk\n" +
		"HOSE-25-B,\"Garden hose, 25 m – Blue\",Watering,,Hortus,,3,1,2,0,4,false,1.2,0.5,28,37.5,,ok,,croston,intermittent,C,Z,\n"
	r := run(t, st, "products", "stock.csv", Options{In: strings.NewReader(export)})
	if r.Format != "Stockroom stock export" {
		t.Errorf("format %s", r.Format)
	}
	counts(t, r, 0, 0, 1)
	counts(t, run(t, st, "stock", "stock.csv", Options{In: strings.NewReader(export)}), 0, 0, 1)
	counts(t, run(t, st, "policies", "stock.csv", Options{In: strings.NewReader(export)}), 0, 0, 1)
}

func TestUnknownKindAndMissingFile(t *testing.T) {
	st := newStore(t)
	if _, err := Run(ctx, st, Options{Kind: "customers", File: "x.csv"}); err == nil || !strings.Contains(err.Error(), "no import kind") {
		t.Errorf("unknown kind: %v", err)
	}
	if _, err := Run(ctx, st, Options{Kind: "products", File: "testdata/none.csv"}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func fmtAny(v any) string {
	switch x := v.(type) {
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return fmtFloat(x) + ".0"
		}
		return fmtFloat(x)
	}
	return strings.TrimSpace(strings.Trim(fmtDefault(v), "[]"))
}

// Control characters and formulas are stored as given, but messages do
// not carry them to the terminal.
func TestHostileTextIsStoredAsGivenAndKeptOutOfMessages(t *testing.T) {
	st := newStore(t)
	file := "sku,name,supplier\nEVIL-1,\"Evil \x1b[31mred\x1b[0m\x07\",\"\x1b]0;pwned\x07Acme\"\nFORM-1,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",Acme\n"
	r := run(t, st, "products", "hostile.csv", Options{In: strings.NewReader(file)})
	if msg := r.String(); strings.ContainsAny(msg, "\x1b\x07") || !strings.Contains(msg, "]0;pwnedAcme") {
		t.Errorf("message carries control characters: %q", msg)
	}
	if got := query(t, st, "SELECT name FROM products ORDER BY id"); got != "Evil \x1b[31mred\x1b[0m\x07\n=HYPERLINK(\"http://x\",\"click\")" {
		t.Errorf("stored %q", got)
	}
	_, err := try(st, "products", "hostile.csv", Options{In: strings.NewReader("sku,price\n\x1b[2J,\x1b[2J\n")})
	if err == nil || strings.ContainsAny(err.Error(), "\x1b") {
		t.Errorf("error carries control characters: %q", err)
	}
}

// A product export's inventory quantity can stand in for an inventory
// export: on hand at the first location.
func TestStockFromAProductExport(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "shopify_products.csv", Options{})
	r := run(t, st, "stock", "shopify_products.csv", Options{})
	counts(t, r, 2, 0, 0)
	if !strings.Contains(r.String(), "1 row without a SKU left out") {
		t.Errorf("%s", r)
	}
	if got := query(t, st, "SELECT l.name, sum(on_hand) FROM stock JOIN locations l ON l.id = location_id GROUP BY l.id"); got != "Main|12" {
		t.Errorf("stock: %s", got)
	}
}

func TestImplausibleSalesDatesAreRefused(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "shopify_products_legacy.csv", Options{})
	_, err := try(st, "sales", "far.csv", Options{In: strings.NewReader("sku,date,units\nHOSE-25-G,0001-01-01,1\nHOSE-25-G,2026-03-01,1\nTROWEL-1,9999-12-31,1\n")})
	if err == nil || !strings.Contains(err.Error(), "far.csv:2: column \"date\": 0001-01-01 is not a plausible sales date") ||
		!strings.Contains(err.Error(), "far.csv:4:") {
		t.Errorf("far dates: %v", err)
	}
}

// Service levels below 50 % are refused, as the dashboard and stockroom set
// refuse them: z would be negative.
func TestServiceLevelBelowHalfIsRefused(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "shopify_products_legacy.csv", Options{})
	_, err := try(st, "policies", "low.csv", Options{In: strings.NewReader("sku,service_level\nHOSE-25-G,30%\nHOSE-25-B,0.5\n")})
	if err == nil || !strings.Contains(err.Error(), "low.csv:2: column \"service_level\"") || strings.Contains(err.Error(), "low.csv:3") {
		t.Errorf("30%% should be refused and 0.5 accepted: %v", err)
	}
}

// stockroomExports are the export headers the command line names, read
// from the planner's views.
func stockroomExports() []Export {
	var out []Export
	for _, v := range planner.EmptyViews() {
		x := Export{View: v.Name()}
		for _, c := range v.Columns() {
			x.Columns = append(x.Columns, ExportColumn{Name: c.Name, Text: c.IsText()})
		}
		out = append(out, x)
	}
	return out
}
