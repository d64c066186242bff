package planner

import (
	"fmt"

	"stockroom/model"
)

// OverviewView is the "overview" view: the overview's figures, one per
// row, so a script can read what the Overview pane shows.
type OverviewView struct {
	values []Value // by metric index
}

// Overview metric indexes: the overview view's rows, in order. Every
// figure the Overview pane shows is one of them.
const (
	MetricStockCost = iota
	MetricStockRetail
	MetricSKUs
	MetricOutOfStock
	MetricBelowROP
	MetricStockoutSoon
	MetricToOrder
	MetricOrderValue
	MetricExcessValue
	MetricExcessSKUs
	MetricDeadValue
	MetricDeadSKUs
	MetricDecliningValue
	MetricDecliningSKUs
	MetricSlowValue
	MetricSlowSKUs
	MetricCapitalAtRisk
	MetricLiquidation
	MetricTurnover
	MetricGMROI
	MetricSellThrough
	MetricStockoutRate
	MetricRevenue
	MetricMargin
	MetricForecastRevenue
)

// overviewMetrics declare the overview's figures once: Name is the
// export's metric, Title its title, Short its label on the Overview pane,
// Kind how its value reads and Help its meaning.
var overviewMetrics = []Column{
	MetricStockCost:       {"inventory_value_cost", "Inventory at cost", "At cost", Money, "on hand × unit cost"},
	MetricStockRetail:     {"inventory_value_retail", "Inventory at retail", "At retail", Money, "on hand × price"},
	MetricSKUs:            {"skus", "SKUs", "", Integer, "SKUs in the catalogue"},
	MetricOutOfStock:      {"out_of_stock", "Out of stock", "", Integer, "active SKUs with nothing available (status `out`)"},
	MetricBelowROP:        {"below_reorder_point", "At or below reorder point", "≤ reorder point", Integer, "inventory position ≤ reorder point"},
	MetricStockoutSoon:    {"stockout_within_14_days", "Stock out within 14 days", fmt.Sprintf("Out in %d days", StockoutSoonDays), Integer, "in stock now, projected to run out within 14 days"},
	MetricToOrder:         {"skus_to_order", "SKUs to order", "To order", Integer, "rows of the `reorder` view"},
	MetricOrderValue:      {"order_value", "Suggested order value", "", Money, "their quantities × unit cost"},
	MetricExcessValue:     {"excess_value", "Excess stock", "Excess", Money, "units at risk × cost, excess stock (the `risk` view's rows)"},
	MetricExcessSKUs:      {"excess_skus", "Excess SKUs", "", Integer, "SKUs with excess stock (the `risk` view's `excess` rows)"},
	MetricDeadValue:       {"dead_value", "Dead stock", "Dead", Money, "units at risk × cost, dead stock"},
	MetricDeadSKUs:        {"dead_skus", "Dead SKUs", "", Integer, "SKUs with dead stock"},
	MetricDecliningValue:  {"declining_value", "Declining", "", Money, "units at risk × cost, declining stock"},
	MetricDecliningSKUs:   {"declining_skus", "Declining SKUs", "", Integer, "SKUs with declining stock"},
	MetricSlowValue:       {"slow_value", "Slow movers", "Slow", Money, "units at risk × cost, slow stock"},
	MetricSlowSKUs:        {"slow_skus", "Slow SKUs", "", Integer, "SKUs with slow stock"},
	MetricCapitalAtRisk:   {"capital_at_risk", "Capital at risk", "", Money, "all units at risk × cost"},
	MetricLiquidation:     {"liquidation_value", "Liquidation value", "Liquidation", Money, "all units at risk × cost × recovery rate"},
	MetricTurnover:        {"turnover", "Turnover", "", Decimal, "52-week COGS ÷ stock at cost"},
	MetricGMROI:           {"gmroi", "GMROI", "", Decimal, "52-week gross margin ÷ stock at cost"},
	MetricSellThrough:     {"sell_through", "Sell-through", "", Percent, "units sold ÷ (sold + on hand), 52 weeks"},
	MetricStockoutRate:    {"stockout_rate", "Stockout rate", "", Percent, "share of SKU-days out of stock, 52 weeks"},
	MetricRevenue:         {"revenue_52w", "Revenue, last 52 weeks", "Last 52 weeks", Money, "revenue of the last 52 complete weeks"},
	MetricMargin:          {"margin_52w", "Gross margin, last 52 weeks", "Margin 52w", Money, "gross margin of the last 52 complete weeks: revenue − units sold × unit cost"},
	MetricForecastRevenue: {"forecast_revenue_30d", "Forecast revenue, next 30 days", "Next 30 days", Money, "forecast demand of the next 30 days × price"},
}

// OverviewMetric is the declaration of one of the overview's figures (a
// Metric index): its name, titles, kind and meaning.
func OverviewMetric(i int) Column { return overviewMetrics[i] }

var overviewColumns = []Column{
	{"metric", "Metric", "", Text, "a stable snake_case name"},
	{"value", "Value", "", Decimal, "money in the catalogue's currency, counts as whole numbers, rates in percent, turnover and GMROI as plain ratios; empty when undefined"},
	{"title", "Title", "", Text, "the figure's title"},
	{"help", "Meaning", "", Text, "the figure's meaning"},
}

// View lists the overview's figures in metric order.
func (o *Overview) View() *OverviewView {
	k := &o.KPIs
	risk := func(r model.Risk) RiskSum { return o.Risk.ByRisk[r] }
	money := func(x float64) Value { return Value{Float: x} }
	count := func(n int) Value { return Value{Int: int64(n)} }
	return &OverviewView{values: []Value{
		MetricStockCost:       money(k.StockCost),
		MetricStockRetail:     money(k.StockRetail),
		MetricSKUs:            count(k.SKUs),
		MetricOutOfStock:      count(o.OutOfStock),
		MetricBelowROP:        count(o.BelowROP),
		MetricStockoutSoon:    count(o.StockoutSoon),
		MetricToOrder:         count(o.ToOrder.SKUs),
		MetricOrderValue:      money(o.ToOrder.Value),
		MetricExcessValue:     money(risk(model.RiskExcess).Value),
		MetricExcessSKUs:      count(risk(model.RiskExcess).SKUs),
		MetricDeadValue:       money(risk(model.RiskDead).Value),
		MetricDeadSKUs:        count(risk(model.RiskDead).SKUs),
		MetricDecliningValue:  money(risk(model.RiskDeclining).Value),
		MetricDecliningSKUs:   count(risk(model.RiskDeclining).SKUs),
		MetricSlowValue:       money(risk(model.RiskSlow).Value),
		MetricSlowSKUs:        count(risk(model.RiskSlow).SKUs),
		MetricCapitalAtRisk:   money(o.Risk.Value),
		MetricLiquidation:     money(o.Risk.Liquidation),
		MetricTurnover:        finite(k.Turnover()),
		MetricGMROI:           finite(k.GMROI()),
		MetricSellThrough:     percent(k.SellThrough()),
		MetricStockoutRate:    percent(k.StockoutRate()),
		MetricRevenue:         money(k.Revenue),
		MetricMargin:          money(k.Margin()),
		MetricForecastRevenue: money(o.ForecastRevenue30),
	}}
}

func (v *OverviewView) Name() string            { return "overview" }
func (v *OverviewView) Columns() []Column       { return overviewColumns }
func (v *OverviewView) Len() int                { return len(v.values) }
func (v *OverviewView) SearchText(i int) string { return overviewMetrics[i].Name }

// Kind is how the row's value reads: money, a count or a rate.
func (v *OverviewView) Kind(i int) Kind { return overviewMetrics[i].Kind }

// overviewValueCol is the overview view's value column.
const overviewValueCol = 1

// Figure is a metric's value (a Metric index) as the export writes it: the
// Overview pane draws these, so it cannot disagree with the export.
func (v *OverviewView) Figure(metric int) Value { return v.Value(metric, overviewValueCol) }

func (v *OverviewView) Value(i, col int) Value {
	m := &overviewMetrics[i]
	switch col {
	case 0:
		return Value{Text: m.Name}
	case overviewValueCol:
		if val := v.values[i]; m.Kind == Integer && !val.Null {
			return Value{Float: float64(val.Int)}
		}
		return v.values[i]
	case 2:
		return Value{Text: m.Title}
	case 3:
		return Value{Text: m.PlainHelp()}
	}
	return Value{Null: true}
}

var _ View = (*OverviewView)(nil)
