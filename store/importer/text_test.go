package importer

import (
	"strings"
	"testing"
)

// A SKU is an identifier sent to suppliers and typed into searches: a NUL
// byte, a control character or invalid UTF-8 in one is refused, in every
// kind that reads SKUs.
func TestBadBytesInSKUsAreRefused(t *testing.T) {
	files := map[string]string{
		"products":        "sku,name\n%s,Thing\n",
		"stock":           "sku,on_hand\n%s,1\n",
		"sales":           "sku,date,units\n%s,2026-03-01,1\n",
		"orders":          "date,sku,quantity,product name\n2026-03-01,%s,1,Thing\n",
		"purchase-orders": "po,supplier,sku,quantity\nPO-1,Acme,%s,1\n",
		"policies":        "sku,reorder_point\n%s,4\n",
	}
	for kind, file := range files {
		for sku, why := range map[string]string{
			"A\x00B":   `SKU "A\x00B" contains a NUL byte`,
			"A\x1b[2J": `SKU "A\x1b[2J" contains the control character U+001B`,
			"A\xffB":   `SKU "A\xffB" is not valid UTF-8`,
		} {
			st := newStore(t)
			run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\n")})
			_, err := try(st, kind, "t.csv", Options{In: strings.NewReader(strings.Replace(file, "%s", sku, 1)), SkipUnknown: true})
			if err == nil || !strings.HasPrefix(err.Error(), `t.csv:2: column "sku": `+why) {
				t.Errorf("%s, SKU %q: %v", kind, sku, err)
			}
			st.Close()
		}
	}
}

// Text in another encoding than UTF-8 is kept, its bad bytes replaced by
// U+FFFD, and the summary says how many values that touched.
func TestInvalidUTF8InTextIsReplacedAndCounted(t *testing.T) {
	st := newStore(t)
	file := "sku,name,category,brand,colour\n" +
		"A-1,M\xfcller Kaffee,Caf\xe9,Acme,gr\xfcn\n" + // Latin-1 bytes; colour is not read
		"B-2,Tea,Food,\xff\xfe,blue\n"
	r := run(t, st, "products", "p.csv", Options{In: strings.NewReader(file)})
	if !strings.Contains(r.String(), "3 text values had invalid UTF-8, replaced with U+FFFD") {
		t.Errorf("%s", r)
	}
	if got := query(t, st, "SELECT name, category, brand FROM products ORDER BY sku"); got != "M\uFFFDller Kaffee|Caf\uFFFD|Acme\nTea|Food|\uFFFD" {
		t.Errorf("stored %q", got)
	}
	// orders: the product names of a flat export
	r = run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,product name\n2026-03-01,C-3,1,Cr\xe8me\n")})
	if !strings.Contains(r.String(), "1 text value had invalid UTF-8") {
		t.Errorf("%s", r)
	}
	if got := query(t, st, "SELECT name FROM products WHERE sku = 'C-3'"); got != "Cr\uFFFDme" {
		t.Errorf("stored %q", got)
	}
}

// Excel's "Unicode Text" is UTF-16: say so instead of failing on columns.
func TestUTF16FileIsNamed(t *testing.T) {
	st := newStore(t)
	utf16 := "\xff\xfes\x00k\x00u\x00\n\x00A\x00\n\x00"
	_, err := try(st, "products", "u.csv", Options{In: strings.NewReader(utf16)})
	if err == nil || !strings.Contains(err.Error(), "u.csv: the file is UTF-16") {
		t.Errorf("%v", err)
	}
}
