package forecast

import (
	"math"
	"math/rand/v2"
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

// A forecast that knows the true distribution of a slow part's demand
// still covers far more than 80 % with its band of whole units, and
// exactly what the band holds: 4-week totals drawn from Poisson(0.4),
// (1.2) and (2) fall inside [0, 1], [0, 3] and [0, 4] 93.8 %, 96.6 % and
// 94.7 % of the time. So for parts like the real car parts' (most sell
// under a unit a month) cover80 is read against nominal, not against
// 72–88 % (docs/FORECASTING.md).
func TestCalibratedBandsOfWholeUnitsHoldMoreThan80(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 13))
	for _, c := range []struct{ mean, lower, upper, holds float64 }{
		{0.4, 0, 1, 0.9384}, {1.2, 0, 3, 0.9662}, {2, 0, 4, 0.9473},
	} {
		d := Distribution{Kind: Poisson, Mean: c.mean, Variance: c.mean}
		_, lo, hi := bandOf(d)
		held := bandHolds(d, lo, hi)
		if lo != c.lower || hi != c.upper || math.Abs(held-c.holds) > 1e-4 {
			t.Errorf("Poisson(%v): band %v–%v holding %.4f, want %v–%v holding %v", c.mean, lo, hi, held, c.lower, c.upper, c.holds)
		}
		const draws = 20000
		inside := 0
		for range draws {
			if x := poissonDraw(rng, c.mean); x >= lo && x <= hi {
				inside++
			}
		}
		if got := float64(inside) / draws; math.Abs(got-held) > 0.01 || got <= 0.88 {
			t.Errorf("Poisson(%v): %.3f of true draws inside, the band holds %.3f", c.mean, got, held)
		}
	}
}

// poissonDraw draws from Poisson(mean) by multiplying uniforms (Knuth):
// fine for the small means here.
func poissonDraw(rng *rand.Rand, mean float64) float64 {
	limit, p, k := math.Exp(-mean), 1.0, -1.0
	for p > limit {
		p *= rng.Float64()
		k++
	}
	return k
}
