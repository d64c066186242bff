package model

import (
	"fmt"
	"math"
	"strings"
)

// The largest count of units any editor takes: reorder points, order and
// MOQ quantities, purchase-order lines and receipts. Ten million units of
// one SKU is beyond any shop this tool is for, and a bound this low keeps a
// stray extra digit from becoming a silent order.
const MaxUnits = 10_000_000

// Range is the values a field takes, as a person types them (a service
// level in percent), with both ends included unless MinOpen.
type Range struct {
	Min, Max float64
	MinOpen  bool   // Min itself is refused: a lead time must be above 0
	Whole    bool   // whole numbers only
	Unit     string // "units", "days", "%": written after the numbers
}

// Ranges of the values the dashboard and `stockroom set` take.
var (
	UnitsRange        = Range{Min: 0, Max: MaxUnits, Whole: true, Unit: "units"}
	CasePackRange     = Range{Min: 1, Max: 100_000, Whole: true, Unit: "units"}
	LeadTimeRange     = Range{Min: 0, Max: 730, MinOpen: true, Unit: "days"}
	ServiceLevelRange = Range{Min: 50, Max: 99.9, Unit: "%"}
	ReviewDaysRange   = Range{Min: 1, Max: 365, Whole: true, Unit: "days"}
	// A received quantity is above 0 (and at most what is outstanding,
	// which the order knows).
	ReceiptRange = Range{Min: 1, Max: MaxUnits, Whole: true, Unit: "units"}
	// A what-if markdown in percent of the price: the same cap as the
	// deepest suggested markdown may have (max_markdown ≤ 95 %), as
	// beyond it the elasticity model promises sales from giving stock away.
	MarkdownRange = Range{Min: 0, Max: 95, Unit: "%"}
)

// String is the range for people: "0 to 10,000,000 units",
// "above 0 to 730 days", "50 to 99.9 %".
func (r Range) String() string {
	lo := formatGrouped(r.Min)
	if r.MinOpen {
		lo = "above " + lo
	}
	s := lo + " to " + formatGrouped(r.Max)
	switch r.Unit {
	case "":
	case "%":
		s += " %"
	default:
		s += " " + r.Unit
	}
	return s
}

// Check says what is wrong with a value, in one line naming the range.
func (r Range) Check(v float64) error {
	in := v <= r.Max && (v > r.Min || (v == r.Min && !r.MinOpen)) // false for NaN
	switch {
	case !in:
		return fmt.Errorf("out of range: want %s", r)
	case r.Whole && v != math.Trunc(v):
		return fmt.Errorf("want a whole number, %s", r)
	}
	return nil
}

// Read reads a number typed for this range and checks it.
func (r Range) Read(s string) (float64, error) {
	v, err := ReadNumber(s)
	if err != nil {
		return 0, err
	}
	if err := r.Check(v); err != nil {
		return 0, err
	}
	return v, nil
}

// ReadQuantity reads a count of units for a field named name (a
// purchase-order line's quantity, a receipt): "quantity 4,0: …".
func ReadQuantity(name, input string, r Range) (int, error) {
	v, err := r.Read(input)
	if s := strings.TrimSpace(input); err != nil && s == "" {
		return 0, fmt.Errorf("%s: %w: want %s", name, err, r)
	} else if err != nil {
		return 0, fmt.Errorf("%s %s: %w", name, s, err)
	}
	return int(v), nil
}

// ReadPercent reads a percentage, with or without its % sign, into its
// number (97.5 for "97.5%").
func ReadPercent(input string) (float64, error) {
	num, _ := strings.CutSuffix(strings.TrimSpace(input), "%")
	return ReadNumber(num)
}

// IsAuto says the text asks for the default: auto, a, default, or nothing.
func IsAuto(input string) bool {
	switch strings.ToLower(strings.TrimSpace(input)) {
	case "", "auto", "a", "default":
		return true
	}
	return false
}

// ParseMarkdown reads a what-if markdown in percent of the price; auto
// (or nothing) means the suggested one.
func ParseMarkdown(input string) (pct float64, auto bool, err error) {
	if IsAuto(input) {
		return 0, true, nil
	}
	s := strings.TrimSpace(input)
	v, err := ReadPercent(s)
	if err == nil {
		err = MarkdownRange.Check(v)
	}
	if err != nil {
		return 0, false, fmt.Errorf("markdown %s: %w (or a for the suggestion)", s, err)
	}
	return tidy(v), false, nil
}
