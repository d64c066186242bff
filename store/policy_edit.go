package store

import (
	"context"
	"database/sql"
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
}

// fieldSpec says where a field lives and how its text is read.
type fieldSpec struct {
	product bool   // a products column, not a policies one
	kind    string // "real", "int" or "text": the argument type written to SQLite
	parse   func(string) (string, error)
}

var policyFields = []PolicyField{FieldReorderPoint, FieldLeadTime, FieldServiceLevel, FieldRounding, FieldReviewDays, FieldOrderQty, FieldCasePack, FieldMOQ}

var fieldSpecs = map[PolicyField]fieldSpec{
	FieldReorderPoint: {kind: "int", parse: wholeAtLeast(0, "a reorder point ≥ 0")},
	FieldLeadTime:     {kind: "real", parse: parseLeadTime},
	FieldServiceLevel: {kind: "real", parse: parseServiceLevel},
	FieldRounding:     {kind: "text", parse: parseRounding},
	FieldReviewDays:   {kind: "int", parse: wholeAtLeast(1, "a review period of at least 1 day")},
	FieldOrderQty:     {kind: "int", parse: wholeAtLeast(0, "an order quantity ≥ 0 (0 = order nothing this time)")},
	FieldCasePack:     {product: true, kind: "int", parse: wholeAtLeast(1, "units per case, at least 1")},
	FieldMOQ:          {product: true, kind: "int", parse: wholeAtLeast(0, "a minimum order quantity ≥ 0")},
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
	spec, ok := fieldSpecs[field]
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
	v, err := spec.parse(s)
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

// canonical writes a number with as few digits as round-trip it.
func canonical(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

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
	return canonical(v), nil
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
	return canonical(v), nil
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

// auditText shows the default as "auto" so the log reads well.
func auditText(v string) string {
	if v == "" {
		return "auto"
	}
	return v
}

// SetPolicies applies the changes in one transaction, in order, with an
// audit row per change that alters a value; nothing is written if any
// change is invalid. It returns, in the same order, each change's SKU and
// field with the value it had before this call (not before the earlier
// changes of the same call), so applying previous in any order undoes the
// call exactly, back to NULL where there was none.
func (s *Store) SetPolicies(ctx context.Context, changes []PolicyChange) ([]PolicyChange, error) {
	values := make([]string, len(changes))
	for i, c := range changes {
		v, err := ParsePolicyValue(c.Field, c.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.SKU, err)
		}
		values[i] = v
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	who, at := currentUser(), timestamp()
	type key struct {
		id    int64
		field PolicyField
	}
	original, current := map[key]string{}, map[key]string{}
	previous := make([]PolicyChange, len(changes))
	for i, c := range changes {
		spec := fieldSpecs[c.Field]
		id, sku, err := resolveProduct(ctx, tx, c)
		if err != nil {
			return nil, err
		}
		k := key{id, c.Field}
		old, seen := current[k]
		if !seen {
			if old, err = readField(ctx, tx, id, c.Field, spec); err != nil {
				return nil, fmt.Errorf("%s: %w", sku, err)
			}
			original[k] = old
		}
		previous[i] = PolicyChange{ProductID: id, SKU: sku, Field: c.Field, Value: original[k]}
		current[k] = values[i]
		if old == values[i] {
			continue
		}
		var arg any
		if values[i] != "" {
			switch spec.kind {
			case "real":
				arg, _ = strconv.ParseFloat(values[i], 64)
			case "int":
				arg, _ = strconv.ParseInt(values[i], 10, 64)
			default:
				arg = values[i]
			}
		}
		col := string(c.Field) // a fixed identifier from fieldSpecs, never user text
		entity := "policy"
		if spec.product {
			entity = "product"
			_, err = tx.ExecContext(ctx, `UPDATE products SET `+col+` = ? WHERE id = ?`, arg, id)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO policies(product_id, `+col+`, updated_at, updated_by)
				VALUES (?, ?, ?, ?) ON CONFLICT(product_id) DO UPDATE SET `+col+` = excluded.`+col+`,
				updated_at = excluded.updated_at, updated_by = excluded.updated_by`, id, arg, at, who)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", sku, col, err)
		}
		if err := audit(ctx, tx, at, who, entity, sku, col, auditText(old), auditText(values[i])); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return previous, nil
}

// resolveProduct finds a change's product by id, or by SKU when it has no id,
// and returns the catalogue's spelling of the SKU.
func resolveProduct(ctx context.Context, tx *sql.Tx, c PolicyChange) (int64, string, error) {
	var id int64
	var sku string
	var err error
	if c.ProductID != 0 {
		err = tx.QueryRowContext(ctx, "SELECT id, sku FROM products WHERE id = ?", c.ProductID).Scan(&id, &sku)
	} else {
		err = tx.QueryRowContext(ctx, "SELECT id, sku FROM products WHERE sku = ?", c.SKU).Scan(&id, &sku)
	}
	if errors.Is(err, sql.ErrNoRows) {
		name := c.SKU
		if name == "" {
			name = fmt.Sprintf("product %d", c.ProductID)
		}
		return 0, "", fmt.Errorf("%s: %w", name, ErrUnknownSKU)
	}
	return id, sku, err
}

// readField returns a field's current canonical text, "" for NULL or no
// policies row.
func readField(ctx context.Context, tx *sql.Tx, id int64, field PolicyField, spec fieldSpec) (string, error) {
	col := string(field)
	q := `SELECT ` + col + ` FROM policies WHERE product_id = ?`
	if spec.product {
		q = `SELECT ` + col + ` FROM products WHERE id = ?`
	}
	var v any
	err := tx.QueryRowContext(ctx, q, id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	switch v := v.(type) {
	case nil:
		return "", nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return canonical(v), nil
	case []byte:
		return string(v), nil
	case string:
		return v, nil
	}
	return fmt.Sprint(v), nil
}
