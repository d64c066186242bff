package model

import "math"

// StockoutDay is the first day after today on which forecast demand since
// today (each week's forecast spread evenly over its seven days) exceeds
// available stock plus the receipts expected by that day: a
// receipt counts from its expected day on, and one already overdue counts
// from tomorrow (it is still expected). Today itself when nothing is
// available; NoDay when the forecast horizon ends first.
func StockoutDay(today Day, available float64, weekly []float64, incoming []Receipt) Day {
	if !today.Valid() {
		return NoDay
	}
	d := daysToStockout(available, weekly, incoming, today)
	if d < 0 {
		return NoDay
	}
	return today + Day(d)
}

func daysToStockout(available float64, weekly []float64, incoming []Receipt, today Day) int {
	if available <= 0 {
		return 0
	}
	if len(incoming) == 0 {
		return stockoutNoReceipts(available, weekly)
	}
	// receipts arrive on days: walk day by day, which a few open orders
	// per SKU keep cheap
	left := available
	next := 0
	for d := 1; d <= 7*len(weekly); d++ {
		for next < len(incoming) && incoming[next].Day <= today+Day(d) {
			left += float64(max(incoming[next].Qty, 0))
			next++
		}
		demand := weekly[(d-1)/7]
		if demand <= 0 || math.IsNaN(demand) {
			continue
		}
		left -= demand / 7
		if left < -1e-9 {
			return d
		}
	}
	return -1
}

// stockoutNoReceipts jumps a week at a time: most SKUs have no open order.
func stockoutNoReceipts(available float64, weekly []float64) int {
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
