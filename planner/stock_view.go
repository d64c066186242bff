package planner

import "stockroom/model"

// StockView is the "stock" view: one row per SKU with its stock position,
// reorder point, cover and status.
type StockView struct{ snap *Snapshot }

// Stock column indexes, in export order.
const (
	StockSKU = iota
	StockName
	StockCategory
	StockSubcategory
	StockBrand
	StockSupplier
	StockOnHand
	StockCommitted
	StockAvailable
	StockOnOrder
	StockReorderPoint
	StockReorderPointManual
	StockSafetyStock
	StockWeeklyDemand
	StockDaysOfCover
	StockValue
	StockLastSale
	StockStatus
	StockStockout
	StockMethod
	StockDemandClass
	StockABC
	StockXYZ
	StockRisk
)

var stockColumns = []Column{
	StockSKU:                {"sku", "SKU", "", Text, "stock keeping unit"},
	StockName:               {"name", "Name", "", Text, "product name"},
	StockCategory:           {"category", "Category", "", Text, "assortment: the category"},
	StockSubcategory:        {"subcategory", "Subcategory", "", Text, "assortment: the subcategory"},
	StockBrand:              {"brand", "Brand", "", Text, "assortment: the brand"},
	StockSupplier:           {"supplier", "Supplier", "", Text, "supplier name"},
	StockOnHand:             {"on_hand", "On hand", "", Integer, "units in all locations"},
	StockCommitted:          {"committed", "Committed", "", Integer, "units promised to open customer orders"},
	StockAvailable:          {"available", "Available", "Avail", Integer, "`on_hand − committed`"},
	StockOnOrder:            {"on_order", "On order", "On ord", Integer, "outstanding units on sent purchase orders"},
	StockReorderPoint:       {"reorder_point", "Reorder point", "ROP", Integer, "the reorder point in use, the PM's or computed"},
	StockReorderPointManual: {"reorder_point_manual", "Manual", "", Bool, "`true` when the PM set it"},
	StockSafetyStock:        {"safety_stock", "Safety stock", "", Decimal, "safety stock in units: stock held beyond the mean demand over the risk period L + R, never negative (0 when the reorder point is at or below that mean)"},
	StockWeeklyDemand:       {"weekly_demand", "Demand/wk", "Sales 26w┊fcst", Decimal, "forecast mean demand per week (μ_w)"},
	StockDaysOfCover:        {"days_of_cover", "Days of cover", "Cover", Decimal, "`available / (weekly_demand / 7)`; empty when the stock never runs out: no demand (also with nothing available), or more than ten years (3,650 days) of it; 0 when nothing is available for a SKU that sells, or committed units exceed on hand"},
	StockValue:              {"stock_value", "Stock value", "", Money, "`on_hand × unit_cost`"},
	StockLastSale:           {"last_sale", "Last sale", "", Date, "last day with a sale; empty if it never sold"},
	StockStatus:             {"status", "Status", "", Enum, "`out`, `low`, `dead`, `excess` or `ok`"},
	StockStockout:           {"stockout_date", "Stockout", "", Date, "the first day forecast demand exceeds the available units plus the receipts of open orders by then; empty beyond the 26-week horizon"},
	StockMethod:             {"forecast_method", "Method", "", Text, "the forecasting method chosen by backtest"},
	StockDemandClass:        {"demand_class", "Class", "", Enum, "`smooth`, `erratic`, `intermittent`, `lumpy` or `none`"},
	StockABC:                {"abc", "ABC", "Cls", Enum, "`A`, `B` or `C` by trailing-52-week revenue: A makes the first 80 % of it, B the next 15 % (`abc_cut_a`, `abc_cut_b`), C the rest"},
	StockXYZ:                {"xyz", "XYZ", "", Enum, "`X`, `Y` or `Z` by the CV of weekly demand: X < 0.5 ≤ Y < 1.0 ≤ Z (`xyz_cut_x`, `xyz_cut_y`); Z without demand"},
	StockRisk:               {"risk", "Risk", "", Enum, "`dead`, `excess`, `declining` or `slow`; empty when none"},
}

// Stock returns the snapshot's stock view.
func (s *Snapshot) Stock() StockView { return StockView{snap: s} }

func (StockView) Name() string              { return "stock" }
func (StockView) Columns() []Column         { return stockColumns }
func (v StockView) Len() int                { return len(v.snap.Rows) }
func (v StockView) Row(i int) *Row          { return v.snap.Rows[i] }
func (v StockView) SearchText(i int) string { return v.snap.search.get(i) }

func (v StockView) Value(i, col int) Value {
	r := v.snap.Rows[i]
	p := &r.Item.Product
	switch col {
	case StockSKU:
		return Value{Text: p.SKU}
	case StockName:
		return Value{Text: p.Name}
	case StockCategory:
		return Value{Text: p.Category}
	case StockSubcategory:
		return Value{Text: p.Subcategory}
	case StockBrand:
		return Value{Text: p.Brand}
	case StockSupplier:
		return Value{Text: r.Supplier}
	case StockOnHand:
		return Value{Int: int64(r.Item.OnHand)}
	case StockCommitted:
		return Value{Int: int64(r.Item.Committed)}
	case StockAvailable:
		return Value{Int: int64(r.Plan.Available)}
	case StockOnOrder:
		return Value{Int: int64(r.Item.OnOrder)}
	case StockReorderPoint:
		return Value{Int: int64(r.Plan.ReorderPoint)}
	case StockReorderPointManual:
		return boolValue(r.Plan.ReorderPointManual)
	case StockSafetyStock:
		return Value{Float: r.Plan.SafetyStock}
	case StockWeeklyDemand:
		return Value{Float: r.Forecast.Level()}
	case StockDaysOfCover:
		return coverValue(r.Plan.DaysOfCover)
	case StockValue:
		return Value{Float: float64(r.Item.OnHand) * p.UnitCost}
	case StockLastSale:
		if !r.LastSale.Valid() {
			return Value{Null: true}
		}
		return Value{Int: int64(r.LastSale)}
	case StockStatus:
		return Value{Int: int64(r.Plan.Status), Text: r.Plan.Status.String()}
	case StockStockout:
		return dateValue(r.Plan.Stockout)
	case StockMethod:
		return Value{Text: r.Forecast.Method}
	case StockDemandClass:
		return Value{Int: int64(r.Forecast.Class), Text: r.Forecast.Class.String()}
	case StockABC:
		return Value{Int: int64(r.ABC), Text: r.ABC.String()}
	case StockXYZ:
		return Value{Int: int64(r.XYZ), Text: r.XYZ.String()}
	case StockRisk:
		return Value{Int: int64(r.Risk.Risk), Text: r.Risk.Risk.String()}
	}
	return Value{Null: true}
}

func boolValue(b bool) Value {
	if b {
		return Value{Int: 1}
	}
	return Value{}
}

// Compile-time check that StockView is a View.
var _ View = StockView{}

// StatusCounts counts rows by status, for the tab bar and overview. They
// are counted once per snapshot, not per frame.
func (s *Snapshot) StatusCounts() map[model.Status]int {
	out := make(map[model.Status]int, len(s.statusCounts))
	for st, n := range s.statusCounts {
		if n > 0 {
			out[model.Status(st)] = n
		}
	}
	return out
}

// StatusCount is how many rows have one status.
func (s *Snapshot) StatusCount(st model.Status) int { return s.statusCounts[st] }

func (s *Snapshot) countStatuses() {
	clear(s.statusCounts[:])
	for _, r := range s.Rows {
		s.statusCounts[r.Plan.Status]++
	}
}

// dateValue is a day, or null when there is none.
func dateValue(d model.Day) Value {
	if !d.Valid() {
		return Value{Null: true}
	}
	return Value{Int: int64(d)}
}

// coverValue is days of cover, or null when the stock never runs out (no
// demand, or cover beyond ten years: model.CoverDays), which sorts as the
// largest.
func coverValue(days float64) Value {
	if !(days <= model.NeverCoverDays) {
		return Value{Null: true}
	}
	return Value{Float: days}
}
