package importer

import (
	"strings"
	"testing"
)

// A stock file without a location column gives each SKU's whole stock:
// when that is what the catalogue has, over all locations, nothing
// changes; otherwise it is set at the first location and the SKU's rows
// elsewhere go, which the summary (and the dry run's) says.
func TestStockWithoutLocationsSaysWhatItRemoves(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\nB-2\nC-3\n")})
	run(t, st, "stock", "s.csv", Options{In: strings.NewReader("sku,location,on_hand,committed\n" +
		"A-1,Main warehouse,3,1\nA-1,Store Leipzig,12,0\nB-2,Store Leipzig,4,0\n")})
	where := "SELECT p.sku, l.name, s.on_hand, s.committed FROM stock s JOIN products p ON p.id = s.product_id JOIN locations l ON l.id = s.location_id ORDER BY p.sku, l.id"
	before := query(t, st, where)

	// the whole stock as it is: A-1 has 15 over two locations, C-3 none
	r := run(t, st, "stock", "s.csv", Options{In: strings.NewReader("sku,on_hand\nA-1,15\nB-2,4\nC-3,0\n")})
	counts(t, r, 0, 0, 3)
	if got := query(t, st, where); got != before || strings.Contains(r.String(), "removed") {
		t.Errorf("an unchanged whole stock changed the catalogue:\n%s\n%s", got, r)
	}
	if got := query(t, st, "SELECT count(*) FROM locations"); got != "2" {
		t.Errorf("%s locations: a SKU with no stock given 0 added one", got)
	}

	file := "sku,on_hand\nA-1,50\n"
	r = run(t, st, "stock", "s.csv", Options{In: strings.NewReader(file), DryRun: true})
	const said = "0 stock levels new, 1 updated, 0 unchanged; 1 stock row at another location removed " +
		"(the file has no location column: a SKU's whole stock is set at Main warehouse)."
	if !strings.HasSuffix(r.String(), said) {
		t.Errorf("dry run: %s", r)
	}
	r = run(t, st, "stock", "s.csv", Options{In: strings.NewReader(file)})
	if !strings.HasSuffix(r.String(), said) {
		t.Errorf("%s", r)
	}
	// committed is not in the file: the SKU's 1 committed unit stays
	if got := query(t, st, where); got != "A-1|Main warehouse|50|1\nB-2|Store Leipzig|4|0" {
		t.Errorf("stock:\n%s", got)
	}
	if got := query(t, st, "SELECT field, new FROM audit_log WHERE entity = 'import' ORDER BY id DESC LIMIT 1"); !strings.Contains(got, "stock rows at other locations removed 1") {
		t.Errorf("audit: %s", got)
	}
}

// A column the file lacks keeps its value: a stock file with available
// only keeps the committed units, and on hand is available + committed.
func TestStockWithoutCommittedKeepsIt(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\n")})
	run(t, st, "stock", "s.csv", Options{In: strings.NewReader("sku,location,on_hand,committed\nA-1,Main,20,10\n")})
	for _, c := range []struct{ file, want string }{
		{"sku,location,available\nA-1,Main,5\n", "15|10"},
		{"sku,location,on_hand\nA-1,Main,30\n", "30|10"},
		{"sku,location,on_hand,committed\nA-1,Main,30,\n", "30|10"}, // an empty cell is no value
		{"sku,location,on_hand,committed\nA-1,Main,30,0\n", "30|0"},
		{"sku,available\nA-1,5\n", "5|0"},
	} {
		run(t, st, "stock", "s.csv", Options{In: strings.NewReader(c.file)})
		if got := query(t, st, "SELECT on_hand, committed FROM stock"); got != c.want {
			t.Errorf("%s: on hand|committed %s, want %s", c.file, got, c.want)
		}
	}
}
