package importer

import (
	"strings"
	"testing"

	"stockroom/model"
)

// days runs cells through Key, Resolve and Day, failing on any error.
func days(t *testing.T, format string, cells ...string) []string {
	t.Helper()
	d, err := NewDates(format)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, len(cells))
	for i, c := range cells {
		if keys[i], err = d.Key(c); err != nil {
			t.Fatalf("Key(%q): %v", c, err)
		}
	}
	if err := d.Resolve(); err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		day, err := d.Day(k)
		if err != nil {
			t.Fatalf("Day(%q): %v", k, err)
		}
		out[i] = day.String()
	}
	return out
}

func TestDatesForms(t *testing.T) {
	for _, c := range []struct{ cell, want string }{
		{"2024-01-31", "2024-01-31"},
		{" 2024-1-5 ", "2024-01-05"},
		{"2024-01-31T23:30:00Z", "2024-01-31"},
		{"2024-01-31T23:30:00+05:30", "2024-01-31"},
		{"2024-01-31T23:30:00.123-08:00", "2024-01-31"},
		{"2024-01-31 23:30:00", "2024-01-31"},
		{"2024-01-31 23:30:00 -0500", "2024-01-31"}, // Shopify: the local date, not UTC's Feb 1
		{"2024-01-31 00:15:00 +1400", "2024-01-31"},
		{"2024/01/31", "2024-01-31"},
		{"2024.01.31", "2024-01-31"},
		{"31/01/2024", "2024-01-31"},
		{"31.1.2024", "2024-01-31"},
		{"31-01-2024", "2024-01-31"},
		{"31/01/2024 23:30", "2024-01-31"},
		{"31/01/2024 11:30 PM", "2024-01-31"},
		{"31.01.2024 23:30:59 UTC", "2024-01-31"},
	} {
		if got := days(t, "", c.cell); got[0] != c.want {
			t.Errorf("%q = %s, want %s", c.cell, got[0], c.want)
		}
	}
}

func TestDatesKeysShared(t *testing.T) {
	d, _ := NewDates("")
	a, _ := d.Key("2/1/2024")
	b, _ := d.Key("02.01.2024 10:00")
	c, _ := d.Key("2024-01-02")
	if a != b || a == c {
		t.Errorf("keys %q %q %q", a, b, c)
	}
	if n := testing.AllocsPerRun(100, func() { d.Key("02.01.2024 10:00") }); n != 0 {
		t.Errorf("a cached Key allocates %v times", n)
	}
}

func TestDatesDetect(t *testing.T) {
	got := days(t, "", "03/04/2024", "13/04/2024", "2024-05-01", "05/05/2024")
	if want := "2024-04-03 2024-04-13 2024-05-01 2024-05-05"; strings.Join(got, " ") != want {
		t.Errorf("day-first: %v, want %s", got, want)
	}
	got = days(t, "", "03/04/2024", "04/13/2024")
	if want := "2024-03-04 2024-04-13"; strings.Join(got, " ") != want {
		t.Errorf("month-first: %v, want %s", got, want)
	}
	// The same day either way, or ISO only: nothing to decide.
	if got := days(t, "", "05/05/2024", "2024-01-02"); got[0] != "2024-05-05" || got[1] != "2024-01-02" {
		t.Errorf("unambiguous: %v", got)
	}
}

func TestDatesResolveErrors(t *testing.T) {
	for _, c := range []struct {
		cells []string
		want  string
	}{
		{[]string{"03/04/2024", "2024-01-01", "05/06/2024"},
			"03/04/2024 could be 3 April or March 4: pass --date-format DD/MM/YYYY or MM/DD/YYYY"},
		{[]string{"03/04/2024", "13/01/2024", "01/13/2024 10:00", "20/01/2024"},
			"dates are written both day-first (e.g. 13/01/2024) and month-first (e.g. 01/13/2024): pass --date-format"},
	} {
		d, _ := NewDates("")
		var keys []string
		for _, cell := range c.cells {
			k, err := d.Key(cell)
			if err != nil {
				t.Fatalf("Key(%q): %v", cell, err)
			}
			keys = append(keys, k)
		}
		if err := d.Resolve(); err == nil || err.Error() != c.want {
			t.Errorf("%q: Resolve = %v, want %s", c.cells, err, c.want)
		}
		if _, err := d.Day(keys[0]); err == nil {
			t.Errorf("%q: Day after a failed Resolve did not fail", c.cells)
		}
	}
}

func TestDatesFormat(t *testing.T) {
	if got := days(t, "MM/DD/YYYY", "03/04/2024", "2024-12-25"); got[0] != "2024-03-04" || got[1] != "2024-12-25" {
		t.Errorf("MM/DD/YYYY: %v", got)
	}
	if got := days(t, "dd.mm.yyyy", "03/04/2024"); got[0] != "2024-04-03" {
		t.Errorf("dd.mm.yyyy: %v", got)
	}
	// A given format overrides what the column would suggest.
	if got := days(t, "DD-MM-YYYY", "03-04-2024", "05/06/2024"); got[0] != "2024-04-03" || got[1] != "2024-06-05" {
		t.Errorf("DD-MM-YYYY: %v", got)
	}
	d, _ := NewDates("DD/MM/YYYY")
	if _, err := d.Key("01/13/2024"); err == nil || err.Error() != `"01/13/2024" is not a date: there is no month 13 (reading dates as DD/MM/YYYY)` {
		t.Errorf("month 13: %v", err)
	}
	d, _ = NewDates("YYYY/MM/DD")
	if _, err := d.Key("01/02/2024"); err == nil {
		t.Error("YYYY/MM/DD accepted 01/02/2024")
	}
	for _, f := range []string{"DD/MM/YY", "YYYY-DD-MM", "iso"} {
		if _, err := NewDates(f); err == nil || !strings.Contains(err.Error(), "DD/MM/YYYY, MM/DD/YYYY") {
			t.Errorf("NewDates(%q) = %v", f, err)
		}
	}
}

func TestDatesKeyErrors(t *testing.T) {
	for _, c := range []struct{ format, cell, want string }{
		{"", "2024-02-30", `"2024-02-30" is not a date: February 2024 has 29 days`},
		{"", "2023-02-29 10:00", `"2023-02-29 10:00" is not a date: February 2023 has 28 days`},
		{"", "2024-13-01", `"2024-13-01" is not a date: there is no month 13`},
		{"", "31/04/2024", `"31/04/2024" is not a date: April 2024 has 30 days`},
		{"DD/MM/YYYY", "31/04/2024", `"31/04/2024" is not a date: April 2024 has 30 days (reading dates as DD/MM/YYYY)`},
		{"", "04/31/2024", `"04/31/2024" is not a date: April 2024 has 30 days`},
		{"", "32/01/2024", `"32/01/2024" is not a date: January 2024 has 31 days`},
		{"", "13/13/2024", `"13/13/2024" is not a date: neither 13 nor 13 can be a month`},
		{"", "00/01/2024", `"00/01/2024" is not a date: there is no day 0`},
		{"", "01/00/2024", `"01/00/2024" is not a date: there is no month 0`},
		{"", "2024-00-10", `"2024-00-10" is not a date: there is no month 0`},
		{"", "31/01/24", `"31/01/24" has a 2-digit year: write years with 4 digits`},
		{"", "", "empty"},
		{"", "Jan 31, 2024", `"Jan 31, 2024" is not a date: write YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY`},
		{"", "2024-01-31 to 2024-02-01", `"2024-01-31 to 2024-02-01" is not a date: write YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY`},
		{"", "2024-01-31 25:00", `"2024-01-31 25:00" is not a date: write YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY`},
		{"", "31/01-2024", `"31/01-2024" is not a date: write YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY`},
		{"", "20240131", `"20240131" is not a date: write YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY`},
	} {
		d, _ := NewDates(c.format)
		if _, err := d.Key(c.cell); err == nil || err.Error() != c.want {
			t.Errorf("Key(%q) with %q = %v, want %s", c.cell, c.format, err, c.want)
		}
	}
}

func TestDatesDayErrors(t *testing.T) {
	d, _ := NewDates("")
	k, _ := d.Key("03/04/2024")
	if _, err := d.Day(k); err == nil {
		t.Error("Day before Resolve did not fail")
	}
	d.Key("13/04/2024")
	if err := d.Resolve(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Day("nonsense"); err == nil {
		t.Error("Day of an unknown key did not fail")
	}
	// Once resolved, the order holds for later cells too.
	if _, err := d.Key("04/13/2024"); err == nil {
		t.Error("month 13 accepted after resolving day-first")
	}
	if day, err := d.Day(k); err != nil || day != model.MustDay("2024-04-03") {
		t.Errorf("Day = %v, %v", day, err)
	}
}

func BenchmarkDatesKey(b *testing.B) {
	d, _ := NewDates("")
	for b.Loop() {
		d.Key("2024-01-31 23:30:00 -0500")
	}
}
