package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// From Shopify exports to a catalogue the dashboard and exports read, as
// the README walks through it.
func TestImportCommandFromShopifyExports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "catalogue.db") // created (its directory must exist)
	data := filepath.Join("store", "importer", "testdata")
	for _, step := range [][]string{
		{"products", "shopify_products_legacy.csv"},
		{"stock", "shopify_inventory.csv"},
		{"orders", "shopify_orders.csv"},
	} {
		out, err := executeOut(t, "import", step[0], filepath.Join(data, step[1]), "--db", db)
		if err != nil || !strings.HasPrefix(out, "Imported ") {
			t.Fatalf("import %s: %q, %v", step[0], out, err)
		}
	}
	// the imported SKUs are forecast (they are new) and planned
	out, err := executeOut(t, "forecast", "--db", db)
	if err != nil || !strings.Contains(out, "Forecast 3 SKUs") {
		t.Errorf("forecast after import: %q, %v", out, err)
	}
	csvPath := filepath.Join(t.TempDir(), "stock.csv")
	if err := execute(t, "export", "stock", "--db", db, "-o", csvPath); err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, csvPath)
	if len(recs) != 4 || recs[1][0] != "HOSE-25-G" || recs[1][6] != "12" {
		t.Errorf("exported %v", recs)
	}
	// again: nothing changes
	out, _ = executeOut(t, "import", "orders", filepath.Join(data, "shopify_orders.csv"), "--db", db)
	if !strings.Contains(out, "0 SKU-days new, 0 updated, 3 unchanged") {
		t.Errorf("re-import: %q", out)
	}
}

func TestImportCommandRefusesBadFilesAndWritesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("sku,name,price\nA,Apple,1.50\nB,Banana,cheap\n"), 0o644)
	err := execute(t, "import", "products", bad, "--db", db)
	if err == nil || err.Error() != bad+`:3: column "price": "cheap" is not a number` {
		t.Errorf("error %v", err)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused first import left a catalogue behind: %v", err)
	}
	execute(t, "import", "products", filepath.Join("store", "importer", "testdata", "shopify_products_legacy.csv"), "--db", db)
	before, _ := executeOut(t, "export", "stock", "--db", db)
	if err := execute(t, "import", "products", bad, "--db", db); err == nil {
		t.Error("bad file accepted")
	}
	if after, err := executeOut(t, "export", "stock", "--db", db); err != nil || after != before || strings.Count(after, "\n") != 4 {
		t.Errorf("a refused file changed the catalogue:\n%s\n%s", before, after)
	}
	// a dry run does not even create the catalogue
	if err := execute(t, "import", "products", bad, "--db", filepath.Join(t.TempDir(), "none.db"), "--dry-run"); err == nil {
		t.Error("a dry run into a missing catalogue succeeded")
	}
	for _, args := range [][]string{{"import", "customers", bad}, {"import", "products"}, {"import", "sales", bad, "--map", "sku"}} {
		if err := execute(t, args...); err == nil || !isUsage(err) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

// Formulas and control characters are stored as given; an export
// neutralises the formula.
func TestImportedFormulaLeavesExportsNeutralised(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	file := filepath.Join(t.TempDir(), "p.csv")
	os.WriteFile(file, []byte("sku,name\nF-1,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"\n"), 0o644)
	if out, err := executeOut(t, "import", "products", file, "--db", db); err != nil || !strings.Contains(out, "1 product new") {
		t.Fatalf("%q %v", out, err)
	}
	out, err := executeOut(t, "export", "stock", "--db", db)
	if err != nil || !strings.Contains(out, `"'=HYPERLINK(""http://x"",""click"")"`) {
		t.Errorf("export: %q %v", out, err)
	}
}
