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
	y := trimStart(demand, nil)
	mean, n := recentMean(y, window)
	if n == 0 || window <= 0 {
		return r
	}
	if n > 1 { // the spread of the same n weeks, newest first
		ss, k := 0.0, 0
		for i := len(y) - 1; i >= 0 && k < n; i-- {
			if v := y[i]; !math.IsNaN(v) {
				ss += (v - mean) * (v - mean)
				k++
			}
		}
		r.SD = math.Sqrt(ss / float64(n-1))
	}
	fill(r.Mean, mean)
	return r
}

// movingAverageName is the method's display name; the common window is
// named once instead of formatted for every SKU.
func movingAverageName(window int) string {
	if window == 8 {
		return "moving average (8 weeks)"
	}
	return fmt.Sprintf("moving average (%d weeks)", window)
}
