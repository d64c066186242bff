// Package forecast turns weekly demand series into forecasts. It is pure
// time-series code: []float64 in (NaN = a missing week), forecasts out. It
// imports nothing of Stockroom's.
package forecast

import "math"

// Result is one SKU's forecast.
type Result struct {
	Method string
	Class  Class
	// Mean is the forecast demand for each future week, never negative.
	Mean []float64
	// SD is the standard deviation of a one-week-ahead forecast error.
	SD float64
	// Psi[k-1] is the weight ψ_k of a one-step error in the forecast k
	// weeks later. The method's error model is that of a linear
	// state-space model: the week-j error is e_j + Σ_{k<j} ψ_k·e_{j-k}
	// with independent one-step errors e of variance SD². Beyond len(Psi)
	// the last weight holds.
	Psi []float64
	// RMSSE is the chosen method's backtest error, NaN when there was too
	// little history to backtest.
	RMSSE float64
	// LevelVar is the variance of the error in the level the forecast
	// starts from, in units of SD²: shared by every week ahead, it adds
	// SD²·LevelVar to a week's variance and SD²·LevelVar·h² to the total
	// of h weeks (see calibrate.go).
	LevelVar float64
	// SaleSize is the mean demand of a week that sold, over the history
	// from the first sale: the size of one order of a SKU that sells
	// sporadically, which an order has to cover (model.Compute).
	SaleSize float64
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

// mean is the forecast of week j (0 = next week), holding the last week's
// forecast beyond the horizon.
func (r Result) mean(j int) float64 {
	if len(r.Mean) == 0 {
		return 0
	}
	return r.Mean[min(j, len(r.Mean)-1)]
}

func (r Result) psi(k int) float64 {
	if len(r.Psi) == 0 || k < 1 {
		return 0
	}
	return r.Psi[min(k, len(r.Psi))-1]
}

// dist picks the family: counts for sporadic demand, normal otherwise.
func (r Result) dist(mean, variance float64) Distribution {
	if r.Class.Sporadic() {
		return CountDistribution(mean, variance)
	}
	return Distribution{Kind: Normal, Mean: mean, Variance: variance}
}

// Week is the distribution of demand in week j (0 = next week): variance
// SD²·(1 + ψ_1² + … + ψ_j²).
func (r Result) Week(j int) Distribution {
	return r.dist(r.mean(j), r.weekVariance(j))
}

// Total is the distribution of total demand over the next h weeks. The
// error of week i's one-step shock reaches every later week of the
// horizon, so the variance is SD²·Σ_{i=1..h} (1 + ψ_1 + … + ψ_{h-i})².
func (r Result) Total(h int) Distribution {
	if h <= 0 {
		return Distribution{Kind: Normal}
	}
	mean := 0.0
	for j := range h {
		mean += r.mean(j)
	}
	return r.dist(mean, r.totalVariance(h))
}

// BandLevel is the coverage of the band drawn around forecasts.
const BandLevel = 0.8

// Band is the central BandLevel interval of week j's demand, its upper
// edge raised to contain the mean (see bandTop).
func (r Result) Band(j int) (lower, upper float64) {
	d := r.Week(j)
	return d.Quantile((1 - BandLevel) / 2), bandTop(d)
}

// finite reports whether every number of the result is finite.
func (r Result) finite() bool {
	ok := !math.IsNaN(r.SD) && !math.IsInf(r.SD, 0)
	for _, v := range r.Mean {
		ok = ok && !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	return ok
}
