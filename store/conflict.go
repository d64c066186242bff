package store

// Edits are compare-and-set: an edit that carries what the PM saw is
// checked inside its write transaction, before anything is written, and
// refused with a *model.ConflictError naming each value that differs and,
// from audit_log, who changed it and when. Planning fields (SetPolicies),
// settings (SetSettings) and purchase orders (po_check.go) all come here.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"stockroom/model"
)

// conflictError fills in who wrote each conflicting value and wraps them;
// changes is how many values the refused edit held.
func (s *Store) conflictError(ctx context.Context, tx *sql.Tx, cs []model.Conflict, changes int) error {
	for i := range cs {
		c := &cs[i]
		var err error
		if _, policy := fieldSpecs[model.PolicyField(c.Field)]; c.Order == 0 && (c.Field == "" || policy) {
			err = s.lastWriter(ctx, tx, c) // a setting or a SKU's planning field
		} else {
			err = s.poWriter(ctx, tx, c)
		}
		if err != nil {
			return err
		}
	}
	return &model.ConflictError{Conflicts: cs, Changes: changes}
}

// lastWriter fills in who wrote a conflicting value and when: the newest
// audit row of the value, if it wrote what is stored now. The caller holds
// the writer.
func (s *Store) lastWriter(ctx context.Context, tx *sql.Tx, c *model.Conflict) error {
	entity, field := "setting", "value"
	if c.Field != "" {
		entity, field = "policy", c.Field
		if fieldSpecs[model.PolicyField(c.Field)].product {
			entity = "product"
		}
	}
	var id int64
	var who, at, value string
	err := tx.QueryRowContext(ctx, `SELECT id, who, at, coalesce(new, '') FROM audit_log
		WHERE entity = ? AND entity_id = ? AND field = ? ORDER BY id DESC LIMIT 1`, entity, c.Name, field).Scan(&id, &who, &at, &value)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	stored := c.Stored
	if c.Field != "" {
		stored = auditText(stored)
	}
	if value == stored {
		c.Who, c.At, c.Mine = who, at, s.ownAudit(id)
	}
	return nil
}
