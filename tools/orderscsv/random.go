package orderscsv

import "math/rand/v2"

// These draw as the demo generator's helpers of the same names do; the
// file's bytes for a seed depend on them, so they do not change.

// splitmix hashes a customer number into the bits its name and city are
// chosen by (splitmix64's finaliser).
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// between draws an integer from [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }
