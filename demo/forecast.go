package demo

import (
	"stockroom/forecast"
	"stockroom/model"
)

// levelEstimate is the mean and sd of the last 8 weeks with demand data:
// the level the demo aims its stock statuses at. It is close to what the
// forecasting engine will find and far cheaper than running it twice; the
// aim leaves room to spare from every threshold (see stockUp).
func levelEstimate(w model.WeeklySales, end model.Day) (mean, sd float64) {
	r := forecast.MovingAverage(w.DemandThrough(end), 8, 1)
	return r.Level(), r.SD
}
