package cli

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// From Shopify exports to a catalogue the dashboard and exports read, as
// docs/GUIDE.md walks through it.
func TestImportCommandFromShopifyExports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "catalogue.db") // created (its directory must exist)
	data := filepath.Join("..", "store", "importer", "testdata")
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
	execute(t, "import", "products", filepath.Join("..", "store", "importer", "testdata", "shopify_products_legacy.csv"), "--db", db)
	before, _ := executeOut(t, "export", "stock", "--db", db)
	if err := execute(t, "import", "products", bad, "--db", db); err == nil {
		t.Error("bad file accepted")
	}
	if after, err := executeOut(t, "export", "stock", "--db", db); err != nil || after != before || strings.Count(after, "\n") != 4 {
		t.Errorf("a refused file changed the catalogue:\n%s\n%s", before, after)
	}
	// a dry run does not even create the catalogue
	if err := execute(t, "import", "products", bad, "--db", filepath.Join(t.TempDir(), "none.db"), "--dry-run"); err == nil ||
		err.Error() != bad+`:3: column "price": "cheap" is not a number` {
		t.Errorf("a dry run of a bad file into a missing catalogue: %v", err)
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

// writeFlatExport writes an order-line export with the product on every
// line, as BI tools and marketplaces write them, and returns what it
// sold: units and revenue by SKU and ISO day, and each SKU's first name.
func writeFlatExport(t *testing.T, path string, lines, skus int) (units map[string]int, revenue map[string]float64, names map[string]string) {
	t.Helper()
	units, revenue, names = map[string]int{}, map[string]float64{}, map[string]string{}
	var b strings.Builder
	b.WriteString("Order ID,Order Date,SKU,Product Name,Category,Sub-Category,Quantity,Line Total\r\n")
	for i := range lines {
		n := (i * 7919) % skus // every SKU, in a scattered order
		sku := fmt.Sprintf("BI-%03d", n)
		name := fmt.Sprintf("Widget %d, pack of %d", n, 1+n%4)
		if i%11 == 5 {
			name = strings.ToUpper(name) // another spelling on some lines
		}
		if _, ok := names[sku]; !ok {
			names[sku] = name
		}
		d := i % 600 // lines 600 apart sell the same SKU on the same day
		month, day := 1+d%12, 1+(d*5)%28
		qty := 1 + i%5
		total := float64(qty) * (2.5 + float64(n%40))
		if i%3 == 0 {
			total = math.Round(total*90) / 100 // 10 % off
		}
		iso := fmt.Sprintf("%s|2025-%02d-%02d", sku, month, day)
		units[iso] += qty
		revenue[iso] += total
		fmt.Fprintf(&b, "CA-2025-%06d,%d/%d/2025,%s,\"%s\",Office Supplies,\"Binders, folders\",%d,%.2f\r\n", 100000+i/2, month, day, sku, name, qty, total)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return units, revenue, names
}

// The flat export, in one command into a new catalogue: products
// and sales together, read back through export stock.
func TestImportCommandFlatExportInOneCommand(t *testing.T) {
	dir := t.TempDir()
	db, file := filepath.Join(dir, "c.db"), filepath.Join(dir, "flat.csv")
	units, revenue, names := writeFlatExport(t, file, 2000, 300)
	out, err := executeOut(t, "import", "orders", file, "--db", db,
		"--map", `name="Product Name",category=Category,subcategory="Sub-Category",line_total="Line Total"`)
	if err != nil || !strings.Contains(out, "300 products new") || !strings.Contains(out, model.GroupThousands(len(units))+" SKU-days new") {
		t.Fatalf("%q %v", out, err)
	}
	recs := readCSV(t, exportTo(t, db))
	if len(recs) != 301 {
		t.Fatalf("export stock: %d rows, want 300 SKUs", len(recs)-1)
	}
	for _, r := range recs[1:] {
		if names[r[0]] != r[1] || r[2] != "Office Supplies" || r[3] != "Binders, folders" {
			t.Errorf("exported %v, want name %q", r[:4], names[r[0]])
		}
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows, err := st.DB().Query(`SELECT p.sku || '|' || date(s.day * 86400, 'unixepoch'), s.units, s.revenue
		FROM sales_daily s JOIN products p ON p.id = s.product_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var key string
		var u int
		var rev float64
		rows.Scan(&key, &u, &rev)
		if u != units[key] || math.Abs(rev-revenue[key]) > 1e-6 {
			t.Errorf("%s: %d units for %.2f, want %d for %.2f", key, u, rev, units[key], revenue[key])
		}
		n++
	}
	if n != len(units) {
		t.Errorf("%d SKU-days, want %d", n, len(units))
	}
}

func exportTo(t *testing.T, db string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stock.csv")
	if err := execute(t, "export", "stock", "--db", db, "-o", path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A dry run checks a file against a catalogue that does not exist yet and
// creates nothing: no file, no directory, no -wal or -shm.
func TestImportCommandDryRunWithoutCatalogue(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "flat.csv")
	units, _, _ := writeFlatExport(t, file, 200, 30)
	// Stockroom's own data directory, which a real import would make
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "not", "yet"))
	db := filepath.Join(dataDir(), "c.db")
	out, err := executeOut(t, "import", "orders", file, "--db", db, "--dry-run")
	if err != nil || !strings.HasPrefix(out, "Dry run, nothing written:") || !strings.Contains(out, model.GroupThousands(len(units))+" SKU-days new") ||
		!strings.Contains(out, "30 products new") || !strings.Contains(out, "no catalogue at "+db+" yet") {
		t.Errorf("%q %v", out, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a dry run created %v", entries)
	}
	// in an existing directory too, and for a refused file
	db = filepath.Join(dir, "c.db")
	executeOut(t, "import", "orders", file, "--db", db, "--dry-run")
	os.WriteFile(file, []byte("date,sku,quantity\n2026-03-01,A,3000000000\n"), 0o644)
	if err := execute(t, "import", "orders", file, "--db", db, "--dry-run"); err == nil ||
		!strings.Contains(err.Error(), "3000000000 is more than --max-quantity 1,000,000 a line") {
		t.Errorf("%v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a dry run created %v", entries)
	}
}

// A refused first import leaves nothing behind, not even the directories
// it made for the catalogue.
func TestImportCommandRefusedFirstImportLeavesNoDirectories(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "o.csv")
	os.WriteFile(file, []byte("date,sku,quantity\n2026-03-01,A,3000000000\n"), 0o644)
	if err := execute(t, "import", "orders", file, "--db", filepath.Join(dir, "a", "b", "c.db")); err == nil {
		t.Fatal("accepted")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind %v", entries)
	}
}

func TestImportCommandMaxQuantity(t *testing.T) {
	dir := t.TempDir()
	file, db := filepath.Join(dir, "o.csv"), filepath.Join(dir, "c.db")
	os.WriteFile(file, []byte("date,sku,quantity,product name\n2026-03-01,A,12,Apple\n"), 0o644)
	for _, bad := range []string{"0", "-5", "1000000001", "lots"} {
		if err := execute(t, "import", "orders", file, "--db", db, "--max-quantity", bad); err == nil || !isUsage(err) {
			t.Errorf("--max-quantity %s: %v, want a usage error", bad, err)
		}
	}
	if err := execute(t, "import", "orders", file, "--db", db, "--max-quantity", "10"); err == nil ||
		err.Error() != file+`:2: column "quantity": 12 is more than --max-quantity 10 a line` {
		t.Errorf("%v", err)
	}
	if out, err := executeOut(t, "import", "orders", file, "--db", db, "--max-quantity", "12"); err != nil || !strings.Contains(out, "1 SKU-day new") {
		t.Errorf("%q %v", out, err)
	}
}

// A dry run fails where the import would: in a directory that does not
// exist (other than Stockroom's own data directory, which an import makes
// and a dry run does not).
func TestImportCommandDryRunFailsLikeTheImport(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", filepath.Join(t.TempDir(), "xdg"))
	file := writeTemp(t, "ol.csv", "date,sku,quantity,product name\n2026-03-01,A-1,2,Apple\n")
	base := t.TempDir()
	db := filepath.Join(base, "nodir", "x.db")
	real := execute(t, "import", "orders", file, "--db", db)
	dry := execute(t, "import", "orders", file, "--db", db, "--dry-run")
	if real == nil || dry == nil || dry.Error() != real.Error() || !strings.Contains(dry.Error(), "does not exist") {
		t.Errorf("import: %v\ndry run: %v", real, dry)
	}
	if entries, _ := os.ReadDir(base); len(entries) != 0 {
		t.Errorf("made %v", entries)
	}
	// the default catalogue's directory is made by an import, so a dry run
	// there passes, and makes nothing
	out, err := executeOut(t, "import", "orders", file, "--dry-run")
	if err != nil || !strings.HasPrefix(out, "Dry run, nothing written:") {
		t.Errorf("%q %v", out, err)
	}
	if _, err := os.Stat(dataDir()); !os.IsNotExist(err) {
		t.Errorf("a dry run made the data directory: %v", err)
	}
}

// executeIn runs the command line with stdin as standard input.
func executeIn(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	root := rootCommand()
	root.SetArgs(args)
	root.SetIn(strings.NewReader(stdin))
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&bytes.Buffer{})
	err := root.Execute()
	return out.String(), err
}

// FILE "-" is standard input, named "stdin" in messages; a terminal is
// refused rather than waited on.
func TestImportCommandReadsStandardInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	out, err := executeIn(t, "sku,name\nA-1,Apple\n", "import", "products", "-", "--db", db)
	if err != nil || !strings.HasPrefix(out, "Imported stdin as CSV (1 row): 1 product new") {
		t.Errorf("%q %v", out, err)
	}
	_, err = executeIn(t, "sku,price\nA-1,cheap\n", "import", "products", "-", "--db", db)
	if err == nil || err.Error() != `stdin:2: column "price": "cheap" is not a number` {
		t.Errorf("%v", err)
	}
	old := stdinIsTerminal
	stdinIsTerminal = func(io.Reader) bool { return true }
	t.Cleanup(func() { stdinIsTerminal = old })
	_, err = executeIn(t, "", "import", "products", "-", "--db", db)
	if err == nil || !isUsage(err) || !strings.Contains(err.Error(), "standard input is a terminal") {
		t.Errorf("%v", err)
	}
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
