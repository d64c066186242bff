package model

import (
	"math"
	"testing"
)

var riskParams = RiskParams{SlowCoverDays: 90, DeclineDrop: 0.5, ClearanceWeeks: 12, Elasticity: -2, MaxMarkdown: 0.5, RecoveryRate: 0.3}

func TestAssessRisk(t *testing.T) {
	inf := math.Inf(1)
	for _, c := range []struct {
		name string
		in   RiskInput
		want RiskAssessment
	}{
		{"dead: every unit, no demand to raise, so the cap",
			RiskInput{Available: 40, Dead: true, UnitCost: 10},
			RiskAssessment{Risk: RiskDead, Units: 40, Value: 400, WeeksToClear: inf, Markdown: 0.5, Liquidation: 120}},
		{"excess: 48 at 2/wk = 24 weeks, k = 2, price factor 2^(−1/2)",
			RiskInput{Available: 100, ExcessUnits: 48, WeeklyDemand: 2, UnitCost: 5},
			RiskAssessment{Risk: RiskExcess, Units: 48, Value: 240, WeeksToClear: 24, Markdown: 1 - 1/math.Sqrt2, Liquidation: 72}},
		{"excess: 100 weeks, k = 8.33 wants 65 % off, capped at 50 %",
			RiskInput{Available: 300, ExcessUnits: 200, WeeklyDemand: 2, UnitCost: 1},
			RiskAssessment{Risk: RiskExcess, Units: 200, Value: 200, WeeksToClear: 100, Markdown: 0.5, Liquidation: 60}},
		{"excess that clears within 12 weeks needs no markdown",
			RiskInput{Available: 60, ExcessUnits: 20, WeeklyDemand: 2, UnitCost: 1},
			RiskAssessment{Risk: RiskExcess, Units: 20, Value: 20, WeeksToClear: 10, Markdown: 0, Liquidation: 6}},
		{"dead outranks excess",
			RiskInput{Available: 10, Dead: true, ExcessUnits: 10, UnitCost: 2},
			RiskAssessment{Risk: RiskDead, Units: 10, Value: 20, WeeksToClear: inf, Markdown: 0.5, Liquidation: 6}},
		{"declining: probability 0.8 → 0.3; 30 − 12 weeks × 1 = 18 units, k = 1.5",
			RiskInput{Available: 30, WeeklyDemand: 1, SaleProb: 0.3, SaleProbBefore: 0.8, UnitCost: 1},
			RiskAssessment{Risk: RiskDeclining, Units: 18, Value: 18, WeeksToClear: 18, Markdown: 1 - 1/math.Sqrt(1.5), Liquidation: 5.4}},
		{"declining early: the forecast still sells it all in the window",
			RiskInput{Available: 5, WeeklyDemand: 1, SaleProb: 0.3, SaleProbBefore: 0.8, UnitCost: 1},
			RiskAssessment{Risk: RiskDeclining}},
		{"too rare a seller to call declining; 210 days of cover is slow: 30 − ⌈90/7⌉ = 17",
			RiskInput{Available: 30, WeeklyDemand: 1, SaleProb: 0, SaleProbBefore: 0.15, UnitCost: 1},
			RiskAssessment{Risk: RiskSlow, Units: 17, Value: 17, WeeksToClear: 17, Markdown: 1 - 1/math.Sqrt(17.0/12), Liquidation: 5.1}},
		{"no forecast demand but sold lately: slow, all of it",
			RiskInput{Available: 4, UnitCost: 3},
			RiskAssessment{Risk: RiskSlow, Units: 4, Value: 12, WeeksToClear: inf, Markdown: 0.5, Liquidation: 3.6}},
		{"91 days of cover at 1/wk: over the slow limit by less than a unit (13 − ⌈12.86⌉ = 0)",
			RiskInput{Available: 13, WeeklyDemand: 1, UnitCost: 1}, RiskAssessment{Risk: RiskNone}},
		{"35 days of cover is fine", RiskInput{Available: 10, WeeklyDemand: 2}, RiskAssessment{Risk: RiskNone}},
		{"nothing available, nothing at risk", RiskInput{Available: -2, Dead: true}, RiskAssessment{Risk: RiskNone}},
	} {
		got := AssessRisk(c.in, riskParams)
		if got.Risk != c.want.Risk || got.Units != c.want.Units || !same(got.Value, c.want.Value) ||
			!same(got.WeeksToClear, c.want.WeeksToClear) || !same(got.Markdown, c.want.Markdown) || !same(got.Liquidation, c.want.Liquidation) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

func TestSuggestMarkdownCaps(t *testing.T) {
	p := riskParams
	for _, c := range []struct {
		name  string
		weeks float64
		max   float64
		want  float64
	}{
		{"exactly the window", 12, 0.5, 0},
		{"k = 4 under ε = −2 is exactly half price", 48, 0.5, 0.5},
		{"k = 4 with a 30 % cap", 48, 0.3, 0.3},
		{"k = 4 with no markdown allowed", 48, 0, 0},
		{"endless stock", math.Inf(1), 0.5, 0.5},
	} {
		p.MaxMarkdown = c.max
		if got := SuggestMarkdown(c.weeks, p); !same(got, c.want) {
			t.Errorf("%s: SuggestMarkdown(%v) = %v, want %v", c.name, c.weeks, got, c.want)
		}
	}
}

func TestProjectClearance(t *testing.T) {
	for _, c := range []struct {
		name     string
		markdown float64
		want     Clearance
	}{
		{"full price: 2/wk clears 24 of 48 in 12 weeks; 24 × 5 × 0.3 liquidated",
			0, Clearance{WeeklySales: 2, WeeksToClear: 24, Cleared: 24, Revenue: 480, Left: 24, Liquidation: 36}},
		{"half price under ε = −2 quadruples demand: 8/wk clears all in 6 weeks",
			0.5, Clearance{WeeklySales: 8, WeeksToClear: 6, Cleared: 48, Revenue: 480, Left: 0}},
		{"1 − 1/√2 doubles demand: exactly 48 in 12 weeks",
			1 - 1/math.Sqrt2, Clearance{WeeklySales: 4, WeeksToClear: 12, Cleared: 48, Revenue: 48 * 20 / math.Sqrt2, Left: 0}},
	} {
		got := ProjectClearance(48, 2, 20, 5, c.markdown, riskParams)
		if !same(got.WeeklySales, c.want.WeeklySales) || !same(got.WeeksToClear, c.want.WeeksToClear) || got.Cleared != c.want.Cleared ||
			!same(got.Revenue, c.want.Revenue) || got.Left != c.want.Left || !same(got.Liquidation, c.want.Liquidation) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// same compares to 1e-9, and +Inf to +Inf.
func same(a, b float64) bool {
	if math.IsInf(a, 1) || math.IsInf(b, 1) {
		return math.IsInf(a, 1) && math.IsInf(b, 1)
	}
	return math.Abs(a-b) < 1e-9
}
