package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// numericColumn is one numeric column of one kind, in a file that imports
// with its base row; class says which values it accepts.
type numericColumn struct {
	kind, header, base string
	column             int
	class              string
}

// numericColumns lists every numeric column every kind reads.
func numericColumns() []numericColumn {
	files := []struct{ kind, header, base, classes string }{
		{"suppliers", "name,lead_time_days,lead_time_sd_days,order_cost,min_order_value", "Acme,10,2,50,100", "-,days,days,money,money"},
		{"products", "sku,unit_cost,price,case_pack,moq", "A-1,2,5,6,12", "-,money,money,qty,qty"},
		{"stock", "sku,on_hand,committed", "A-1,10,2", "-,signed qty,qty"},
		{"stock", "sku,available", "A-1,5", "-,signed qty"},
		{"sales", "sku,date,units,revenue,in_stock", "A-1,2026-03-01,3,15,1", "-,-,qty,signed money,share"},
		{"orders", "date,sku,quantity,price,line_total,unit_cost", "2026-03-01,A-1,3,5,15,2", "-,-,qty,money,money,money"},
		{"purchase-orders", "po,supplier,sku,quantity,unit_cost,received", "PO-1,Acme,A-1,10,2,0", "-,-,-,qty,money,qty"},
		{"policies", "sku,reorder_point,lead_time_days,case_pack,moq,service_level,review_days", "A-1,5,10,6,12,95%,7", "-,qty,days,qty,qty,share,review"},
	}
	var out []numericColumn
	for _, f := range files {
		for i, class := range strings.Split(f.classes, ",") {
			if class != "-" {
				out = append(out, numericColumn{f.kind, f.header, f.base, i, class})
			}
		}
	}
	return out
}

// Hostile numbers in every numeric column of every kind: each is refused
// with FILE:LINE and the column, or accepted where it means something.
func TestHostileNumbersInEveryNumericColumn(t *testing.T) {
	// the classes of column that accept each value; every other refuses it
	accepts := map[string][]string{
		"9223372036854775807":  nil,
		"-9223372036854775808": nil,
		"-1":                   {"signed qty", "signed money"}, // oversold stock; a day of net returns
		"1e9":                  nil,
		"1,000,000,000":        {"money", "signed money"},
		"3000000000":           {"money", "signed money"},
		"1000001":              {"money", "signed money"}, // one unit more than --max-quantity
		"NaN":                  nil,
		"Inf":                  nil,
		"-Inf":                 nil,
		"1e400":                nil,
	}
	for _, c := range numericColumns() {
		// one catalogue per column: a refused value writes nothing, and an
		// accepted one is checked against what it wrote
		st := newStore(t)
		run(t, st, "suppliers", "s.csv", Options{In: strings.NewReader("name\nAcme\n")})
		run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku,supplier\nA-1,Acme\n")})
		header := strings.Split(c.header, ",")[c.column]
		for value, classes := range accepts {
			before := fingerprint(t, st)
			cells := strings.Split(c.base, ",")
			cells[c.column] = `"` + value + `"`
			file := c.header + "\n" + strings.Join(cells, ",") + "\n"
			_, err := try(st, c.kind, "h.csv", Options{In: strings.NewReader(file)})
			accepted := slices.Contains(classes, c.class)
			switch {
			case accepted && err != nil:
				t.Errorf("%s %s=%s: refused: %v", c.kind, header, value, err)
			case !accepted && err == nil:
				t.Errorf("%s %s=%s: accepted", c.kind, header, value)
			case !accepted && !strings.HasPrefix(err.Error(), fmt.Sprintf("h.csv:2: column %q: ", header)):
				t.Errorf("%s %s=%s: error %q does not name the line and column", c.kind, header, value, err)
			case !accepted && fingerprint(t, st) != before:
				t.Errorf("%s %s=%s: refused but wrote", c.kind, header, value)
			}
		}
	}
}

// The line of three billion units, and --max-quantity.
func TestMaxQuantity(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\n")})
	_, err := try(st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity\n2026-03-01,A-1,2\n2026-03-02,A-1,3000000000\n")})
	if err == nil || err.Error() != `o.csv:3: column "quantity": 3000000000 is more than --max-quantity 1,000,000 a line` {
		t.Errorf("%v", err)
	}
	_, err = try(st, "sales", "s.csv", Options{In: strings.NewReader("sku,date,units\nA-1,2026-03-01,11\nA-1,2026-03-02,10\n"), MaxQuantity: 10})
	if err == nil || err.Error() != `s.csv:2: column "units": 11 is more than --max-quantity 10 a line` {
		t.Errorf("%v", err)
	}
	run(t, st, "sales", "s.csv", Options{In: strings.NewReader("sku,date,units\nA-1,2026-03-01,10\n"), MaxQuantity: 10})
	_, err = try(st, "stock", "s.csv", Options{In: strings.NewReader("sku,on_hand\nA-1,-11\n"), MaxQuantity: 10})
	if err == nil || err.Error() != `s.csv:2: column "on_hand": -11 is more than --max-quantity 10 units oversold` {
		t.Errorf("%v", err)
	}
	// a negative count is negative, never "more" than anything
	_, err = try(st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity\n2026-03-01,A-1,-3000000000\n")})
	if err == nil || err.Error() != `o.csv:2: column "quantity": -3000000000 is negative` {
		t.Errorf("%v", err)
	}
	if _, err := try(st, "sales", "s.csv", Options{In: strings.NewReader("sku,date,units\n"), MaxQuantity: MaxQuantityLimit + 1}); err == nil {
		t.Error("a --max-quantity above the limit was accepted")
	}
}

// Lines that each pass as a count but add up past int64 are refused
// before they can wrap around to a negative day.
func TestUnitsCannotOverflow(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\n")})
	var b strings.Builder
	b.WriteString("sku,date,units\n")
	for range 1025 { // 1,025 × 2^53 > 2^63
		b.WriteString("A-1,2026-03-01,9007199254740992\n")
	}
	before := fingerprint(t, st)
	if _, err := try(st, "sales", "s.csv", Options{In: strings.NewReader(b.String())}); err == nil {
		t.Errorf("accepted; stored %s", query(t, st, "SELECT units FROM sales_daily"))
	}
	if fingerprint(t, st) != before {
		t.Error("refused but wrote")
	}
	// and the sum of a day's lines is checked, each within --max-quantity
	b.Reset()
	b.WriteString("sku,date,units\n")
	for range 3 {
		b.WriteString("A-1,2026-03-01,1000000000\n")
	}
	_, err := try(st, "sales", "s.csv", Options{In: strings.NewReader(b.String()), MaxQuantity: MaxQuantityLimit})
	if err == nil || err.Error() != `s.csv:4: column "units": units of SKU "A-1" on 2026-03-01 add up to more than 2,147,483,647` {
		t.Errorf("three billion units on one day: %v", err)
	}
	if fingerprint(t, st) != before {
		t.Error("refused but wrote")
	}
}

// Every line's cells are checked, not only those a SKU's product takes.
func TestEveryLinesUnitCostIsChecked(t *testing.T) {
	st := newStore(t)
	_, err := try(st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,unit cost\n2026-03-01,A-1,1,2\n2026-03-02,A-1,1,-2\n")})
	if err == nil || err.Error() != `o.csv:3: column "unit cost": -2 is negative` {
		t.Errorf("%v", err)
	}
}

// Revenue that an orders file computes, quantity × price, is held to the
// money bound as a line total is, and so is a day's revenue summed over
// lines.
func TestComputedRevenueIsBounded(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\n")})
	before := fingerprint(t, st)
	_, err := try(st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,price\n2026-03-01,A-1,2,5\n2026-03-01,A-1,1000000,1000000000000\n")})
	if err == nil || err.Error() != `o.csv:3: column "price": 1,000,000 × 1000000000000 is more than 1,000,000,000,000` {
		t.Errorf("%v", err)
	}
	// each line within the bound, their day's sum past it
	var b strings.Builder
	b.WriteString("sku,date,units,revenue\n")
	for range 3 {
		b.WriteString("A-1,2026-03-01,1,600000000000\n")
	}
	_, err = try(st, "sales", "s.csv", Options{In: strings.NewReader(b.String())})
	if err == nil || !strings.HasPrefix(err.Error(), `s.csv:3: column "revenue": revenue of SKU "A-1" on 2026-03-01 adds up to more than 1,000,000,000,000`+"\n") {
		t.Errorf("%v", err)
	}
	if fingerprint(t, st) != before {
		t.Error("refused but wrote")
	}
	// within the bound, quantity × price is the revenue
	run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity,price\n2026-03-01,A-1,1000,999999999\n")})
	if got := query(t, st, "SELECT units, revenue FROM sales_daily"); got != "1000|999999999000.0" {
		t.Errorf("stored %s", got)
	}
}
