package demo

import (
	"stockroom/forecast"
	"stockroom/model"
)

// interimForecast is the dashboard's stand-in forecast (the mean and sd of
// the last 8 weeks with demand data), which the demo aims its stock
// statuses at. It calls the same function the planner's interim
// forecaster does, so the two cannot drift apart.
func interimForecast(w model.WeeklySales, end model.Day) (mean, sd float64) {
	r := forecast.MovingAverage(w.DemandThrough(end), 8, 1)
	return r.Level(), r.SD
}
