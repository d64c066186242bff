package importer

import (
	"strings"
	"testing"
)

func TestUnguard(t *testing.T) {
	for in, want := range map[string]string{
		"'=cmd":          "=cmd",
		"'-20% Sale":     "-20% Sale",
		"'+1 bonus":      "+1 bonus",
		"'@home":         "@home",
		"'\tx":           "\tx",
		"'\rx":           "\rx",
		"'quoted'":       "'quoted'", // not the guard: the cell's own apostrophe
		"'":              "'",
		"''=x":           "'=x", // a cell starting with ' is guarded too
		"''":             "'",
		"=plain":         "=plain",
		"O'Neil's -20% ": "O'Neil's -20% ",
		"":               "",
	} {
		if got := unguard(in); got != want {
			t.Errorf("unguard(%q) = %q, want %q", in, got, want)
		}
	}
}

// Only a header that is a whole Stockroom export is one: two of its
// column names make a CSV like any other, whose ' is the cell's own.
func TestOnlyAWholeExportHeaderIsAStockroomExport(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku,name\nA-1,Apple\n")})
	r := run(t, st, "policies", "pol.csv", Options{In: strings.NewReader("sku,reorder_point\nA-1,5\n")})
	if r.Format != Generic {
		t.Errorf("a two-column file is read as %s", r.Format)
	}
	r = run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku,name,reorder_point,days_of_cover\n'=B-2,'-20% off,,\n")})
	if r.Format != Generic {
		t.Errorf("read as %s", r.Format)
	}
	if got := query(t, st, "SELECT sku || ' ' || name FROM products WHERE id = 2"); got != "'=B-2 '-20% off" {
		t.Errorf("a hand-made file's apostrophes were dropped: %s", got)
	}
}

// In a Stockroom export the guard is undone on text cells only; a number
// column's cell is never a guarded one.
func TestStockroomExportTextIsUnguarded(t *testing.T) {
	st := newStore(t)
	export := "sku,name,category,subcategory,brand,supplier,on_hand,committed,available,on_order,reorder_point,reorder_point_manual,safety_stock,weekly_demand,days_of_cover,stock_value,last_sale,status,stockout_date,forecast_method,demand_class,abc,xyz,risk\n" +
		"'=cmd,'-20% Sale pack,'@cat,'+sub,O'Neil,''-x,-3,0,-3,0,0,false,0,0,,0.00,,out,,no sales,none,C,Z,\n"
	r := run(t, st, "products", "stock.csv", Options{In: strings.NewReader(export)})
	counts(t, r, 1, 0, 0)
	if got := query(t, st, "SELECT sku, name, category, subcategory, brand FROM products"); got != "=cmd|-20% Sale pack|@cat|+sub|O'Neil" {
		t.Errorf("stored %s", got)
	}
	if got := query(t, st, "SELECT name FROM suppliers"); got != "'-x" {
		t.Errorf("supplier %s, want '-x (guarded as ''-x)", got)
	}
	r = run(t, st, "stock", "stock.csv", Options{In: strings.NewReader(export)})
	counts(t, r, 1, 0, 0)
	if got := query(t, st, "SELECT on_hand FROM stock"); got != "-3" {
		t.Errorf("on hand %s", got)
	}
}

// A guarded SKU in a file that is no longer a whole export (a column was
// deleted) is unknown, and the message says what it would be.
func TestGuardedSKUInAnEditedExportIsExplained(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\n=cmd\n")})
	_, err := try(st, "stock", "s.csv", Options{In: strings.NewReader("sku,on_hand\n'=cmd,4\n")})
	if err == nil || err.Error() != `s.csv:2: column "sku": unknown SKU "'=cmd": import products first, or pass --skip-unknown`+
		` (the catalogue has "=cmd": the ' a Stockroom export puts before = + - @ is taken off only in a file with the export's whole header)` {
		t.Errorf("%v", err)
	}
}
