package model

import "math"

const (
	// StatsWeeks is the window of the trailing statistics: a year of
	// complete weeks, like the ABC revenue.
	StatsWeeks = 52
	// SaleProbBeta smooths the probability of a sale as TSB does; 0.1 lets
	// one week move it by a tenth, so a trend shows over a quarter or so.
	SaleProbBeta = 0.1
	// SaleProbGap is how many weeks back SaleProbBefore looks: half a year
	// is long enough for a decline to show and short enough to be recent.
	SaleProbGap = 26
	// saleProbStartWeeks is how many known weeks give the starting
	// probability, so the first weeks do not start it from an arbitrary 0.
	saleProbStartWeeks = 13
)

// DemandStats are a SKU's demand statistics, cached with its forecast so
// the Assortment and Risk panes need not read every history.
type DemandStats struct {
	// CV is the coefficient of variation (population sd / mean) of the known
	// weekly demand of the last StatsWeeks complete weeks; NaN when fewer
	// than two weeks are known or there was no demand.
	CV float64
	// InStockDays is the days in stock over those weeks, of 7·StatsWeeks
	// (364): weeks without rows, before the first or after the last, count
	// as in stock. Stockout rate = 1 − InStockDays/364.
	InStockDays float64
	// SaleProb is the smoothed probability of a sale in a week (TSB's
	// demand probability) after the last complete week; SaleProbBefore is
	// the same SaleProbGap weeks earlier. A fall flags a declining item.
	SaleProb, SaleProbBefore float64
}

// DemandStats computes the statistics as of asOf from the complete weeks.
func (w WeeklySales) DemandStats(asOf Day) DemandStats {
	return DemandStatsOf(w.DemandThrough(asOf), w.InStockDaysThrough(asOf, StatsWeeks))
}

// InStockDaysThrough sums the in-stock days of the last n complete weeks
// up to asOf, counting 7 for a week without a stored figure (before the
// SKU's first row or after its last): no row means nothing says it was out.
func (w WeeklySales) InStockDaysThrough(asOf Day, n int) float64 {
	if w.Weeks() == 0 {
		return 7 * float64(n)
	}
	end := w.completeWeeks(asOf) // one past the last complete week
	known := min(len(w.Units), len(w.InStockDays))
	var days float64
	for i := end - n; i < end; i++ {
		if i >= 0 && i < known {
			days += math.Min(math.Max(float64(w.InStockDays[i]), 0), 7)
		} else {
			days += 7
		}
	}
	return days
}

// DemandStatsOf computes the statistics from a SKU's stockout-adjusted
// demand series (DemandThrough: every complete week, NaN = missing) and
// its in-stock days, so the planner can reuse the series it forecasts from.
//
// The probability of a sale starts at the share of weeks with demand among
// the first 13 known ones (0 when none is known) and then, for each known
// week in order, p ← p + β·(1{demand > 0} − p); missing weeks leave it alone.
func DemandStatsOf(demand []float64, inStockDays float64) DemandStats {
	s := DemandStats{CV: demandCV(demand[max(len(demand)-StatsWeeks, 0):]), InStockDays: inStockDays}

	var known, selling int
	for _, d := range demand {
		if math.IsNaN(d) {
			continue
		}
		if known++; d > 0 {
			selling++
		}
		if known == saleProbStartWeeks {
			break
		}
	}
	p := 0.0
	if known > 0 {
		p = float64(selling) / float64(known)
	}
	s.SaleProbBefore = p
	before := len(demand) - SaleProbGap - 1 // index of the week SaleProbGap before the last
	for i, d := range demand {
		if !math.IsNaN(d) {
			hit := 0.0
			if d > 0 {
				hit = 1
			}
			p += SaleProbBeta * (hit - p)
		}
		if i == before {
			s.SaleProbBefore = p
		}
	}
	s.SaleProb = p
	return s
}

// demandCV is the population coefficient of variation of the known values;
// NaN under two known values or without positive mean demand.
func demandCV(demand []float64) float64 {
	var n int
	var sum float64
	for _, d := range demand {
		if !math.IsNaN(d) {
			n++
			sum += d
		}
	}
	if n < 2 || !(sum > 0) {
		return math.NaN()
	}
	mean := sum / float64(n)
	var ss float64 // two passes: sums of squares cancel badly for big, steady sellers
	for _, d := range demand {
		if !math.IsNaN(d) {
			ss += (d - mean) * (d - mean)
		}
	}
	return math.Sqrt(ss/float64(n)) / mean
}
