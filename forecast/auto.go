package forecast

import (
	"fmt"
	"math"
)

// Backtest settings. From each of the last backtestOrigins known weeks
// (a third of the history when that is shorter) each method forecasts up
// to backtestSteps weeks ahead, fitted once on the weeks before the first
// origin. Half a year of origins and a quarter of steps rank methods best
// on the demo catalogue, the synthetic set and the car parts data (8 and
// 26 steps were tried, and 13/4, 20/4, 26/4 before: docs/FORECASTING.md);
// a 5 % preference for simpler methods did not help.
const (
	backtestOrigins = 26
	backtestSteps   = 13
	// minHistory is the fewest known weeks from the first sale for which
	// methods are fitted and backtested; below it a SKU gets the mean of
	// what it has sold.
	minHistory = 16
	// sigmaWeeks is how many recent one-step errors estimate SD.
	sigmaWeeks = 52
	// erraticSigmaWeeks is sigmaWeeks for an erratic SKU: its sizes swing
	// from one half-year to the next (the demo's and car parts' erratic
	// SKUs mostly sold several times more a year ago), and errors made at
	// last year's level made its one-month band hold 91 % instead of 80 %.
	erraticSigmaWeeks = 26
)

// candidates are every method, simplest first: a later one must be
// strictly better in the backtest to be chosen.
var candidates = []method{
	naive, seasonalNaive, movingAverage, sesMethod{}, theta{}, dampedHolt{}, holtWinters{},
	croston{}, croston{sba: true}, tsb{}, adida{},
}

// Methods lists the names of the methods the automatic choice picks from.
func Methods() []string {
	out := make([]string, len(candidates))
	for i, m := range candidates {
		out[i] = m.name()
	}
	return out
}

func methodByName(name string) (method, bool) {
	for _, m := range candidates {
		if m.name() == name {
			return m, true
		}
	}
	return nil, false
}

// eligible reports whether a method can be fitted on n weeks.
func eligible(m method, n int) bool { return n >= minWeeks(m) }

// minWeeks is the history a method needs: Holt-Winters two years to tell
// season from trend.
func minWeeks(m method) int {
	if m.name() == NameHoltWinters {
		return 2 * season
	}
	return 0
}

// worthTrying reports whether the automatic choice should consider a
// method on n weeks: seasonal naive falls back to the last week where
// there is no week a year back, so without a year before its backtest it
// would only be naive again.
func worthTrying(m method, n int) bool {
	if m.name() == NameSeasonalNaive {
		return n >= season+backtestOrigins
	}
	return eligible(m, n)
}

// Forecast chooses a method for one SKU's weekly demand (NaN = a missing
// week) by rolling-origin backtest on RMSSE and forecasts horizon weeks
// with it. It never fails: a SKU that never sold gets zeros, one with
// little history the mean of what it has.
func Forecast(demand []float64, horizon int) Result {
	r, _ := forecast(demand, horizon, "", true)
	return r
}

// ForecastWith forecasts with the named method instead of choosing one;
// the backtest still runs so that RMSSE is reported.
func ForecastWith(demand []float64, horizon int, methodName string) (Result, error) {
	return forecastWith(demand, horizon, methodName, true)
}

func forecastWith(demand []float64, horizon int, methodName string, score bool) (Result, error) {
	if _, ok := methodByName(methodName); !ok {
		return Result{}, fmt.Errorf("unknown forecasting method %q", methodName)
	}
	return forecast(demand, horizon, methodName, score)
}

func forecast(demand []float64, horizon int, force string, score bool) (Result, error) {
	horizon = max(horizon, 0)
	y := trimStart(demand, make([]float64, 0, len(demand)))
	class, _, _ := Classify(y)
	r := Result{Class: class, Mean: make([]float64, horizon), RMSSE: math.NaN()}
	if class == NoDemand {
		r.Method = NameNoSales
		return r, nil
	}
	// Fit on a series scaled to mean non-zero demand one: parameters do not
	// depend on units, and huge values cannot overflow the squared errors.
	scale, _ := sizeAndInterval(y)
	r.SaleSize = scale
	for i := range y {
		y[i] /= scale
	}
	known := countKnown(y)
	var ranking []ranked
	switch {
	case force != "":
		chosen, _ := methodByName(force)
		if !eligible(chosen, len(y)) {
			return Result{}, fmt.Errorf("%s needs %d weeks of history since the first sale, not %d", force, minWeeks(chosen), len(y))
		}
		ranking = []ranked{{chosen, math.NaN(), nil}}
		if score && known >= minHistory {
			ranking[0].score = backtest(chosen, y)
		}
	case known < minHistory:
		shortHistory(&r, y, scale)
		return r, nil
	default:
		ranking = choose(y, class)
		if len(ranking) == 0 { // every score NaN: nothing beats the moving average
			ranking = []ranked{{movingAverage, math.NaN(), nil}}
		}
	}
	// A SKU that sold in the last half year must not be forecast to sell
	// nothing: the automatic choice takes the best-ranked method that
	// forecasts some demand, and fills any zero weeks (see floorZeros).
	mustSell := force == "" && sellsRecently(y)
	var final fitted
	var chosen ranked
	for i, c := range ranking {
		// refitted on every week: as accurate as running on with the
		// parameters the backtest fitted, and less biased (FORECASTING.md)
		chosen, final = c, c.m.fit(y)
		r.Method, r.RMSSE = c.m.name(), c.score
		some := false
		final.paths(y, len(y), horizon, func(_ int, path []float64) {
			for k, v := range path {
				r.Mean[k] = math.Max(v, 0) * scale
				some = some || r.Mean[k] > 0
			}
		})
		if !mustSell || some || i == len(ranking)-1 {
			break
		}
	}
	if mustSell {
		floorZeros(r.Mean, y, scale)
	}
	if force == "" && class.Sporadic() {
		floorQuiet(r.Mean, y, scale)
	}
	r.SD = math.Sqrt(oneStepMSE(final, y, sigmaWindow(class))) * scale
	r.Psi = make([]float64, max(horizon-1, 1))
	for k := range r.Psi {
		r.Psi[k] = final.psi(k + 1)
	}
	r.Psi = trimConstantTail(r.Psi)
	calibrate(&r, chosen.m, chosen.trained, final, y, scale)
	if !r.finite() { // only reachable with absurd input; fall back to the plain mean
		shortHistory(&r, y, scale)
	}
	return r, nil
}

// SellingWeeks is the span in which a sale makes a zero forecast wrong: a
// SKU that sold in the last half year is still being sold. The planner
// reads a week in progress by the same rule (model.WeeklySales.SoldRecently).
const SellingWeeks = 26

// sellsRecently reports whether y has a sale in its last SellingWeeks weeks.
func sellsRecently(y []float64) bool {
	for i := max(0, len(y)-SellingWeeks); i < len(y); i++ {
		if y[i] > 0 {
			return true
		}
	}
	return false
}

// floorZeros fills the zero weeks of a recently selling SKU's forecast
// (a seasonal trough, a falling trend run out) with the lowest of its
// mean weekly demand over the last 26 and 52 known weeks and the
// forecast's own lowest non-zero week: a cautious rate, never above what
// it has sold at or what the method expects in its quietest week.
func floorZeros(mean, y []float64, scale float64) {
	r26, _ := recentMean(y, SellingWeeks)
	r52, _ := recentMean(y, 2*SellingWeeks)
	floor := math.Min(r26, r52) * scale
	for _, v := range mean {
		if v > 0 {
			floor = math.Min(floor, v)
		}
	}
	for k, v := range mean {
		if v == 0 {
			mean[k] = floor
		}
	}
}

// backtest fits m on the weeks before the last backtestOrigins known
// weeks and returns its RMSSE over forecasts from each of those origins.
func backtest(m method, y []float64) float64 {
	w := newBacktestWindow(y)
	return w.score(w.run(m, nil))
}

// originStart is the index of the n-th last known week of y.
func originStart(y []float64, n int) int {
	for i := len(y) - 1; i >= 0; i-- {
		if !math.IsNaN(y[i]) {
			n--
			if n == 0 {
				return i
			}
		}
	}
	return 0
}

// naiveScale is RMSSE's denominator: the mean squared change between
// consecutive known weeks of the training data. A flat history gets the
// squared mean instead, so that errors are still comparable.
func naiveScale(train []float64) float64 {
	sq, _, n := naiveChanges(train)
	if n > 0 && sq > 0 {
		return sq / float64(n)
	}
	m, _ := usableMean(train, len(train))
	return math.Max(m*m, 1e-12)
}

// naiveChanges sums the squared and absolute changes between consecutive
// known weeks, and counts them.
func naiveChanges(y []float64) (sq, abs float64, n int) {
	prev := math.NaN()
	for _, v := range y {
		if math.IsNaN(v) {
			continue
		}
		if !math.IsNaN(prev) {
			sq += (v - prev) * (v - prev)
			abs += math.Abs(v - prev)
			n++
		}
		prev = v
	}
	return sq, abs, n
}

// oneStepMSE is the mean squared one-step error of a fitted method over
// the last weeks weeks (from its first week of history at the earliest).
func oneStepMSE(f fitted, y []float64, weeks int) float64 {
	sum, n := 0.0, 0
	f.paths(y[:len(y)-1], max(1, len(y)-weeks), 1, func(t int, path []float64) {
		if t < len(y) && !math.IsNaN(y[t]) {
			e := y[t] - math.Max(path[0], 0)
			sum += e * e
			n++
		}
	})
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// sigmaWindow is how many recent one-step errors estimate the SD of a
// SKU of class c.
func sigmaWindow(c Class) int {
	if c == Erratic {
		return erraticSigmaWeeks
	}
	return sigmaWeeks
}

// shortHistory forecasts the mean of every known week since the first
// sale, with the weeks' sample SD, or for one or two weeks the Poisson SD
// √mean: with so little history that is the honest amount of doubt.
func shortHistory(r *Result, y []float64, scale float64) {
	mean, n := usableMean(y, len(y))
	ss := 0.0
	for _, v := range y {
		if !math.IsNaN(v) {
			ss += (v - mean) * (v - mean)
		}
	}
	mean *= scale
	r.Method = NameShortHistory
	fill(r.Mean, mean)
	r.SD = math.Sqrt(mean)
	if n > 2 {
		r.SD = math.Max(r.SD, math.Sqrt(ss/float64(n-1))*scale)
	}
	r.Psi = nil
	r.LevelVar = 0
	r.RMSSE = math.NaN()
	if !r.finite() {
		fill(r.Mean, 0)
		r.SD = 0
	}
}

func countKnown(y []float64) int {
	n := 0
	for _, v := range y {
		if !math.IsNaN(v) {
			n++
		}
	}
	return n
}

// trimConstantTail drops the weights after the first of a run that holds
// to the end: beyond len(Psi) the last weight holds, so the numbers are
// the same, and the level methods that most SKUs get (one weight, α, for
// every week ahead) keep 1 instead of 25, about 200 bytes a SKU in memory
// and in the cache (issue 15). The slice is reallocated to its new length
// so the dropped capacity is freed.
func trimConstantTail(psi []float64) []float64 {
	n := len(psi)
	for n > 1 && psi[n-2] == psi[n-1] {
		n--
	}
	if n == len(psi) {
		return psi
	}
	return append([]float64(nil), psi[:n]...)
}
