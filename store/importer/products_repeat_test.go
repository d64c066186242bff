package importer

import (
	"strings"
	"testing"
)

// A product file may list a SKU more than once when the rows say the same
// thing (exports joined from several sheets do); rows that differ are
// refused, naming both lines, since either could be the right one.
func TestProductsRepeatedRows(t *testing.T) {
	st := newStore(t)
	file := "sku,name,category,price,supplier\n" +
		"A-1,\"Mug, blue\",Kitchen,4.50,Acme\n" +
		"B-2,Bowl,Kitchen,3,\n" +
		"A-1,\"Mug,  blue \",Kitchen,4.5,ACME\n" + // the same after normalising spaces, numbers and supplier case
		"A-1,\"Mug, blue\",Kitchen,4.50,Acme\n"
	r := run(t, st, "products", "p.csv", Options{In: strings.NewReader(file)})
	counts(t, r, 2, 0, 0)
	if !strings.Contains(r.String(), "2 repeated rows of 1 SKU were identical and read once") {
		t.Errorf("%s", r)
	}
	if got := query(t, st, "SELECT sku, name, price FROM products ORDER BY sku"); got != "A-1|Mug, blue|4.5\nB-2|Bowl|3.0" {
		t.Errorf("products:\n%s", got)
	}
	for _, c := range []struct{ row, want string }{
		{"A-1,\"Mug, blue\",Kitchen,4.60,Acme", `p.csv:4: column "sku": SKU "A-1" appears again with another price (4.6; line 2 has 4.5)`},
		{"A-1,\"Mug, Blue\",Kitchen,4.50,Acme", `p.csv:4: column "sku": SKU "A-1" appears again with another name ("Mug, Blue"; line 2 has "Mug, blue")`},
		{"A-1,\"Mug, blue\",,4.50,Acme", `p.csv:4: column "sku": SKU "A-1" appears again with another category (""; line 2 has "Kitchen")`},
	} {
		_, err := try(st, "products", "p.csv", Options{In: strings.NewReader("sku,name,category,price,supplier\n" +
			"A-1,\"Mug, blue\",Kitchen,4.50,Acme\nB-2,Bowl,Kitchen,3,\n" + c.row + "\n")})
		hint := "p.csv: rows repeat SKUs with other values; if this is an export of order lines, `stockroom import orders` reads its products along with the sales\n"
		if err == nil || err.Error() != hint+c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.row, err, c.want)
		}
	}
}
