package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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
		return model.GroupThousands(v.Int)
	case planner.Decimal:
		return formatQty(v.Float)
	case planner.Money:
		return model.GroupThousands(int64(math.Round(v.Float)))
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
		return model.GroupThousands(int64(math.Round(f)))
	}
	return strconv.FormatFloat(f, 'f', 1, 64)
}

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
	return model.GroupThousands(int64(n)) + " " + noun + "s"
}

// formatMoney is a whole amount with separators and the currency code.
func formatMoney(v float64, currency string) string {
	s := model.GroupThousands(int64(v + 0.5))
	if currency != "" {
		s += " " + clean(currency)
	}
	return s
}

// markedNumber right-aligns a number, with mark after it when the PM set
// the value (m for a manual reorder point, * for an own order quantity)
// and room for the mark otherwise, so the digits line up.
func markedNumber(n int, set bool, mark string, w int, plain bool, styles *Styles) string {
	s := model.GroupThousands(int64(n))
	switch {
	case !set:
		return fit(s+"  ", w, true)
	case plain:
		return fit(s+" "+mark, w, true)
	}
	return fit(s+styles.Manual.Render(" "+mark), w, true)
}

// formatCover shows days of cover in at most 5 cells: whole days below
// 1,000, years above, ∞ without demand or beyond ten years (the stock never
// runs out: model.CoverDays).
func formatCover(days float64) string {
	switch {
	case !(days <= model.NeverCoverDays):
		return "∞"
	case days >= 1000:
		return strconv.FormatFloat(days/365, 'f', 1, 64) + "y"
	}
	return strconv.Itoa(int(math.Floor(days))) + "d"
}

// trimFloat is a number with at most one decimal, none when whole: 21,
// 10.5.
func trimFloat(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}
