package model

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// PolicyField names a per-SKU planning setting a PM can edit.
type PolicyField string

const (
	FieldReorderPoint PolicyField = "reorder_point"  // policies.reorder_point, NULL = automatic
	FieldLeadTime     PolicyField = "lead_time_days" // policies.lead_time_days, NULL = supplier's
	FieldServiceLevel PolicyField = "service_level"  // policies.service_level (0–1 exclusive), NULL = class default
	FieldRounding     PolicyField = "rounding"       // policies.rounding up|nearest|down, NULL = up
	FieldReviewDays   PolicyField = "review_days"    // policies.review_days > 0, NULL = setting
	FieldOrderQty     PolicyField = "order_qty"      // policies.order_qty ≥ 0, NULL = the suggestion
	FieldCasePack     PolicyField = "case_pack"      // products.case_pack ≥ 1 (no NULL; default 1)
	FieldMOQ          PolicyField = "moq"            // products.moq ≥ 0 (no NULL; default 0)
)

// PolicyChange sets one field of one SKU. Value is the canonical text that
// ParsePolicyValue returns; "" is the default (NULL in policies). Case pack
// and MOQ have no NULL, so their default is the number itself ("1", "0").
// ProductID wins over SKU; with no ProductID the SKU is looked up.
type PolicyChange struct {
	ProductID int64
	SKU       string
	Field     PolicyField
	Value     string
	// Seen, when Check is set, is the stored value (canonical text, as
	// PolicyValue gives it) the change was made against: the change is
	// written only if the catalogue still holds it (compare-and-set).
	Seen  string
	Check bool
}

var policyFields = []PolicyField{FieldReorderPoint, FieldLeadTime, FieldServiceLevel, FieldRounding, FieldReviewDays, FieldOrderQty, FieldCasePack, FieldMOQ}

// fieldParsers read a field's text into its canonical form.
var fieldParsers = map[PolicyField]func(string) (string, error){
	FieldReorderPoint: wholeAtLeast(0, "a reorder point ≥ 0"),
	FieldLeadTime:     parseLeadTime,
	FieldServiceLevel: parseServiceLevel,
	FieldRounding:     parseRounding,
	FieldReviewDays:   wholeAtLeast(1, "a review period of at least 1 day"),
	FieldOrderQty:     wholeAtLeast(0, "an order quantity ≥ 0 (0 = order nothing this time)"),
	FieldCasePack:     wholeAtLeast(1, "units per case, at least 1"),
	FieldMOQ:          wholeAtLeast(0, "a minimum order quantity ≥ 0"),
}

// PolicyFields lists the editable fields in a stable order, for help text.
func PolicyFields() []PolicyField {
	return append([]PolicyField(nil), policyFields...)
}

func fieldNames() string {
	names := make([]string, len(policyFields))
	for i, f := range policyFields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// ParsePolicyValue reads what a user typed for a field and returns the
// canonical text to store, or a one-line error naming the field and what it
// wants. "auto", "a", "default" and "" mean the default: "" for the policy
// fields, "1" for case_pack and "0" for moq. Parsing a canonical text gives
// it back unchanged, so previous values can be applied again.
func ParsePolicyValue(field PolicyField, input string) (string, error) {
	parse, ok := fieldParsers[field]
	if !ok {
		return "", fmt.Errorf("unknown field %q (fields: %s)", field, fieldNames())
	}
	s := strings.TrimSpace(input)
	switch strings.ToLower(s) {
	case "", "auto", "a", "default":
		switch field {
		case FieldCasePack:
			return "1", nil
		case FieldMOQ:
			return "0", nil
		}
		return "", nil
	}
	v, err := parse(s)
	if err != nil {
		return "", fmt.Errorf("%s=%s: %w", field, s, err)
	}
	return v, nil
}

var (
	decimalRe = regexp.MustCompile(`^(\d+(\.\d*)?|\.\d+)$`)
	wholeRe   = regexp.MustCompile(`^(\d+|\d{1,3}(,\d{3})+)$`)
)

// parseDecimal reads a plain non-negative decimal. strconv alone would also
// take "NaN", "Inf", "1e3" and hex floats, which nobody means here.
func parseDecimal(s string) (float64, bool) {
	if !decimalRe.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && !math.IsInf(v, 0)
}

// CanonicalNumber writes a number with as few digits as round-trip it.
func CanonicalNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// tidy drops the binary noise that dividing or multiplying adds ("99.9" %
// is 0.9990000000000001 otherwise); ten decimals is far finer than any
// lead time or service level means.
func tidy(v float64) float64 { return math.Round(v*1e10) / 1e10 }

func parseLeadTime(s string) (string, error) {
	const want = "want days > 0 such as 10.5, 21d or 3w, or auto for the supplier's"
	num, scale := strings.ToLower(s), 1.0
	for _, u := range []struct {
		suffix string
		days   float64
	}{{"days", 1}, {"day", 1}, {"d", 1}, {"weeks", 7}, {"week", 7}, {"wk", 7}, {"w", 7}} {
		if t, ok := strings.CutSuffix(num, u.suffix); ok {
			num, scale = strings.TrimSpace(t), u.days
			break
		}
	}
	v, ok := parseDecimal(num)
	if !ok {
		return "", errors.New(want)
	}
	v = tidy(v * scale)
	// The planner reads a zero override as "use the supplier's lead time",
	// so storing 0 would show one lead time and plan with another.
	if v <= 0 {
		return "", errors.New("a lead time of 0 would mean the supplier's: " + want)
	}
	return CanonicalNumber(v), nil
}

func parseServiceLevel(s string) (string, error) {
	const want = "want a service level such as 97.5%, 97.5 or 0.975"
	num, percent := strings.CutSuffix(s, "%")
	v, ok := parseDecimal(strings.TrimSpace(num))
	if !ok {
		return "", errors.New(want)
	}
	if percent || v > 1 {
		v = tidy(v / 100)
	}
	if v >= 1 {
		return "", errors.New("a service level must be below 100 % (no finite safety stock reaches 100 %)")
	}
	// Below 50 % the normal quantile z is negative: safety stock below zero.
	if v < 0.5 {
		return "", errors.New("a service level below 50 % gives negative safety stock: want at least 50 %")
	}
	return CanonicalNumber(v), nil
}

func parseRounding(s string) (string, error) {
	switch v := strings.ToLower(s); v {
	case "up", "nearest", "down":
		return v, nil
	}
	return "", errors.New("want up, nearest or down (or auto for up)")
}

// wholeAtLeast reads a whole number, with or without thousands separators.
func wholeAtLeast(min int64, want string) func(string) (string, error) {
	return func(s string) (string, error) {
		if !wholeRe.MatchString(s) {
			return "", fmt.Errorf("want a whole number: %s", want)
		}
		v, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
		if err != nil {
			return "", fmt.Errorf("too large: %s", want)
		}
		if v < min {
			return "", fmt.Errorf("want %s", want)
		}
		return strconv.FormatInt(v, 10), nil
	}
}
