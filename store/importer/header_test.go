package importer

import (
	"strings"
	"testing"
)

// Two columns that could hold one field are refused, naming both and the
// --map that chooses between them; the --map then settles it.
func TestAmbiguousColumnsAreRefusedUntilMapped(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\n")})
	for _, c := range []struct {
		kind, file, want, choose string
	}{
		{"orders", "date,sku,quantity,Revenue,Line Total\n2026-03-01,A-1,2,10,8\n",
			`a.csv: columns "Revenue" and "Line Total" could both be line_total: choose one with --map line_total="Revenue" or --map line_total="Line Total"`,
			`line_total="Line Total"`},
		{"orders", "date,sku,quantity,Price,Unit price\n2026-03-01,A-1,2,10,4\n",
			`a.csv: columns "Price" and "Unit price" could both be price: choose one with --map price="Price" or --map price="Unit price"`,
			`price="Unit price"`},
		{"orders", "date,sku,Quantity,quantity\n2026-03-01,A-1,2,3\n",
			`a.csv: columns "Quantity" and "quantity" could both be quantity: choose one with --map quantity="Quantity" or --map quantity="quantity"`,
			`quantity=quantity`},
		{"stock", "sku,Stock,Qty,On hand\nA-1,5,6,7\n",
			`a.csv: columns "Stock", "Qty" and "On hand" could all be on_hand: choose one with --map on_hand="Stock", --map on_hand="Qty" or --map on_hand="On hand"`,
			`on_hand="On hand"`},
	} {
		before := fingerprint(t, st)
		_, err := try(st, c.kind, "a.csv", Options{In: strings.NewReader(c.file)})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", c.file, err, c.want)
		}
		if fingerprint(t, st) != before {
			t.Errorf("%s: refused but wrote", c.file)
		}
		m, err := ParseMap(c.choose)
		if err != nil {
			t.Fatal(err)
		}
		run(t, st, c.kind, "a.csv", Options{In: strings.NewReader(c.file), Map: m})
	}
	if got := query(t, st, "SELECT group_concat(units || '/' || revenue, ' ') FROM sales_daily"); got != "3/0.0" {
		// the last orders file replaced the day: 3 units of the lower-case column
		t.Errorf("sales %s", got)
	}
	if got := query(t, st, "SELECT sum(on_hand) FROM stock"); got != "7" {
		t.Errorf("on hand %s, want 7 (the mapped column)", got)
	}
}

// The mapped choice is the one used: Line Total's 8, not Revenue's 10.
func TestMappedAmbiguousColumnIsUsed(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\n")})
	run(t, st, "orders", "a.csv", Options{In: strings.NewReader("date,sku,quantity,Revenue,Line Total\n2026-03-01,A-1,2,10,8\n"),
		Map: map[string]string{"line_total": "Line Total"}})
	if got := query(t, st, "SELECT revenue FROM sales_daily"); got != "8.0" {
		t.Errorf("revenue %s, want 8", got)
	}
}

// Columns with the very same name cannot be told apart by --map: the file
// must rename one. A duplicate of a column no field reads does not matter.
func TestDuplicateColumnsAreRefused(t *testing.T) {
	st := newStore(t)
	_, err := try(st, "products", "a.csv", Options{In: strings.NewReader("sku,sku\nA-1,B-2\n")})
	if err == nil || err.Error() != `a.csv: columns 1 and 2 are both called "sku": rename one of them` {
		t.Errorf("%v", err)
	}
	_, err = try(st, "products", "a.csv", Options{In: strings.NewReader("sku,name,Item\nA-1,x,y\n"), Map: map[string]string{"sku": "item", "name": "Name"}})
	if err != nil {
		t.Errorf("mapped: %v", err)
	}
	_, err = try(st, "products", "a.csv", Options{In: strings.NewReader("code,name,code\nA-1,x,y\n"), Map: map[string]string{"sku": "code"}})
	if err == nil || err.Error() != `a.csv: --map sku="code": columns 1 and 3 are both called "code": rename one of them` {
		t.Errorf("%v", err)
	}
	_, err = try(st, "orders", "a.csv", Options{In: strings.NewReader("date,sku,Quantity,quantity\n2026-03-01,A-1,2,3\n"), Map: map[string]string{"quantity": "QUANTITY"}})
	if err == nil || err.Error() != `a.csv: --map quantity="QUANTITY": columns "Quantity" and "quantity" both match it: write the header exactly as the one you mean` {
		t.Errorf("%v", err)
	}
	r := run(t, st, "products", "a.csv", Options{In: strings.NewReader("sku,notes,notes\nC-3,x,y\n")})
	counts(t, r, 1, 0, 0)
}

// A known format's own choice stands: WooCommerce has Type (simple,
// variable) and Categories, and the category is in Categories.
func TestKnownFormatsChooseAmongAliases(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "woocommerce_products.csv", Options{})
	if got := query(t, st, "SELECT count(*) FROM products WHERE category IN ('simple', 'variable', 'variation')"); got != "0" {
		t.Errorf("%s products took Type as their category", got)
	}
}
