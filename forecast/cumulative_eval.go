package forecast

import (
	"math"
	"sort"
)

// CumulativeHorizons are the horizons, in weeks, at which `stockroom
// backtest` scores forecasts of cumulative demand: a month, two, a quarter
// and half a year, the spans a PM orders against.
var CumulativeHorizons = []int{4, 8, 13, 26}

// PinballLevels are the quantiles whose pinball loss the cumulative table
// reports: the band's edges and the median.
var PinballLevels = [3]float64{0.1, 0.5, 0.9}

// CumulativeErrors are sums over series of how forecasts of the total
// demand of the first weeks of a holdout fared, for one horizon.
type CumulativeErrors struct {
	Series  int
	Covered int // series whose actual total fell inside the 80 % band
	// Below and Above count the others, by the side they fell on: a
	// band that misses on one side is biased, on both too narrow.
	Below, Above int
	// Held sums the probability each forecast put inside its own band
	// (bandHolds): the coverage a calibrated forecast would show.
	Held float64
	// Pinball sums each series' pinball loss at PinballLevels, scaled per
	// week by the training weeks' naive scale (see ScoreCumulative).
	Pinball [3]float64
}

// ScoreCumulative measures a forecast of the total demand of the first h
// test weeks, for each h of horizons that the test weeks cover, against
// what they sold: whether the total fell inside the 80 % band of
// Cumulative(h−1), and the pinball loss of its quantiles at PinballLevels.
// A pinball loss is divided by h and by the mean absolute week-to-week
// change of the training weeks (MASE's denominator), so that it reads per
// week in units of a naive forecast's error and compares across SKUs of
// any size. A horizon with a missing week is not scored: its total is not
// known. The result has one entry per horizon; Series is 0 where unscored.
func (ho Holdout) ScoreCumulative(r Result, horizons []int) []CumulativeErrors {
	out := make([]CumulativeErrors, len(horizons))
	scale := naiveAbsScale(trimStart(ho.Train, nil))
	for i, h := range horizons {
		actual, ok := total(ho.Test, h)
		if !ok {
			continue
		}
		d := r.Cumulative(h - 1)
		_, lo, hi := bandOf(d)
		e := CumulativeErrors{Series: 1, Held: bandHolds(d, lo, hi)}
		switch {
		case actual < lo:
			e.Below = 1
		case actual > hi:
			e.Above = 1
		default:
			e.Covered = 1
		}
		for k, tau := range PinballLevels {
			e.Pinball[k] = Pinball(actual, d.Quantile(tau), tau) / float64(h) / scale
		}
		out[i] = e
	}
	return out
}

// total is the sum of the first h weeks of y, false when y is shorter or
// any of them is missing or not a usable demand.
func total(y []float64, h int) (float64, bool) {
	if h <= 0 || h > len(y) {
		return 0, false
	}
	sum := 0.0
	for _, v := range y[:h] {
		if !(v >= 0) || math.IsInf(v, 1) {
			return 0, false
		}
		sum += v
	}
	return sum, true
}

// Pinball is the quantile (pinball) loss of forecasting the tau-quantile
// q when y happened: tau·(y − q) when y is at or above q, (1 − tau)·(q − y)
// below. Its expectation is least at the true tau-quantile.
func Pinball(y, q, tau float64) float64 {
	if y >= q {
		return tau * (y - q)
	}
	return (1 - tau) * (q - y)
}

// Add accumulates another series' errors.
func (e *CumulativeErrors) Add(o CumulativeErrors) {
	e.Series += o.Series
	e.Covered += o.Covered
	e.Below += o.Below
	e.Above += o.Above
	e.Held += o.Held
	for k := range e.Pinball {
		e.Pinball[k] += o.Pinball[k]
	}
}

// CumulativeTable accumulates cumulative-demand errors per demand class
// and horizon.
type CumulativeTable struct {
	cells map[cumulativeKey]*CumulativeErrors
}

type cumulativeKey struct {
	Class Class
	All   bool // every class together
	Weeks int
}

// Add records one series' scores, as ScoreCumulative returned them for
// horizons, under its class and overall.
func (t *CumulativeTable) Add(c Class, horizons []int, scores []CumulativeErrors) {
	for i, e := range scores {
		if e.Series == 0 {
			continue
		}
		for _, k := range []cumulativeKey{{c, false, horizons[i]}, {0, true, horizons[i]}} {
			t.cell(k).Add(e)
		}
	}
}

func (t *CumulativeTable) cell(k cumulativeKey) *CumulativeErrors {
	if t.cells == nil {
		t.cells = map[cumulativeKey]*CumulativeErrors{}
	}
	if t.cells[k] == nil {
		t.cells[k] = &CumulativeErrors{}
	}
	return t.cells[k]
}

// Merge adds another table's cells, for tables filled in parallel.
func (t *CumulativeTable) Merge(o *CumulativeTable) {
	for k, e := range o.cells {
		t.cell(k).Add(*e)
	}
}

// CumulativeRow is one line of the cumulative table: Class is "all" for
// every class together. Coverage is the share of series whose total fell
// inside the band; Pinball the mean scaled loss at PinballLevels.
type CumulativeRow struct {
	Class    string
	Weeks    int
	Series   int
	Coverage float64
	// Below and Above are the shares of series whose total fell below or
	// above the band: 1 − Coverage split by side.
	Below, Above float64
	// Held is the mean probability the forecasts put inside their own
	// bands: what Coverage would be were they calibrated (above 80 % where
	// bands of whole units or from zero cannot stop at 80 %).
	Held    float64
	Pinball [3]float64
}

// Rows lists the table by class (smooth, erratic, intermittent, lumpy,
// then all) and, within a class, by horizon.
func (t *CumulativeTable) Rows() []CumulativeRow {
	keys := make([]cumulativeKey, 0, len(t.cells))
	for k := range t.cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		switch {
		case a.All != b.All:
			return b.All
		case a.Class != b.Class:
			return a.Class < b.Class
		}
		return a.Weeks < b.Weeks
	})
	out := make([]CumulativeRow, len(keys))
	for i, k := range keys {
		e := t.cells[k]
		row := CumulativeRow{Class: k.Class.String(), Weeks: k.Weeks, Series: e.Series,
			Coverage: float64(e.Covered) / float64(e.Series),
			Below:    float64(e.Below) / float64(e.Series), Above: float64(e.Above) / float64(e.Series),
			Held: e.Held / float64(e.Series)}
		if k.All {
			row.Class = "all"
		}
		for q := range row.Pinball {
			row.Pinball[q] = e.Pinball[q] / float64(e.Series)
		}
		out[i] = row
	}
	return out
}
