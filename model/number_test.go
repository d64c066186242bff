package model

import (
	"math"
	"strings"
	"testing"
)

func TestReadNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		err  string // a fragment of the error; "" = no error
	}{
		{"42", 42, ""},
		{" 42 ", 42, ""},
		{"1,200", 1200, ""},
		{"10,000,000", 1e7, ""},
		{"1,200.5", 1200.5, ""},
		{"0.975", 0.975, ""},
		{".5", 0.5, ""},
		{"5.", 5, ""},
		{"-2", -2, ""}, // the elasticity setting is negative
		{"-0.1", -0.1, ""},
		{"007", 7, ""},
		{"1000000000", 1e9, ""}, // read whole: the range refuses it, nothing cuts it
		{"4,0", 0, "use a point for decimals: 4.0"},
		{"12,00", 0, "use a point for decimals: 12.00"},
		{"1,2345", 0, "use a point for decimals: 1.2345"},
		{"1,2,3", 0, "commas go between groups of three digits: 1,200"},
		{"1234,567", 0, "commas go between groups"},
		{"1,20,000", 0, "commas go between groups"},
		{",5", 0, "commas go between"},
		{"ten", 0, "not a number"},
		{"", 0, "no number"},
		{"   ", 0, "no number"},
		{"-", 0, "not a number"},
		{".", 0, "not a number"},
		{"1 200", 0, "not a number"},
		{"1e3", 0, "not a number"},
		{"NaN", 0, "not a number"},
		{"Inf", 0, "not a number"},
		{"0x10", 0, "not a number"},
		{"+5", 0, "not a number"},
		{"1.2.3", 0, "not a number"},
		{"٣", 0, "not a number"}, // an Arabic-Indic digit
	} {
		got, err := ReadNumber(c.in)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.in, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: err %v, want one containing %q", c.in, err, c.err)
		case c.err == "" && got != c.want:
			t.Errorf("%q = %v, want %v", c.in, got, c.want)
		}
	}
	if v, err := ReadNumber("1" + strings.Repeat("0", 400)); err != nil || !math.IsInf(v, 1) {
		t.Errorf("a number beyond float64 reads %v, %v; want +Inf for the range to refuse", v, err)
	}
}

func TestRangeCheckAndText(t *testing.T) {
	for _, c := range []struct {
		r    Range
		v    float64
		text string
		err  string
	}{
		{UnitsRange, 0, "0 to 10,000,000 units", ""},
		{UnitsRange, 1e7, "", ""},
		{UnitsRange, 1e7 + 1, "", "out of range: want 0 to 10,000,000 units"},
		{UnitsRange, -1, "", "out of range"},
		{UnitsRange, 2.5, "", "want a whole number, 0 to 10,000,000 units"},
		{UnitsRange, math.NaN(), "", "out of range"},
		{UnitsRange, math.Inf(1), "", "out of range"},
		{LeadTimeRange, 0, "above 0 to 730 days", "out of range"},
		{LeadTimeRange, 0.5, "", ""},
		{LeadTimeRange, 730, "", ""},
		{ServiceLevelRange, 99.9, "50 to 99.9 %", ""},
		{ServiceLevelRange, 99.95, "", "out of range: want 50 to 99.9 %"},
		{CasePackRange, 100000, "1 to 100,000 units", ""},
		{ReviewDaysRange, 365, "1 to 365 days", ""},
		{MarkdownRange, 95, "0 to 95 %", ""},
		{MarkdownRange, 95.5, "", "out of range"},
	} {
		if c.text != "" && c.r.String() != c.text {
			t.Errorf("%+v reads %q, want %q", c.r, c.r.String(), c.text)
		}
		err := c.r.Check(c.v)
		if (c.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%s: Check(%v) = %v, want %q", c.r, c.v, err, c.err)
		}
	}
}

func TestReadQuantity(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		err  string
	}{
		{"24", 24, ""},
		{"1,200", 1200, ""},
		{"0", 0, ""},
		{"4,0", 0, "quantity 4,0: use a point for decimals: 4.0"},
		{"1000000000", 0, "quantity 1000000000: out of range: want 0 to 10,000,000 units"},
		{"", 0, "quantity: no number: want 0 to 10,000,000 units"},
		{"ten", 0, "quantity ten: not a number"},
	} {
		got, err := ReadQuantity("quantity", c.in, UnitsRange)
		if (c.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.err)) || got != c.want {
			t.Errorf("%q = %d, %v; want %d, %q", c.in, got, err, c.want, c.err)
		}
	}
	if _, err := ReadQuantity("received", "0", ReceiptRange); err == nil || !strings.Contains(err.Error(), "1 to 10,000,000 units") {
		t.Errorf("a receipt of 0: %v", err)
	}
}

func TestParseMarkdown(t *testing.T) {
	for _, c := range []struct {
		in   string
		pct  float64
		auto bool
		err  string
	}{
		{"40", 40, false, ""},
		{"40%", 40, false, ""},
		{" 12.5 % ", 12.5, false, ""},
		{"0", 0, false, ""},
		{"95", 95, false, ""},
		{"a", 0, true, ""},
		{"", 0, true, ""},
		{"96", 0, false, "markdown 96: out of range: want 0 to 95 %"},
		{"-5", 0, false, "out of range"},
		{"12,5", 0, false, "use a point for decimals: 12.5"},
		{"half", 0, false, "markdown half: not a number (or a for the suggestion)"},
	} {
		pct, auto, err := ParseMarkdown(c.in)
		if (c.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.err)) || pct != c.pct || auto != c.auto {
			t.Errorf("%q = %v %v %v; want %v %v %q", c.in, pct, auto, err, c.pct, c.auto, c.err)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.99 / 100, "0.0099"}, // 0.009899999999999999 as a float64
		{99.9 / 100, "0.999"},
		{0.1 + 0.2, "0.3"},
		{-2, "-2"},
		{1e6, "1000000"},
		{180, "180"},
	} {
		if got := FormatNumber(c.v); got != c.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestGroupThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 100000: "100,000",
		1234567: "1,234,567", -999: "-999", -4096: "-4,096", -1234567: "-1,234,567"} {
		if got := GroupThousands(n); got != want {
			t.Errorf("GroupThousands(%d) = %q, want %q", n, got, want)
		}
		if got := GroupThousands(int64(n)); got != want {
			t.Errorf("GroupThousands(int64(%d)) = %q, want %q", n, got, want)
		}
	}
	// the extremes of an int64: no digit lost, no sign doubled
	if got := GroupThousands(int64(math.MinInt64)); got != "-9,223,372,036,854,775,808" {
		t.Errorf("GroupThousands(MinInt64) = %q", got)
	}
	if got := GroupThousands(int64(math.MaxInt64)); got != "9,223,372,036,854,775,807" {
		t.Errorf("GroupThousands(MaxInt64) = %q", got)
	}
}
