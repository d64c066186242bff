package planner

import (
	"cmp"
	"math"
	"slices"

	"stockroom/model"
)

// SuppliersView is the "suppliers" view: one row per supplier with its
// SKUs, what to order from it now, its open orders, its spend and its lead
// time as configured and as measured from received orders.
type SuppliersView struct {
	rows []SupplierRow
}

// SupplierRow is one supplier's line of the suppliers view.
type SupplierRow struct {
	Supplier model.Supplier
	Activity model.SupplierActivity
	SKUs     int
	ToOrder  ReorderTotals // suggestions of the reorder view
	// LeadTime is what SKUs without an override are planned with.
	LeadTime model.LeadTime
}

// Suppliers column indexes, in export order.
const (
	SupplierName = iota
	SupplierEmail
	SupplierSKUs
	SupplierToOrder
	SupplierToOrderUnits
	SupplierToOrderValue
	SupplierMinOrderValue
	SupplierOpenPOs
	SupplierOpenValue
	SupplierSpend
	SupplierLeadTime
	SupplierLeadTimeSD
	SupplierMeasured
	SupplierMeasuredSD
	SupplierOnTime
	SupplierReceipts
	SupplierLeadTimeUsed
	SupplierLeadTimeSource
	SupplierOrderCost
	SupplierCurrency
)

var supplierColumns = []Column{
	SupplierName:           {"supplier", "Supplier", "", Text, "supplier name"},
	SupplierEmail:          {"email", "Email", "", Text, "the supplier's email"},
	SupplierSKUs:           {"skus", "SKUs", "", Integer, "products bought from the supplier"},
	SupplierToOrder:        {"skus_to_order", "SKUs to order", "To order", Integer, "SKUs on the reorder list"},
	SupplierToOrderUnits:   {"units_to_order", "Units to order", "Units", Integer, "suggested units"},
	SupplierToOrderValue:   {"value_to_order", "Order value", "", Money, "suggested units × unit cost"},
	SupplierMinOrderValue:  {"min_order_value", "Minimum order value", "Min order", Money, "the supplier's minimum order value"},
	SupplierOpenPOs:        {"open_pos", "Open POs", "", Integer, "draft and sent orders not fully received"},
	SupplierOpenValue:      {"open_po_value", "Open value", "", Money, "outstanding units of open orders × unit cost"},
	SupplierSpend:          {"spend_52w", "Spend 52w", "", Money, "value of orders sent in the last 52 weeks, cancelled ones excluded"},
	SupplierLeadTime:       {"lead_time_days", "Lead time (days)", "LT d", Decimal, "configured lead time in days"},
	SupplierLeadTimeSD:     {"lead_time_sd_days", "Lead-time sd (days)", "LT σ", Decimal, "configured lead-time sd in days"},
	SupplierMeasured:       {"measured_lead_time_days", "Measured lead time (days)", "Meas d", Decimal, "mean days from sent to received; empty without receipts"},
	SupplierMeasuredSD:     {"measured_lead_time_sd_days", "Measured lead-time sd (days)", "Meas σ", Decimal, "sd of the measured lead time; empty below 2 receipts"},
	SupplierOnTime:         {"on_time_pct", "On time", "", Percent, "received orders that arrived by their expected day"},
	SupplierReceipts:       {"received_pos", "Received POs", "Received", Integer, "received orders measured"},
	SupplierLeadTimeUsed:   {"lead_time_used_days", "Lead time used (days)", "Used", Decimal, "lead time SKUs are planned with (measured from 3 receipts)"},
	SupplierLeadTimeSource: {"lead_time_source", "Lead time from", "From", Enum, "`supplier` (configured) or `measured`"},
	SupplierOrderCost:      {"order_cost", "Order cost", "", Money, "cost of placing one order (K in the EOQ)"},
	SupplierCurrency:       {"currency", "Currency", "Cur", Text, "the supplier's currency"},
}

// Suppliers builds the suppliers view, by name.
func (s *Snapshot) Suppliers(reorder *ReorderView) *SuppliersView {
	byID := map[int64]*SupplierRow{}
	row := func(id int64) *SupplierRow {
		if r, ok := byID[id]; ok {
			return r
		}
		sp := s.suppliers[id]
		act := s.Catalogue.Activity[id]
		r := &SupplierRow{Supplier: sp, Activity: act, LeadTime: model.ChooseLeadTime(sp, act.LeadTime, 0)}
		byID[id] = r
		return r
	}
	for id := range s.suppliers {
		row(id)
	}
	for _, r := range s.Rows {
		if id := r.Item.Product.SupplierID; id != 0 {
			row(id).SKUs++
		}
	}
	if reorder != nil {
		for _, g := range reorder.Groups() {
			if g.SupplierID != 0 {
				row(g.SupplierID).ToOrder = reorder.Totals(g.Rows)
			}
		}
	}
	v := &SuppliersView{rows: make([]SupplierRow, 0, len(byID))}
	for _, r := range byID {
		v.rows = append(v.rows, *r)
	}
	slices.SortFunc(v.rows, func(a, b SupplierRow) int {
		return cmp.Or(cmp.Compare(a.Supplier.Name, b.Supplier.Name), cmp.Compare(a.Supplier.ID, b.Supplier.ID))
	})
	return v
}

func (*SuppliersView) Name() string             { return "suppliers" }
func (*SuppliersView) Columns() []Column        { return supplierColumns }
func (v *SuppliersView) Len() int               { return len(v.rows) }
func (v *SuppliersView) Row(i int) *SupplierRow { return &v.rows[i] }
func (v *SuppliersView) SearchText(i int) string {
	return lower(v.rows[i].Supplier.Name + "\x00" + v.rows[i].Supplier.Email)
}
func (v *SuppliersView) Value(i, col int) Value {
	r := &v.rows[i]
	sp, lt := &r.Supplier, r.Activity.LeadTime
	switch col {
	case SupplierName:
		return Value{Text: sp.Name}
	case SupplierEmail:
		return Value{Text: sp.Email}
	case SupplierSKUs:
		return Value{Int: int64(r.SKUs)}
	case SupplierToOrder:
		return Value{Int: int64(r.ToOrder.SKUs)}
	case SupplierToOrderUnits:
		return Value{Int: int64(r.ToOrder.Units)}
	case SupplierToOrderValue:
		return Value{Float: r.ToOrder.Value}
	case SupplierMinOrderValue:
		return Value{Float: sp.MinOrderValue}
	case SupplierOpenPOs:
		return Value{Int: int64(r.Activity.OpenPOs)}
	case SupplierOpenValue:
		return Value{Float: r.Activity.OpenValue}
	case SupplierSpend:
		return Value{Float: r.Activity.Spend52w}
	case SupplierLeadTime:
		return Value{Float: sp.LeadTimeDays}
	case SupplierLeadTimeSD:
		return Value{Float: sp.LeadTimeSDDays}
	case SupplierMeasured, SupplierMeasuredSD, SupplierOnTime:
		if lt.Receipts == 0 { // no received order: nothing measured (nor in the map)
			return Value{Null: true}
		}
		switch col {
		case SupplierMeasured:
			return floatOrNull(lt.MeanDays)
		case SupplierMeasuredSD:
			return floatOrNull(lt.SDDays)
		}
		return floatOrNull(100 * lt.OnTime)
	case SupplierReceipts:
		return Value{Int: int64(lt.Receipts)}
	case SupplierLeadTimeUsed:
		return Value{Float: r.LeadTime.Days}
	case SupplierLeadTimeSource:
		return Value{Int: int64(r.LeadTime.Source), Text: r.LeadTime.Source.String()}
	case SupplierOrderCost:
		return Value{Float: sp.OrderCost}
	case SupplierCurrency:
		return Value{Text: sp.Currency}
	}
	return Value{Null: true}
}

// floatOrNull is a measured number, null when not measured (NaN).
func floatOrNull(f float64) Value {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Value{Null: true}
	}
	return Value{Float: f}
}

var _ View = (*SuppliersView)(nil)
