package forecast

import (
	"math"
	"sort"
)

// backtestWindow is the rolling-origin backtest shared by every method of
// one series: the training weeks before the first origin and the actual
// week each forecast is scored against.
type backtestWindow struct {
	y      []float64
	from   int     // the first origin
	scale  float64 // RMSSE's denominator, from the training weeks
	cells  int     // origins × steps
	usable bool
}

func newBacktestWindow(y []float64) backtestWindow {
	from := originStart(y, min(backtestOrigins, max(4, countKnown(y)/3)))
	return backtestWindow{y: y, from: from, scale: naiveScale(y[:from]),
		cells: (len(y) - from + 1) * backtestSteps, usable: true}
}

// run fits m on the training weeks and returns its forecasts from every
// origin, clipped at zero, origin by origin (backtestSteps each); nil when
// m cannot be fitted on them. buf is reused when long enough.
func (w backtestWindow) run(m method, buf []float64) []float64 {
	if !eligible(m, w.from+backtestOrigins) {
		return nil
	}
	return w.runFitted(m.fit(w.y[:w.from]), buf)
}

// runFitted is run with the method already fitted on the training weeks.
func (w backtestWindow) runFitted(f fitted, buf []float64) []float64 {
	if cap(buf) < w.cells {
		buf = make([]float64, w.cells)
	}
	out := buf[:w.cells]
	f.paths(w.y, w.from, backtestSteps, func(t int, path []float64) {
		row := out[(t-w.from)*backtestSteps:]
		for k, v := range path {
			row[k] = math.Max(v, 0)
		}
	})
	return out
}

// score is the RMSSE of forecasts laid out as run returns them; NaN for
// none or no known week to score.
func (w backtestWindow) score(f []float64) float64 {
	if f == nil {
		return math.NaN()
	}
	sum, count := 0.0, 0
	for i := 0; i < len(f); i += backtestSteps {
		t := w.from + i/backtestSteps
		for k := range backtestSteps {
			if t+k < len(w.y) && !math.IsNaN(w.y[t+k]) {
				e := w.y[t+k] - f[i+k]
				sum += e * e
				count++
			}
		}
	}
	if count == 0 {
		return math.NaN()
	}
	return math.Sqrt(sum / float64(count) / w.scale)
}

// ranked is a candidate of the automatic choice with its backtest RMSSE
// and, when it was backtested, its fit on the training weeks, which the
// calibration of its bands reuses (nil: fit again when needed).
type ranked struct {
	m       method
	score   float64
	trained fitted
}

// choose backtests every method worth trying and ranks them for the
// automatic choice: first the equal-weight mean of the two best (see
// combination), then each method by backtest RMSSE, ties keeping the
// simpler one first. Later entries are there for a SKU whose forecast
// must not be zero (see forecast). An empty ranking means no score was
// finite.
func choose(y []float64, class Class) []ranked {
	n := len(y)
	w := newBacktestWindow(y)
	// seasonal adjustment for the methods without a season, where the
	// history has a recurring yearly pattern and adjusting improves SES's
	// backtest (see deseason.go); with one to two years, from that one
	// year, for smooth series only (one_year_season.go)
	pattern := seasonalIndices(y[:w.from])
	if pattern == nil && class == Smooth {
		pattern = oneYearIndices(y[:w.from])
	}
	if pattern != nil {
		raw := w.run(sesMethod{}, nil)
		adj := w.run(adjusted{sesMethod{}, pattern}, nil)
		if !(w.score(adj) < w.score(raw)) {
			pattern = nil
		}
	}
	var out []ranked
	var runs [][]float64
	var ses *ets
	// every method's backtest forecasts, and their combination's, in one
	// borrowed slab: none of them outlives this call
	slab := borrow((len(candidates) + 1) * w.cells)
	defer giveBack(slab)
	used := 0
	next := func() []float64 {
		f := (*slab)[used : used+w.cells : used+w.cells]
		used += w.cells
		clear(f) // as a fresh buffer would be: another series used it
		return f
	}
	for _, m := range candidates {
		if !worthTrying(m, n) || class.Sporadic() && fitsTrendAndSeason(m) {
			continue
		}
		if pattern != nil {
			// last year's week, noise and all, only dilutes a combination
			// where the pattern is known
			if m.name() == NameSeasonalNaive {
				continue
			}
			if !hasSeason(m) {
				m = adjusted{m, pattern}
			}
		}
		var trained fitted
		switch {
		case m.name() == NameSES:
			// Theta is SES plus a drift: fit SES once for both
			ses = sesMethod{}.fit(w.y[:w.from]).(*ets)
			trained = ses
		case m.name() == NameTheta && ses != nil:
			trained = thetaFrom(ses, w.y[:w.from])
		case eligible(m, w.from+backtestOrigins):
			trained = m.fit(w.y[:w.from])
		default:
			continue
		}
		f := w.runFitted(trained, next())
		if s := w.score(f); !math.IsNaN(s) {
			out = append(out, ranked{m, s, trained})
			runs = append(runs, f)
		}
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return out[order[a]].score < out[order[b]].score })
	singles := make([]ranked, len(out))
	for i, k := range order {
		singles[i] = out[k]
	}
	// The mean of the two best: with three, a third-best method dilutes
	// more than it steadies (docs/FORECASTING.md).
	if len(order) < 2 {
		return singles
	}
	a, b := out[order[0]], out[order[1]]
	mean := next()
	for c := range mean {
		mean[c] = (runs[order[0]][c] + runs[order[1]][c]) / 2
	}
	both := ranked{combination{a.m, b.m}, w.score(mean), combine(a.trained, b.trained)}
	return append([]ranked{both}, singles...)
}

// fitsTrendAndSeason reports whether a method is one of the two whose
// three smoothing parameters are fitted by Nelder-Mead, the costliest
// fits. On intermittent and lumpy SKUs, where a trend or season is mostly
// noise in a run of zeros, leaving them out costs no accuracy (demo RMSSE
// 0.761 either way, car parts 0.564) and saves a third of the time.
func fitsTrendAndSeason(m method) bool {
	switch m.name() {
	case NameDampedHolt, NameHoltWinters:
		return true
	}
	return false
}

// hasSeason reports whether a method models the yearly season itself.
func hasSeason(m method) bool {
	switch m.name() {
	case NameSeasonalNaive, NameHoltWinters:
		return true
	}
	return false
}
