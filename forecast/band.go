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
