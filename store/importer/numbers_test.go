package importer

import (
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in    string
		comma bool
		want  float64
	}{
		{"1.234,56", true, 1234.56},
		{"1,234.56", false, 1234.56},
		{"€ 12,50", true, 12.5},
		{"12.50 EUR", false, 12.5},
		{"$1,000", false, 1000},
		{"£-3.5", false, -3.5},
		{"-€3", false, -3},
		{"-3", false, -3},
		{"+4", true, 4},
		{" 7 ", false, 7},
		{"1\u00a0234,5", true, 1234.5},
		{"1\u202f234\u202f567,25 €", true, 1234567.25},
		{"1 234.5", false, 1234.5},
		{"12,5", true, 12.5},
		{"1,000", true, 1},
		{"1.000", true, 1000},
		{"1,234,567", false, 1234567},
		{".5", false, 0.5},
		{"5.", false, 5},
		{"0", false, 0},
		{"007", false, 7},
	} {
		got, err := ParseNumber(c.in, c.comma)
		if err != nil || got != c.want {
			t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v", c.in, c.comma, got, err, c.want)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	for _, c := range []struct {
		in    string
		comma bool
		want  string
	}{
		{"", false, "empty"},
		{"  ", true, "empty"},
		{"abc", false, `"abc" is not a number`},
		{"1,5", false, `"1,5" has a comma: use a decimal point, or a semicolon-separated file for decimal commas`},
		{"1,23", false, `"1,23" has a comma: use a decimal point, or a semicolon-separated file for decimal commas`},
		{"1,2345", false, `"1,2345" has a comma: use a decimal point, or a semicolon-separated file for decimal commas`},
		{"1234,567", false, `"1234,567" has a comma: use a decimal point, or a semicolon-separated file for decimal commas`},
		{"1.234,56", false, `"1.234,56" has a comma: use a decimal point, or a semicolon-separated file for decimal commas`},
		{"12.5", true, `"12.5" has a point: use a decimal comma, or a comma-separated file for decimal points`},
		{"1,234.56", true, `"1,234.56" has a point: use a decimal comma, or a comma-separated file for decimal points`},
		{"NaN", false, `"NaN" is not a number`},
		{"-Inf", false, `"-Inf" is not a number`},
		{"Infinity", true, `"Infinity" is not a number`},
		{"1e5", false, `"1e5" is not a number`},
		{"0x10", false, `"0x10" is not a number`},
		{"12%", false, `"12%" is not a number`},
		{"--3", false, `"--3" is not a number`},
		{"3-", false, `"3-" is not a number`},
		{"1 2", false, `"1 2" is not a number`},
		{"1..2", false, `"1..2" is not a number`},
		{"-", false, `"-" is not a number`},
		{".", false, `"." is not a number`},
		{"1\x00", false, `"1\x00" is not a number`},
		{"#5", false, `"#5" is not a number`},
		{"1.5.3", false, `"1.5.3" is not a number`},
		{"1,5.3", true, `"1,5.3" has a point: use a decimal comma, or a comma-separated file for decimal points`},
	} {
		_, err := ParseNumber(c.in, c.comma)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseNumber(%q, %v) error = %v; want %s", c.in, c.comma, err, c.want)
		}
	}
	big := "1" + strings.Repeat("0", 400)
	if _, err := ParseNumber(big, false); err == nil || err.Error() != `"`+big+`" is too large` {
		t.Errorf("400 digits: %v", err)
	}
}

func TestParseCount(t *testing.T) {
	for _, c := range []struct {
		in    string
		comma bool
		want  int64
	}{
		{"3", false, 3},
		{"3.0", false, 3},
		{"3,0", true, 3},
		{"1,000", false, 1000},
		{"-2", false, -2},
	} {
		if got, err := ParseCount(c.in, c.comma); err != nil || got != c.want {
			t.Errorf("ParseCount(%q, %v) = %v, %v; want %v", c.in, c.comma, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"2.5", "2.5 is not a whole number"},
		{" 0.1 ", "0.1 is not a whole number"},
		{"99999999999999999999", "99999999999999999999 is too large"},
		{"x", `"x" is not a number`},
	} {
		if _, err := ParseCount(c.in, false); err == nil || err.Error() != c.want {
			t.Errorf("ParseCount(%q) error = %v; want %s", c.in, err, c.want)
		}
	}
}

func TestParseNumberAllocs(t *testing.T) {
	for _, s := range []string{"19.99", "€ 1.234,56", "-12"} {
		if n := testing.AllocsPerRun(100, func() { ParseNumber(s, s[0] == 0xe2) }); n != 0 {
			t.Errorf("ParseNumber(%q) allocates %v times", s, n)
		}
	}
}

func BenchmarkParseNumber(b *testing.B) {
	for _, s := range []string{"19.99", "1,234.56", "€ 12,50"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				ParseNumber(s, s[0] == 0xe2)
			}
		})
	}
}
