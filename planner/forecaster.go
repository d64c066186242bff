package planner

import "stockroom/forecast"

// Forecaster turns a SKU's stockout-adjusted weekly demand (NaN = missing
// week) into a forecast. It is the seam where forecasting engines plug in;
// it must be safe for concurrent use and must not keep demand, which the
// caller reuses for the next SKU.
type Forecaster interface {
	Forecast(demand []float64, horizon int) forecast.Result
	// Engine names the forecaster and its version; cached forecasts from
	// another engine are recomputed.
	Engine() string
}

// Auto is the forecasting engine: per SKU, the method with the lowest
// backtest RMSSE (see forecast.Forecast).
type Auto struct{}

// Engine changes whenever the engine's forecasts would, so caches made by
// an older build are recomputed.
// Engine names the forecaster and what its cache rows hold: auto/2 adds
// 52-week revenue and units, auto/3 the demand statistics (CV, in-stock
// days, sale probability), auto/4 52-week sales that end at the as-of day
// (not at a history that stopped early) and no 1970 last sale for a SKU
// that never sold, auto/5 issue 13's forecasts (the mean of the two best
// methods, Theta, seasonal adjustment, no zero week for a SKU that sells),
// auto/6 the calibrated level variance that widens long-horizon bands,
// auto/7 the size of a week that sold (the least a sporadic SKU's order
// tops up) and a sporadic SKU's forecast kept at 30 % of its last year's
// rate at least (floorQuiet), auto/8 a yearly pattern from one year of
// history for SKUs and groups that sell most weeks (oneYearIndices) and
// the unfinished week of the as-of day for a SKU whose only sales of the
// last half year are in it (model.WeeklySales.AppendForecastDemand), auto/9 cumulative bands
// whose upper edge is never below their mean, as a week's band's (the
// rows hold no bands, but figures measured on auto/8 no longer hold),
// auto/10 an erratic SKU's spread from its last half year and a level
// error that ramps in over a quarter (forecast.levelGrowth), so older
// rows are recomputed once.
func (Auto) Engine() string { return "auto/10" }

func (Auto) Forecast(demand []float64, horizon int) forecast.Result {
	return forecast.Forecast(demand, horizon)
}
