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
}
