package forecast

import (
	"fmt"
	"math"
)

// MovingAverage forecasts a flat line at the mean of the last window weeks
// that are not missing, with SD their sample standard deviation: a cheap,
// explainable estimate of the level, which the demo catalogue aims its
// stock statuses at and planning tests compute by hand. Weeks before the
// first sale do not count, so a new launch is averaged over the weeks it
// has been selling.
func MovingAverage(demand []float64, window, horizon int) Result {
	r := Result{Method: movingAverageName(window), Mean: make([]float64, max(horizon, 0))}
	start := firstSale(demand)
	if start < 0 || window <= 0 {
		return r
	}
	// two passes over the same weeks, newest first: mean, then spread
	n, sum := 0, 0.0
	from := len(demand)
	for i := len(demand) - 1; i >= start && n < window; i-- {
		if v := demand[i]; usable(v) {
			sum += math.Max(v, 0)
			n++
			from = i
		}
	}
	if n == 0 {
		return r
	}
	mean := sum / float64(n)
	if n > 1 {
		ss := 0.0
		for i := from; i < len(demand); i++ {
			if v := demand[i]; usable(v) {
				d := math.Max(v, 0) - mean
				ss += d * d
			}
		}
		r.SD = math.Sqrt(ss / float64(n-1))
	}
	for i := range r.Mean {
		r.Mean[i] = mean
	}
	return r
}

func usable(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// movingAverageName is the method's display name; the common window is
// named once instead of formatted for every SKU.
func movingAverageName(window int) string {
	if window == 8 {
		return "moving average (8 weeks)"
	}
	return fmt.Sprintf("moving average (%d weeks)", window)
}

// firstSale is the index of the first week with positive demand, or -1.
func firstSale(demand []float64) int {
	for i, v := range demand {
		if v > 0 {
			return i
		}
	}
	return -1
}
