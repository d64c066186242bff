package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"stockroom/store"
)

// catalogueDump is every table an import may write, row by row, except the
// audit log (every import adds its row there).
func catalogueDump(t *testing.T, db string) string {
	t.Helper()
	st, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var b strings.Builder
	for _, table := range []string{"products", "suppliers", "locations", "stock", "policies", "sales_daily", "sales_weekly", "purchase_orders", "po_lines", "settings"} {
		rows, err := st.DB().Query("SELECT * FROM " + table + " ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

// Every Stockroom CSV export imports back as each kind it is meant for
// without changing anything: SKUs and names the export guards against
// spreadsheet formulas (= + - @) come back as they were, a SKU's stock at
// two locations stays where it is, automatic policies stay automatic, and
// values the export rounds (a cost of 1.2345, a service level of 97.123 %)
// are not rounded by the import.
func TestStockroomExportsImportBackUnchanged(t *testing.T) {
	db := demoDB(t)
	steps := [][2]string{
		{"suppliers", "name,lead_time_days,order_cost\n@Acme,10.125,49.995\n"},
		{"products", "sku,name,category,subcategory,brand,supplier,unit_cost,price\n" +
			"\"=cmd\",b,Garden,-sub,+brand,@Acme,1.2345,3.5\n" +
			"-dash,e,Garden,,,@Acme,2,5\n" +
			"NM-1,\"-20% Sale pack\",Garden,,,@Acme,3,8\n" +
			"NM-2,\"+1 bonus\",@cat,,,@Acme,4,9\n" +
			"NM-3,\"=SUM(1;2)\",Garden,,,@Acme,5,10\n" +
			"NM-4,'-x,'quoted',,O'Neil,@Acme,6,11\n"},
		{"stock", "sku,location,on_hand,committed\n" +
			"NM-1,Main warehouse,3,1\nNM-1,Store Leipzig,12,0\n\"=cmd\",Store Leipzig,1,0\n-dash,Main warehouse,-2,0\n"},
		{"policies", "sku,reorder_point,service_level,rounding,case_pack,moq,lead_time_days\n" +
			"\"=cmd\",5,97.123%,nearest,6,12,10\n-dash,auto,,,,,\nNM-2,40,,down,,,\n"},
	}
	var orders strings.Builder
	orders.WriteString("date,sku,quantity,price\n")
	for d := 1; d <= 60; d++ {
		day := fmt.Sprintf("2026-%02d-%02d", 9+(d-1)/30, 1+(d-1)%30)
		for i, sku := range []string{"=cmd", "-dash", "NM-1", "NM-2", "NM-3"} {
			if (d+i)%3 != 0 {
				fmt.Fprintf(&orders, "%s,\"%s\",%d,3.5\n", day, sku, 1+(d*i)%4)
			}
		}
	}
	steps = append(steps, [2]string{"orders", orders.String()})
	for _, s := range steps {
		if out, err := executeOut(t, "import", s[0], writeTemp(t, s[0]+".csv", s[1]), "--db", db); err != nil {
			t.Fatalf("import %s: %v %s", s[0], err, out)
		}
	}
	nothing := regexp.MustCompile(`: 0 [a-zA-Z -]+ new, 0 updated, [0-9,]+ unchanged`)
	for view, kinds := range map[string][]string{
		"stock":     {"products", "stock", "policies"},
		"reorder":   {"products", "stock", "policies"},
		"risk":      {"products", "stock"},
		"suppliers": {"suppliers"},
	} {
		args := []string{"export", view, "--db", db, "-o", filepath.Join(t.TempDir(), view+".csv")}
		if err := execute(t, args...); err != nil {
			t.Fatal(err)
		}
		file := args[5]
		exported, _ := os.ReadFile(file)
		if view == "stock" && !strings.Contains(string(exported), "'=cmd,b,") {
			t.Errorf("the stock export does not guard =cmd:\n%s", exported)
		}
		for _, kind := range kinds {
			before := catalogueDump(t, db)
			out, err := executeOut(t, "import", kind, file, "--db", db)
			if err != nil || !nothing.MatchString(out) || !strings.Contains(out, "as Stockroom "+view+" export") {
				t.Errorf("export %s, import %s: %v %s", view, kind, err, out)
			}
			if after := catalogueDump(t, db); after != before {
				t.Errorf("export %s, import %s changed the catalogue:\n%s", view, kind, diffLines(before, after))
			}
		}
	}
}

// diffLines lists the lines only one side has.
func diffLines(a, b string) string {
	inA := map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		inA[l] = true
	}
	inB := map[string]bool{}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		inB[l] = true
		if !inA[l] {
			out = append(out, "+ "+l)
		}
	}
	for _, l := range strings.Split(a, "\n") {
		if !inB[l] {
			out = append(out, "- "+l)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("… %d more", len(out)-20))
	}
	return strings.Join(out, "\n")
}

// An export imported as a kind it does not hold is refused: a purchase
// order's quantities are not stock, product names are not suppliers.
func TestStockroomExportsRefuseOtherKinds(t *testing.T) {
	db := demoDB(t)
	for _, c := range []struct{ view, kind, want string }{
		{"po", "stock", "is Stockroom's po export, which does not import back (it shows purchase orders without what import purchase-orders needs: a reference, the supplier and the SKUs together)"},
		{"stock", "suppliers", "is Stockroom's stock export, which imports as products, stock or policies"},
		{"suppliers", "products", "is Stockroom's suppliers export, which imports as suppliers only"},
		{"forecast", "products", "is Stockroom's forecast export, which does not import back (its figures are computed from the catalogue)"},
	} {
		file := filepath.Join(t.TempDir(), c.view+".csv")
		args := []string{"export", c.view, "--db", db, "-o", file}
		if c.view == "po" {
			args = append(args, "--id", "1")
		}
		if err := execute(t, args...); err != nil {
			t.Fatal(err)
		}
		before := catalogueDump(t, db)
		err := execute(t, "import", c.kind, file, "--db", db)
		if err == nil || err.Error() != file+" "+c.want {
			t.Errorf("import %s of the %s export: %v", c.kind, c.view, err)
		}
		if catalogueDump(t, db) != before {
			t.Errorf("import %s of the %s export wrote", c.kind, c.view)
		}
	}
}
