package store

import (
	"math"

	"stockroom/model"
)

// PatchRollup is a weekly rollup after a product's daily rows from..to
// were replaced: removed are the old rows in that range, added the new.
// The rollup is a sum per week, so only those rows' weeks change, and an
// import never has to read a product's whole history. before is asked for
// the last day before from with a row (with a sale, when salesOnly), and
// only when the patch removed the product's last row or sale and added
// none after it.
func PatchRollup(w model.WeeklySales, from, to model.Day, removed, added []model.DailySale, before func(salesOnly bool) model.Day) model.WeeklySales {
	if len(added) == 0 && w.Weeks() == 0 {
		return model.WeeklySales{LastSale: model.NoDay, LastDay: model.NoDay}
	}
	first, last := w.FirstWeek, w.FirstWeek+model.Day(7*(w.Weeks()-1))
	if w.Weeks() == 0 {
		first, last = added[0].Day.WeekStart(), added[0].Day.WeekStart()
	}
	for _, d := range added {
		first, last = min(first, d.Day.WeekStart()), max(last, d.Day.WeekStart())
	}
	n := int(last-first)/7 + 1
	out := model.WeeklySales{FirstWeek: first, Units: make([]float32, n), Revenue: make([]float32, n), InStockDays: make([]float32, n)}
	shift := int(w.FirstWeek-first) / 7
	for i := range out.InStockDays {
		out.InStockDays[i] = 7
	}
	for i := range w.Weeks() {
		out.Units[shift+i] = w.Units[i]
		if i < len(w.Revenue) {
			out.Revenue[shift+i] = w.Revenue[i]
		}
		if i < len(w.InStockDays) {
			out.InStockDays[shift+i] = w.InStockDays[i]
		}
	}
	apply := func(d model.DailySale, sign float32) {
		i := int(d.Day-first) / 7
		out.Units[i] += sign * float32(d.Units)
		out.Revenue[i] += sign * float32(d.Revenue)
		if !math.IsNaN(d.InStock) {
			out.InStockDays[i] -= sign * float32(1-d.InStock)
		}
	}
	for _, d := range removed {
		if d.Day >= first && d.Day <= last+6 {
			apply(d, -1)
		}
	}
	lastAdded, lastSaleAdded := model.NoDay, model.NoDay
	for _, d := range added {
		apply(d, 1)
		lastAdded = maxDay(lastAdded, d.Day)
		if d.Units > 0 {
			lastSaleAdded = maxDay(lastSaleAdded, d.Day)
		}
	}
	for i := range out.Units { // float32 sums must not drift below zero or past a week
		out.Units[i] = max(out.Units[i], 0)
		out.Revenue[i] = max(out.Revenue[i], 0)
		out.InStockDays[i] = min(max(out.InStockDays[i], 0), 7)
		if out.InStockDays[i] < 0.001 {
			out.InStockDays[i] = 0
		}
	}
	out.LastDay = patchedLast(w.LastDay, lastAdded, from, to, func() model.Day { return before(false) })
	out.LastSale = patchedLast(w.LastSale, lastSaleAdded, from, to, func() model.Day { return before(true) })
	return out
}

// patchedLast is the last day of something after the range from..to was
// replaced: the old one when it lies outside the range (and, before it,
// no new one is later), else the last in the range, else the last before
// it.
func patchedLast(old, added, from, to model.Day, before func() model.Day) model.Day {
	switch {
	case old.Valid() && old > to:
		return old
	case added.Valid():
		return added
	case old.Valid() && old < from:
		return old
	case old.Valid():
		return before()
	}
	return model.NoDay
}

func maxDay(a, b model.Day) model.Day {
	if !a.Valid() || b.Valid() && b > a {
		return b
	}
	return a
}
