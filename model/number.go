package model

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// The one way a number a person typed is read, in the dashboard's editors,
// `stockroom set` and the settings alike: digits with an optional decimal
// point and an optional leading minus; thousands separators only between
// whole groups of three (1,200 and 10,000,000). Exponents, NaN, Inf, hex
// and spaces inside are refused: nobody means them here, and reading them
// would turn a slip into a plausible-looking value.
var (
	numberRe = regexp.MustCompile(`^-?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?$`)
	// a single comma with other than three digits after it: a decimal comma
	decimalCommaRe = regexp.MustCompile(`^-?\d+,(\d{1,2}|\d{4,})$`)
)

// errNotANumber and errNoNumber are text with no number in it at all, to
// which a field adds what it wants; a misplaced comma gets its own hint.
var (
	errNotANumber = errors.New("not a number")
	errNoNumber   = errors.New("no number")
)

func noNumber(err error) bool { return errors.Is(err, errNotANumber) || errors.Is(err, errNoNumber) }

// ReadNumber reads a number as a person types it, with a one-line reason
// when it is not one. Surrounding spaces are ignored.
func ReadNumber(input string) (float64, error) {
	s := strings.TrimSpace(input)
	switch {
	case s == "":
		return 0, errNoNumber
	case numberRe.MatchString(s) && strings.Trim(s, "-.") != "":
	case decimalCommaRe.MatchString(s):
		// the fix first: at 80 columns the status bar keeps little more
		return 0, errors.New("use a point for decimals: " + strings.Replace(s, ",", ".", 1) + " (commas group thousands: 1,200)")
	case strings.Contains(s, ",") && strings.Trim(s, "-0123456789,.") == "":
		return 0, errors.New("commas go between groups of three digits: 1,200 or 10,000,000")
	default:
		return 0, errNotANumber
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, errNotANumber
	}
	// a number too large for a float64 is ±Inf: out of any range below
	return v, nil
}

// FormatNumber writes a number as a person would: the fewest digits that
// say it, without the binary noise that dividing adds (0.99 % is
// 0.009899999999999999 as a float64, and reads 0.0099 here).
func FormatNumber(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return CanonicalNumber(tidy(v))
}

// GroupThousands writes a whole number with thousands separators:
// -1234567 → -1,234,567. The one such helper: the dashboard, the command
// line and the importer all call it, with an int or an int64. The
// dashboard draws many a frame: one builder.
func GroupThousands[N ~int | ~int64](n N) string {
	s := strconv.FormatInt(int64(n), 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	head := len(s) % 3
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// formatGrouped writes a number with thousands separators in its whole
// part: 10000000 → 10,000,000, 99.9 → 99.9.
func formatGrouped(v float64) string {
	if math.Abs(v) >= 1e15 || v != math.Trunc(v) {
		return FormatNumber(v)
	}
	return GroupThousands(int64(v))
}

// CanonicalNumber writes a number with as few digits as round-trip it.
func CanonicalNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// tidy drops the binary noise that dividing or multiplying adds ("99.9" %
// is 0.9990000000000001 otherwise); ten decimals is far finer than any
// lead time, service level or setting means.
func tidy(v float64) float64 { return math.Round(v*1e10) / 1e10 }
