package planner

import (
	"cmp"
	"math"
	"slices"

	"stockroom/model"
)

// ReorderView is the "reorder" view: every SKU to order now (Plan.Reorder),
// with the numbers behind its suggestion, grouped by supplier. Its own
// order is by urgency: suppliers by their most urgent SKU, and within a
// supplier by order-by day.
type ReorderView struct {
	snap   *Snapshot
	rows   []int // snapshot rows, in urgency order
	groups []ReorderGroup
	group  []int // per view row: its group
}

// ReorderGroup is one supplier's share of the reorder view.
type ReorderGroup struct {
	SupplierID    int64
	Supplier      string
	MinOrderValue float64
	Currency      string
	Rows          []int // view rows, in urgency order
	// FirstOrderBy is the earliest order-by day of the group, NoDay when
	// none of its SKUs runs out within the horizon.
	FirstOrderBy model.Day
}

// ReorderTotals are the units and value of some of a group's suggestions.
type ReorderTotals struct {
	SKUs  int
	Units int
	Value float64
}

// BelowMinimum reports whether an order of this value misses the supplier's
// minimum order value.
func (g ReorderGroup) BelowMinimum(value float64) bool {
	return g.MinOrderValue > 0 && value < g.MinOrderValue
}

// Reorder column indexes, in export order.
const (
	ReorderSKU = iota
	ReorderName
	ReorderSupplier
	ReorderABC
	ReorderDemandClass
	ReorderAvailable
	ReorderOnOrder
	ReorderInDraft
	ReorderPosition
	ReorderWeeklyDemand
	ReorderDemandSD
	ReorderLeadTime
	ReorderLeadTimeSD
	ReorderLeadTimeSource
	ReorderServiceLevel
	ReorderSafetyStock
	ReorderPoint
	ReorderPointManual
	ReorderEOQ
	ReorderOrderUpTo
	ReorderNeed
	ReorderCasePack
	ReorderMOQ
	ReorderRounding
	ReorderSuggested
	ReorderQtyManual
	ReorderUnitCost
	ReorderValue
	ReorderCover
	ReorderStockout
	ReorderOrderBy
	ReorderReason
)

var reorderColumns = []Column{
	ReorderSKU:            {"sku", "SKU", "", Text, "stock keeping unit"},
	ReorderName:           {"name", "Name", "", Text, "product name"},
	ReorderSupplier:       {"supplier", "Supplier", "", Text, "supplier name"},
	ReorderABC:            {"abc", "ABC", "", Enum, "`A`, `B` or `C` by trailing-52-week revenue: A makes the first 80 % of it, B the next 15 % (`abc_cut_a`, `abc_cut_b`), C the rest"},
	ReorderDemandClass:    {"demand_class", "Class", "", Enum, "`smooth`, `erratic`, `intermittent`, `lumpy` or `none`"},
	ReorderAvailable:      {"available", "Available", "Avail", Integer, "`on_hand − committed`"},
	ReorderOnOrder:        {"on_order", "On order", "On ord", Integer, "outstanding units on sent purchase orders"},
	ReorderInDraft:        {"in_draft", "In draft", "Draft", Integer, "units on draft purchase orders"},
	ReorderPosition:       {"inventory_position", "Inventory position", "IP", Integer, "`available + on_order + in_draft`"},
	ReorderWeeklyDemand:   {"weekly_demand", "Demand/wk", "μ/wk", Decimal, "forecast mean demand per week (μ_w)"},
	ReorderDemandSD:       {"demand_sd", "Demand sd/wk", "σ/wk", Decimal, "sd of a week's forecast error (σ_w)"},
	ReorderLeadTime:       {"lead_time_weeks", "Lead time (weeks)", "L wk", Decimal, "lead time planned with, in weeks (L)"},
	ReorderLeadTimeSD:     {"lead_time_sd_weeks", "Lead-time sd (weeks)", "σL wk", Decimal, "sd of the lead time planned with, in weeks (σ_L)"},
	ReorderLeadTimeSource: {"lead_time_source", "Lead time from", "L from", Enum, "`supplier` (configured), `measured` (≥ 3 received orders), `sku` (override) or `default` (no supplier: the `default_lead_time_days` setting)"},
	ReorderServiceLevel:   {"service_level", "Service level", "Svc", Percent, "the cycle service level used (0–100): by ABC class unless set for the SKU"},
	ReorderSafetyStock:    {"safety_stock", "Safety stock", "SS", Decimal, "safety stock (SS) in units, never negative"},
	ReorderPoint:          {"reorder_point", "Reorder point", "ROP", Integer, "the reorder point in use, the PM's or computed"},
	ReorderPointManual:    {"reorder_point_manual", "Manual", "", Bool, "`true` when the PM set it"},
	ReorderEOQ:            {"eoq", "EOQ", "", Decimal, "economic order quantity √(2DK/hc)"},
	ReorderOrderUpTo:      {"order_up_to", "Order-up-to level", "Up to", Decimal, "order-up-to level S: ROP + max(EOQ, μ_w·R), the order part at most `max_cover_weeks` of demand (more for a sporadic SKU whose one sale is larger)"},
	ReorderNeed:           {"need", "Need", "", Decimal, "`S − inventory_position`, before rounding"},
	ReorderCasePack:       {"case_pack", "Case pack", "Pack", Integer, "units per case"},
	ReorderMOQ:            {"moq", "MOQ", "", Integer, "minimum order quantity"},
	ReorderRounding:       {"rounding", "Rounding", "Round", Enum, "`up`, `nearest` or `down` to whole cases"},
	ReorderSuggested:      {"suggested_qty", "Order qty", "Order", Integer, "units to order: the need rounded to cases and raised to the MOQ, or the PM's quantity"},
	ReorderQtyManual:      {"qty_manual", "Own qty", "", Bool, "`true` when the PM set the quantity"},
	ReorderUnitCost:       {"unit_cost", "Unit cost", "Cost", Money, "cost per unit"},
	ReorderValue:          {"order_value", "Order value", "Value", Money, "`suggested_qty × unit_cost`"},
	ReorderCover:          {"days_of_cover", "Days of cover", "Cover", Decimal, "as in `stock`: `available / (weekly_demand / 7)`, empty when the stock never runs out"},
	ReorderStockout:       {"stockout_date", "Stockout", "", Date, "first day demand exceeds available plus receipts by then; empty beyond the 26-week horizon"},
	ReorderOrderBy:        {"order_by_date", "Order by", "", Date, "`stockout_date − lead time`: the last day to order and still be in time"},
	ReorderReason:         {"reason", "Reason", "Why", Enum, "`below_rop`, `order_by_soon` or `own_qty`"},
}

// Reorder builds the reorder view: one pass over the rows, then a sort of
// the few that need ordering.
func (s *Snapshot) Reorder() *ReorderView {
	v := &ReorderView{snap: s}
	for i, r := range s.Rows {
		if r.Plan.Reorder {
			v.rows = append(v.rows, i)
		}
	}
	bySupplier := map[int64]int{}
	for _, i := range v.rows {
		id := s.Rows[i].Item.Product.SupplierID
		if _, ok := bySupplier[id]; !ok {
			sp := s.suppliers[id]
			bySupplier[id] = len(v.groups)
			v.groups = append(v.groups, ReorderGroup{SupplierID: id, Supplier: sp.Name, MinOrderValue: sp.MinOrderValue,
				Currency: sp.Currency, FirstOrderBy: model.NoDay})
		}
		g := &v.groups[bySupplier[id]]
		if ob := s.Rows[i].Plan.OrderBy; ob.Valid() && (!g.FirstOrderBy.Valid() || ob < g.FirstOrderBy) {
			g.FirstOrderBy = ob
		}
	}
	slices.SortFunc(v.groups, func(a, b ReorderGroup) int {
		return cmp.Or(compareDays(a.FirstOrderBy, b.FirstOrderBy), cmp.Compare(a.Supplier, b.Supplier), cmp.Compare(a.SupplierID, b.SupplierID))
	})
	rank := make(map[int64]int, len(v.groups))
	for k, g := range v.groups {
		rank[g.SupplierID] = k
	}
	// sort keys read once per row, not per comparison: an edit rebuilds
	// this view for 100,000 SKUs
	type key struct {
		group   int
		orderBy model.Day // NoDay sorts last
		sku     string
		row     int
	}
	keys := make([]key, len(v.rows))
	for k, i := range v.rows {
		r := s.Rows[i]
		ob := r.Plan.OrderBy
		if !ob.Valid() {
			ob = math.MaxInt32
		}
		keys[k] = key{rank[r.Item.Product.SupplierID], ob, r.Item.Product.SKU, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.orderBy, b.orderBy), cmp.Compare(a.sku, b.sku))
	})
	v.group = make([]int, len(v.rows))
	for k, key := range keys {
		v.rows[k] = key.row
		v.group[k] = key.group
		v.groups[key.group].Rows = append(v.groups[key.group].Rows, k)
	}
	return v
}

// compareDays orders days with NoDay (no stockout in sight) last.
func compareDays(a, b model.Day) int {
	switch {
	case a.Valid() && b.Valid():
		return cmp.Compare(a, b)
	case a.Valid():
		return -1
	case b.Valid():
		return 1
	}
	return 0
}

func (*ReorderView) Name() string                { return "reorder" }
func (*ReorderView) Columns() []Column           { return reorderColumns }
func (v *ReorderView) Len() int                  { return len(v.rows) }
func (v *ReorderView) Row(i int) *Row            { return v.snap.Rows[v.rows[i]] }
func (v *ReorderView) SnapshotRow(i int) int     { return v.rows[i] }
func (v *ReorderView) SearchText(i int) string   { return v.snap.search.get(v.rows[i]) }
func (v *ReorderView) Groups() []ReorderGroup    { return v.groups }
func (v *ReorderView) GroupOf(i int) int         { return v.group[i] }
func (v *ReorderView) Group(i int) *ReorderGroup { return &v.groups[v.group[i]] }

// Arrange keeps suppliers together whatever the sort: groups in urgency
// order, each holding its rows in the order given.
func (v *ReorderView) Arrange(rows []int) []int {
	out := make([]int, 0, len(rows))
	byGroup := make([][]int, len(v.groups))
	for _, r := range rows {
		byGroup[v.group[r]] = append(byGroup[v.group[r]], r)
	}
	for _, g := range byGroup {
		out = append(out, g...)
	}
	return out
}

// Totals adds up the suggestions of the given view rows.
func (v *ReorderView) Totals(rows []int) ReorderTotals {
	var t ReorderTotals
	for _, i := range rows {
		t.add(&v.Row(i).Plan)
	}
	return t
}

func (t *ReorderTotals) add(p *model.Plan) {
	t.SKUs++
	t.Units += p.SuggestedQty
	t.Value += p.OrderValue
}

func (v *ReorderView) Value(i, col int) Value {
	r := v.Row(i)
	p, pl := &r.Item.Product, &r.Plan
	switch col {
	case ReorderSKU:
		return Value{Text: p.SKU}
	case ReorderName:
		return Value{Text: p.Name}
	case ReorderSupplier:
		return Value{Text: r.Supplier}
	case ReorderABC:
		return Value{Int: int64(r.ABC), Text: r.ABC.String()}
	case ReorderDemandClass:
		return Value{Int: int64(r.Forecast.Class), Text: r.Forecast.Class.String()}
	case ReorderAvailable:
		return Value{Int: int64(pl.Available)}
	case ReorderOnOrder:
		return Value{Int: int64(r.Item.OnOrder)}
	case ReorderInDraft:
		return Value{Int: int64(r.Item.InDraft)}
	case ReorderPosition:
		return Value{Int: int64(pl.InventoryPosition)}
	case ReorderWeeklyDemand:
		return Value{Float: r.Forecast.Level()}
	case ReorderDemandSD:
		return Value{Float: r.Forecast.SD}
	case ReorderLeadTime:
		return Value{Float: r.LeadTimeWeeks}
	case ReorderLeadTimeSD:
		return Value{Float: r.LeadTimeSDWeeks}
	case ReorderLeadTimeSource:
		return Value{Int: int64(r.LeadTime.Source), Text: r.LeadTime.Source.String()}
	case ReorderServiceLevel:
		return Value{Float: 100 * r.ServiceLevel}
	case ReorderSafetyStock:
		return Value{Float: pl.SafetyStock}
	case ReorderPoint:
		return Value{Int: int64(pl.ReorderPoint)}
	case ReorderPointManual:
		return boolValue(pl.ReorderPointManual)
	case ReorderEOQ:
		return Value{Float: pl.EOQ}
	case ReorderOrderUpTo:
		return Value{Float: pl.OrderUpTo}
	case ReorderNeed:
		return Value{Float: pl.Need}
	case ReorderCasePack:
		return Value{Int: int64(max(p.CasePack, 1))}
	case ReorderMOQ:
		return Value{Int: int64(p.MOQ)}
	case ReorderRounding:
		rule, _ := model.ParseRounding(string(r.Item.Policy.Rounding))
		return Value{Int: int64(slices.Index([]model.Rounding{model.RoundUp, model.RoundNearest, model.RoundDown}, rule)), Text: string(rule)}
	case ReorderSuggested:
		return Value{Int: int64(pl.SuggestedQty)}
	case ReorderQtyManual:
		return boolValue(pl.QtyManual)
	case ReorderUnitCost:
		return Value{Float: p.UnitCost}
	case ReorderValue:
		return Value{Float: pl.OrderValue}
	case ReorderCover:
		return coverValue(pl.DaysOfCover)
	case ReorderStockout:
		return dateValue(pl.Stockout)
	case ReorderOrderBy:
		return dateValue(pl.OrderBy)
	case ReorderReason:
		reason := ReasonOf(r)
		return Value{Int: int64(reason), Text: reason.String()}
	}
	return Value{Null: true}
}

// Reason says why a SKU is on the reorder list.
type Reason uint8

const (
	ReasonBelowROP Reason = iota // inventory position at or below the reorder point
	ReasonOrderBy                // the order-by day falls within the review period
	ReasonOwnQty                 // the PM set an order quantity
)

func (r Reason) String() string {
	return [...]string{"below_rop", "order_by_soon", "own_qty"}[min(r, ReasonOwnQty)]
}

// ReasonOf is why a row is on the reorder list.
func ReasonOf(r *Row) Reason {
	switch {
	case r.Plan.QtyManual:
		return ReasonOwnQty
	case r.Plan.InventoryPosition <= r.Plan.ReorderPoint:
		return ReasonBelowROP
	}
	return ReasonOrderBy
}

var _ View = (*ReorderView)(nil)
