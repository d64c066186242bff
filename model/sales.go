package model

import "math"

// WeeklySales is a SKU's sales rolled up by ISO week (Monday start). The
// slices are parallel; index i is the week starting FirstWeek + 7·i.
type WeeklySales struct {
	FirstWeek Day
	Units     []float32
	Revenue   []float32
	// InStockDays is how many of the week's 7 days the SKU could be bought:
	// 7 minus the out-of-stock share of each day the catalogue knows about.
	InStockDays []float32
	LastSale    Day // NoDay when it never sold
	LastDay     Day // the last day with a stored row (sale or stockout)
}

// Weeks is the number of weeks held.
func (w WeeklySales) Weeks() int { return len(w.Units) }

// WeekIndex returns the index of the week that starts on the Monday of d,
// which may be outside the held range.
func (w WeeklySales) WeekIndex(d Day) int { return int(d.WeekStart()-w.FirstWeek) / 7 }

// Through returns the weeks that ended on or before asOf (a week ends on its
// Sunday), so a half-finished week never reads as a slow one.
func (w WeeklySales) Through(asOf Day) WeeklySales {
	n := min(w.completeWeeks(asOf), len(w.Units))
	out := w
	out.Units = w.Units[:n]
	if len(w.Revenue) >= n {
		out.Revenue = w.Revenue[:n]
	}
	if len(w.InStockDays) >= n {
		out.InStockDays = w.InStockDays[:n]
	}
	return out
}

// Demand returns stockout-adjusted weekly demand: units × 7 / in-stock days,
// and NaN for a week with no in-stock day (missing, not zero demand).
func (w WeeklySales) Demand() []float64 { return w.appendDemand(nil, len(w.Units)) }

func (w WeeklySales) appendDemand(dst []float64, n int) []float64 {
	for i, u := range w.Units[:n] {
		in := float32(7)
		if i < len(w.InStockDays) {
			in = w.InStockDays[i]
		}
		switch {
		case in <= 0.0001:
			dst = append(dst, math.NaN())
		case in >= 7:
			dst = append(dst, float64(u))
		default:
			dst = append(dst, float64(u)*7/float64(in))
		}
	}
	return dst
}

// completeWeeks is the number of weeks from FirstWeek whose Sunday is on or
// before asOf.
func (w WeeklySales) completeWeeks(asOf Day) int {
	if asOf+1 < w.FirstWeek {
		return 0
	}
	return int(asOf+1-w.FirstWeek) / 7
}

// DemandThrough is the stockout-adjusted demand of every complete week up to
// asOf. Weeks after the last stored row are zero demand (in stock, nothing
// sold), which is what sales_daily means by a missing day. A SKU that never
// sold has no series.
func (w WeeklySales) DemandThrough(asOf Day) []float64 { return w.AppendDemandThrough(nil, asOf) }

// AppendDemandThrough is DemandThrough writing into dst[:0], so a loop over
// 100,000 SKUs can reuse one buffer instead of allocating one per SKU.
func (w WeeklySales) AppendDemandThrough(dst []float64, asOf Day) []float64 {
	dst = dst[:0]
	if w.Weeks() == 0 {
		return dst
	}
	n := w.completeWeeks(asOf)
	dst = w.appendDemand(dst, min(n, len(w.Units)))
	for len(dst) < n {
		dst = append(dst, 0)
	}
	return dst
}

// RecentUnits is the units sold in each of the last n complete weeks up to
// asOf, oldest first, zero where nothing was sold.
func (w WeeklySales) RecentUnits(asOf Day, n int) []float64 {
	out := make([]float64, n)
	end := w.completeWeeks(asOf) // index one past the last complete week
	for k := range n {
		i := end - n + k
		if i >= 0 && i < len(w.Units) {
			out[k] = float64(w.Units[i])
		}
	}
	return out
}

// Trailing sums the revenue and units of the n complete weeks that end
// with the last complete week up to asOf. Weeks after the last stored row
// sold nothing: a SKU whose history stops early has only what falls inside
// the window, not its last n held weeks.
func (w WeeklySales) Trailing(asOf Day, n int) (revenue, units float64) {
	end := min(w.completeWeeks(asOf), len(w.Units)) // one past the last complete held week
	for i := max(w.completeWeeks(asOf)-n, 0); i < end; i++ {
		units += float64(w.Units[i])
		if i < len(w.Revenue) {
			revenue += float64(w.Revenue[i])
		}
	}
	return revenue, units
}
