package model

import "math"

// NeverCoverDays is ten years: stock that lasts longer at the forecast
// demand never runs out as far as a PM is concerned, and the largest
// slow_cover_days and excess_cover_days a setting may be. A forecast that
// decays to 1e-10 a week would otherwise read as trillions of days.
const NeverCoverDays = 3650

// CoverDays is how many days the available units last at a weekly demand:
// available ÷ (weekly demand / 7). +Inf ("never runs out") when that is
// beyond NeverCoverDays, and when less than one unit would sell in that
// time — no demand, so even a SKU with nothing available is short of
// nothing. 0 when committed units exceed the stock (available < 0): orders
// are already waiting.
func CoverDays(available, weeklyDemand float64) float64 {
	if available < 0 {
		return 0
	}
	// a unit's worth of days for no stock, so that it needs a demand too
	if !(weeklyDemand > 0) || math.Max(available, 1)/(weeklyDemand/7) > NeverCoverDays+1e-6 {
		return math.Inf(1)
	}
	return available / (weeklyDemand / 7)
}
