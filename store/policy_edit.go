package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"stockroom/model"
)

// fieldSpec says where a field lives.
type fieldSpec struct {
	product bool   // a products column, not a policies one
	kind    string // "real", "int" or "text": the argument type written to SQLite
}

var fieldSpecs = map[model.PolicyField]fieldSpec{
	model.FieldReorderPoint: {kind: "int"},
	model.FieldLeadTime:     {kind: "real"},
	model.FieldServiceLevel: {kind: "real"},
	model.FieldRounding:     {kind: "text"},
	model.FieldReviewDays:   {kind: "int"},
	model.FieldOrderQty:     {kind: "int"},
	model.FieldCasePack:     {product: true, kind: "int"},
	model.FieldMOQ:          {product: true, kind: "int"},
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
// change is invalid, or if a change with Check finds a stored value other
// than its Seen (then the error is a *model.ConflictError naming every
// such value, who wrote it and when). It returns, in the same order, each
// change's SKU and field with the value it had before this call (not
// before the earlier changes of the same call), checked against the value
// this call left: applying previous in any order undoes the call exactly,
// back to NULL where there was none, unless someone changed a value since.
func (s *Store) SetPolicies(ctx context.Context, changes []model.PolicyChange) ([]model.PolicyChange, error) {
	values := make([]string, len(changes))
	for i, c := range changes {
		v, err := model.ParsePolicyValue(c.Field, c.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.SKU, err)
		}
		values[i] = v
	}
	wt, err := s.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer wt.Rollback()
	tx := wt.Tx
	who, at := currentUser(), timestamp()
	type key struct {
		id    int64
		field model.PolicyField
	}
	original, current := map[key]string{}, map[key]string{}
	previous := make([]model.PolicyChange, len(changes))
	keys := make([]key, len(changes))
	var conflicts []model.Conflict
	for i, c := range changes {
		spec := fieldSpecs[c.Field]
		id, sku, err := resolveProduct(ctx, tx, c)
		if err != nil {
			return nil, err
		}
		k := key{id, c.Field}
		keys[i] = k
		old, seen := current[k]
		if !seen {
			if old, err = readField(ctx, tx, id, c.Field, spec); err != nil {
				return nil, fmt.Errorf("%s: %w", sku, err)
			}
			original[k] = old
			if c.Check && !model.SamePolicyValue(c.Field, old, c.Seen) {
				conflicts = append(conflicts, model.Conflict{Name: sku, Field: string(c.Field), Seen: c.Seen, Stored: old})
			}
		}
		previous[i] = model.PolicyChange{ProductID: id, SKU: sku, Field: c.Field, Value: original[k], Check: true}
		current[k] = values[i]
		if old == values[i] || len(conflicts) > 0 {
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
	if len(conflicts) > 0 {
		return nil, s.conflictError(ctx, tx, conflicts, len(changes))
	}
	for i := range previous {
		previous[i].Seen = current[keys[i]] // what this call left
	}
	if err := wt.Commit(); err != nil {
		return nil, err
	}
	return previous, nil
}

// resolveProduct finds a change's product by id, or by SKU when it has no id,
// and returns the catalogue's spelling of the SKU.
func resolveProduct(ctx context.Context, tx *sql.Tx, c model.PolicyChange) (int64, string, error) {
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
func readField(ctx context.Context, tx *sql.Tx, id int64, field model.PolicyField, spec fieldSpec) (string, error) {
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
		return model.CanonicalNumber(v), nil
	case []byte:
		return string(v), nil
	case string:
		return v, nil
	}
	return fmt.Sprint(v), nil
}
