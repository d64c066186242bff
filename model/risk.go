package model

import "math"

// Risk is why a SKU's stock may not sell at full price.
type Risk uint8

// Risks from the most to the least severe; sorting by risk puts the worst
// first.
const (
	RiskDead      Risk = iota // stock on hand and no sale for the dead-stock period
	RiskExcess                // available above the order-up-to level plus the cover target
	RiskDeclining             // its smoothed chance of a sale each week is falling
	RiskSlow                  // more cover than the slow-mover limit
	RiskNone
)

func (r Risk) String() string {
	return [...]string{"dead", "excess", "declining", "slow", ""}[min(r, RiskNone)]
}

// RiskInput is what risk assessment needs of one SKU.
type RiskInput struct {
	Available   int
	Dead        bool // the plan's dead-stock status
	ExcessUnits int  // the plan's units above S plus the cover target
	// WeeklyDemand is μ_w at full price.
	WeeklyDemand    float64
	SaleProb        float64 // smoothed weekly sale probability now
	SaleProbBefore  float64 // and 26 weeks earlier
	UnitCost, Price float64
}

// RiskParams are the catalogue's risk settings.
type RiskParams struct {
	SlowCoverDays  float64 // cover beyond this is slow
	DeclineDrop    float64 // a fall in sale probability of this share is declining
	ClearanceWeeks float64 // W, the window a markdown aims to clear in
	Elasticity     float64 // ε < 0, constant price elasticity of demand
	MaxMarkdown    float64 // the deepest markdown suggested, a share of price
	RecoveryRate   float64 // share of cost a liquidation recovers
}

// minDeclineProb: a SKU that sold in fewer than one week in five is
// intermittent by nature, and a run of empty weeks is its normal, not a
// decline.
const minDeclineProb = 0.2

// RiskAssessment is a SKU's stock at risk and what clearing it would take.
type RiskAssessment struct {
	Risk Risk
	// Units at risk: every available unit of dead stock; the excess above
	// S plus the cover target; for a slow mover the units beyond the slow
	// cover; for a declining SKU the units the forecast does not sell
	// within the clearance window (often none: the flag comes early).
	Units int
	Value float64 // Units × unit cost
	// WeeksToClear is Units ÷ μ_w at full price, +Inf without demand.
	WeeksToClear float64
	// Markdown is the suggested price cut, a share of price, to clear the
	// units within the window (see SuggestMarkdown).
	Markdown float64
	// Liquidation is what selling the units off would recover: units ×
	// cost × recovery rate.
	Liquidation float64
}

// AssessRisk classifies a SKU's stock (dead before excess before declining
// before slow) and prices clearing it.
func AssessRisk(in RiskInput, p RiskParams) RiskAssessment {
	a := RiskAssessment{Risk: RiskNone}
	avail := max(in.Available, 0)
	mu := max(in.WeeklyDemand, 0)
	switch {
	case avail == 0:
		return a
	case in.Dead:
		a.Risk, a.Units = RiskDead, avail
	case in.ExcessUnits > 0:
		a.Risk, a.Units = RiskExcess, min(in.ExcessUnits, avail)
	case in.SaleProbBefore >= minDeclineProb && in.SaleProb <= (1-p.DeclineDrop)*in.SaleProbBefore:
		a.Risk, a.Units = RiskDeclining, max(avail-int(math.Ceil(mu*p.ClearanceWeeks)), 0)
	case mu == 0 || float64(avail)/(mu/7) > p.SlowCoverDays:
		a.Risk, a.Units = RiskSlow, max(avail-int(math.Ceil(mu*p.SlowCoverDays/7)), 0)
		if a.Units == 0 {
			return RiskAssessment{Risk: RiskNone} // over the limit by less than a unit
		}
	default:
		return a
	}
	a.Value = float64(a.Units) * in.UnitCost
	a.WeeksToClear = weeksToClear(float64(a.Units), mu)
	a.Markdown = SuggestMarkdown(a.WeeksToClear, p)
	a.Liquidation = float64(a.Units) * in.UnitCost * p.RecoveryRate
	return a
}

// neverWeeks: stock that takes longer than ten years to sell at the
// current rate never clears, as far as a PM is concerned; a decaying
// forecast of 1e-10 a week would otherwise read as a number.
const neverWeeks = 520

func weeksToClear(units, weekly float64) float64 {
	if units <= 0 {
		return 0
	}
	if w := units / weekly; weekly > 0 && w <= neverWeeks {
		return w
	}
	return math.Inf(1)
}

// SuggestMarkdown is the price cut that clears stock in the window W when
// it would take weeksToClear at full price. Demand must rise by
// k = weeksToClear ÷ W; under constant elasticity ε demand scales with
// price^ε, so the price factor is k^(1/ε) and the markdown 1 − k^(1/ε),
// capped at the maximum markdown. Nothing when the stock clears in time;
// the cap when there is no demand to raise.
func SuggestMarkdown(weeksToClear float64, p RiskParams) float64 {
	if p.ClearanceWeeks <= 0 || weeksToClear <= p.ClearanceWeeks || p.Elasticity >= 0 {
		return 0
	}
	k := weeksToClear / p.ClearanceWeeks
	return min(1-math.Pow(k, 1/p.Elasticity), p.MaxMarkdown)
}

// Clearance is what a markdown is projected to do to units at risk.
type Clearance struct {
	WeeklySales  float64 // μ_w · (1 − markdown)^ε
	WeeksToClear float64 // units ÷ that, +Inf without demand
	Cleared      int     // units sold within the window
	Revenue      float64 // cleared × price × (1 − markdown)
	Left         int     // units still there after the window
	Liquidation  float64 // what selling those off recovers
}

// ProjectClearance projects selling units at a markdown over the window:
// the markdown multiplies weekly demand by (1 − markdown)^ε.
func ProjectClearance(units int, weeklyDemand, price, unitCost, markdown float64, p RiskParams) Clearance {
	markdown = min(max(markdown, 0), 0.99)
	c := Clearance{WeeklySales: max(weeklyDemand, 0) * math.Pow(1-markdown, p.Elasticity)}
	c.WeeksToClear = weeksToClear(float64(units), c.WeeklySales)
	c.Cleared = min(units, int(math.Floor(c.WeeklySales*p.ClearanceWeeks+1e-9))) // 4.0 × 12 may be 47.999…
	c.Revenue = float64(c.Cleared) * price * (1 - markdown)
	c.Left = units - c.Cleared
	c.Liquidation = float64(c.Left) * unitCost * p.RecoveryRate
	return c
}
