package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"stockroom/model"
)

// ErrUnknownSKU is returned when a SKU is not in the catalogue.
var ErrUnknownSKU = errors.New("no such SKU in the catalogue")

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
