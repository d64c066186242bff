package model

import "stockroom/forecast"

// The forecast reads whole weeks (a half-finished week would read as a slow
// one), so a SKU whose only recent sales fall in the week the as-of day is
// in (its first sales, or its first in half a year) looked as if it had not
// sold: it was forecast to sell nothing and planned with S = 0 while it had
// just sold. That week counts for such a SKU alone, at what it sold so far:
// the least that week will sell, and the only recent sign of its demand.

// WeekInProgress is what the SKU sold in the week asOf falls in, from its
// Monday up to asOf; 0 when asOf is that week's Sunday (the week is whole
// and the forecast reads it). known is false when the rollup may hold days
// after asOf in that week (a plan of a past day: CutAt with the daily rows
// tells).
func (w WeeklySales) WeekInProgress(asOf Day) (units float64, known bool) {
	if asOf.Weekday() == 6 {
		return 0, true
	}
	i := w.WeekIndex(asOf)
	if i < 0 || i >= len(w.Units) || w.Units[i] <= 0 {
		return 0, true // nothing sold that week, so nothing up to asOf
	}
	if w.LastDay.Valid() && w.LastDay > asOf {
		return 0, false
	}
	return float64(w.Units[i]), true
}

// SoldRecently reports whether any of the forecast.SellingWeeks whole weeks up to
// asOf sold.
func (w WeeklySales) SoldRecently(asOf Day) bool {
	end := min(w.completeWeeks(asOf), len(w.Units))
	for _, u := range w.Units[max(0, end-forecast.SellingWeeks):max(0, end)] {
		if u > 0 {
			return true
		}
	}
	return false
}

// CutAt is the rollup as it stood at the end of asOf: the week asOf falls
// in holds only its days up to asOf (week: the SKU's daily rows of that
// week up to asOf), and no later week is kept.
func (w WeeklySales) CutAt(asOf Day, week []DailySale) WeeklySales {
	i := w.WeekIndex(asOf)
	if i < 0 || i >= len(w.Units) || !w.LastDay.Valid() || w.LastDay <= asOf {
		return w
	}
	units, revenue, last := 0.0, 0.0, NoDay
	for _, d := range week {
		if d.Day < asOf.WeekStart() || d.Day > asOf {
			continue
		}
		units += float64(d.Units)
		revenue += d.Revenue
		if d.Units > 0 && (!last.Valid() || d.Day > last) {
			last = d.Day
		}
	}
	out := w
	out.Units = append(w.Units[:i:i], float32(units))
	if len(w.Revenue) > i {
		out.Revenue = append(w.Revenue[:i:i], float32(revenue))
	}
	if len(w.InStockDays) > i {
		out.InStockDays = w.InStockDays[: i+1 : i+1]
	}
	out.LastDay = asOf
	if last.Valid() {
		out.LastSale = last
	} else if w.LastSale.Valid() && w.LastSale > asOf {
		out.LastSale = w.lastSoldSunday(i)
	}
	return out
}

// lastSoldSunday is the Sunday of the last week before week n that sold,
// NoDay if none did.
func (w WeeklySales) lastSoldSunday(n int) Day {
	for i := min(n, len(w.Units)) - 1; i >= 0; i-- {
		if w.Units[i] > 0 {
			return w.FirstWeek + Day(7*i+6)
		}
	}
	return NoDay
}

// AppendForecastDemand is AppendDemandThrough, with the week in progress
// appended at what it sold so far when it sold and none of the last
// forecast.SellingWeeks whole weeks did.
func (w WeeklySales) AppendForecastDemand(dst []float64, asOf Day) []float64 {
	dst = w.AppendDemandThrough(dst, asOf)
	if w.SoldRecently(asOf) {
		return dst
	}
	if units, known := w.WeekInProgress(asOf); known && units > 0 {
		dst = append(dst, units)
	}
	return dst
}
