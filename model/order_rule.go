package model

import "math"

// Review is what the "order now? how much?" decision of one review reads.
// The planner (Compute) and the replay (package sim) both decide through
// it, so a replayed policy orders exactly when the planner would suggest
// it.
type Review struct {
	Position     float64 // IP: available + on order
	ReorderPoint float64 // s
	OrderUpTo    float64 // S
	// Sells is false for a SKU without forecast demand whose reorder point
	// the PM did not set: such a SKU is never low, whatever its s.
	Sells bool
	// Dead is a SKU with stock that has not sold for the dead-stock
	// period (DeadStock): it is not bought again however its forecast reads.
	Dead bool
	// Soon says the projected order-by day falls within the review period
	// (OrderByWithin): waiting for the next review would be too late.
	Soon bool

	CasePack, MOQ int
	Rounding      Rounding
}

// Decision is a review's outcome: Qty > 0 orders.
type Decision struct {
	Low  bool    // IP ≤ s for a SKU that sells
	Need float64 // S − IP when ordering, else 0
	Qty  int     // Need rounded by the SKU's rule (RoundOrder)
}

// Low says the position is at or below the reorder point of a SKU that
// sells.
func (r Review) Low() bool { return r.Sells && r.Position <= r.ReorderPoint }

// MaySoonMatter says whether the order-by rule can change this review's
// decision: the SKU is not low, not dead, and below its order-up-to level.
// The replay projects the stockout only then, since the projection is the
// costly part.
func (r Review) MaySoonMatter() bool {
	return !r.Low() && !r.Dead && r.OrderUpTo-r.Position > 0
}

// Decide orders S − IP, rounded to cases and raised to the MOQ, when the
// SKU is low or its order-by day falls within the review period, unless
// it is dead stock. A low SKU orders at least enough to lift IP above s:
// else, once ordered, it would still be low and be suggested again. A need
// the rule rounds to nothing (what rounding down left off the last order)
// orders nothing: that order covers it.
func (r Review) Decide() Decision {
	d := Decision{Low: r.Low()}
	need := r.OrderUpTo - r.Position
	if !(d.Low || r.Soon) || !(need > 0) || r.Dead {
		return d
	}
	atLeast := 0
	if d.Low {
		atLeast = int(math.Floor(r.ReorderPoint-r.Position+1e-9)) + 1
	}
	d.Qty = RoundOrder(need, atLeast, r.CasePack, r.MOQ, r.Rounding)
	if d.Qty > 0 {
		d.Need = need
	}
	return d
}

// DeadStock says a SKU holds stock that has not sold for deadStockDays
// (daysSinceSale negative: unknown, not dead; deadStockDays ≤ 0: no rule).
func DeadStock(onHand float64, daysSinceSale, deadStockDays int) bool {
	return onHand > 0 && daysSinceSale >= 0 && deadStockDays > 0 && daysSinceSale >= deadStockDays
}

// DaysSinceSale counts from the last sale up to today, or from the launch
// when that is later (and not after today); -1 when neither is known.
func DaysSinceSale(today, lastSale, launched Day) int {
	since := lastSale
	if launched.Valid() && launched <= today && (!since.Valid() || launched > since) {
		since = launched
	}
	if !since.Valid() || !today.Valid() {
		return -1
	}
	return int(today - since)
}

// OrderBy is the last day an order still arrives before the stockout: the
// stockout day less the lead time; NoDay without a stockout.
func OrderBy(stockout Day, leadDays int) Day {
	if !stockout.Valid() {
		return NoDay
	}
	return stockout - Day(leadDays)
}

// OrderByWithin says the order-by day falls on or before the next review,
// reviewDays after today.
func OrderByWithin(orderBy, today Day, reviewDays int) bool {
	return orderBy.Valid() && today.Valid() && orderBy <= today+Day(reviewDays)
}
