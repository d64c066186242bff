package planner

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind is a column's type. The TUI formats by kind; exports write raw values.
type Kind uint8

const (
	Text    Kind = iota
	Integer      // whole units
	Decimal      // a measured or computed quantity
	Money        // in the catalogue's currency
	Date         // a calendar day
	Percent      // 0–100
	Bool
	Enum // text with a meaningful order, e.g. status from most to least urgent
)

// Column describes one column of a view, once for every front end: Name is
// the snake_case export header, a stable interface that scripts depend on;
// Title and Short are what the dashboard shows; Help is the column's
// meaning, which docs/EXPORTS.md is generated from (tools/exportsdoc).
type Column struct {
	Name  string
	Title string
	Short string // a narrow on-screen column's title, when Title is too wide
	Kind  Kind
	Help  string
}

// ScreenTitle is the title an on-screen column shows: Short when the
// column has one, else Title.
func (c Column) ScreenTitle() string {
	if c.Short != "" {
		return c.Short
	}
	return c.Title
}

// PlainHelp is Help without the backticks that mark names and values in
// docs/EXPORTS.md, for a terminal or a data file.
func (c Column) PlainHelp() string { return strings.ReplaceAll(c.Help, "`", "") }

// ScreenHelp is what the column means on screen, for the dashboard's help:
// PlainHelp, unless its cell shows something other than the exported value
// (screenHelp).
func (c Column) ScreenHelp() string {
	if h, ok := screenHelp[c.Name]; ok {
		return h
	}
	return c.PlainHelp()
}

// screenHelp holds the meanings of the columns whose on-screen cell differs
// from what the export writes: the Stock pane draws weekly_demand as the
// sales and forecast sparkline, abc with the XYZ class beside it, and an
// endless cover as ∞ where the export leaves the cell empty.
var screenHelp = map[string]string{
	"weekly_demand": "units sold in each of the last 26 weeks, then (after ┊) the forecast of the weeks ahead, on one scale; sorts by the forecast's mean demand per week (μ_w)",
	"days_of_cover": "available / (weekly demand / 7), in days (y: years); ∞ when the stock never runs out: no demand, or more than ten years of it; 0d when nothing is available for a SKU that sells",
	"abc":           "A, B or C by trailing-52-week revenue (A the first 80 % of it, B the next 15 %, C the rest), then X, Y or Z by how steady weekly demand is (X steady, Y varies, Z erratic or none)",
}

// String names the kind as docs/EXPORTS.md does: an Enum is written as
// text, a Bool as true or false.
func (k Kind) String() string {
	switch k {
	case Integer:
		return "integer"
	case Decimal:
		return "decimal"
	case Money:
		return "money"
	case Date:
		return "date"
	case Percent:
		return "percent"
	case Bool:
		return "boolean"
	}
	return "text"
}

// Value is one raw cell. Null means "no value" (for example, days of cover
// of an item without demand), written as an empty CSV cell or JSON null.
type Value struct {
	Null  bool
	Int   int64   // Integer, Bool (0/1), Enum order, Date (days since 1970-01-01)
	Float float64 // Decimal, Money, Percent
	Text  string  // Text, Enum
}

// View is a typed table that the TUI renders and the exports write. One code
// path builds it; both call it, so a pane and its export always agree.
type View interface {
	Name() string
	Columns() []Column
	Len() int
	Value(row, col int) Value
	// SearchText is the lower-cased text the filter looks in.
	SearchText(row int) string
}

// ColumnIndex finds a column by export name, or -1.
func ColumnIndex(v View, name string) int {
	for i, c := range v.Columns() {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// FormatRaw renders a value as it is exported: plain numbers without
// grouping, ISO dates, true/false.
func FormatRaw(kind Kind, v Value) string {
	if v.Null {
		return ""
	}
	switch kind {
	case Integer:
		return strconv.FormatInt(v.Int, 10)
	case Decimal, Percent:
		return formatDecimal(v.Float)
	case Money:
		return strconv.FormatFloat(v.Float, 'f', 2, 64)
	case Date:
		return time.Unix(v.Int*86400, 0).UTC().Format(time.DateOnly)
	case Bool:
		return strconv.FormatBool(v.Int != 0)
	default:
		return v.Text
	}
}

// maxDecimals: digits beyond the 15th decimal are float noise.
const maxDecimals = 15

// formatDecimal writes x with two decimals, or with three significant
// digits when that keeps more (below 1: 0.523, 0.0042), so a small rate
// such as a forecast of 0.004 a week is never written as 0.
func formatDecimal(x float64) string {
	places := 2
	if a := math.Abs(x); a > 0 && a < 1 {
		places = min(max(2, 2-int(math.Floor(math.Log10(a)))), maxDecimals)
	}
	return strconv.FormatFloat(round(x, places)+0, 'f', -1, 64) // +0: a negative that rounds to −0 is written as 0
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}
