package planner

import (
	"cmp"
	"math"
	"slices"

	"stockroom/model"
)

// AssortmentView is the "assortment" view: one row per group of the
// chosen breakdown with its share of revenue, margin and stock and how
// hard its stock works. It also carries the ABC × XYZ matrix of the
// whole catalogue, which does not depend on the breakdown.
type AssortmentView struct {
	By     GroupBy
	groups []AssortmentGroup
	// Total is the whole catalogue's figures; shares are of it.
	Total  model.KPIs
	Matrix Matrix
}

// AssortmentGroup is one group's line.
type AssortmentGroup struct {
	Group Group
	KPIs  model.KPIs
}

// Matrix is the ABC × XYZ matrix: [ABC][XYZ].
type Matrix [3][3]MatrixCell

// MatrixCell is one class pair's SKUs, revenue and stock value at cost.
type MatrixCell struct {
	SKUs       int
	Revenue    float64
	StockValue float64
}

// Assortment column indexes, in export order.
const (
	AssortGroup = iota
	AssortSKUs
	AssortRevenue
	AssortRevenueShare
	AssortMargin
	AssortMarginShare
	AssortStockValue
	AssortStockValueShare
	AssortShareGap
	AssortTurnover
	AssortGMROI
	AssortSellThrough
	AssortStockoutRate
	AssortDaysOfCover
	AssortOutOfStock
)

var assortmentColumns = []Column{
	AssortGroup:           {"group", "Group", "", Text, "the category, `category / subcategory`, brand or supplier; `(none)` when empty"},
	AssortSKUs:            {"skus", "SKUs", "", Integer, "SKUs in the group"},
	AssortRevenue:         {"revenue", "Revenue 52w", "Revenue", Money, "revenue of the last 52 complete weeks"},
	AssortRevenueShare:    {"revenue_share", "Revenue share", "Rev %", Percent, "share of the catalogue's 52-week revenue"},
	AssortMargin:          {"margin", "Margin 52w", "", Money, "gross margin: `revenue − units sold × unit cost`"},
	AssortMarginShare:     {"margin_share", "Margin share", "Mgn %", Percent, "share of the catalogue's gross margin"},
	AssortStockValue:      {"stock_value", "Stock value", "", Money, "`on_hand × unit_cost`"},
	AssortStockValueShare: {"stock_value_share", "Stock value share", "Stk %", Percent, "share of the catalogue's stock value at cost"},
	AssortShareGap:        {"share_gap", "Share gap", "Revenue ▕ stock share", Percent, "`revenue_share − stock_value_share`: negative holds more stock than it earns"},
	AssortTurnover:        {"turnover", "Turnover", "Turns", Decimal, "COGS ÷ stock at cost, per year; empty without stock"},
	AssortGMROI:           {"gmroi", "GMROI", "", Decimal, "gross margin ÷ stock at cost; empty without stock"},
	AssortSellThrough:     {"sell_through", "Sell-through", "Sell-thr", Percent, "units sold ÷ (sold + on hand)"},
	AssortStockoutRate:    {"stockout_rate", "Stockout rate", "OOS %", Percent, "share of SKU-days out of stock over 52 weeks"},
	AssortDaysOfCover:     {"days_of_cover", "Days of cover", "Cover", Decimal, "available ÷ daily forecast demand; empty without demand or beyond ten years"},
	AssortOutOfStock:      {"out_of_stock", "Out of stock", "Out", Integer, "SKUs with nothing available now"},
}

// Assortment builds the breakdown by a grouping, largest revenue first.
func (s *Snapshot) Assortment(by GroupBy) *AssortmentView {
	v := &AssortmentView{By: by}
	index := map[Group]int{}
	for _, r := range s.Rows {
		f := r.figures()
		v.Total.Add(f)
		cell := &v.Matrix[min(r.ABC, model.ClassC)][min(r.XYZ, model.ClassZ)]
		cell.SKUs++
		cell.Revenue += f.Revenue52w
		cell.StockValue += float64(f.OnHand) * f.UnitCost
		g := groupOf(r, by)
		k, ok := index[g]
		if !ok {
			k = len(v.groups)
			index[g] = k
			v.groups = append(v.groups, AssortmentGroup{Group: g})
		}
		v.groups[k].KPIs.Add(f)
	}
	slices.SortStableFunc(v.groups, func(a, b AssortmentGroup) int {
		if c := cmp.Compare(b.KPIs.Revenue, a.KPIs.Revenue); c != 0 {
			return c
		}
		return cmp.Compare(a.Group.Label(), b.Group.Label())
	})
	return v
}

func (v *AssortmentView) Name() string                { return "assortment" }
func (v *AssortmentView) Columns() []Column           { return assortmentColumns }
func (v *AssortmentView) Len() int                    { return len(v.groups) }
func (v *AssortmentView) Group(i int) AssortmentGroup { return v.groups[i] }
func (v *AssortmentView) SearchText(i int) string     { return searchLabel(v.groups[i].Group) }

func (v *AssortmentView) Value(i, col int) Value {
	g := &v.groups[i]
	k, t := &g.KPIs, &v.Total
	switch col {
	case AssortGroup:
		return Value{Text: g.Group.Label()}
	case AssortSKUs:
		return Value{Int: int64(k.SKUs)}
	case AssortRevenue:
		return Value{Float: k.Revenue}
	case AssortRevenueShare:
		return percent(model.Share(k.Revenue, t.Revenue))
	case AssortMargin:
		return Value{Float: k.Margin()}
	case AssortMarginShare:
		return percent(model.Share(k.Margin(), t.Margin()))
	case AssortStockValue:
		return Value{Float: k.StockCost}
	case AssortStockValueShare:
		return percent(model.Share(k.StockCost, t.StockCost))
	case AssortShareGap:
		return percent(model.Share(k.Revenue, t.Revenue) - model.Share(k.StockCost, t.StockCost))
	case AssortTurnover:
		return finite(k.Turnover())
	case AssortGMROI:
		return finite(k.GMROI())
	case AssortSellThrough:
		return percent(k.SellThrough())
	case AssortStockoutRate:
		return percent(k.StockoutRate())
	case AssortDaysOfCover:
		return coverValue(k.DaysOfCover())
	case AssortOutOfStock:
		return Value{Int: int64(k.OutOfStock)}
	}
	return Value{Null: true}
}

// percent is a 0–1 share as a Percent value, null when undefined.
func percent(share float64) Value { return finite(100 * share) }

// finite is a number, null when NaN or infinite.
func finite(x float64) Value {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return Value{Null: true}
	}
	return Value{Float: x}
}

var _ View = (*AssortmentView)(nil)
