package planner

import "stockroom/forecast"

// Forecaster turns a SKU's stockout-adjusted weekly demand (NaN = missing
// week) into a forecast. It is the seam where the automatic forecasting
// engine plugs in; it must be safe for concurrent use and must not keep
// demand, which the caller reuses for the next SKU.
type Forecaster interface {
	Forecast(demand []float64, horizon int) forecast.Result
	// Engine names the forecaster and its version; cached forecasts from
	// another engine are recomputed.
	Engine() string
}

// Interim is the stand-in forecaster: the mean of the last 8 weeks with
// demand data, flat over the horizon, with their sample sd as the error.
type Interim struct{}

// InterimWindow is how many recent weeks the interim forecast averages.
const InterimWindow = 8

func (Interim) Engine() string { return "interim-ma8/1" }

func (Interim) Forecast(demand []float64, horizon int) forecast.Result {
	return forecast.MovingAverage(demand, InterimWindow, horizon)
}
