package forecast

import "math"

// bandTop is the upper edge of a week's band and of a cumulative one: the
// (1+BandLevel)/2 quantile, but never below the mean, rounded up to a
// whole unit for a count distribution. A SKU that sells one unit every few weeks has a
// 90th percentile of 0 (most weeks sell nothing), and a band of [0, 0]
// under a forecast of 0.36 reads as "sells nothing" while the forecast
// says it does; [0, 1] says what the PM needs: some weeks one sells. The
// band then covers more than BandLevel of such weeks, which is the
// honest price of demand that comes in whole units.
func bandTop(d Distribution) float64 {
	q := d.Quantile((1 + BandLevel) / 2)
	kind, mean, _ := d.clean()
	if kind != Normal {
		mean = math.Ceil(mean)
	}
	return math.Max(q, mean)
}

// bandHolds is the probability d itself puts inside [lower, upper]: what
// share of totals a band promises to hold. It is BandLevel for a band of
// continuous demand, and more where demand is a small count (a band of
// whole units cannot stop at 80 %, and the 90th percentile of a SKU that
// mostly sells nothing holds more than 90 %) or the band starts at zero
// (demand below zero is no sale, so the lower 10 % is inside). Backtest
// reads coverage against it.
func bandHolds(d Distribution, lower, upper float64) float64 {
	below := 0.0
	if lower > 0 {
		kind, _, _ := d.clean()
		if kind == Normal {
			below = d.CDF(lower)
		} else {
			below = d.CDF(math.Ceil(lower) - 1) // P(X < lower) for whole units
		}
	}
	return math.Max(d.CDF(upper)-below, 0)
}
