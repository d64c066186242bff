package model

import "math"

// DaysToStockout is how many days from today the forecast demand uses up
// the available units: the first day d ≥ 1 on which cumulative demand
// (each week's forecast spread evenly over its seven days) exceeds
// available. It is 0 when nothing is available, and -1 when the horizon
// ends first (or demand is zero). Incoming purchase orders are not counted.
func DaysToStockout(available float64, weekly []float64) int {
	if available <= 0 {
		return 0
	}
	left := available
	for w, demand := range weekly {
		if demand <= 0 || math.IsNaN(demand) {
			continue
		}
		daily := demand / 7
		if demand <= left {
			left -= demand
			continue
		}
		// inside this week: the first day whose cumulative demand exceeds left
		d := int(math.Floor(left/daily)) + 1
		return 7*w + min(d, 7)
	}
	return -1
}
