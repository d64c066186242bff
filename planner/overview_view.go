package planner

import "stockroom/model"

// OverviewView is the "overview" view: the overview's figures, one per
// row, so a script can read what the Overview pane shows.
type OverviewView struct {
	metrics []overviewMetric
}

type overviewMetric struct {
	name, title string
	kind        Kind
	value       Value
	help        string
}

var overviewColumns = []Column{
	{"metric", "Metric", Text, "stable snake_case name"},
	{"value", "Value", Decimal, "money in the catalogue's currency, counts as whole numbers, rates as percent"},
	{"title", "Title", Text, ""},
	{"help", "Meaning", Text, ""},
}

// View lists the overview's figures in the order the pane shows them.
func (o *Overview) View() *OverviewView {
	k := &o.KPIs
	money := func(name, title string, x float64, help string) overviewMetric {
		return overviewMetric{name, title, Money, Value{Float: x}, help}
	}
	count := func(name, title string, n int, help string) overviewMetric {
		return overviewMetric{name, title, Integer, Value{Int: int64(n)}, help}
	}
	rate := func(name, title string, v Value, kind Kind, help string) overviewMetric {
		return overviewMetric{name, title, kind, v, help}
	}
	return &OverviewView{metrics: []overviewMetric{
		money("inventory_value_cost", "Inventory at cost", k.StockCost, "on hand × unit cost"),
		money("inventory_value_retail", "Inventory at retail", k.StockRetail, "on hand × price"),
		count("skus", "SKUs", k.SKUs, ""),
		count("out_of_stock", "Out of stock", o.OutOfStock, "active SKUs with nothing available (stock status out)"),
		count("below_reorder_point", "At or below reorder point", o.BelowROP, "inventory position ≤ reorder point"),
		count("stockout_within_14_days", "Stock out within 14 days", o.StockoutSoon, "in stock now, projected to run out within 14 days"),
		count("skus_to_order", "SKUs to order", o.ToOrder.SKUs, "rows of the reorder view"),
		money("order_value", "Suggested order value", o.ToOrder.Value, "the reorder view's quantities × unit cost"),
		money("excess_value", "Excess stock", o.Risk.ByRisk[model.RiskExcess].Value, "excess units × cost (risk view)"),
		money("dead_value", "Dead stock", o.Risk.ByRisk[model.RiskDead].Value, "dead units × cost (risk view)"),
		money("declining_value", "Declining", o.Risk.ByRisk[model.RiskDeclining].Value, "units at risk of declining SKUs × cost"),
		money("slow_value", "Slow movers", o.Risk.ByRisk[model.RiskSlow].Value, "units beyond the slow cover × cost"),
		money("capital_at_risk", "Capital at risk", o.Risk.Value, "all units at risk × cost"),
		money("liquidation_value", "Liquidation value", o.Risk.Liquidation, "all units at risk × cost × recovery rate"),
		rate("turnover", "Turnover", finite(k.Turnover()), Decimal, "52-week COGS ÷ stock at cost"),
		rate("gmroi", "GMROI", finite(k.GMROI()), Decimal, "52-week gross margin ÷ stock at cost"),
		rate("sell_through", "Sell-through", percent(k.SellThrough()), Percent, "units sold ÷ (sold + on hand), 52 weeks"),
		rate("stockout_rate", "Stockout rate", percent(k.StockoutRate()), Percent, "share of SKU-days out of stock, 52 weeks"),
		money("revenue_52w", "Revenue, last 52 weeks", k.Revenue, ""),
		money("forecast_revenue_30d", "Forecast revenue, next 30 days", o.ForecastRevenue30, "forecast demand × price"),
	}}
}

func (v *OverviewView) Name() string            { return "overview" }
func (v *OverviewView) Columns() []Column       { return overviewColumns }
func (v *OverviewView) Len() int                { return len(v.metrics) }
func (v *OverviewView) SearchText(i int) string { return v.metrics[i].name }

// Kind is how the row's value reads: money, a count or a rate.
func (v *OverviewView) Kind(i int) Kind { return v.metrics[i].kind }

func (v *OverviewView) Value(i, col int) Value {
	m := &v.metrics[i]
	switch col {
	case 0:
		return Value{Text: m.name}
	case 1:
		if m.kind == Integer && !m.value.Null {
			return Value{Float: float64(m.value.Int)}
		}
		return m.value
	case 2:
		return Value{Text: m.title}
	case 3:
		return Value{Text: m.help}
	}
	return Value{Null: true}
}

var _ View = (*OverviewView)(nil)
