package sim

import (
	"slices"

	"stockroom/model"
)

// projection holds one replay's scratch space for the order-by rule, so
// that a review's projection allocates nothing.
type projection struct {
	weekly []float64
	in     []model.Receipt
}

// orderBySoon is the planner's order-by rule at a review: the stockout
// projected from the forecast's weekly means and the orders on their way
// (model.StockoutDay), less the lead time, falls on or before the next
// review (model.OrderByWithin). Only the weeks up to the review period
// plus the lead time are projected: a later stockout cannot make the
// order-by day fall within the review period.
func (p *projection) orderBySoon(pol Policy, today model.Day, onHand float64, pending []pendingOrder) bool {
	review := max(pol.ReviewDays, 0)
	weeks := (review + max(pol.LeadDays, 0) + 6) / 7
	// before the planning day (a warm-up) the forecast reads from its start
	p.weekly = weeksFrom(p.weekly, pol.Weekly, max(int(today-pol.PlannedOn), 0), weeks)
	stockout := model.StockoutDay(today, onHand, p.weekly, p.receipts(pending))
	return model.OrderByWithin(model.OrderBy(stockout, pol.LeadDays), today, review)
}

// receipts lists the orders on their way by expected day, soonest first,
// as model.StockoutDay reads them (one overdue counts from tomorrow).
func (p *projection) receipts(pending []pendingOrder) []model.Receipt {
	p.in = p.in[:0]
	for _, o := range pending {
		p.in = append(p.in, model.Receipt{Day: o.expected, Qty: o.qty})
	}
	slices.SortStableFunc(p.in, func(a, b model.Receipt) int { return int(a.Day - b.Day) })
	return p.in
}

// weeksFrom is the forecast's weekly demand as seen k days after its
// planning day, over n weeks: week i covers days k+7i+1 … k+7i+7 after the
// planning day, with each forecast week spread evenly over its seven days
// (as model.StockoutDay spreads them) and the last week held beyond the
// horizon. dst is reused.
func weeksFrom(dst, weekly []float64, k, n int) []float64 {
	dst = dst[:0]
	if len(weekly) == 0 {
		return dst
	}
	at := func(j int) float64 { return weekly[min(j, len(weekly)-1)] }
	q, r := k/7, k%7
	for i := range n {
		if r == 0 {
			dst = append(dst, at(q+i))
			continue
		}
		dst = append(dst, (float64(7-r)*at(q+i)+float64(r)*at(q+i+1))/7)
	}
	return dst
}
