package store

// Purchase-order actions are compare-and-set (model.POSeen, POLineSeen,
// OrderSeen): each check runs inside the action's write transaction,
// before anything is written, and an action whose order, line or SKU no
// longer is what the PM saw fails with a *model.ConflictError naming each
// value that differs and who changed it (conflict.go).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"stockroom/model"
)

// poWriter finds who wrote a conflicting purchase-order value, or a
// SKU's position (stock, open orders), from the orders' audit rows.
func (s *Store) poWriter(ctx context.Context, tx *sql.Tx, c *model.Conflict) error {
	order := strconv.FormatInt(c.Order, 10)
	var q string
	var args []any
	verify := true // the row must have written the stored value
	switch {
	case c.Field == model.FieldInDraft || c.Field == model.FieldOnOrder:
		// the newest change to the SKU's lines, or to the status of an
		// order that has one (sending moves a draft's units on order)
		q = `SELECT id, who, at, entity_id, coalesce(new, '') FROM audit_log WHERE entity = ? AND
			(field IN (?, ?) OR (field = 'status' AND entity_id IN
				(SELECT CAST(l.po_id AS TEXT) FROM po_lines l JOIN products p ON p.id = l.product_id WHERE p.sku = ?)))
			ORDER BY id DESC LIMIT 1`
		args, verify = []any{poEntity, "line " + c.Name, "received " + c.Name, c.Name}, false
	case c.Field == model.FieldOnHand:
		q = `SELECT id, who, at, entity_id, coalesce(new, '') FROM audit_log WHERE entity = ? AND field = ?
			ORDER BY id DESC LIMIT 1`
		args, verify = []any{poEntity, "received " + c.Name}, false
	case c.Field == model.FieldCommitted:
		return nil // only imports change it
	case c.Name != "": // a line's "qty" or "received"
		field := "line " + c.Name
		if c.Field == "received" {
			field = "received " + c.Name
		}
		q = `SELECT id, who, at, entity_id, coalesce(new, '') FROM audit_log WHERE entity = ? AND entity_id = ? AND field = ?
			ORDER BY id DESC LIMIT 1`
		args = []any{poEntity, order, field}
	case c.Field == "status":
		q = `SELECT id, who, at, entity_id, coalesce(new, '') FROM audit_log WHERE entity = ? AND entity_id = ? AND field = 'status'
			ORDER BY id DESC LIMIT 1`
		args = []any{poEntity, order}
	default: // the order's lines, units or received units: its newest line change
		pattern := "line %"
		if c.Field == "received" {
			pattern = "received %"
		}
		q = `SELECT id, who, at, entity_id, coalesce(new, '') FROM audit_log WHERE entity = ? AND entity_id = ? AND field LIKE ?
			ORDER BY id DESC LIMIT 1`
		args, verify = []any{poEntity, order, pattern}, false
	}
	var id int64
	var who, at, entityID, value string
	err := tx.QueryRowContext(ctx, q, args...).Scan(&id, &who, &at, &entityID, &value)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	if verify && value != c.Stored {
		return nil // not the row that wrote it: say nothing rather than the wrong name
	}
	c.Who, c.At, c.Mine = who, at, s.ownAudit(id)
	if c.Order == 0 {
		c.Order, _ = strconv.ParseInt(entityID, 10, 64)
	}
	return nil
}

// checkOrder compares an order with what the PM saw of it; the zero
// POSeen checks nothing.
func (s *Store) checkOrder(ctx context.Context, tx *sql.Tx, h poHead, seen model.POSeen) error {
	if seen.Status == "" {
		return nil
	}
	now := model.POSeen{Status: h.status}
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(qty), 0), coalesce(sum(received_qty), 0)
		FROM po_lines WHERE po_id = ?`, h.id).Scan(&now.Lines, &now.Units, &now.Received); err != nil {
		return fmt.Errorf("purchase order %d: %w", h.id, err)
	}
	var cs []model.Conflict
	if now.Status != seen.Status {
		cs = append(cs, model.Conflict{Order: h.id, Field: "status", Seen: string(seen.Status), Stored: string(now.Status)})
	}
	for _, v := range []struct {
		field        string
		seen, stored int
	}{{"lines", seen.Lines, now.Lines}, {"units", seen.Units, now.Units}, {"received", seen.Received, now.Received}} {
		if v.seen != v.stored {
			cs = append(cs, model.Conflict{Order: h.id, Field: v.field, Seen: qtyText(v.seen), Stored: qtyText(v.stored)})
		}
	}
	if len(cs) == 0 {
		return nil
	}
	return s.conflictError(ctx, tx, cs, 1)
}

// lineConflicts compares a line (qty and received now; 0 and 0 when the
// product is not on the order) and its order's status with what the PM
// saw; the zero POLineSeen checks nothing.
func lineConflicts(h poHead, sku string, qty, received int, seen model.POLineSeen) []model.Conflict {
	if seen.Status == "" {
		return nil
	}
	var cs []model.Conflict
	if h.status != seen.Status {
		cs = append(cs, model.Conflict{Order: h.id, Field: "status", Seen: string(seen.Status), Stored: string(h.status)})
	}
	if qty != seen.Qty {
		cs = append(cs, model.Conflict{Order: h.id, Name: sku, Field: "qty", Seen: qtyText(seen.Qty), Stored: qtyText(qty)})
	}
	if received != seen.Received {
		cs = append(cs, model.Conflict{Order: h.id, Name: sku, Field: "received", Seen: qtyText(seen.Received), Stored: qtyText(received)})
	}
	return cs
}

// readLine is a product's quantity and received units on an order, 0 and
// 0 when it is not on it (onOrder false).
func readLine(ctx context.Context, tx *sql.Tx, poID, productID int64) (qty, received int, onOrder bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT qty, received_qty FROM po_lines WHERE po_id = ? AND product_id = ?`,
		poID, productID).Scan(&qty, &received)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, false, nil
	}
	return qty, received, err == nil, err
}

// draftConflicts compares what a suggested line was computed from with
// the SKU now: its stock and open orders as LoadItems reads them, and its
// planning fields. A nil seen checks nothing.
func draftConflicts(ctx context.Context, tx *sql.Tx, productID int64, sku string, seen *model.OrderSeen) ([]model.Conflict, error) {
	if seen == nil {
		return nil, nil
	}
	var onHand, committed, onOrder, inDraft int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(on_hand), 0), coalesce(sum(committed), 0)
		FROM stock WHERE product_id = ?`, productID).Scan(&onHand, &committed); err != nil {
		return nil, fmt.Errorf("%s: stock: %w", sku, err)
	}
	// as onOrderSQL counts them: outstanding units of open lines
	if err := tx.QueryRowContext(ctx, `SELECT
		coalesce(sum(CASE WHEN o.status = 'sent' THEN l.qty - l.received_qty END), 0),
		coalesce(sum(CASE WHEN o.status = 'draft' THEN l.qty - l.received_qty END), 0)
		FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id
		WHERE o.status IN ('draft', 'sent') AND l.qty > l.received_qty AND l.product_id = ?`, productID).
		Scan(&onOrder, &inDraft); err != nil {
		return nil, fmt.Errorf("%s: purchase orders: %w", sku, err)
	}
	var cs []model.Conflict
	for _, v := range []struct {
		field        string
		seen, stored int
	}{
		{model.FieldInDraft, seen.InDraft, inDraft}, {model.FieldOnOrder, seen.OnOrder, onOrder},
		{model.FieldOnHand, seen.OnHand, onHand}, {model.FieldCommitted, seen.Committed, committed},
	} {
		if v.seen != v.stored {
			cs = append(cs, model.Conflict{Name: sku, Field: v.field, Seen: qtyText(v.seen), Stored: qtyText(v.stored)})
		}
	}
	for _, f := range model.PolicyFields() {
		want, ok := seen.Policy[f]
		if !ok {
			continue
		}
		stored, err := readField(ctx, tx, productID, f, fieldSpecs[f])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sku, err)
		}
		if !model.SamePolicyValue(f, stored, want) {
			cs = append(cs, model.Conflict{Name: sku, Field: string(f), Seen: want, Stored: stored})
		}
	}
	return cs, nil
}

// checkReceipts compares the lines of the receipts that carry what the
// PM saw with what they hold now.
func (s *Store) checkReceipts(ctx context.Context, tx *sql.Tx, h poHead, rs []model.POReceipt) error {
	var cs []model.Conflict
	status := false // an order's status conflict is named once
	for _, r := range rs {
		if r.Seen.Status == "" {
			continue
		}
		p, err := loadPOProduct(ctx, tx, r.ProductID)
		if err != nil {
			return fmt.Errorf("purchase order %d: %w", h.id, err)
		}
		qty, received, _, err := readLine(ctx, tx, h.id, r.ProductID)
		if err != nil {
			return fmt.Errorf("purchase order %d, %s: %w", h.id, p.sku, err)
		}
		for _, c := range lineConflicts(h, p.sku, qty, received, r.Seen) {
			if c.Field == "status" {
				if status {
					continue
				}
				status = true
			}
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return nil
	}
	return s.conflictError(ctx, tx, cs, len(rs))
}
