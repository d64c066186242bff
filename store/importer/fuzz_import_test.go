package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stockroom/store"
)

// fingerprint sums up every table an import may write, to tell whether a
// refused file wrote anything.
func fingerprint(t *testing.T, st *store.Store) string {
	t.Helper()
	var parts []string
	for _, q := range []string{
		"SELECT count(*), coalesce(sum(data_version), 0), group_concat(name || price || unit_cost || category, '|') FROM products",
		"SELECT count(*), coalesce(sum(on_hand), 0), coalesce(sum(committed), 0) FROM stock",
		"SELECT count(*), coalesce(sum(units), 0), coalesce(sum(revenue), 0) FROM sales_daily",
		"SELECT count(*), coalesce(sum(length(units)), 0) FROM sales_weekly",
		"SELECT count(*) FROM suppliers", "SELECT count(*) FROM locations",
		"SELECT count(*) FROM purchase_orders", "SELECT count(*), coalesce(sum(qty), 0) FROM po_lines",
		"SELECT count(*), coalesce(sum(reorder_point), 0) FROM policies", "SELECT count(*) FROM audit_log",
	} {
		parts = append(parts, query(t, st, q))
	}
	return strings.Join(parts, ";")
}

// FuzzImport feeds arbitrary files to every kind's importer: no panic, and
// a refused file writes nothing.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"shopify_products.csv", "shopify_orders.csv", "shopify_inventory.csv", "sales_semicolon_de.csv",
		"suppliers.csv", "purchase_orders.csv", "policies.csv", "woocommerce_products.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(0), b)
	}
	f.Add(uint8(3), []byte("sku,date,units\nHOSE-25-G,2026-03-01,4\nHOSE-25-G,2026-02-30,1\n"))
	f.Add(uint8(4), []byte("Name,Created at,Lineitem sku,Lineitem quantity\n#1,2026-03-01 10:00:00 +0100,HOSE-25-G,\"3\n"))
	f.Add(uint8(4), []byte("Order ID,Order Date,SKU,Product Name,Category,Supplier,Quantity,Line Total\n"+
		"1,3/14/2025 6:22 PM,N-1,\"Nut, big\",Food,Acme,2,3.50\n1,,N-1,NUT,Food,ACME,1,1.75\n2,3/15/2025,HOSE-25-G,Hose,,,1,9\n"))
	// Stockroom's stock export, guarded cells and all, as products, stock and policies
	stockExport := []byte("sku,name,category,subcategory,brand,supplier,on_hand,committed,available,on_order,reorder_point,reorder_point_manual," +
		"safety_stock,weekly_demand,days_of_cover,stock_value,last_sale,status,stockout_date,forecast_method,demand_class,abc,xyz,risk\n" +
		"'=cmd,'-20% Sale,'@c,,'+b,''-s,-3,1,-4,0,5,true,0,0,,0.00,,out,,no sales,none,C,Z,\n")
	for _, kind := range []uint8{1, 2, 6} {
		f.Add(kind, stockExport)
	}
	var st *store.Store
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		if st == nil { // one catalogue per fuzzing process: opening one per input is slow
			dir, err := os.MkdirTemp("", "fuzz-import-")
			if err != nil {
				t.Fatal(err)
			}
			if st, err = store.Open(filepath.Join(dir, "c.db")); err != nil {
				t.Fatal(err)
			}
			if _, err := Run(ctx, st, Options{Kind: "products", File: filepath.Join("testdata", "shopify_products_legacy.csv")}); err != nil {
				t.Fatal(err)
			}
		}
		k := Kinds()[int(kind)%len(Kinds())]
		before := fingerprint(t, st)
		_, err := Run(ctx, st, Options{Kind: k.Name, File: "fuzz.csv", In: strings.NewReader(string(data))})
		if err != nil && fingerprint(t, st) != before {
			t.Fatalf("%s: refused (%v) but wrote", k.Name, err)
		}
	})
}
