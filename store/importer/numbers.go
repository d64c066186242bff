package importer

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// ParseNumber reads a number as spreadsheets and shops write it: surrounding
// spaces, a sign, thousands separators and a currency symbol or code before
// or after ("€ 12,50", "12.50 EUR") are allowed. The decimal separator is a
// point, or a comma when decimalComma is true; then '.' and spaces group
// thousands. A separator that could change the value's meaning ("1,5" in a
// decimal-point file) is an error rather than a guess.
func ParseNumber(s string, decimalComma bool) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, errors.New("empty")
	}
	if f, ok := plainNumber(t, decimalComma); ok {
		return f, nil
	}
	dec, thou := byte('.'), byte(',')
	wrongSep := "has a comma: use a decimal point, or a semicolon-separated file for decimal commas"
	if decimalComma {
		dec, thou = ',', '.'
		wrongSep = "has a point: use a decimal comma, or a comma-separated file for decimal points"
	}
	bad := func(why string) (float64, error) { return 0, fmt.Errorf("%q %s", t, why) }

	core := trimAffixes(t)
	neg := false
	if core != "" && (core[0] == '-' || core[0] == '+') {
		neg = core[0] == '-'
		core = trimAffixes(core[1:]) // "-€12" as well as "€-12"
	}

	// Copy sign, digits and a '.' into a small buffer for strconv, checking
	// that thousands separators group exactly three digits.
	var buf [40]byte
	b := buf[:0]
	if neg {
		b = append(b, '-')
	}
	whole, frac, hasFrac := strings.Cut(core, string(dec))
	digits, group, grouped := 0, 0, false
	for i := 0; i < len(whole); {
		c, w := whole[i], spaceAt(whole, i)
		switch {
		case '0' <= c && c <= '9':
			b = append(b, c)
			digits++
			group++
			i++
		case c == thou || w > 0:
			if group == 0 || group > 3 || grouped && group != 3 {
				return badGrouping(bad, whole, thou, wrongSep)
			}
			grouped, group = true, 0
			i += max(w, 1)
		default:
			return bad("is not a number")
		}
	}
	if grouped && group != 3 {
		return badGrouping(bad, whole, thou, wrongSep)
	}
	if hasFrac {
		b = append(b, '.')
	}
	for i := 0; i < len(frac); i++ {
		c := frac[i]
		switch {
		case '0' <= c && c <= '9':
			b = append(b, c)
			digits++
		case c == thou:
			return bad(wrongSep)
		default:
			return bad("is not a number")
		}
	}
	if digits == 0 {
		return bad("is not a number")
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(f, 0) {
		return bad("is too large")
	}
	return f, nil
}

// plainNumber is the fast path for the common cell that is just digits,
// perhaps with a '-' and a decimal point.
func plainNumber(s string, decimalComma bool) (float64, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c != '-' || i > 0) && (c != '.' || decimalComma) {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil && !math.IsInf(f, 0)
}

// badGrouping blames the thousands separator when the number has one, since
// that is the likely mix-up of decimal conventions.
func badGrouping(bad func(string) (float64, error), core string, thou byte, wrongSep string) (float64, error) {
	if strings.IndexByte(core, thou) >= 0 {
		return bad(wrongSep)
	}
	return bad("is not a number")
}

// trimAffixes strips a currency symbol or code, and spaces, from either end:
// letters, symbols and spaces. Signs and separators stay so that they are
// checked, and so does punctuation such as '%', since 12% is not 12.
func trimAffixes(s string) string {
	return strings.TrimFunc(s, func(c rune) bool {
		return c != '+' && (unicode.IsLetter(c) || unicode.IsSymbol(c) || unicode.IsSpace(c))
	})
}

// spaceAt returns the byte width of a space used as a thousands separator
// at s[i]: a plain, no-break (U+00A0), narrow no-break (U+202F) or thin
// (U+2009) space, as spreadsheets in French and other locales write them.
func spaceAt(s string, i int) int {
	switch {
	case s[i] == ' ':
		return 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		return 2
	case strings.HasPrefix(s[i:], "\u202f"), strings.HasPrefix(s[i:], "\u2009"):
		return 3
	}
	return 0
}

// maxCount keeps counts exactly representable in the float64 they are
// parsed through.
const maxCount = 1 << 53

// ParseCount is ParseNumber for whole numbers: "3", "3.0" and "1,000" are
// counts; "2.5" is not.
func ParseCount(s string, decimalComma bool) (int64, error) {
	f, err := ParseNumber(s, decimalComma)
	if err != nil {
		return 0, err
	}
	return wholeCount(f, s)
}

// wholeCount checks that f, parsed from s, is a count.
func wholeCount(f float64, s string) (int64, error) {
	if f != math.Trunc(f) {
		return 0, fmt.Errorf("%s is not a whole number", strings.TrimSpace(s))
	}
	if math.Abs(f) > maxCount {
		return 0, fmt.Errorf("%s is too large", strings.TrimSpace(s))
	}
	return int64(f), nil
}
