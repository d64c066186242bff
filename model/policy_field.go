package model

import (
	"errors"
	"fmt"
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

// policyField is one editable field: what it takes, what it means, and how
// its text is read. The table is the one place a field's range is
// declared: the dashboard, `stockroom set` and its help all read it.
type policyField struct {
	field PolicyField
	rng   Range  // zero for rounding, which is a word
	help  string // for `stockroom set --help`; the range follows it
	auto  string // the canonical default: "" (NULL) or the number itself
	parse func(string) (string, error)
}

var policyFieldTable = []policyField{
	{field: FieldReorderPoint, rng: UnitsRange, parse: wholeIn(UnitsRange),
		help: "a manual reorder point; auto = computed"},
	{field: FieldLeadTime, rng: LeadTimeRange, parse: parseLeadTime,
		help: "lead time override: 10.5, 21d or 3w; auto (not 0) = the supplier's"},
	{field: FieldServiceLevel, rng: ServiceLevelRange, parse: parseServiceLevel,
		help: "service level: 97.5%, 97.5 or 0.975; auto = by ABC class"},
	{field: FieldRounding, parse: parseRounding,
		help: "rounding of the order to the case pack: up, nearest or down; auto = up"},
	{field: FieldReviewDays, rng: ReviewDaysRange, parse: wholeIn(ReviewDaysRange),
		help: "review period; auto = the catalogue setting"},
	{field: FieldOrderQty, rng: UnitsRange, parse: wholeIn(UnitsRange),
		help: "your quantity for the next order (0 = none this time); auto = the suggestion"},
	{field: FieldCasePack, rng: CasePackRange, parse: wholeIn(CasePackRange), auto: "1",
		help: "units per case; auto = 1"},
	{field: FieldMOQ, rng: UnitsRange, parse: wholeIn(UnitsRange), auto: "0",
		help: "minimum order quantity; auto = 0"},
}

func lookupField(f PolicyField) (policyField, bool) {
	for _, p := range policyFieldTable {
		if p.field == f {
			return p, true
		}
	}
	return policyField{}, false
}

// PolicyFields lists the editable fields in a stable order, for help text.
func PolicyFields() []PolicyField {
	fields := make([]PolicyField, len(policyFieldTable))
	for i, p := range policyFieldTable {
		fields[i] = p.field
	}
	return fields
}

// PolicyFieldHelp says for people what a field takes and, for a number,
// its range ("" for rounding); both "" for an unknown field.
func PolicyFieldHelp(f PolicyField) (about, rangeText string) {
	p, ok := lookupField(f)
	if !ok {
		return "", ""
	}
	if p.rng == (Range{}) {
		return p.help, ""
	}
	return p.help, p.rng.String()
}

// PolicyFieldRange is the range of a numeric field (false for rounding).
func PolicyFieldRange(f PolicyField) (Range, bool) {
	p, ok := lookupField(f)
	return p.rng, ok && p.rng != (Range{})
}

func fieldNames() string {
	names := make([]string, len(policyFieldTable))
	for i, p := range policyFieldTable {
		names[i] = string(p.field)
	}
	return strings.Join(names, ", ")
}

// ParsePolicyValue reads what a user typed for a field and returns the
// canonical text to store, or a one-line error naming the field and what it
// wants. "auto", "a", "default" and "" mean the default: "" for the policy
// fields, "1" for case_pack and "0" for moq. Parsing a canonical text gives
// it back unchanged, so previous values can be applied again.
func ParsePolicyValue(field PolicyField, input string) (string, error) {
	p, ok := lookupField(field)
	if !ok {
		return "", fmt.Errorf("unknown field %q (fields: %s)", field, fieldNames())
	}
	if IsAuto(input) {
		return p.auto, nil
	}
	s := strings.TrimSpace(input)
	v, err := p.parse(s)
	if err != nil {
		return "", fmt.Errorf("%s=%s: %w", field, s, err)
	}
	return v, nil
}

// wholeIn reads a whole number within a range: "1,200" is 1200, "12.0" 12.
func wholeIn(r Range) func(string) (string, error) {
	return func(s string) (string, error) {
		v, err := r.Read(s)
		if err != nil {
			return "", err
		}
		return strconv.FormatInt(int64(v), 10), nil
	}
}

func parseLeadTime(s string) (string, error) {
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
	v, err := ReadNumber(num)
	if noNumber(err) {
		return "", fmt.Errorf("%w: want days such as 10.5, 21d or 3w, or auto for the supplier's", err)
	}
	if err != nil {
		return "", err
	}
	v = tidy(v * scale)
	// The planner reads a zero override as "use the supplier's lead time",
	// so storing 0 would show one lead time and plan with another.
	if v == 0 {
		return "", fmt.Errorf("a lead time of 0 would mean the supplier's: want %s, or auto for the supplier's", LeadTimeRange)
	}
	if err := LeadTimeRange.Check(v); err != nil {
		return "", err
	}
	return CanonicalNumber(v), nil
}

// parseServiceLevel reads 97.5%, 97.5 or 0.975: a number above 1 without
// a % sign is a percentage, one up to 1 a fraction.
func parseServiceLevel(s string) (string, error) {
	num, percent := strings.CutSuffix(s, "%")
	v, err := ReadNumber(num)
	if noNumber(err) {
		return "", fmt.Errorf("%w: want a service level such as 97.5%%, 97.5 or 0.975", err)
	}
	if err != nil {
		return "", err
	}
	if !percent && v <= 1 {
		v *= 100
	}
	v = tidy(v)
	if err := ServiceLevelRange.Check(v); err != nil {
		switch {
		case v >= 100:
			err = errors.New(err.Error() + " (no finite safety stock reaches 100 %)")
		case v < ServiceLevelRange.Min:
			err = errors.New(err.Error() + " (below 50 % the safety stock would be negative)")
		}
		return "", err
	}
	return CanonicalNumber(tidy(v / 100)), nil
}

func parseRounding(s string) (string, error) {
	switch v := strings.ToLower(s); v {
	case "up", "nearest", "down":
		return v, nil
	}
	return "", errors.New("want up, nearest or down (or auto for up)")
}
