package forecast

import (
	"math"
	"slices"
)

// Calibration of the error model's variance growth.
//
// ψ describes how a method's own errors carry over (see Result), as if it
// knew the level it starts from. It does not: the level it estimates from
// the past is off by an error every week ahead shares, which adds about
// h² times its variance to the total of h weeks; and a method the
// backtest picked for a series whose level wanders (a moving average for
// a random walk) has a ψ that says the level stays put. Both widen the
// spread of cumulative demand faster than ψ alone, most of all over
// months. So every forecast carries a level variance v (Result.LevelVar,
// in units of SD²): week j's variance is SD²·(1 + ψ_1² + … + ψ_j² + v) and
// the total of h weeks' SD²·(Σ_{m<h} c_m² + v·g(h)), c_m = 1 + ψ_1 + … + ψ_m,
// g(h) = h², or for an erratic SKU, whose level wanders, h³/13 up to 13
// weeks (levelGrowth).
//
// v is the largest of three estimates, each of which alone misses a case:
//   - the method's own level error on stable demand (levelPrior): 1/n for
//     a moving average of n weeks, α/(2 − α) for SES, divided by the mean
//     interval between sales for Croston and SBA, by the bucket length for
//     ADIDA; β/(2 − β) for TSB's probability. It holds where the history
//     is too short to measure anything;
//   - the errors the fitted method actually made in forecasting the
//     total of 1 … calibrationWeeks weeks from every origin of the
//     history (its state fed only the weeks before the origin): these see
//     a wandering level and long-horizon growth directly;
//   - the same from the backtest's origins, with parameters fitted on the
//     weeks before them only, as the automatic choice scored the method:
//     the history's errors are optimistic for Holt-Winters, whose season
//     was fitted on the very weeks it forecasts.
//
// Each measured estimate is the least-squares fit of v·g(h) to the excess
// of the mean squared total error over the ψ variance, over the horizons h
// with at least minCalibrationOrigins origins; beyond the measured
// horizons the variance grows by that same rule. For intermittent and
// lumpy SKUs SD is also at least the one-step error over the whole history:
// a year holds too few sales to show how large single orders get.

const (
	// calibrationWeeks is the longest total whose errors are measured over
	// the history: half a year, the longest span a PM orders against.
	calibrationWeeks = 26
	// minCalibrationOrigins is the fewest origins a horizon's mean squared
	// error is taken from.
	minCalibrationOrigins = 4
)

// calibrate sets r.LevelVar (and, for sporadic SKUs, raises r.SD) for the
// method m fitted on the scaled series y as final, and as trained on the
// weeks before the backtest's first origin (nil: fitted here; the
// automatic choice passes the fit its backtest made). r.SD and r.Psi must
// be set; scale is the factor y was divided by.
func calibrate(r *Result, m method, trained, final fitted, y []float64, scale float64) {
	hist, histN := totalErrors(final, y, historyStart(m, y), calibrationWeeks)
	if r.Class.Sporadic() && histN[0] > 0 {
		r.SD = math.Max(r.SD, math.Sqrt(hist[0])*scale)
	}
	v := levelPrior(final, y)
	sd := r.SD / scale
	if sd > 0 && !math.IsInf(sd, 1) {
		v = math.Max(v, r.fitLevelVar(hist, histN, sd))
		from := originStart(y, min(backtestOrigins, max(4, countKnown(y)/3)))
		if trained == nil && eligible(m, from+backtestOrigins) {
			trained = m.fit(y[:from])
		}
		if trained != nil {
			bt, btN := totalErrors(trained, y, from, backtestSteps)
			v = math.Max(v, r.fitLevelVar(bt, btN, sd))
		}
	}
	if math.IsNaN(v) || math.IsInf(v, 0) { // only with absurd input
		v = 0
	}
	r.LevelVar = v
}

// historyStart is the first origin whose errors count: after a quarter,
// when a moving average has its window and smoothed states have settled
// (a quarter of a short history); seasonal naive only once it has a year
// to repeat, as before that it repeats the last week.
func historyStart(m method, y []float64) int {
	if repeatsLastYear(m) {
		return season
	}
	return min(movingAverageWindow, len(y)/4)
}

// repeatsLastYear reports whether m is seasonal naive or a combination
// holding it: in its first year it repeats the last week, and those
// errors would be read as a wandering level (they made the bands of the
// demo's erratic SKUs cover 90–97 % instead of 80 %).
func repeatsLastYear(m method) bool {
	if c, ok := m.(combination); ok {
		return slices.ContainsFunc(c, repeatsLastYear)
	}
	return m.name() == NameSeasonalNaive
}

// totalErrors runs f through y and, from each origin t ≥ from, forecasts
// the next weeks; it returns for h = 1 … weeks the mean squared error of
// the forecast total of the h weeks after an origin and how many origins
// had all h weeks known.
func totalErrors(f fitted, y []float64, from, weeks int) (ms []float64, n []int) {
	ms, n = make([]float64, weeks), make([]int, weeks)
	f.paths(y, from, weeks, func(t int, path []float64) {
		sum := 0.0
		for k, v := range path {
			if t+k >= len(y) || math.IsNaN(y[t+k]) {
				return
			}
			sum += y[t+k] - math.Max(v, 0) // forecasts are clipped at zero
			ms[k] += sum * sum
			n[k]++
		}
	})
	for k := range ms {
		if n[k] > 0 {
			ms[k] /= float64(n[k])
		}
	}
	return ms, n
}

// fitLevelVar is the least-squares v ≥ 0 of x_h ≈ v·g(h), where x_h is how
// far the mean squared error of h-week totals ms[h−1] (in units of sd²)
// exceeds the ψ variance Σ_{m<h} c_m², over the horizons with enough
// origins, and g is the level error's growth (levelGrowth, h² but for
// erratic SKUs): v = Σ g·x_h ÷ Σ g².
func (r Result) fitLevelVar(ms []float64, n []int, sd float64) float64 {
	var num, den float64
	c, psiVar := 1.0, 0.0
	for k := range ms {
		if k > 0 {
			c += r.psi(k)
		}
		psiVar += c * c
		if n[k] < minCalibrationOrigins {
			continue
		}
		g := r.levelGrowth(float64(k + 1))
		num += g * (ms[k]/(sd*sd) - psiVar)
		den += g * g
	}
	if den == 0 || !(num > 0) {
		return 0
	}
	return num / den
}

// levelPrior is the variance of a fitted method's level estimate on
// stable demand y, in units of the one-step error variance: the mean of n
// weeks errs by 1/n of a week's variance, exponential smoothing with
// weight α by α/(2 − α) (it averages about (2 − α)/α weeks); Croston's
// and SBA's average sales, one every interval, ADIDA's buckets of k weeks.
// TSB smooths sizes with α and the weekly chance of a sale π with β:
// with a = α/(2 − α), b = β/(2 − β) and sizes of mean z and variance s²,
// its level zπ errs by π²·a·s² + z²·b·π(1 − π), over a week's variance
// π·s² + π(1 − π)·z²: a for a SKU that sells every week, b for one
// whose sizes never vary. Methods whose ψ already carries their level
// (naive, damped Holt, Holt-Winters) or that have none (seasonal naive)
// get 0.
func levelPrior(f fitted, y []float64) float64 {
	switch x := f.(type) {
	case directMethod:
		if x.label == NameMovingAverage {
			return 1.0 / movingAverageWindow
		}
	case *ets:
		if !x.trend && !x.seasonal {
			return x.alpha / (2 - x.alpha)
		}
	case *crostonFit:
		return x.alpha / (2 - x.alpha) / math.Max(x.p0, 1)
	case *tsbFit:
		z, s2, pi := sizeStats(y)
		a, b := x.alpha/(2-x.alpha), x.beta/(2-x.beta)
		if week := s2 + (1-pi)*z*z; week > 0 {
			return (pi*a*s2 + b*(1-pi)*z*z) / week
		}
	case *adidaFit:
		return x.alpha / (2 - x.alpha) / float64(x.k)
	case *thetaFit:
		return levelPrior(x.ses, y)
	case adjustedFit:
		return levelPrior(x.f, y)
	case *combinedFit:
		// the mean of the parts' forecasts: its level error is at most
		// the mean of theirs (less when they are not fully correlated)
		sum := 0.0
		for _, part := range x.parts {
			sum += levelPrior(part, y)
		}
		return sum / float64(max(len(x.parts), 1))
	}
	return 0
}

// sizeStats is the mean and population variance of the non-zero known
// weeks of y and the share of known weeks that sold (0, 0, 0 if none).
func sizeStats(y []float64) (mean, variance, share float64) {
	s := countSales(y)
	if s.sales == 0 {
		return 0, 0, 0
	}
	mean = s.sum / float64(s.sales)
	return mean, math.Max(s.sq/float64(s.sales)-mean*mean, 0), float64(s.sales) / float64(s.known)
}
