package demo

import (
	"math/rand/v2"
	"testing"
)

// SKU codes keep six digits up to 999,999 SKUs (every demo written before
// stays the same) and take seven from a million on, one width per
// catalogue.
func TestSKUCodeWidth(t *testing.T) {
	for _, c := range []struct {
		skus, i int
		want    string
	}{
		{2000, 0, "-000001"},
		{999_999, 999_998, "-999999"},
		{1_000_000, 0, "-0000001"},
		{1_000_000, 999_999, "-1000000"},
	} {
		g := newGenerator(Options{SKUs: c.skus, Seed: 1, End: DefaultEnd})
		p := g.describe(rand.New(rand.NewPCG(1, 2)), c.i, &categories[0])
		if want := categories[0].Code + c.want; p.SKU != want {
			t.Errorf("%d SKUs, #%d: code %q, want %q", c.skus, c.i+1, p.SKU, want)
		}
	}
}
