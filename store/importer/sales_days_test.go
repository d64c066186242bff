package importer

import (
	"strings"
	"testing"
	"time"

	"stockroom/model"
)

// A sale dated after tomorrow is refused with its line: it would become the
// catalogue's latest sales day, and so the plan's as-of day for every SKU.
// Tomorrow is accepted, for shops whose time zone is ahead.
func TestFutureSalesAreRefused(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\nB-2\n")})
	today := model.MustDay("2026-12-06")
	before := fingerprint(t, st)
	for _, kind := range []string{"orders", "sales"} {
		file := "date,sku,quantity\n2026-12-05,A-1,2\n2026-12-07,B-2,1\n2027-06-20,A-1,0\n2027-06-20,B-2,1\n"
		if kind == "sales" {
			file = strings.Replace(file, "quantity", "units", 1)
		}
		_, err := try(st, kind, "fut.csv", Options{In: strings.NewReader(file), Today: today})
		if err == nil || err.Error() != `fut.csv:5: column "date": 2027-06-20 is in the future: today is 2026-12-06 (a day ahead is accepted, for time zones)` {
			t.Errorf("%s: %v", kind, err)
		}
	}
	if fingerprint(t, st) != before {
		t.Error("refused but wrote")
	}
	// without Today, the machine's date: a week from now is refused
	soon := model.DayOf(time.Now()) + 7
	if _, err := try(st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity\n" + soon.String() + ",A-1,1\n")}); err == nil ||
		!strings.Contains(err.Error(), "is in the future") {
		t.Errorf("a week ahead of the real date: %v", err)
	}
	r := run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity\n2026-12-05,A-1,2\n2026-12-07,B-2,1\n"), Today: today})
	counts(t, r, 2, 0, 0)
}

// A day of 0 units says the SKU sold nothing, which a day the file does not
// list says too: it is not stored, so it does not move the catalogue's
// latest sales day; and on a day in the future it clears what an earlier
// import (before future days were refused) put there.
func TestZeroUnitDaysAreNotStored(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nFW-000009\n")})
	run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity\n2026-11-20,FW-000009,3\n2026-11-22,FW-000009,1\n"),
		Today: model.MustDay("2026-11-23")})
	latest := func() string {
		return query(t, st, "SELECT date(max(day) * 86400, 'unixepoch') FROM sales_daily") + " " +
			query(t, st, "SELECT date(max(last_day) * 86400, 'unixepoch') FROM sales_weekly")
	}
	r := run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity\n2026-11-30,FW-000009,0\n"), Today: model.MustDay("2026-12-06")})
	counts(t, r, 0, 0, 1)
	if got := latest(); got != "2026-11-22 2026-11-22" {
		t.Errorf("a day of 0 units moved the latest day: %s", got)
	}
	// a catalogue that took a future day before it was refused …
	run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity\n2027-06-20,FW-000009,1\n"), Today: model.MustDay("2027-06-20")})
	if got := latest(); got != "2027-06-20 2027-06-20" {
		t.Fatalf("setup: %s", got)
	}
	// … is repaired by the same day with 0 units
	r = run(t, st, "orders", "o.csv", Options{In: strings.NewReader("date,sku,quantity\n2027-06-20,FW-000009,0\n"), Today: model.MustDay("2026-12-06")})
	counts(t, r, 0, 1, 0)
	if got := latest(); got != "2026-11-22 2026-11-22" {
		t.Errorf("after clearing the future day: %s", got)
	}
	if got := query(t, st, "SELECT count(*), sum(units) FROM sales_daily"); got != "2|4" {
		t.Errorf("sales %s", got)
	}
}

// A sales file's window replaces the SKU's days in it: the summary says
// how many stored days with sales the file sets to 0, also in a dry run.
// Stock-out days an orders file cannot know are kept.
func TestSummarySaysWhichDaysAreSetToZero(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nFW-000009\n")})
	var b strings.Builder
	b.WriteString("sku,date,units,in_stock\n")
	for d := 1; d <= 16; d++ {
		inStock := ""
		if d == 10 {
			inStock = "0.5"
		}
		b.WriteString("FW-000009,2026-03-" + []string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16"}[d-1] + ",1," + inStock + "\n")
	}
	b.WriteString("FW-000009,2026-03-20,0,0\n") // a stock-out day without sales
	run(t, st, "sales", "s.csv", Options{In: strings.NewReader(b.String())})
	file := "date,sku,quantity\n2026-03-01,FW-000009,5\n2026-03-16,FW-000009,5\n"
	const said = "0 SKU-days new, 2 updated, 0 unchanged; 14 SKU-days in the window set to 0 (not in the file)."
	for _, dry := range []bool{true, false} {
		r := run(t, st, "orders", "o.csv", Options{In: strings.NewReader(file), DryRun: dry})
		if !strings.HasSuffix(r.String(), said) {
			t.Errorf("dry run %v: %s", dry, r)
		}
	}
	if got := query(t, st, "SELECT strftime('%d', day * 86400, 'unixepoch'), units, coalesce(in_stock_fraction, '-') FROM sales_daily ORDER BY day"); got !=
		"01|5|-\n10|0|0.5\n16|5|-\n20|0|0.0" {
		t.Errorf("sales:\n%s", got)
	}
	if got := query(t, st, "SELECT new FROM audit_log WHERE entity = 'import' ORDER BY id DESC LIMIT 1"); !strings.Contains(got, "set to 0 (not in the file) 14") {
		t.Errorf("audit: %s", got)
	}
}

// Options.Today left zero is this machine's date, not 1970-01-01: a
// purchase order without an order date is dated today.
func TestZeroTodayIsTheRealDate(t *testing.T) {
	st := newStore(t)
	run(t, st, "products", "p.csv", Options{In: strings.NewReader("sku\nA-1\n")})
	run(t, st, "purchase-orders", "po.csv", Options{In: strings.NewReader("po,supplier,sku,quantity\nPO-1,Acme,A-1,5\n")})
	if got, want := query(t, st, "SELECT substr(created_at, 1, 10) FROM purchase_orders"), model.DayOf(time.Now()).String(); got != want {
		t.Errorf("created %s, want %s", got, want)
	}
}
