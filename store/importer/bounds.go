package importer

import (
	"fmt"
	"stockroom/model"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultMaxQuantity is the most units one line of a file may carry unless
// --max-quantity says otherwise: a line of three billion units is a typing
// error, and would give a reorder point of a billion.
const DefaultMaxQuantity = 1_000_000

// MaxQuantityLimit bounds --max-quantity: at a billion units a line, no sum
// a file can hold comes near overflowing, and every count fits the 32-bit
// int of some platforms.
const MaxQuantityLimit = 1_000_000_000

// CheckMaxQuantity refuses a --max-quantity outside 1 to MaxQuantityLimit.
func CheckMaxQuantity(n int64) error {
	if n < 1 || n > MaxQuantityLimit {
		return fmt.Errorf("--max-quantity %d: want 1 to %s units a line", n, model.GroupThousands(MaxQuantityLimit))
	}
	return nil
}

// maxNumber bounds every other number a file gives (money, days, shares):
// a trillion is more than any price, cost or order value in any currency,
// and keeps sums of millions of lines finite and exact to the cent.
const maxNumber = 1_000_000_000_000

// maxLeadTimeDays and maxReviewDays bound lead times and review periods,
// as the dashboard does: two years, and one.
const (
	maxLeadTimeDays = 730
	maxReviewDays   = 365
)

// days reads an optional number of days from 0 to most.
func (j *job) days(rec []string, line int, name string, most float64) (float64, bool) {
	v, ok := j.number(rec, line, name)
	if ok && (v < 0 || v > most) {
		j.bad(line, name, "%s days is not from 0 to %s", strconv.FormatFloat(v, 'f', -1, 64), strconv.FormatFloat(most, 'f', -1, 64))
		return 0, false
	}
	return v, ok
}

// identifiers are the fields that name things for matching: a SKU, a
// purchase order's reference. They are refused rather than repaired when
// their bytes are bad, since a repaired SKU could be another SKU.
var identifiers = []string{"sku", "po"}

// textColumns lists the columns read as text, other than identifiers.
func textColumns(cols map[string]int) []int {
	var out []int
	for name, i := range cols {
		if !isIdentifier(name) {
			out = append(out, i)
		}
	}
	return out
}

func isIdentifier(name string) bool {
	for _, id := range identifiers {
		if id == name {
			return true
		}
	}
	return false
}

// clean checks a row's identifiers, reporting a bad one (and then the row
// is not read), and replaces invalid UTF-8 in its other cells with U+FFFD,
// counting them: a file saved in Latin-1 still imports, and the summary
// says how many values that touched.
func (j *job) clean(rec []string, line int) bool {
	ok := true
	for _, name := range identifiers {
		if why := badIdentifier(j.cell(rec, name)); why != "" {
			j.bad(line, name, "%s %s", strings.ToUpper(name), why)
			ok = false
		}
	}
	for _, i := range j.textCols {
		if i < len(rec) && !utf8.ValidString(rec[i]) {
			rec[i] = strings.ToValidUTF8(rec[i], "\uFFFD")
			j.replaced++
		}
	}
	return ok
}

// badIdentifier says what is wrong with an identifier's bytes, or "".
func badIdentifier(s string) string {
	if !utf8.ValidString(s) {
		return fmt.Sprintf("%q is not valid UTF-8 (save the file as CSV UTF-8)", s)
	}
	for _, r := range s {
		switch {
		case r == 0:
			return fmt.Sprintf("%q contains a NUL byte", s)
		case unicode.IsControl(r):
			return fmt.Sprintf("%q contains the control character U+%04X", s, r)
		}
	}
	return ""
}

func (j *job) noteInvalidUTF8() {
	if j.replaced > 0 {
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s had invalid UTF-8, replaced with U+FFFD (save the file as CSV UTF-8 to keep them)",
			plural(j.replaced, "text value", "text values")))
	}
}
