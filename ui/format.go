package ui

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"stockroom/model"
	"stockroom/planner"
)

// formatCell renders a raw value for the screen: grouped whole numbers, one
// decimal for quantities, ISO dates. Text is cleaned of control characters.
func formatCell(kind planner.Kind, v planner.Value) string {
	if v.Null {
		return "–"
	}
	switch kind {
	case planner.Integer:
		return groupInt(v.Int)
	case planner.Decimal:
		return formatQty(v.Float)
	case planner.Money:
		return groupInt(int64(math.Round(v.Float)))
	case planner.Percent:
		return strconv.FormatFloat(v.Float, 'f', 1, 64) + "%"
	case planner.Date:
		return time.Unix(v.Int*86400, 0).UTC().Format(time.DateOnly)
	case planner.Bool:
		if v.Int != 0 {
			return "yes"
		}
		return "no"
	}
	return clean(v.Text)
}

// formatQty shows small quantities with one decimal and large ones whole.
func formatQty(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "∞"
	case math.IsNaN(f):
		return "–"
	case math.Abs(f) >= 100:
		return groupInt(int64(math.Round(f)))
	}
	return strconv.FormatFloat(f, 'f', 1, 64)
}

// groupInt writes n with thousands separators: -1234567 → -1,234,567.
func groupInt(n int64) string { return model.GroupThousands(n) }

// compactMoney writes an amount in at most five cells: 940, 12k, 6.8M.
func compactMoney(v float64) string {
	switch a := math.Abs(v); {
	case a >= 9.95e8:
		return fmt.Sprintf("%.1fG", v/1e9)
	case a >= 9.95e5:
		return fmt.Sprintf("%.1fM", v/1e6)
	case a >= 9.95e3:
		return fmt.Sprintf("%.0fk", v/1e3)
	case a >= 999.5:
		return fmt.Sprintf("%.1fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}

// pct0 is a share as a whole percentage, "<1%" for a small one.
func pct0(share float64) string {
	switch {
	case share <= 0:
		return "0%"
	case share < 0.005:
		return "<1%"
	}
	return fmt.Sprintf("%.0f%%", 100*share)
}

// pct1 is a share with one decimal, "–" when undefined.
func pct1(share float64) string {
	if share != share { // NaN
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*share)
}

// count is n with its noun, singular for one: "1 SKU", "2,040 SKUs".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return groupInt(int64(n)) + " " + noun + "s"
}
