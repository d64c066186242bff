package forecast

import (
	"fmt"
	"math"
)

// MovingAverage forecasts a flat line at the mean of the last window weeks
// that are not missing, with SD their sample standard deviation. It is the
// stand-in forecast until the automatic engine lands: simple, explainable,
// and good enough for stock status. Weeks before the first sale do not
// count, so a new launch is averaged over the weeks it has been selling.
func MovingAverage(demand []float64, window, horizon int) Result {
	r := Result{Method: fmt.Sprintf("moving average (%d weeks)", window), Mean: make([]float64, max(horizon, 0))}
	start := firstSale(demand)
	if start < 0 || window <= 0 {
		return r
	}
	var vals []float64
	for i := len(demand) - 1; i >= start && len(vals) < window; i-- {
		if v := demand[i]; !math.IsNaN(v) && !math.IsInf(v, 0) {
			vals = append(vals, math.Max(v, 0))
		}
	}
	if len(vals) == 0 {
		return r
	}
	mean := 0.0
	for _, v := range vals {
		mean += v
	}
	mean /= float64(len(vals))
	if len(vals) > 1 {
		ss := 0.0
		for _, v := range vals {
			ss += (v - mean) * (v - mean)
		}
		r.SD = math.Sqrt(ss / float64(len(vals)-1))
	}
	for i := range r.Mean {
		r.Mean[i] = mean
	}
	return r
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
