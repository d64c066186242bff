package model

import (
	"math"
	"testing"
)

func TestRoundOrder(t *testing.T) {
	cases := []struct {
		name      string
		need      float64
		atLeast   int
		pack, moq int
		rule      Rounding
		want      int
	}{
		{"exact multiple up", 24, 0, 12, 0, RoundUp, 24},
		{"exact multiple nearest", 24, 0, 12, 0, RoundNearest, 24},
		{"exact multiple down", 24, 0, 12, 0, RoundDown, 24},
		{"float noise over a multiple stays one case", 12.0000000001, 0, 12, 0, RoundUp, 12},
		{"one over rounds up a case", 25, 0, 12, 0, RoundUp, 36},
		{"one over, nearest", 25, 0, 12, 0, RoundNearest, 24},
		{"one over, down", 25, 0, 12, 0, RoundDown, 24},
		{"half a case, nearest rounds up", 18, 0, 12, 0, RoundNearest, 24},
		{"under half a case, nearest", 17.9, 0, 12, 0, RoundNearest, 12},
		// what rounding down left off an order placed: 10.245 of a pack of 12
		{"down rounds part of a case to nothing", 10.245, 0, 12, 0, RoundDown, 0},
		{"nearest rounds under half a case to nothing", 5.245, 0, 12, 0, RoundNearest, 0},
		{"rounded to nothing ignores the MOQ", 5, 0, 12, 40, RoundDown, 0},
		{"at least one unit is one case, down", 5, 1, 12, 0, RoundDown, 12},
		{"at least one unit is one case, nearest", 5, 1, 12, 0, RoundNearest, 12},
		// 22 down is 12; lifting a position of 21 over a ROP of 33 takes 13: 2 cases
		{"at least, in whole cases", 22, 13, 12, 0, RoundDown, 24},
		{"at least below the rounded need changes nothing", 50, 3, 12, 0, RoundUp, 60},
		{"fraction of a unit, single units", 0.2, 0, 1, 0, RoundUp, 1},
		{"empty rule is up", 13, 0, 6, 0, "", 18},
		{"case pack 0 counts as 1", 7.5, 0, 0, 0, RoundUp, 8},
		{"MOQ above the need", 5, 0, 1, 40, RoundUp, 40},
		{"MOQ raised to whole cases", 5, 0, 12, 40, RoundUp, 48},
		{"MOQ below the rounded need changes nothing", 50, 0, 12, 40, RoundUp, 60},
		{"MOQ equal to a multiple", 5, 1, 10, 30, RoundDown, 30},
		{"zero need orders nothing, MOQ or not", 0, 0, 12, 40, RoundUp, 0},
		{"zero need orders nothing, at least or not", 0, 5, 12, 0, RoundUp, 0},
		{"negative need orders nothing", -3, 0, 1, 0, RoundUp, 0},
		{"NaN need orders nothing", math.NaN(), 0, 1, 0, RoundUp, 0},
	}
	for _, c := range cases {
		if got := RoundOrder(c.need, c.atLeast, c.pack, c.moq, c.rule); got != c.want {
			t.Errorf("%s: RoundOrder(%v, at least %d, pack %d, moq %d, %q) = %d, want %d", c.name, c.need, c.atLeast, c.pack, c.moq, c.rule, got, c.want)
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
