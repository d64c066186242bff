package model

import (
	"math"
	"testing"
)

func TestRoundOrder(t *testing.T) {
	cases := []struct {
		name      string
		need      float64
		pack, moq int
		rule      Rounding
		want      int
	}{
		{"exact multiple up", 24, 12, 0, RoundUp, 24},
		{"exact multiple nearest", 24, 12, 0, RoundNearest, 24},
		{"exact multiple down", 24, 12, 0, RoundDown, 24},
		{"float noise over a multiple stays one case", 12.0000000001, 12, 0, RoundUp, 12},
		{"one over rounds up a case", 25, 12, 0, RoundUp, 36},
		{"one over, nearest", 25, 12, 0, RoundNearest, 24},
		{"one over, down", 25, 12, 0, RoundDown, 24},
		{"half a case, nearest rounds up", 18, 12, 0, RoundNearest, 24},
		{"under half a case, nearest", 17.9, 12, 0, RoundNearest, 12},
		{"down never rounds a need to nothing", 5, 12, 0, RoundDown, 12},
		{"nearest never rounds a need to nothing", 5, 12, 0, RoundNearest, 12},
		{"fraction of a unit, single units", 0.2, 1, 0, RoundUp, 1},
		{"empty rule is up", 13, 6, 0, "", 18},
		{"case pack 0 counts as 1", 7.5, 0, 0, RoundUp, 8},
		{"MOQ above the need", 5, 1, 40, RoundUp, 40},
		{"MOQ raised to whole cases", 5, 12, 40, RoundUp, 48},
		{"MOQ below the rounded need changes nothing", 50, 12, 40, RoundUp, 60},
		{"MOQ equal to a multiple", 5, 10, 30, RoundDown, 30},
		{"zero need orders nothing, MOQ or not", 0, 12, 40, RoundUp, 0},
		{"negative need orders nothing", -3, 1, 0, RoundUp, 0},
		{"NaN need orders nothing", math.NaN(), 1, 0, RoundUp, 0},
	}
	for _, c := range cases {
		if got := RoundOrder(c.need, c.pack, c.moq, c.rule); got != c.want {
			t.Errorf("%s: RoundOrder(%v, pack %d, moq %d, %q) = %d, want %d", c.name, c.need, c.pack, c.moq, c.rule, got, c.want)
		}
	}
}

func TestParseRounding(t *testing.T) {
	for in, want := range map[string]Rounding{"": RoundUp, "up": RoundUp, "nearest": RoundNearest, "down": RoundDown} {
		if got, ok := ParseRounding(in); !ok || got != want {
			t.Errorf("ParseRounding(%q) = %q %v", in, got, ok)
		}
	}
	if _, ok := ParseRounding("sideways"); ok {
		t.Error("sideways accepted")
	}
}
