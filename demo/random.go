package demo

import (
	"math"
	"math/rand/v2"
)

// Streams of the seeded generator. Every SKU draws from its own stream (its
// index), so its data does not depend on which goroutine made it or when;
// the catalogue-wide draws use streams far above any SKU index.
const (
	streamSuppliers uint64 = 1<<62 + iota
	streamOrders
)

// newRand returns the PCG generator for one stream of a seed. The seed is
// mixed (splitmix64) so that neighbouring seeds give unrelated catalogues.
func newRand(seed int64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(splitmix(uint64(seed)), splitmix(stream^0x5bd1e995)))
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// uniform draws from [lo, hi).
func uniform(r *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }

// between draws an integer from [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// lognormal draws exp(N(ln median, sigma²)).
func lognormal(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// poisson draws a Poisson count. Small means use Knuth's product of
// uniforms (cheap: most demo days have a mean well below 1); large means a
// rounded normal, which is indistinguishable at that size.
func poisson(r *rand.Rand, mean float64) int {
	switch {
	case mean <= 0:
		return 0
	case mean < 30:
		limit := math.Exp(-mean)
		k, p := 0, r.Float64()
		for p > limit {
			k++
			p *= r.Float64()
		}
		return k
	default:
		return max(0, int(math.Round(mean+math.Sqrt(mean)*r.NormFloat64())))
	}
}

// gammaMeanOne draws from Gamma(shape, 1/shape): mean 1, variance 1/shape.
// Multiplying a Poisson mean by it gives negative-binomial days, because
// real shops sell more erratically than Poisson.
func gammaMeanOne(r *rand.Rand, shape float64) float64 {
	return gammaStd(r, shape) / shape
}

// gammaStd draws from Gamma(a, 1) by Marsaglia and Tsang; a < 1 boosts a
// draw for a+1 by U^(1/a).
func gammaStd(r *rand.Rand, a float64) float64 {
	if a < 1 {
		return gammaStd(r, a+1) * math.Pow(r.Float64(), 1/a)
	}
	d := a - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

// pickWeighted returns an index with probability proportional to its weight.
func pickWeighted(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// roundCents rounds money to whole cents.
func roundCents(x float64) float64 { return math.Round(x*100) / 100 }
