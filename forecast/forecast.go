// Package forecast turns weekly demand series into forecasts. It is pure
// time-series code: []float64 in (NaN = a missing week), forecasts out. It
// imports nothing of Stockroom's.
package forecast

// Result is one SKU's forecast.
type Result struct {
	Method string
	// Mean is the forecast demand for each future week, never negative.
	Mean []float64
	// SD is the standard deviation of a one-week forecast error.
	SD float64
}

// Level is the mean weekly demand over the horizon: the μ_w of the
// replenishment formulas.
func (r Result) Level() float64 {
	if len(r.Mean) == 0 {
		return 0
	}
	sum := 0.0
	for _, v := range r.Mean {
		sum += v
	}
	return sum / float64(len(r.Mean))
}
