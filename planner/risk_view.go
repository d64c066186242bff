package planner

import (
	"cmp"
	"slices"

	"stockroom/model"
)

// RiskView is the "risk" view: every SKU with stock at risk (dead, excess,
// declining, slow), worst first, with what clearing it would take. A
// what-if markdown per SKU replaces the suggested one in the projection.
type RiskView struct {
	snap   *Snapshot
	rows   []int // snapshot rows, in the view's order
	whatIf map[int64]float64
	proj   []model.Clearance // per view row, at the markdown in use
	params model.RiskParams
}

// Risk column indexes, in export order.
const (
	RiskSKU = iota
	RiskName
	RiskCategory
	RiskSupplier
	RiskKind
	RiskAvailable
	RiskUnits
	RiskValue
	RiskWeeklyDemand
	RiskWeeksToClear
	RiskMarkdown
	RiskLiquidation
	RiskPlanMarkdown
	RiskProjectedWeeks
	RiskCleared
	RiskClearanceRevenue
	RiskLeft
	RiskLastSale
	RiskSaleProb
	RiskSaleProbBefore
)

var riskColumns = []Column{
	RiskSKU:              {"sku", "SKU", "", Text, "stock keeping unit"},
	RiskName:             {"name", "Name", "", Text, "product name"},
	RiskCategory:         {"category", "Category", "", Text, "category"},
	RiskSupplier:         {"supplier", "Supplier", "", Text, "supplier name"},
	RiskKind:             {"risk", "Risk", "", Enum, "`dead`, `excess`, `declining` or `slow`"},
	RiskAvailable:        {"available", "Available", "Avail", Integer, "`on_hand − committed`"},
	RiskUnits:            {"excess_units", "Units at risk", "At risk", Integer, "units at risk, whatever the kind: dead, all available; excess, above S plus the cover target; slow, beyond the slow cover; declining, beyond what the forecast sells in the clearance window"},
	RiskValue:            {"excess_value", "Value at risk", "Value", Money, "units at risk × unit cost"},
	RiskWeeklyDemand:     {"weekly_demand", "Demand/wk", "", Decimal, "forecast mean demand per week at full price (μ_w)"},
	RiskWeeksToClear:     {"weeks_to_clear", "Weeks to clear", "Weeks", Decimal, "units at risk ÷ weekly demand; empty when it never clears"},
	RiskMarkdown:         {"markdown_pct", "Markdown", "Mkdn", Percent, "suggested markdown to clear within the clearance window: `1 − k^(1/ε)`, `k = weeks_to_clear ÷ window`, capped at `max_markdown`"},
	RiskLiquidation:      {"liquidation_value", "Liquidation value", "Liquid.", Money, "units at risk × unit cost × recovery rate"},
	RiskPlanMarkdown:     {"plan_markdown_pct", "What-if", "", Percent, "the markdown projected: the PM's what-if, else the suggestion"},
	RiskProjectedWeeks:   {"projected_weeks", "Projected weeks", "→ wks", Decimal, "weeks to clear at that markdown, selling `weekly_demand × (1 − markdown)^ε`; empty when never"},
	RiskCleared:          {"cleared_units", "Cleared", "", Integer, "units sold within the window at that markdown"},
	RiskClearanceRevenue: {"clearance_revenue", "Clearance revenue", "Clear rev", Money, "`cleared_units × price × (1 − markdown)`"},
	RiskLeft:             {"left_units", "Units left", "Left", Integer, "units still there after the window"},
	RiskLastSale:         {"last_sale", "Last sale", "", Date, "last day with a sale; empty if it never sold"},
	RiskSaleProb:         {"sale_prob_pct", "P(sale)", "", Percent, "smoothed chance of a sale in a week, now"},
	RiskSaleProbBefore:   {"sale_prob_before_pct", "P(sale) 26w ago", "P 26w ago", Percent, "the same 26 weeks ago"},
}

// Risk builds the risk view with what-if markdowns by product id (nil for
// none): dead first, then excess, declining and slow, each by value.
func (s *Snapshot) Risk(whatIf map[int64]float64) *RiskView {
	v := &RiskView{snap: s, whatIf: whatIf, params: s.RiskParams()}
	// the sort keys copied next to the row: sorting 40,000 rows through
	// their pointers waits on memory at every comparison
	type ranked struct {
		risk  model.Risk
		value float64
		row   int
	}
	var order []ranked
	for i, r := range s.Rows {
		if r.Risk.Risk != model.RiskNone {
			order = append(order, ranked{r.Risk.Risk, r.Risk.Value, i})
		}
	}
	slices.SortFunc(order, func(a, b ranked) int {
		if c := cmp.Compare(a.risk, b.risk); c != 0 {
			return c
		}
		if c := cmp.Compare(b.value, a.value); c != 0 {
			return c
		}
		return a.row - b.row // unstable sort, deterministic order
	})
	v.rows = make([]int, len(order))
	for k, o := range order {
		v.rows[k] = o.row
	}
	v.proj = make([]model.Clearance, len(v.rows))
	for k, i := range v.rows {
		r := s.Rows[i]
		v.proj[k] = r.clearance(v.markdown(r), v.params)
	}
	return v
}

// clearance projects clearing the row's units at risk at a markdown.
func (r *Row) clearance(markdown float64, p model.RiskParams) model.Clearance {
	pr := &r.Item.Product
	return model.ProjectClearance(r.Risk.Units, r.Forecast.Level(), pr.Price, pr.UnitCost, markdown, p)
}

// markdown is the markdown a row is projected at.
func (v *RiskView) markdown(r *Row) float64 {
	if m, ok := v.whatIf[r.Item.Product.ID]; ok {
		return m
	}
	return r.Risk.Markdown
}

// WhatIf is the view's what-if markdowns; callers copy before changing.
func (v *RiskView) WhatIf() map[int64]float64 { return v.whatIf }

func (v *RiskView) Name() string                     { return "risk" }
func (v *RiskView) Columns() []Column                { return riskColumns }
func (v *RiskView) Len() int                         { return len(v.rows) }
func (v *RiskView) Row(i int) *Row                   { return v.snap.Rows[v.rows[i]] }
func (v *RiskView) Projection(i int) model.Clearance { return v.proj[i] }

// SearchText is the SKU's search text and its kind of risk, so a filter
// of "dead" or "excess kitchen" narrows by risk too.
func (v *RiskView) SearchText(i int) string {
	return v.snap.search.get(v.rows[i]) + "\x00" + v.Row(i).Risk.Risk.String()
}

func (v *RiskView) Value(i, col int) Value {
	r := v.Row(i)
	a, p, c := &r.Risk, &r.Item.Product, &v.proj[i]
	switch col {
	case RiskSKU:
		return Value{Text: p.SKU}
	case RiskName:
		return Value{Text: p.Name}
	case RiskCategory:
		return Value{Text: p.Category}
	case RiskSupplier:
		return Value{Text: r.Supplier}
	case RiskKind:
		return Value{Int: int64(a.Risk), Text: a.Risk.String()}
	case RiskAvailable:
		return Value{Int: int64(r.Plan.Available)}
	case RiskUnits:
		return Value{Int: int64(a.Units)}
	case RiskValue:
		return Value{Float: a.Value}
	case RiskWeeklyDemand:
		return Value{Float: r.Forecast.Level()}
	case RiskWeeksToClear:
		return finite(a.WeeksToClear)
	case RiskMarkdown:
		return Value{Float: 100 * a.Markdown}
	case RiskLiquidation:
		return Value{Float: a.Liquidation}
	case RiskPlanMarkdown:
		return Value{Float: 100 * v.markdown(r)}
	case RiskProjectedWeeks:
		return finite(c.WeeksToClear)
	case RiskCleared:
		return Value{Int: int64(c.Cleared)}
	case RiskClearanceRevenue:
		return Value{Float: c.Revenue}
	case RiskLeft:
		return Value{Int: int64(c.Left)}
	case RiskLastSale:
		return dateValue(r.LastSale)
	case RiskSaleProb:
		return Value{Float: 100 * r.stats().SaleProb}
	case RiskSaleProbBefore:
		return Value{Float: 100 * r.stats().SaleProbBefore}
	}
	return Value{Null: true}
}

// RiskTotals sum rows of the risk view: the capital at risk and what
// clearing it is projected to bring.
type RiskTotals struct {
	SKUs, Units int
	Value       float64
	Liquidation float64
	// Cleared, Revenue and Left project the markdowns in use over the
	// clearance window; LeftLiquidation is what selling off the rest
	// recovers.
	Cleared, Left   int
	Revenue         float64
	LeftLiquidation float64
	ByRisk          [model.RiskNone]RiskSum
}

// RiskSum is one kind of risk's SKUs and value at cost.
type RiskSum struct {
	SKUs  int
	Value float64
}

// Totals sums the given view rows; negative entries (headings) are
// skipped.
func (v *RiskView) Totals(rows []int) RiskTotals {
	var t RiskTotals
	for _, i := range rows {
		if i >= 0 {
			t.add(&v.Row(i).Risk, v.proj[i])
		}
	}
	return t
}

func (t *RiskTotals) add(a *model.RiskAssessment, c model.Clearance) {
	t.SKUs++
	t.Units += a.Units
	t.Value += a.Value
	t.Liquidation += a.Liquidation
	t.Cleared += c.Cleared
	t.Left += c.Left
	t.Revenue += c.Revenue
	t.LeftLiquidation += c.Liquidation
	t.ByRisk[a.Risk].SKUs++
	t.ByRisk[a.Risk].Value += a.Value
}

var _ View = (*RiskView)(nil)
