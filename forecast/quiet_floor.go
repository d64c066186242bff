package forecast

import "math"

// quietShare is the least share of its last year's weekly rate a sporadic
// SKU's forecast keeps. Spare-part-like demand goes quiet and comes back:
// on the car parts data, parts quiet for 15–19 weeks were forecast 0.40
// units over the next 13 weeks (a smoothed chance of a sale decays through
// every quiet week) and sold 1.56, about half their rate over the history;
// with 30 % the 13-week bands cover 76 % of those SKUs instead of 70 %, at
// 0.5 % more RMSSE (docs/FORECASTING.md).
const quietShare = 0.3

// floorQuiet raises an intermittent or lumpy forecast to quietShare of the
// SKU's mean weekly demand over its last 52 known weeks (y scaled, the
// floor in units): a part that has not sold for months is not forecast to
// never sell again while it sold in the last year. A SKU with no sale in
// a year keeps its forecast.
func floorQuiet(mean, y []float64, scale float64) {
	if _, interval := sizeAndInterval(y); quietWeeks(y) > quietIntervals*interval {
		return
	}
	year, _ := recentMean(y, season)
	floor := quietShare * year * scale
	if !(floor > 0) || math.IsInf(floor, 1) {
		return
	}
	for k, v := range mean {
		mean[k] = math.Max(v, floor)
	}
}

// quietIntervals is how many of its mean intervals between sales a SKU may
// have been quiet and still be one that comes back: were its gaps
// geometric, a gap of three mean intervals happens about 5 % of the time,
// so a longer one says the SKU has changed (a product that sold every
// week and stopped is not coming back at 30 % of its old rate).
const quietIntervals = 3

// quietWeeks counts the known weeks since the last sale (all of them when
// none sold).
func quietWeeks(y []float64) float64 {
	n := 0
	for i := len(y) - 1; i >= 0; i-- {
		if v := y[i]; v > 0 {
			break
		} else if !math.IsNaN(v) {
			n++
		}
	}
	return float64(n)
}
