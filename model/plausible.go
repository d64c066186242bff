package model

import (
	"fmt"
	"math"
	"strings"
)

// A quantity or reorder point a PM types is questioned (asked to confirm,
// or refused without --force on the command line) when it is more than
// PlausibleTimes the planner's suggestion or more than a year of forecast
// demand: an extra digit or a pasted number looks exactly like that.
const (
	PlausibleTimes = 10
	weeksPerYear   = 52
	// a forecast of less than half a unit a year (shown as 0) is no
	// demand: against it any value would be millions of years of it
	leastYearlyDemand = 0.5
	// beyond these a multiple says nothing more than "absurd"
	timesCap = 10_000
	yearsCap = 100
)

// PlausibilityInput is what a typed value is judged against.
type PlausibilityInput struct {
	Value int // the units typed
	// Suggestion is the planner's own value: the computed reorder point,
	// or the quantity it would order (0 when it would order none).
	Suggestion   int
	WeeklyDemand float64 // the forecast mean a week
	// Floor is the least a rule forces (the case pack, the MOQ): a value
	// this small is never questioned, however little the SKU sells.
	Floor int
}

// Implausibility says how far a value is beyond what the plan expects;
// zero fields are the rules it does not break.
type Implausibility struct {
	Suggestion      int
	TimesSuggestion float64 // Value ÷ Suggestion, when above PlausibleTimes
	YearsOfDemand   float64 // Value ÷ a year of forecast demand, when above 1
}

// CheckPlausible judges a typed value: false when it is more than
// PlausibleTimes the suggestion (when there is one) or more than a year of
// forecast demand (when there is any). A value at or below the suggestion
// or the floor is always plausible. A suggestion of 0 alone questions
// nothing, so an order for a SKU the planner would not order now is judged
// by its demand only; a SKU with no forecast demand and no suggestion (new,
// or not selling) has nothing to compare with, and only the field's range
// applies; a forecast that rounds to less than one unit a year counts as
// no demand.
func CheckPlausible(in PlausibilityInput) (Implausibility, bool) {
	imp := Implausibility{Suggestion: in.Suggestion}
	v := float64(in.Value)
	if in.Value <= max(in.Suggestion, in.Floor, 0) {
		return imp, true
	}
	if in.Suggestion > 0 && v > PlausibleTimes*float64(in.Suggestion) {
		imp.TimesSuggestion = v / float64(in.Suggestion)
	}
	if year := weeksPerYear * in.WeeklyDemand; year >= leastYearlyDemand && v > year {
		imp.YearsOfDemand = v / year
	}
	return imp, imp.TimesSuggestion == 0 && imp.YearsOfDemand == 0
}

// String is the reason for people: "1,001× the suggestion of 252, 14
// years of forecast demand".
func (p Implausibility) String() string {
	var parts []string
	if p.TimesSuggestion > 0 {
		parts = append(parts, capped(p.TimesSuggestion, 100, timesCap, "over ", "")+"× the suggestion of "+GroupThousands(int64(p.Suggestion)))
	}
	if p.YearsOfDemand > 0 {
		parts = append(parts, capped(p.YearsOfDemand, 10, yearsCap, "over ", "")+" years of forecast demand")
	}
	return strings.Join(parts, ", ")
}

// Short is the reason in fewer words, for a narrow status bar:
// "1,001× suggestion, 14 yrs of demand".
func (p Implausibility) Short() string {
	var parts []string
	if p.TimesSuggestion > 0 {
		parts = append(parts, capped(p.TimesSuggestion, 100, timesCap, "", "+")+"× suggestion")
	}
	if p.YearsOfDemand > 0 {
		parts = append(parts, capped(p.YearsOfDemand, 10, yearsCap, "", "+")+" yrs of demand")
	}
	return strings.Join(parts, ", ")
}

// Worst is how far past its rules a value is: the larger of its multiple
// of the suggestion over PlausibleTimes and its years of demand.
func (p Implausibility) Worst() float64 {
	return max(p.TimesSuggestion/PlausibleTimes, p.YearsOfDemand)
}

// capped is a ratio to a sensible precision, and above limit only the
// limit, as "over 100" (or "100+"): "1,013,826,410,982 years" says no more
// than that and reads like a fault.
func capped(r, wholeFrom float64, limit int64, before, after string) string {
	if r > float64(limit) {
		return before + GroupThousands(limit) + after
	}
	return ratioText(r, wholeFrom)
}

// ratioText is a ratio to a sensible precision: one decimal below
// wholeFrom (10.4× is past 10×, 10× would not read so), whole above it.
func ratioText(r, wholeFrom float64) string {
	if r >= wholeFrom {
		return GroupThousands(int64(math.Round(r)))
	}
	return fmt.Sprintf("%.1f", r)
}

// PlannedQty is the quantity the planner itself would order now, even
// when the PM has set one: the need rounded to cases and raised to the
// MOQ, 0 when nothing is needed.
func PlannedQty(p Plan, casePack, moq int, rule Rounding) int {
	if !p.QtyManual {
		return p.SuggestedQty
	}
	atLeast := 0
	if p.Low {
		atLeast = p.ReorderPoint - p.InventoryPosition + 1 // as plannedOrder lifts it above the ROP
	}
	return RoundOrder(p.Need, atLeast, casePack, moq, rule)
}

// CompactAmount writes money short enough for a question: 9,870, 252,300,
// 3.18 M, 1.20 bn.
func CompactAmount(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1e9:
		return fmt.Sprintf("%.2f bn", v/1e9)
	case a >= 1e6:
		return fmt.Sprintf("%.2f M", v/1e6)
	}
	return GroupThousands(int64(math.Round(v)))
}
