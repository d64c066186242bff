package importer

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
)

func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n",
		"\ufeffa;b\r\n1,5;2\r\n",
		"a\tb\n\"x\ny\"\t\"\"\"\"\n",
		"a,b\n1\n1,2,,\n1,2,3\n",
		"a,b\n1,x\"y\n\"open,2\n",
		"\"",
		"\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader("f.csv", strings.NewReader(string(data)))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv:") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		if len(r.Header()) == 0 {
			t.Fatal("no header")
		}
		// Every record takes at least one byte, so this many calls must end.
		for i := 0; i <= len(data)+1; i++ {
			rec, line, err := r.Next()
			if err == io.EOF {
				return
			}
			var re *RowError
			if errors.As(err, &re) {
				if re.Line < 1 || re.File != "f.csv" {
					t.Fatalf("bad row error %+v", re)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rec) != len(r.Header()) || line < 1 {
				t.Fatalf("record %q on line %d, header %q", rec, line, r.Header())
			}
		}
		t.Fatal("Next did not reach EOF")
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.234,56", "1,234.56", "€ 12,50", "12.50 EUR", "-3", " 7 ", "1\u00a0234,5", "NaN", "1,5", "", "1e309", "-.5"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, decimalComma bool) {
		v, err := ParseNumber(s, decimalComma)
		if err != nil {
			if v != 0 || err.Error() == "" {
				t.Fatalf("%q: %v, %v", s, v, err)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%q = %v", s, v)
		}
		if n, err := ParseCount(s, decimalComma); err == nil && float64(n) != v {
			t.Fatalf("ParseCount(%q) = %d, ParseNumber = %v", s, n, v)
		}
	})
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"2024-01-31\n31/01/2024",
		"2024-01-31 23:30:00 -0500",
		"03/04/2024\n04/13/2024",
		"03/04/2024\n13/04/2024\n01/13/2024",
		"2.1.2006 10:00 PM",
		"2024-02-30\n02/01/24",
	} {
		f.Add(s, "")
		f.Add(s, "DD/MM/YYYY")
	}
	f.Add("12-31-2024", "MM-DD-YYYY")
	f.Fuzz(func(t *testing.T, cells, format string) {
		d, err := NewDates(format)
		if err != nil {
			return
		}
		var keys []string
		for _, c := range strings.Split(cells, "\n") {
			if k, err := d.Key(c); err == nil {
				keys = append(keys, k)
			}
		}
		if err := d.Resolve(); err != nil {
			return
		}
		for _, k := range keys {
			day, err := d.Day(k)
			if err != nil {
				t.Fatalf("Day(%q) after Resolve: %v", k, err)
			}
			// The day must be the key's date, read in one order or the other.
			y, m, dd := day.Time().Date()
			if k != fmt.Sprintf("%04d-%02d-%02d", y, m, dd) && k != fmt.Sprintf("%d/%d/%04d", dd, m, y) && k != fmt.Sprintf("%d/%d/%04d", m, dd, y) {
				t.Fatalf("key %q gave day %v", k, day)
			}
		}
	})
}
