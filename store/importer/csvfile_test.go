package importer

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

type row struct {
	line  int
	cells []string
}

// readAll reads every record, copying them, and fails on any error.
func readAll(t *testing.T, r *Reader) []row {
	t.Helper()
	var out []row
	for {
		rec, line, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out = append(out, row{line, append([]string(nil), rec...)})
	}
}

func TestReaderBOMCRLFSemicolon(t *testing.T) {
	in := "\ufeffSKU ; Price;Qty\r\nA-1;1.234,56;3\r\n\r\nB-2;\"12,5\";0\r\n"
	r, err := NewReader("stock.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Header(); !reflect.DeepEqual(got, []string{"SKU", "Price", "Qty"}) {
		t.Errorf("header = %q", got)
	}
	if r.Delimiter() != ';' || !r.DecimalComma() || r.File() != "stock.csv" {
		t.Errorf("delimiter %q, decimal comma %v, file %q", r.Delimiter(), r.DecimalComma(), r.File())
	}
	want := []row{{2, []string{"A-1", "1.234,56", "3"}}, {4, []string{"B-2", "12,5", "0"}}}
	got := readAll(t, r)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("rows = %v, want %v", got, want)
	}
	for i, cell := range []string{got[0].cells[1], got[1].cells[1]} {
		if v, err := ParseNumber(cell, r.DecimalComma()); err != nil || v != []float64{1234.56, 12.5}[i] {
			t.Errorf("ParseNumber(%q) = %v, %v", cell, v, err)
		}
	}
}

func TestReaderTab(t *testing.T) {
	r, err := NewReader("t.tsv", strings.NewReader("sku\tname, long\tqty\nA\tWidget, blue\t4\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Delimiter() != '\t' || r.DecimalComma() {
		t.Fatalf("delimiter %q", r.Delimiter())
	}
	want := []row{{2, []string{"A", "Widget, blue", "4"}}}
	if got := readAll(t, r); !reflect.DeepEqual(got, want) {
		t.Fatalf("rows = %v, want %v", got, want)
	}
}

func TestReaderQuotedNewlines(t *testing.T) {
	in := "sku,note,qty\n" +
		"A,\"one\nsaid \"\"hi\"\"\nthree\",1\n" + // lines 2–4
		"B,plain,2\n" + // line 5
		"\n" +
		"C,\"x\r\ny\",3\n" + // lines 7–8
		"D,,4\n" // line 9
	r, err := NewReader("q.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []row{
		{2, []string{"A", "one\nsaid \"hi\"\nthree", "1"}},
		{5, []string{"B", "plain", "2"}},
		{7, []string{"C", "x\ny", "3"}},
		{9, []string{"D", "", "4"}},
	}
	if got := readAll(t, r); !reflect.DeepEqual(got, want) {
		t.Fatalf("rows = %v, want %v", got, want)
	}
}

func TestReaderRagged(t *testing.T) {
	in := "sku,qty,price\n" +
		"A,1\n" + // short: padded
		"B,2,3,,\n" + // empty trailing cells from a spreadsheet
		",,,\n" + // a row of nothing: skipped
		"C,3,4,oops\n" +
		"D,4,5\n"
	r, err := NewReader("r.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []row
	var rowErrs []*RowError
	for {
		rec, line, err := r.Next()
		if err == io.EOF {
			break
		}
		var re *RowError
		if errors.As(err, &re) {
			rowErrs = append(rowErrs, re)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, row{line, append([]string(nil), rec...)})
	}
	want := []row{{2, []string{"A", "1", ""}}, {3, []string{"B", "2", "3"}}, {6, []string{"D", "4", "5"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
	if len(rowErrs) != 1 || rowErrs[0].Line != 5 || rowErrs[0].File != "r.csv" {
		t.Fatalf("row errors = %v", rowErrs)
	}
	if msg := rowErrs[0].Error(); msg != `r.csv:5: 4 cells but the header has 3 (extra cell "oops")` {
		t.Errorf("message = %s", msg)
	}
}

func TestReaderBareQuote(t *testing.T) {
	r, err := NewReader("b.csv", strings.NewReader("sku,name\nA,ok\nB,12\" pipe\nC,fine\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	_, _, err = r.Next()
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 || !strings.HasPrefix(err.Error(), "b.csv:3: ") || !strings.Contains(err.Error(), `bare " in non-quoted field`) {
		t.Fatalf("err = %v", err)
	}
	// Reading goes on after a bad row, so one run can report them all.
	if rec, line, err := r.Next(); err != nil || line != 4 || rec[0] != "C" {
		t.Fatalf("after the error: %q, %d, %v", rec, line, err)
	}
}

func TestReaderUnclosedQuote(t *testing.T) {
	r, err := NewReader("u.csv", strings.NewReader("sku,name\nA,\"open\nB,x\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = r.Next()
	if err == nil || !strings.HasPrefix(err.Error(), "u.csv:") || !strings.Contains(err.Error(), "starting on line 2") {
		t.Fatalf("err = %v", err)
	}
	if _, _, err := r.Next(); err != io.EOF {
		t.Fatalf("then %v, want EOF", err)
	}
}

func TestReaderEmpty(t *testing.T) {
	for _, in := range []string{"", "\ufeff", "\r\n\n"} {
		_, err := NewReader("e.csv", strings.NewReader(in))
		if err == nil || !strings.HasPrefix(err.Error(), "e.csv: ") || !strings.Contains(err.Error(), "empty") {
			t.Errorf("%q: err = %v", in, err)
		}
	}
	if _, err := NewReader("e.csv", strings.NewReader(",,\n1,2,3\n")); err == nil || !strings.HasPrefix(err.Error(), "e.csv:1: ") {
		t.Errorf("blank header: err = %v", err)
	}
	if _, err := NewReader("e.csv", strings.NewReader("a,\"b\n")); err == nil || !strings.HasPrefix(err.Error(), "e.csv:") {
		t.Errorf("broken header: err = %v", err)
	}
}

func TestDetectDelimiter(t *testing.T) {
	for _, c := range []struct {
		header string
		want   rune
	}{
		{"a;b,c", ','},                 // tie
		{"a;b\tc", ','},                // tie without commas
		{"sku", ','},                   // none
		{"a;b;c,d", ';'},               // most frequent
		{"\"x;y;z\",b,c", ','},         // quoted separators do not count
		{"\"say \"\"a;b\"\"\";c", ';'}, // nor do doubled quotes confuse it
		{"\n\r\na\tb\n1;2;3;4", '\t'},  // the header line only
	} {
		if got := detectDelimiter([]byte(c.header)); got != c.want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", c.header, got, c.want)
		}
	}
}

func BenchmarkReader(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Name,Created at,Lineitem quantity,Lineitem price,Lineitem sku\n")
	for i := 0; i < 10000; i++ {
		sb.WriteString("#1001,2024-01-31 23:30:00 -0500,2,19.99,SKU-123\n")
	}
	in := sb.String()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		r, err := NewReader("b.csv", strings.NewReader(in))
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, _, err := r.Next(); err != nil {
				break
			}
		}
	}
}
