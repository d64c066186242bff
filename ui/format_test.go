package ui

import (
	"math"
	"testing"
)

func TestBarLeftGrowsFromTheDivider(t *testing.T) {
	for _, c := range []struct {
		value float64
		want  string
	}{{0, ""}, {10, "▐"}, {50, "██"}, {65, "▐██"}, {100, "████"}, {120, "████"}} {
		if got := barLeft(c.value, 100, 4); got != c.want {
			t.Errorf("barLeft(%v) = %q, want %q", c.value, got, c.want)
		}
	}
}

func TestCompactMoney(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {940.4, "940"}, {999.4, "999"}, {999.6, "1.0k"}, {9_949, "9.9k"},
		{9_951, "10k"}, {783_716, "784k"}, {995_000, "1.0M"}, {6_771_040, "6.8M"}, {-2_500, "-2.5k"},
	} {
		if got := compactMoney(c.v); got != c.want {
			t.Errorf("compactMoney(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestCountSaysOneInTheSingular(t *testing.T) {
	if got := count(1, "SKU") + ", " + count(0, "unit") + ", " + count(2040, "SKU"); got != "1 SKU, 0 units, 2,040 SKUs" {
		t.Errorf("got %q", got)
	}
}

// The Risk pane says why a slow mover is slow; stock that never runs out
// is said in words, not "∞ of cover".
func TestSlowWhy(t *testing.T) {
	for _, c := range []struct {
		cover float64
		want  string
	}{
		{400, "400d of cover, more than 180 days"},
		{1200, "3.3y of cover, more than 180 days"},
		{math.Inf(1), "cover never runs out: no demand, or over ten years of it (slow beyond 180 days)"},
	} {
		if got := slowWhy(c.cover, 180); got != c.want {
			t.Errorf("slowWhy(%v) = %q, want %q", c.cover, got, c.want)
		}
	}
}
