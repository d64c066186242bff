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
// same order, so the caller can undo the edit by applying those.
func (s *Store) SetReorderPoints(ctx context.Context, changes []ReorderPointChange) ([]ReorderPointChange, error) {
	for _, c := range changes {
		if c.Manual && c.Value < 0 {
			return nil, fmt.Errorf("%s: reorder point %d is negative", c.SKU, c.Value)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	who, at := currentUser(), timestamp()
	previous := make([]ReorderPointChange, len(changes))
	for i, c := range changes {
		var sku string
		var old sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT p.sku, pol.reorder_point FROM products p
			LEFT JOIN policies pol ON pol.product_id = p.id WHERE p.id = ?`, c.ProductID).Scan(&sku, &old)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("%s: %w", c.SKU, ErrUnknownSKU)
		}
		if err != nil {
			return nil, err
		}
		before := ReorderPointChange{ProductID: c.ProductID, SKU: sku, Manual: old.Valid, Value: int(old.Int64)}
		previous[i] = before
		if before.Manual == c.Manual && (!c.Manual || before.Value == c.Value) {
			continue
		}
		var value any
		if c.Manual {
			value = c.Value
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO policies(product_id, reorder_point, updated_at, updated_by)
			VALUES (?, ?, ?, ?) ON CONFLICT(product_id) DO UPDATE SET reorder_point = excluded.reorder_point,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by`, c.ProductID, value, at, who); err != nil {
			return nil, fmt.Errorf("%s: %w", sku, err)
		}
		if err := audit(ctx, tx, at, who, "policy", sku, "reorder_point", before.String(), c.String()); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
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
