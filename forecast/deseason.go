package forecast

import "math"

// Seasonal adjustment for the methods without a season of their own, as
// R's stlf and the M4 competition's benchmarks do: where the history shows
// a yearly pattern, SES, Theta, damped Holt and the rest forecast the
// series with the pattern taken out, and the pattern is added back to
// their forecasts. Without it a trend method reads the rise into a peak
// season as a trend and runs it on for half a year, and a level method
// lags the season by weeks.

// minSeasonalCorrelation is how closely the detrended weeks must repeat a
// year later for the pattern to count: 0.2 and 0.5 did a little worse on
// four years of the synthetic processes.
const minSeasonalCorrelation = 0.3

// minSeasonalWeeks is the history from which a yearly pattern is looked
// for: two years, so every week of the year is seen twice.
const minSeasonalWeeks = 2 * season

// seasonalIndices returns the additive weekly pattern of y (index t mod 52
// of y's own weeks): the mean of each week of the year after a centred
// 2×52-week moving average is taken out, smoothed over five weeks. It is
// nil when y is shorter than two years, misses a tenth of its weeks, or
// its pattern does not recur (see recurs); the M4 benchmarks' test on the
// autocorrelation at a lag of a year rejects nearly every weekly series,
// as the season itself makes the shorter lags large.
func seasonalIndices(y []float64) []float64 {
	n := len(y)
	if n < minSeasonalWeeks || countKnown(y) < n*9/10 {
		return nil
	}
	// detrend by a centred 2×52 moving average, then average by week
	sums, counts := make([]float64, season), make([]float64, season)
	half := season / 2
	detrended := make([]float64, n)
	fill(detrended, math.NaN())
	for t := half; t < n-half; t++ {
		sum, w := 0.0, 0.0
		for i := t - half; i <= t+half; i++ {
			if math.IsNaN(y[i]) {
				continue
			}
			wt := 1.0
			if i == t-half || i == t+half {
				wt = 0.5
			}
			sum += wt * y[i]
			w += wt
		}
		if w > 0 && !math.IsNaN(y[t]) {
			detrended[t] = y[t] - sum/w
			sums[t%season] += y[t] - sum/w
			counts[t%season]++
		}
	}
	if !recurs(detrended) {
		return nil
	}
	return smoothPattern(sums, counts)
}

// smoothPattern turns the sums and counts of detrended demand by week of
// the year into the additive pattern: each week's mean, smoothed over five
// weeks (one or two values per week of the year are noisy; Holt-Winters'
// initial season is smoothed the same way), centred on zero.
func smoothPattern(sums, counts []float64) []float64 {
	raw := make([]float64, season)
	for i := range raw {
		raw[i] = math.NaN()
		if counts[i] > 0 {
			raw[i] = sums[i] / counts[i]
		}
	}
	s := make([]float64, season)
	mean := 0.0
	for i := range s {
		acc, k := 0.0, 0
		for d := -2; d <= 2; d++ {
			if v := raw[(i+d+season)%season]; !math.IsNaN(v) {
				acc += v
				k++
			}
		}
		if k > 0 {
			s[i] = acc / float64(k)
		}
		mean += s[i] / season
	}
	for i := range s {
		s[i] -= mean
	}
	return s
}

// adjusted is a method run on a seasonally adjusted series.
type adjusted struct {
	m method
	s []float64 // additive pattern by y's week index mod 52
}

// name says the method saw adjusted demand: "seasonal SES".
func (a adjusted) name() string { return "seasonal " + a.m.name() }

func (a adjusted) fit(y []float64) fitted {
	return adjustedFit{a.m.fit(a.remove(y)), a.s}
}

// remove subtracts the pattern from a copy of y.
func (a adjusted) remove(y []float64) []float64 {
	out := make([]float64, len(y))
	for t, v := range y {
		out[t] = v - a.s[t%season]
	}
	return out
}

type adjustedFit struct {
	f fitted
	s []float64
}

func (a adjustedFit) paths(y []float64, from, h int, emit func(int, []float64)) {
	adj := adjusted{s: a.s}.remove(y)
	a.f.paths(adj, from, h, func(t int, path []float64) {
		for k := range path {
			path[k] += a.s[(t+k)%season]
		}
		emit(t, path)
	})
}

func (a adjustedFit) psi(k int) float64 { return a.f.psi(k) }

// recurs reports whether the detrended weeks repeat a year later: their
// correlation with the same week of the year before is at least
// minSeasonalCorrelation. A wandering level leaves a pattern in two years
// of data too, but one that does not come back.
func recurs(d []float64) bool {
	var sxy, sxx, syy float64
	n := 0
	for t := season; t < len(d); t++ {
		a, b := d[t], d[t-season]
		if math.IsNaN(a) || math.IsNaN(b) {
			continue
		}
		sxy, sxx, syy = sxy+a*b, sxx+a*a, syy+b*b
		n++
	}
	return n >= season/2 && sxx > 0 && syy > 0 && sxy/math.Sqrt(sxx*syy) >= minSeasonalCorrelation
}
