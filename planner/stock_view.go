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
	StockSKU:                {"sku", "SKU", Text, "stock keeping unit"},
	StockName:               {"name", "Name", Text, "product name"},
	StockCategory:           {"category", "Category", Text, ""},
	StockSubcategory:        {"subcategory", "Subcategory", Text, ""},
	StockBrand:              {"brand", "Brand", Text, ""},
	StockSupplier:           {"supplier", "Supplier", Text, ""},
	StockOnHand:             {"on_hand", "On hand", Integer, "units in all locations"},
	StockCommitted:          {"committed", "Committed", Integer, "units promised to open orders"},
	StockAvailable:          {"available", "Avail", Integer, "on hand − committed"},
	StockOnOrder:            {"on_order", "On order", Integer, "outstanding units on sent purchase orders"},
	StockReorderPoint:       {"reorder_point", "ROP", Integer, "reorder point in use (manual or automatic)"},
	StockReorderPointManual: {"reorder_point_manual", "Manual", Bool, "true when the PM set the reorder point"},
	StockSafetyStock:        {"safety_stock", "Safety", Decimal, "safety stock in units"},
	StockWeeklyDemand:       {"weekly_demand", "Demand/wk", Decimal, "forecast mean demand per week"},
	StockDaysOfCover:        {"days_of_cover", "Cover", Decimal, "available ÷ daily forecast demand; empty when there is no demand"},
	StockValue:              {"stock_value", "Value", Money, "on hand × unit cost"},
	StockLastSale:           {"last_sale", "Last sale", Date, "last day with a sale"},
	StockStatus:             {"status", "Status", Enum, "out / low / dead / excess / ok"},
	StockStockout:           {"stockout_date", "Stockout", Date, "first day forecast demand exceeds available plus receipts of open orders by then; empty beyond the horizon"},
	StockMethod:             {"forecast_method", "Method", Text, "forecasting method chosen by backtest"},
	StockDemandClass:        {"demand_class", "Class", Enum, "smooth / erratic / intermittent / lumpy / none"},
	StockABC:                {"abc", "ABC", Enum, "class by 52-week revenue: A makes the first 80 %, B the next 15 %"},
	StockXYZ:                {"xyz", "XYZ", Enum, "class by CV of weekly demand: X < 0.5 ≤ Y < 1.0 ≤ Z"},
	StockRisk:               {"risk", "Risk", Enum, "dead / excess / declining / slow, empty when none"},
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
