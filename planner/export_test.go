package planner

import "testing"

// A small negative quantity rounds to zero and is written as 0, not -0.
func TestFormatRawWritesNoNegativeZero(t *testing.T) {
	for _, k := range []Kind{Decimal, Percent} {
		if got := FormatRaw(k, Value{Float: -0.001}); got != "0" {
			t.Errorf("kind %d: -0.001 written as %q", k, got)
		}
	}
}
