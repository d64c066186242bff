package importer

import (
	"fmt"
	"strings"
	"testing"
)

// --skip-unknown counts the rows it leaves out, not the SKUs, and the rows
// it leaves out do not widen the days the file replaces.
func TestSkipUnknownCountsRowsAndKeepsTheWindow(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku,name\nA-1,Apple\n")})
	run(t, st, "sales", "before.csv", Options{In: strings.NewReader("sku,date,units\nA-1,2026-03-02,9\nA-1,2026-03-10,3\n")})
	file := "sku,date,units\n" +
		"A-1,2026-03-05,1\n" +
		"NOPE,2026-03-01,2\n" + // skipped: would pull the window back to 03-01 …
		"NOPE,2026-03-20,1\n" + // … and on to 03-20, over both stored days
		"GONE,1900-01-01,4\n" + // skipped: its day is not checked either
		"A-1,2026-03-06,2\n" +
		"NOPE,2026-03-05,1\n"
	r := run(t, st, "sales", "s.csv", Options{In: strings.NewReader(file), SkipUnknown: true})
	// the window is 03-05 … 03-06: two new days, the stored days outside it stay
	counts(t, r, 2, 0, 0)
	if !strings.Contains(r.String(), "4 rows of 2 unknown SKUs left out") {
		t.Errorf("%s", r)
	}
	if got := query(t, st, "SELECT date(day * 86400, 'unixepoch'), units FROM sales_daily ORDER BY day"); got !=
		"2026-03-02|9\n2026-03-05|1\n2026-03-06|2\n2026-03-10|3" {
		t.Errorf("sales:\n%s", got)
	}
}

func TestSkipUnknownCountsManyRows(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku,name\nA-1,Apple\n")})
	var b strings.Builder
	b.WriteString("order,date,sku,quantity\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "%d,2026-03-%02d,GONE-%d,1\n", i, 1+i%28, i%7)
	}
	b.WriteString("x,2026-03-04,A-1,2\n")
	r := run(t, st, "orders", "o.csv", Options{In: strings.NewReader(b.String()), SkipUnknown: true})
	counts(t, r, 1, 0, 0)
	if !strings.Contains(r.String(), "3,000 rows of 7 unknown SKUs left out") {
		t.Errorf("%s", r)
	}
}
