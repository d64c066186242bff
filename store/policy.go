package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"stockroom/model"
)

// ReorderPointChange sets one SKU's reorder point to a manual value, or back
// to automatic when Manual is false.
type ReorderPointChange struct {
	ProductID int64
	SKU       string
	Manual    bool
	Value     int
}

func (c ReorderPointChange) String() string {
	if !c.Manual {
		return "auto"
	}
	return strconv.Itoa(c.Value)
}

// ErrUnknownSKU is returned when a SKU is not in the catalogue.
var ErrUnknownSKU = errors.New("no such SKU in the catalogue")

// SetReorderPoints applies all changes in one transaction with an audit row
// per SKU whose value changes, and returns what each SKU had before, in the
// same order, so the caller can undo the edit by applying those. It is
// SetPolicies on the reorder_point field.
func (s *Store) SetReorderPoints(ctx context.Context, changes []ReorderPointChange) ([]ReorderPointChange, error) {
	edits := make([]PolicyChange, len(changes))
	for i, c := range changes {
		edits[i] = PolicyChange{ProductID: c.ProductID, SKU: c.SKU, Field: FieldReorderPoint}
		if c.Manual {
			edits[i].Value = strconv.Itoa(c.Value)
		}
	}
	prev, err := s.SetPolicies(ctx, edits)
	if err != nil {
		return nil, err
	}
	previous := make([]ReorderPointChange, len(prev))
	for i, p := range prev {
		previous[i] = ReorderPointChange{ProductID: p.ProductID, SKU: p.SKU, Manual: p.Value != ""}
		if previous[i].Manual {
			previous[i].Value, _ = strconv.Atoi(p.Value)
		}
	}
	return previous, nil
}

func audit(ctx context.Context, tx *sql.Tx, at, who, entity, id, field, old, new string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log(at, who, entity, entity_id, field, old, new)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, at, who, entity, id, field, old, new)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	return nil
}

// ProductBySKU finds a product's id.
func (s *Store) ProductBySKU(ctx context.Context, sku string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM products WHERE sku = ?", sku).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("%q: %w", sku, ErrUnknownSKU)
	}
	return id, err
}

// AuditLog returns the newest entries first.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]model.AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, who, entity, entity_id, field, coalesce(old, ''), coalesce(new, '')
		FROM audit_log ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.AuditEntry
	for rows.Next() {
		var e model.AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Who, &e.Entity, &e.EntityID, &e.Field, &e.Old, &e.New); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
