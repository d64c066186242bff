package planner

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// A negative quantity that rounds to zero is written as 0, not -0.
func TestFormatRawWritesNoNegativeZero(t *testing.T) {
	for _, k := range []Kind{Decimal, Percent} {
		for _, x := range []float64{-1e-17, math.Copysign(0, -1)} {
			if got := FormatRaw(k, Value{Float: x}); got != "0" {
				t.Errorf("kind %d: %v written as %q", k, x, got)
			}
		}
	}
}

// Decimals and percentages keep two decimals, and at least three
// significant digits below 1, so a small rate is never written as 0;
// money keeps its cents.
func TestFormatRawKeepsThreeSignificantDigits(t *testing.T) {
	cases := []struct {
		x    float64
		want string
	}{
		{12.35, "12.35"},
		{12.3449, "12.34"},
		{1234.5678, "1234.57"},
		{1, "1"},
		{2.5, "2.5"},
		{0, "0"},
		{0.52, "0.52"},
		{0.5234, "0.523"},
		{0.1, "0.1"},
		{0.0042, "0.0042"},
		{0.004, "0.004"},
		{0.00421875, "0.00422"},
		{0.0999999, "0.1"},
		{0.9996, "1"},
		{-0.0042, "-0.0042"},
		{-12.345678, "-12.35"},
		{1.23e-7, "0.000000123"},
		{4e-17, "0"}, // beyond 15 decimals: float noise
	}
	for _, c := range cases {
		for _, k := range []Kind{Decimal, Percent} {
			if got := FormatRaw(k, Value{Float: c.x}); got != c.want {
				t.Errorf("kind %d: %v written as %q, want %q", k, c.x, got, c.want)
			}
		}
	}
	if got := FormatRaw(Money, Value{Float: 0.0042}); got != "0.00" {
		t.Errorf("money 0.0042 written as %q, want 0.00", got)
	}
}

// CSV and JSON write the same digits.
func TestSmallRatesAgreeInCSVAndJSON(t *testing.T) {
	v := &OverviewView{values: make([]Value, len(overviewMetrics))}
	v.values[MetricTurnover] = Value{Float: 0.0042}
	var c, j bytes.Buffer
	if err := Export(&c, v, []int{MetricTurnover}, CSV); err != nil {
		t.Fatal(err)
	}
	if err := Export(&j, v, []int{MetricTurnover}, JSON); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.String(), "turnover,0.0042,") {
		t.Errorf("CSV: %s", c.String())
	}
	var rows []map[string]any
	if err := json.Unmarshal(j.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if got := rows[0]["value"]; got != 0.0042 || !strings.Contains(j.String(), `"value": 0.0042`) {
		t.Errorf("JSON value %v: %s", got, j.String())
	}
}
