package forecast

import "math"

// oneYearIndices is the additive weekly pattern of a series with one to two
// years of history, too short for seasonalIndices: the deviations of each
// week from a least-squares line through the history, averaged by week of
// the year (index t mod 52 of y's own weeks) and smoothed over five weeks.
// Nothing here tells a season from a year's noise; the automatic choice
// takes the pattern only for smooth series (summed demand of a group, a
// steady seller), whose one value per week of the year is not mostly one
// large order, and only where it improves SES's backtest, whose weeks all
// come after the pattern's year: the pattern has to predict the next
// year's weeks to be taken. It is nil outside one to two years or when a
// tenth of the weeks is missing.
func oneYearIndices(y []float64) []float64 {
	n := len(y)
	if n < season || n >= minSeasonalWeeks || countKnown(y) < n*9/10 {
		return nil
	}
	// lineStart's level is the line's value a week before week 0
	level, slope := lineStart(y, len(y))
	sums, counts := make([]float64, season), make([]float64, season)
	for t, v := range y {
		if !math.IsNaN(v) {
			sums[t%season] += v - (level + slope*float64(t+1))
			counts[t%season]++
		}
	}
	return smoothPattern(sums, counts)
}
