package forecast

import (
	"math"
	"testing"
)

// bandHolds by hand: a normal band of continuous demand holds 80 %; one
// whose lower edge is cut at zero (mean 1, SD 2: 1 − 1.28·2 < 0) holds
// everything up to its 90th percentile, 90 %; Poisson(0.5)'s band [0, 1]
// holds P(X ≤ 1) = e^−0.5·1.5 = 0.9098; Poisson(10)'s band [6, 14] holds
// P(6 ≤ X ≤ 14) = 0.9165415 − 0.0670860 = 0.8494556.
func TestBandHolds(t *testing.T) {
	cases := []struct {
		name string
		d    Distribution
		want float64
	}{
		{"normal", Distribution{Kind: Normal, Mean: 44, Variance: 4}, 0.8},
		{"normal from zero", Distribution{Kind: Normal, Mean: 1, Variance: 4}, 0.9},
		{"Poisson 0.5", Distribution{Kind: Poisson, Mean: 0.5, Variance: 0.5}, 0.9097960},
		{"Poisson 10", Distribution{Kind: Poisson, Mean: 10, Variance: 10}, 0.8494556},
	}
	for _, c := range cases {
		_, lo, hi := bandOf(c.d)
		if got := bandHolds(c.d, lo, hi); math.Abs(got-c.want) > 1e-6 {
			t.Errorf("%s: band %v–%v holds %v, want %v", c.name, lo, hi, got, c.want)
		}
	}
	if lo, hi := (Distribution{Kind: Poisson, Mean: 10, Variance: 10}).Quantile(0.1), bandTop(Distribution{Kind: Poisson, Mean: 10, Variance: 10}); lo != 6 || hi != 14 {
		t.Errorf("Poisson 10 band %v–%v, want 6–14", lo, hi)
	}
}
