package planner

import (
	"math"
	"testing"
)

// testCatalogue's risks: C-3 is dead (50 available at cost 2), B-2 holds
// 281 excess units at 4 a week (cost 2, price 5): above S = 4·(2 + 1) +
// 4·1 = 16 and 180 days of cover, 400 − (16 + 102.86) = 281.14.
func TestRiskViewWorstFirst(t *testing.T) {
	v := Build(testCatalogue(), mean8).Risk(nil)
	if v.Len() != 2 || v.Value(0, RiskSKU).Text != "C-3" || v.Value(1, RiskSKU).Text != "B-2" {
		t.Fatalf("%d rows, first %q", v.Len(), v.Value(0, RiskSKU).Text)
	}
	for _, c := range []struct {
		row, col int
		want     float64
	}{
		{0, RiskValue, 100},      // 50 × 2
		{0, RiskLiquidation, 30}, // × 30 %
		{0, RiskMarkdown, 50},    // no demand: the cap
		// 281 / 4 = 70.25 weeks; k = 281/48 = 5.85 wants 1 − 5.85^(−1/2) = 59 % off: capped at 50
		{1, RiskValue, 562},
		{1, RiskWeeksToClear, 70.25},
		{1, RiskMarkdown, 50},
		{1, RiskLiquidation, 168.6}, // 562 × 30 %
		// half price under ε = −2: 16 a week, 192 sold in 12 weeks at 2.50
		{1, RiskProjectedWeeks, 281.0 / 16},
		{1, RiskClearanceRevenue, 480},
	} {
		if got := v.Value(c.row, c.col).Float; math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s %s = %v, want %v", v.Value(c.row, RiskSKU).Text, riskColumns[c.col].Name, got, c.want)
		}
	}
	if got := v.Value(0, RiskKind).Text + "," + v.Value(1, RiskKind).Text; got != "dead,excess" {
		t.Errorf("risks %s", got)
	}
	if v.Value(0, RiskWeeksToClear).Null != true || v.Value(1, RiskCleared).Int != 192 || v.Value(1, RiskLeft).Int != 89 {
		t.Errorf("dead never clears; B-2 clears 192 and keeps 281 − 192 = 89: %+v %+v %+v",
			v.Value(0, RiskWeeksToClear), v.Value(1, RiskCleared), v.Value(1, RiskLeft))
	}
}

func TestRiskViewFiltersByKind(t *testing.T) {
	v := Build(testCatalogue(), mean8).Risk(nil)
	if rows := Select(v, Query{Filter: "dead"}); len(rows) != 1 || v.Value(rows[0], RiskSKU).Text != "C-3" {
		t.Errorf("filter dead: %v", rows)
	}
	if rows := Select(v, Query{Filter: "excess garden"}); len(rows) != 1 || v.Value(rows[0], RiskSKU).Text != "B-2" {
		t.Errorf("filter excess garden: %v", rows)
	}
}

func TestRiskWhatIfMarkdown(t *testing.T) {
	s := Build(testCatalogue(), mean8)
	b := s.Rows[1].Item.Product.ID
	v := s.Risk(map[int64]float64{b: 0})
	// at full price: 4 a week sells 48 in 12 weeks for 240; 281 − 48 = 233 are left
	if v.Value(1, RiskPlanMarkdown).Float != 0 || v.Value(1, RiskCleared).Int != 48 ||
		v.Value(1, RiskClearanceRevenue).Float != 240 || v.Value(1, RiskLeft).Int != 233 {
		t.Errorf("what-if 0 %%: %v cleared %d for %v, %d left", v.Value(1, RiskPlanMarkdown).Float,
			v.Value(1, RiskCleared).Int, v.Value(1, RiskClearanceRevenue).Float, v.Value(1, RiskLeft).Int)
	}
	if v.Value(1, RiskMarkdown).Float != 50 {
		t.Errorf("the suggestion stays 50 %%: %v", v.Value(1, RiskMarkdown).Float)
	}
	tot := v.Totals(all(v.Len()))
	// C-3 sells nothing at any price: 50 left, liquidated at 30; B-2 233 × 2 × 0.3 = 139.8
	if tot.SKUs != 2 || tot.Value != 662 || tot.Cleared != 48 || tot.Left != 283 || math.Abs(tot.LeftLiquidation-(30+139.8)) > 1e-9 {
		t.Errorf("totals %+v", tot)
	}
}

// The overview's figures are the sums of the other views' rows, so they
// agree with those views' exports.
func TestOverviewAgreesWithTheViews(t *testing.T) {
	s := Build(testCatalogue(), mean8)
	stock, reorder, risk := s.Stock(), s.Reorder(), s.Risk(nil)
	o := s.Overview()

	var value float64
	out := 0
	for i := range stock.Len() {
		value += stock.Value(i, StockValue).Float
		if stock.Value(i, StockStatus).Text == "out" {
			out++
		}
	}
	byRisk := map[string]float64{}
	for i := range risk.Len() {
		byRisk[risk.Value(i, RiskKind).Text] += risk.Value(i, RiskValue).Float
	}
	ov := o.View()
	metric := map[string]float64{}
	for i := range ov.Len() {
		metric[ov.Value(i, 0).Text] = ov.Value(i, 1).Float
	}
	for _, c := range []struct {
		name string
		want float64
	}{
		{"inventory_value_cost", value},
		{"inventory_value_cost", 924}, // (12 + 400 + 50) × 2
		{"inventory_value_retail", 2310},
		{"out_of_stock", float64(out)},
		{"skus_to_order", float64(reorder.Len())},
		{"order_value", reorder.Totals(all(reorder.Len())).Value},
		{"excess_value", byRisk["excess"]},
		{"excess_value", 562}, // B-2's 281 × 2
		{"dead_value", byRisk["dead"]},
		{"dead_value", 100},
		{"capital_at_risk", 662},
		// position 10 ≤ ROP 30, and 10 available at 10 a week run out on day 8
		{"below_reorder_point", 1},
		{"stockout_within_14_days", 1},
		// COGS: 80 + 32 + 30 + 4 units sold × cost 2 = 292; stock at cost 924
		{"turnover", 292.0 / 924},
		{"sell_through", 100 * 146.0 / (146 + 462)},
		{"liquidation_value", 198.6}, // (100 + 562) × 30 %
		// A-1 sells 10 a week at 5, B-2 4 a week at 5: 14 × 5 × 30/7;
		// D-4 is discontinued and has nothing left to sell
		{"forecast_revenue_30d", 14 * 5 * 30.0 / 7},
		// every figure the Overview pane shows is in the export: margin is
		// revenue less COGS 292, and the catalogue holds no cached 52-week
		// revenue (no forecast records); the SKU counts beside the values
		{"revenue_52w", 0},
		{"margin_52w", -292},
		{"excess_skus", 1},
		{"dead_skus", 1},
		{"declining_skus", 0},
		{"slow_skus", 0},
	} {
		if got, ok := metric[c.name]; !ok || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, got, c.want)
		}
	}
	if len(o.Dead) != 1 || s.Rows[o.Dead[0]].Item.Product.SKU != "C-3" || len(o.AtRisk) != 1 || s.Rows[o.AtRisk[0]].Item.Product.SKU != "B-2" {
		t.Errorf("lists: dead %v, at risk %v", o.Dead, o.AtRisk)
	}
	if len(o.UrgentOrders) != reorder.Len() {
		t.Errorf("urgent orders %v of %d", o.UrgentOrders, reorder.Len())
	}
	if o.KPIs.SKUs != 4 {
		t.Errorf("SKUs %d", o.KPIs.SKUs)
	}
}
