package model

import "math"

// POHeader says which order it is and where it is in its life.
type POHeader struct {
	ID         int64
	SupplierID int64
	Supplier   string
	Status     POStatus
	Reference  string
	// Days that do not apply yet (a draft's Sent) are NoDay. Received is the
	// day the last outstanding unit arrived.
	Created, Sent, Expected, Received Day
}

// PurchaseOrder is an order to a supplier with its lines.
type PurchaseOrder struct {
	POHeader
	Lines []POLine
}

// POLine is one SKU on a purchase order.
type POLine struct {
	ProductID   int64
	SKU, Name   string
	Qty         int
	ReceivedQty int
	UnitCost    float64
}

// Outstanding is the quantity still to arrive.
func (l POLine) Outstanding() int { return max(l.Qty-l.ReceivedQty, 0) }

// Value is the line total at its unit cost.
func (l POLine) Value() float64 { return float64(l.Qty) * l.UnitCost }

// Open reports whether the order may still change stock: a draft or a sent
// order not yet fully received.
func (s POStatus) Open() bool { return s == PODraft || s == POSent }

// POSummary is one purchase order as a list shows it.
type POSummary struct {
	POHeader
	Lines         int
	Units         int     // ordered
	ReceivedUnits int     // received so far
	Value         float64 // Σ qty × unit cost
	OpenValue     float64 // Σ outstanding × unit cost; 0 unless draft or sent
}

// Receipt is stock expected on a day: the outstanding quantity of a sent
// purchase order line, by the order's expected date.
type Receipt struct {
	Day Day
	Qty int
}

// LeadTimeStats describe a supplier's lead times as measured from received
// purchase orders: days from sent to fully received.
type LeadTimeStats struct {
	Receipts int     // received orders with both dates known
	MeanDays float64 // NaN when Receipts = 0
	SDDays   float64 // sample sd; NaN when Receipts < 2
	// OnTime is the share (0–1) of those orders received on or before
	// their expected day; NaN when none had an expected day.
	OnTime float64
}

// MinReceiptsToMeasure is how many received orders a supplier needs before
// its measured lead time replaces the configured one in safety stock.
const MinReceiptsToMeasure = 3

// Measured reports whether the measured lead time is trusted for planning.
func (s LeadTimeStats) Measured() bool {
	return s.Receipts >= MinReceiptsToMeasure && !math.IsNaN(s.MeanDays)
}

// SupplierActivity is what the purchase orders say about a supplier.
type SupplierActivity struct {
	SupplierID int64
	OpenPOs    int     // draft and sent orders not fully received
	OpenValue  float64 // outstanding units of those × unit cost
	// Spend52w is the value (qty × unit cost) of orders sent in the 52
	// weeks up to the planning day, cancelled ones excluded.
	Spend52w float64
	LeadTime LeadTimeStats
}

// OrderLine is a line of a new purchase order: put on a supplier's draft
// from the dashboard, or imported with what was already received.
type OrderLine struct {
	ProductID   int64
	Qty         int
	UnitCost    float64
	ReceivedQty int // imported orders only; a new draft has received nothing
	// Seen, when not nil, is what Qty was computed from: the line is
	// written only if the SKU still has it (compare-and-set).
	Seen *OrderSeen
}

// POFilter selects purchase orders.
type POFilter struct {
	SupplierID int64 // 0 = every supplier
	OpenOnly   bool  // drafts and sent orders only
}

// POReceipt is a quantity of one product arriving on a purchase order.
type POReceipt struct {
	ProductID int64
	Qty       int
	// Seen is the line as the PM saw it; the zero value checks nothing.
	Seen POLineSeen
}

// Purchase-order actions are compare-and-set, like planning edits: each
// carries what the PM saw when asked, and is written only if the
// catalogue still holds it; otherwise nothing is written and the action
// fails with a *ConflictError naming what changed (Conflict.Order set).

// POSeen is an order as the PM saw it when asked to send, receive in full
// or cancel it. The zero value checks nothing.
type POSeen struct {
	Status   POStatus
	Lines    int
	Units    int // ordered
	Received int // units received so far
}

// Seen is the order as this summary shows it.
func (s POSummary) Seen() POSeen {
	return POSeen{Status: s.Status, Lines: s.Lines, Units: s.Units, Received: s.ReceivedUnits}
}

// Seen is the order as its lines show it.
func (o PurchaseOrder) Seen() POSeen {
	seen := POSeen{Status: o.Status, Lines: len(o.Lines)}
	for _, l := range o.Lines {
		seen.Units += l.Qty
		seen.Received += l.ReceivedQty
	}
	return seen
}

// Line is the order's line of a product, if it has one.
func (o PurchaseOrder) Line(productID int64) (POLine, bool) {
	for _, l := range o.Lines {
		if l.ProductID == productID {
			return l, true
		}
	}
	return POLine{}, false
}

// POLineSeen is a line as the PM saw it when changing its quantity or
// receiving on it, with its order's status; a product not on the order
// was seen with Qty 0. The zero value (no Status) checks nothing.
type POLineSeen struct {
	Status   POStatus
	Qty      int
	Received int
}

// SeenLine is a line as it is shown on an order of the given status.
func SeenLine(status POStatus, l POLine) POLineSeen {
	return POLineSeen{Status: status, Qty: l.Qty, Received: l.ReceivedQty}
}

// OrderSeen is what a suggested order line was computed from, besides the
// forecast: the SKU's stock, its units on sent orders and on drafts, and
// its planning fields (PolicyValue's text, by field). A line put on a
// draft with it is written only if the SKU still has all of them, so a
// suggestion that another process (or this one) has ordered meanwhile is
// never ordered twice.
type OrderSeen struct {
	OnHand, Committed, OnOrder, InDraft int
	Policy                              map[PolicyField]string
}

// OrderSeenOf is what the planner read of an item.
func OrderSeenOf(it *Item) *OrderSeen {
	s := &OrderSeen{OnHand: it.OnHand, Committed: it.Committed, OnOrder: it.OnOrder, InDraft: it.InDraft,
		Policy: map[PolicyField]string{}}
	for _, f := range PolicyFields() {
		s.Policy[f] = PolicyValue(it, f)
	}
	return s
}

// Position fields a draft's compare-and-set checks (Conflict.Field).
const (
	FieldOnHand    = "on_hand"
	FieldCommitted = "committed"
	FieldOnOrder   = "on_order"
	FieldInDraft   = "in_draft"
)

// IsPositionField says whether a conflict's field is one of a SKU's
// position fields, which no single order holds.
func IsPositionField(f string) bool {
	switch f {
	case FieldOnHand, FieldCommitted, FieldOnOrder, FieldInDraft:
		return true
	}
	return false
}
