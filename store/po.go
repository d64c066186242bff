package store

// The purchase-order lifecycle: draft → sent → received, or cancelled from
// draft or sent. Every change is one transaction with audit_log rows
// (entity "purchase_order", entity_id the order's id), so a failed change
// leaves nothing behind.
//
// Days are stored as ISO text (YYYY-MM-DD, see nullDay). created_at may hold
// a full timestamp when other code wrote it, so days are read from the first
// ten characters of every date column.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"

	"stockroom/model"
)

// ErrUnknownPO is returned when a purchase order id is not in the catalogue.
var ErrUnknownPO = errors.New("no such purchase order")

const poEntity = "purchase_order"

// poDay reads a stored date column; the first ten characters are the day
// (created_at may be a full RFC 3339 timestamp). NULL, empty or unreadable
// text is NoDay.
func poDay(s sql.NullString) model.Day {
	if !s.Valid || len(s.String) < 10 {
		return model.NoDay
	}
	d, err := model.ParseDay(s.String[:10])
	if err != nil {
		return model.NoDay
	}
	return d
}

// poHead is the part of a purchase order that decides what may change.
type poHead struct {
	id         int64
	supplierID int64
	status     model.POStatus
}

func loadPOHead(ctx context.Context, tx *sql.Tx, id int64) (poHead, error) {
	h := poHead{id: id}
	var status string
	err := tx.QueryRowContext(ctx, `SELECT supplier_id, status FROM purchase_orders WHERE id = ?`, id).
		Scan(&h.supplierID, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("purchase order %d: %w", id, ErrUnknownPO)
	}
	if err != nil {
		return h, fmt.Errorf("purchase order %d: %w", id, err)
	}
	h.status = model.POStatus(status)
	return h, nil
}

// poProduct is what a purchase order needs to know about a product.
type poProduct struct {
	sku        string
	supplierID int64 // 0 when the product has no supplier
	unitCost   float64
}

func loadPOProduct(ctx context.Context, tx *sql.Tx, productID int64) (poProduct, error) {
	var p poProduct
	err := tx.QueryRowContext(ctx, `SELECT sku, coalesce(supplier_id, 0), unit_cost FROM products WHERE id = ?`, productID).
		Scan(&p.sku, &p.supplierID, &p.unitCost)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("product id %d: %w", productID, ErrUnknownSKU)
	}
	if err != nil {
		return p, fmt.Errorf("product id %d: %w", productID, err)
	}
	return p, nil
}

func supplierName(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM suppliers WHERE id = ?`, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("supplier id %d: no such supplier", id)
	}
	return name, err
}

// checkSupplier refuses a product that another supplier (or none) supplies:
// one purchase order goes to one supplier.
func checkSupplier(ctx context.Context, tx *sql.Tx, p poProduct, supplierID int64, supplier string) error {
	if p.supplierID == supplierID {
		return nil
	}
	if p.supplierID == 0 {
		return fmt.Errorf("%s has no supplier, so it cannot go on an order to %s", p.sku, supplier)
	}
	other, err := supplierName(ctx, tx, p.supplierID)
	if err != nil {
		return err
	}
	return fmt.Errorf("%s is supplied by %s, not %s", p.sku, other, supplier)
}

func qtyText(q int) string { return strconv.Itoa(q) }

// CreateDraftPO puts lines on a draft purchase order to the supplier and
// returns the order's id. When the supplier already has a draft, the lines
// go onto the newest one (a PM builds one order per supplier over several
// sessions): a product already on it gets the quantities added and the new
// line's unit cost. Otherwise a new draft is created on the day on.
//
// A line's UnitCost of 0 means the product's current unit cost. Each product
// must be supplied by the supplier. A product put on the order has its
// policies.order_qty cleared: the PM's own quantity is used up once ordered.
//
// Lines that carry what they were computed from (Seen) are compare-and-set:
// if any SKU's stock, open orders or planning fields differ from it,
// nothing is written and the error is a *model.ConflictError naming each
// value that differs (Changes is the number of lines).
func (s *Store) CreateDraftPO(ctx context.Context, supplierID int64, lines []model.OrderLine, on model.Day) (int64, error) {
	if len(lines) == 0 {
		return 0, errors.New("a purchase order needs at least one line")
	}
	if !on.Valid() {
		return 0, errors.New("a purchase order needs a creation day")
	}
	wt, err := s.beginWrite(ctx)
	if err != nil {
		return 0, err
	}
	defer wt.Rollback()
	tx := wt.Tx
	who, at := currentUser(), timestamp()
	supplier, err := supplierName(ctx, tx, supplierID)
	if err != nil {
		return 0, err
	}
	var conflicts []model.Conflict
	for _, l := range lines {
		if l.Seen == nil {
			continue
		}
		p, err := loadPOProduct(ctx, tx, l.ProductID)
		if err != nil {
			return 0, err
		}
		cs, err := draftConflicts(ctx, tx, l.ProductID, p.sku, l.Seen)
		if err != nil {
			return 0, err
		}
		conflicts = append(conflicts, cs...)
	}
	if len(conflicts) > 0 {
		return 0, s.conflictError(ctx, tx, conflicts, len(lines))
	}

	// newest draft by creation day, then by id for drafts of the same day
	var poID int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM purchase_orders WHERE supplier_id = ? AND status = 'draft'
		ORDER BY substr(created_at, 1, 10) DESC, id DESC LIMIT 1`, supplierID).Scan(&poID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.ExecContext(ctx, `INSERT INTO purchase_orders(supplier_id, status, created_at) VALUES (?, 'draft', ?)`,
			supplierID, on.String())
		if err != nil {
			return 0, fmt.Errorf("new purchase order to %s: %w", supplier, err)
		}
		if poID, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		if err := audit(ctx, tx, at, who, poEntity, strconv.FormatInt(poID, 10), "status", "", string(model.PODraft)); err != nil {
			return 0, err
		}
	case err != nil:
		return 0, fmt.Errorf("draft purchase order to %s: %w", supplier, err)
	}
	entityID := strconv.FormatInt(poID, 10)

	for _, l := range lines {
		p, err := loadPOProduct(ctx, tx, l.ProductID)
		if err != nil {
			return 0, err
		}
		switch {
		case l.Qty <= 0:
			return 0, fmt.Errorf("%s: order quantity %d must be above 0", p.sku, l.Qty)
		case l.ReceivedQty != 0:
			return 0, fmt.Errorf("%s: a draft cannot have received units", p.sku)
		case l.UnitCost < 0 || math.IsNaN(l.UnitCost) || math.IsInf(l.UnitCost, 0):
			return 0, fmt.Errorf("%s: unit cost %v is not a cost", p.sku, l.UnitCost)
		}
		if err := checkSupplier(ctx, tx, p, supplierID, supplier); err != nil {
			return 0, err
		}
		cost := l.UnitCost
		if cost == 0 {
			cost = p.unitCost
		}
		var oldQty int
		var oldCost float64
		err = tx.QueryRowContext(ctx, `SELECT qty, unit_cost FROM po_lines WHERE po_id = ? AND product_id = ?`,
			poID, l.ProductID).Scan(&oldQty, &oldCost)
		exists := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("purchase order %d, %s: %w", poID, p.sku, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO po_lines(po_id, product_id, qty, unit_cost) VALUES (?, ?, ?, ?)
			ON CONFLICT(po_id, product_id) DO UPDATE SET qty = qty + excluded.qty, unit_cost = excluded.unit_cost`,
			poID, l.ProductID, l.Qty, cost); err != nil {
			return 0, fmt.Errorf("purchase order %d, %s: %w", poID, p.sku, err)
		}
		if err := audit(ctx, tx, at, who, poEntity, entityID, "line "+p.sku, qtyText(oldQty), qtyText(oldQty+l.Qty)); err != nil {
			return 0, err
		}
		if exists && oldCost != cost {
			if err := audit(ctx, tx, at, who, poEntity, entityID, "unit_cost "+p.sku,
				strconv.FormatFloat(oldCost, 'f', -1, 64), strconv.FormatFloat(cost, 'f', -1, 64)); err != nil {
				return 0, err
			}
		}
		if err := clearOrderQty(ctx, tx, at, who, l.ProductID, p.sku); err != nil {
			return 0, err
		}
	}
	if err := wt.Commit(); err != nil {
		return 0, err
	}
	return poID, nil
}

// clearOrderQty sets the product's policies.order_qty to NULL (back to the
// suggestion) and audits it as a policy change, if one was set.
func clearOrderQty(ctx context.Context, tx *sql.Tx, at, who string, productID int64, sku string) error {
	var old sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT order_qty FROM policies WHERE product_id = ?`, productID).Scan(&old)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !old.Valid) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: order quantity: %w", sku, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE policies SET order_qty = NULL, updated_at = ?, updated_by = ? WHERE product_id = ?`,
		at, who, productID); err != nil {
		return fmt.Errorf("%s: clear order quantity: %w", sku, err)
	}
	return audit(ctx, tx, at, who, "policy", sku, "order_qty", strconv.FormatInt(old.Int64, 10), "auto")
}

// PurchaseOrders lists purchase orders with their totals. Order: drafts
// first (newest first: the one being built is on top), then sent orders by
// expected day (soonest first, those without one last: what arrives next),
// then received and cancelled orders newest first; "newest" is the creation
// day, then the higher id.
func (s *Store) PurchaseOrders(ctx context.Context, f model.POFilter) ([]model.POSummary, error) {
	var openOnly int
	if f.OpenOnly {
		openOnly = 1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT o.id, o.supplier_id, s.name, o.status, coalesce(o.reference, ''),
		o.created_at, o.sent_at, o.expected_at, o.received_at,
		count(l.product_id), coalesce(sum(l.qty), 0), coalesce(sum(l.received_qty), 0),
		coalesce(sum(l.qty * l.unit_cost), 0.0), coalesce(sum(max(l.qty - l.received_qty, 0) * l.unit_cost), 0.0)
		FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id
		LEFT JOIN po_lines l ON l.po_id = o.id
		WHERE (?1 = 0 OR o.supplier_id = ?1) AND (?2 = 0 OR o.status IN ('draft', 'sent'))
		GROUP BY o.id
		ORDER BY CASE o.status WHEN 'draft' THEN 0 WHEN 'sent' THEN 1 ELSE 2 END,
			CASE WHEN o.status = 'sent' THEN coalesce(substr(o.expected_at, 1, 10), '9999-12-31') ELSE '' END,
			substr(o.created_at, 1, 10) DESC, o.id DESC`, f.SupplierID, openOnly)
	if err != nil {
		return nil, fmt.Errorf("purchase orders: %w", err)
	}
	defer rows.Close()
	var out []model.POSummary
	for rows.Next() {
		var p model.POSummary
		var status string
		var created, sent, expected, received sql.NullString
		if err := rows.Scan(&p.ID, &p.SupplierID, &p.Supplier, &status, &p.Reference,
			&created, &sent, &expected, &received,
			&p.Lines, &p.Units, &p.ReceivedUnits, &p.Value, &p.OpenValue); err != nil {
			return nil, fmt.Errorf("purchase orders: %w", err)
		}
		p.Status = model.POStatus(status)
		p.Created, p.Sent, p.Expected, p.Received = poDay(created), poDay(sent), poDay(expected), poDay(received)
		if !p.Status.Open() {
			p.OpenValue = 0 // nothing more will arrive
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PurchaseOrder reads one purchase order with its lines, ordered by SKU. An
// unknown id is an error wrapping ErrUnknownPO.
func (s *Store) PurchaseOrder(ctx context.Context, id int64) (model.PurchaseOrder, error) {
	po := model.PurchaseOrder{POHeader: model.POHeader{ID: id}}
	var status string
	var created, sent, expected, received sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT o.supplier_id, s.name, o.status, coalesce(o.reference, ''),
		o.created_at, o.sent_at, o.expected_at, o.received_at
		FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id WHERE o.id = ?`, id).
		Scan(&po.SupplierID, &po.Supplier, &status, &po.Reference, &created, &sent, &expected, &received)
	if errors.Is(err, sql.ErrNoRows) {
		return po, fmt.Errorf("purchase order %d: %w", id, ErrUnknownPO)
	}
	if err != nil {
		return po, fmt.Errorf("purchase order %d: %w", id, err)
	}
	po.Status = model.POStatus(status)
	po.Created, po.Sent, po.Expected, po.Received = poDay(created), poDay(sent), poDay(expected), poDay(received)

	rows, err := s.db.QueryContext(ctx, `SELECT l.product_id, p.sku, p.name, l.qty, l.received_qty, l.unit_cost
		FROM po_lines l JOIN products p ON p.id = l.product_id WHERE l.po_id = ? ORDER BY p.sku`, id)
	if err != nil {
		return po, fmt.Errorf("purchase order %d lines: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var l model.POLine
		if err := rows.Scan(&l.ProductID, &l.SKU, &l.Name, &l.Qty, &l.ReceivedQty, &l.UnitCost); err != nil {
			return po, fmt.Errorf("purchase order %d lines: %w", id, err)
		}
		po.Lines = append(po.Lines, l)
	}
	return po, rows.Err()
}

// SetPOLineQty sets a product's quantity on a draft or sent purchase order
// and returns the quantity it had before (0 when it was not on the order),
// so that calling it again with that value undoes the change.
//
// The quantity may not go below what has been received. 0 removes the line;
// a sent order keeps at least one line (cancel it instead). A product not on
// the order is added at its current unit cost, which is how removing a line
// is undone; it must be the order's supplier's product.
//
// With a seen line (a Status), it is compare-and-set: if the order's
// status or the line's quantity or received units differ from it, nothing
// is written and the error is a *model.ConflictError.
func (s *Store) SetPOLineQty(ctx context.Context, poID, productID int64, qty int, seen model.POLineSeen) (int, error) {
	wt, err := s.beginWrite(ctx)
	if err != nil {
		return 0, err
	}
	defer wt.Rollback()
	tx := wt.Tx
	who, at := currentUser(), timestamp()
	h, err := loadPOHead(ctx, tx, poID)
	if err != nil {
		return 0, err
	}
	p, err := loadPOProduct(ctx, tx, productID)
	if err != nil {
		return 0, fmt.Errorf("purchase order %d: %w", poID, err)
	}
	previous, received, onOrder, err := readLine(ctx, tx, poID, productID)
	if err != nil {
		return 0, fmt.Errorf("purchase order %d, %s: %w", poID, p.sku, err)
	}
	if cs := lineConflicts(h, p.sku, previous, received, seen); len(cs) > 0 {
		return 0, s.conflictError(ctx, tx, cs, 1)
	}
	if !h.status.Open() {
		return 0, fmt.Errorf("purchase order %d is %s: only draft and sent orders can change", poID, h.status)
	}
	if qty < 0 {
		return 0, fmt.Errorf("purchase order %d, %s: quantity %d is negative", poID, p.sku, qty)
	}
	if qty == previous {
		return previous, nil // nothing to change (also: 0 for a product not on the order)
	}
	switch {
	case !onOrder:
		supplier, err := supplierName(ctx, tx, h.supplierID)
		if err != nil {
			return 0, err
		}
		if err := checkSupplier(ctx, tx, p, h.supplierID, supplier); err != nil {
			return 0, fmt.Errorf("purchase order %d: %w", poID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO po_lines(po_id, product_id, qty, unit_cost) VALUES (?, ?, ?, ?)`,
			poID, productID, qty, p.unitCost); err != nil {
			return 0, fmt.Errorf("purchase order %d, %s: %w", poID, p.sku, err)
		}
	case qty < received:
		return 0, fmt.Errorf("purchase order %d, %s: quantity %d is below the %d already received", poID, p.sku, qty, received)
	case qty == 0:
		if h.status == model.POSent {
			var lines int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM po_lines WHERE po_id = ?`, poID).Scan(&lines); err != nil {
				return 0, err
			}
			if lines == 1 {
				return 0, fmt.Errorf("purchase order %d: %s is its only line; cancel the order instead of removing it", poID, p.sku)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM po_lines WHERE po_id = ? AND product_id = ?`, poID, productID); err != nil {
			return 0, fmt.Errorf("purchase order %d, %s: %w", poID, p.sku, err)
		}
	default:
		if _, err := tx.ExecContext(ctx, `UPDATE po_lines SET qty = ? WHERE po_id = ? AND product_id = ?`,
			qty, poID, productID); err != nil {
			return 0, fmt.Errorf("purchase order %d, %s: %w", poID, p.sku, err)
		}
	}
	if err := audit(ctx, tx, at, who, poEntity, strconv.FormatInt(poID, 10), "line "+p.sku, qtyText(previous), qtyText(qty)); err != nil {
		return 0, err
	}
	if err := wt.Commit(); err != nil {
		return 0, err
	}
	return previous, nil
}

// SendPO marks a draft as sent on the day on and returns the day it is
// expected: on + the order's lead time in days, rounded. The order's lead
// time is the longest of its lines' lead times, each line's being the one
// the planner uses for that SKU (model.ChooseLeadTime): its
// policies.lead_time_days override when set (> 0), else the supplier's lead
// time as measured from its received orders once there are enough, else as
// configured. An order arrives when its slowest line does.
//
// With a seen order (a Status), it is compare-and-set: if the order's
// status, lines, units or received units differ from it, nothing is
// written and the error is a *model.ConflictError.
func (s *Store) SendPO(ctx context.Context, id int64, on model.Day, seen model.POSeen) (model.Day, error) {
	if !on.Valid() {
		return model.NoDay, fmt.Errorf("purchase order %d: sending needs a day", id)
	}
	wt, err := s.beginWrite(ctx)
	if err != nil {
		return model.NoDay, err
	}
	defer wt.Rollback()
	tx := wt.Tx
	who, at := currentUser(), timestamp()
	h, err := loadPOHead(ctx, tx, id)
	if err != nil {
		return model.NoDay, err
	}
	if err := s.checkOrder(ctx, tx, h, seen); err != nil {
		return model.NoDay, err
	}
	if h.status != model.PODraft {
		return model.NoDay, fmt.Errorf("purchase order %d is %s: only a draft can be sent", id, h.status)
	}
	lead, err := orderLeadTime(ctx, tx, id, h.supplierID)
	if err != nil {
		return model.NoDay, err
	}
	expected := on + model.Day(math.Round(lead))
	if _, err := tx.ExecContext(ctx, `UPDATE purchase_orders SET status = 'sent', sent_at = ?, expected_at = ? WHERE id = ?`,
		on.String(), expected.String(), id); err != nil {
		return model.NoDay, fmt.Errorf("purchase order %d: %w", id, err)
	}
	entityID := strconv.FormatInt(id, 10)
	if err := audit(ctx, tx, at, who, poEntity, entityID, "status", string(model.PODraft), string(model.POSent)); err != nil {
		return model.NoDay, err
	}
	if err := audit(ctx, tx, at, who, poEntity, entityID, "expected_at", "", expected.String()); err != nil {
		return model.NoDay, err
	}
	if err := wt.Commit(); err != nil {
		return model.NoDay, err
	}
	return expected, nil
}

// ReceivePO books units of a sent purchase order into stock at a location on
// the day on, and reports whether the order is now complete: when every
// line is fully received, the order becomes received with received_at = on.
// Each receipt must be for a product on the order, for more than 0 and at
// most its outstanding quantity. locationID 0 is the first location by id
// (a location "Main" is created when there is none).
//
// A receipt with a seen line (a Status) is compare-and-set: if the order's
// status or the line's quantity or received units differ from it, nothing
// is received and the error is a *model.ConflictError.
func (s *Store) ReceivePO(ctx context.Context, id int64, receipts []model.POReceipt, locationID int64, on model.Day) (bool, error) {
	if len(receipts) == 0 {
		return false, fmt.Errorf("purchase order %d: nothing to receive", id)
	}
	return s.receive(ctx, id, locationID, on, model.POSeen{}, func(*sql.Tx) ([]model.POReceipt, error) { return receipts, nil })
}

// ReceivePOInFull receives every outstanding unit of a sent purchase order
// at a location (0: see ReceivePO) on the day on, completing it; with a
// seen order (a Status) only if it still is as seen (see SendPO).
func (s *Store) ReceivePOInFull(ctx context.Context, id, locationID int64, on model.Day, seen model.POSeen) error {
	_, err := s.receive(ctx, id, locationID, on, seen, func(tx *sql.Tx) ([]model.POReceipt, error) {
		rows, err := tx.QueryContext(ctx, `SELECT product_id, qty - received_qty FROM po_lines
			WHERE po_id = ? AND qty > received_qty ORDER BY product_id`, id)
		if err != nil {
			return nil, fmt.Errorf("purchase order %d lines: %w", id, err)
		}
		defer rows.Close()
		var out []model.POReceipt
		for rows.Next() {
			var r model.POReceipt
			if err := rows.Scan(&r.ProductID, &r.Qty); err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, rows.Err()
	})
	return err
}

// receive does ReceivePO's work in one transaction; receipts are read
// inside it so that ReceivePOInFull sees the same lines it books.
func (s *Store) receive(ctx context.Context, id, locationID int64, on model.Day, seen model.POSeen, receipts func(*sql.Tx) ([]model.POReceipt, error)) (bool, error) {
	if !on.Valid() {
		return false, fmt.Errorf("purchase order %d: receiving needs a day", id)
	}
	wt, err := s.beginWrite(ctx)
	if err != nil {
		return false, err
	}
	defer wt.Rollback()
	tx := wt.Tx
	who, at := currentUser(), timestamp()
	entityID := strconv.FormatInt(id, 10)
	h, err := loadPOHead(ctx, tx, id)
	if err != nil {
		return false, err
	}
	if err := s.checkOrder(ctx, tx, h, seen); err != nil {
		return false, err
	}
	rs, err := receipts(tx)
	if err != nil {
		return false, err
	}
	if err := s.checkReceipts(ctx, tx, h, rs); err != nil {
		return false, err
	}
	if h.status != model.POSent {
		return false, fmt.Errorf("purchase order %d is %s: only a sent order can be received", id, h.status)
	}
	if locationID, err = receivingLocation(ctx, tx, locationID); err != nil {
		return false, fmt.Errorf("purchase order %d: %w", id, err)
	}
	for _, r := range rs {
		var sku string
		var qty, received int
		err := tx.QueryRowContext(ctx, `SELECT p.sku, l.qty, l.received_qty FROM po_lines l JOIN products p ON p.id = l.product_id
			WHERE l.po_id = ? AND l.product_id = ?`, id, r.ProductID).Scan(&sku, &qty, &received)
		if errors.Is(err, sql.ErrNoRows) {
			p, perr := loadPOProduct(ctx, tx, r.ProductID)
			if perr != nil {
				return false, fmt.Errorf("purchase order %d: %w", id, perr)
			}
			return false, fmt.Errorf("purchase order %d: %s is not on the order", id, p.sku)
		}
		if err != nil {
			return false, fmt.Errorf("purchase order %d: %w", id, err)
		}
		if r.Qty <= 0 {
			return false, fmt.Errorf("purchase order %d, %s: received quantity %d must be above 0", id, sku, r.Qty)
		}
		if outstanding := qty - received; r.Qty > outstanding {
			return false, fmt.Errorf("purchase order %d, %s: cannot receive %d, only %d outstanding (%d ordered, %d received)",
				id, sku, r.Qty, max(outstanding, 0), qty, received)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE po_lines SET received_qty = received_qty + ? WHERE po_id = ? AND product_id = ?`,
			r.Qty, id, r.ProductID); err != nil {
			return false, fmt.Errorf("purchase order %d, %s: %w", id, sku, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock(product_id, location_id, on_hand, committed, updated_at)
			VALUES (?, ?, ?, 0, ?) ON CONFLICT(product_id, location_id) DO UPDATE SET
			on_hand = on_hand + excluded.on_hand, updated_at = excluded.updated_at`,
			r.ProductID, locationID, r.Qty, at); err != nil {
			return false, fmt.Errorf("purchase order %d, %s: stock: %w", id, sku, err)
		}
		if err := audit(ctx, tx, at, who, poEntity, entityID, "received "+sku, qtyText(received), qtyText(received+r.Qty)); err != nil {
			return false, err
		}
	}
	var outstanding int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM po_lines WHERE po_id = ? AND received_qty < qty`, id).Scan(&outstanding); err != nil {
		return false, fmt.Errorf("purchase order %d: %w", id, err)
	}
	complete := outstanding == 0
	if complete {
		if _, err := tx.ExecContext(ctx, `UPDATE purchase_orders SET status = 'received', received_at = ? WHERE id = ?`,
			on.String(), id); err != nil {
			return false, fmt.Errorf("purchase order %d: %w", id, err)
		}
		if err := audit(ctx, tx, at, who, poEntity, entityID, "status", string(model.POSent), string(model.POReceived)); err != nil {
			return false, err
		}
	}
	if err := wt.Commit(); err != nil {
		return false, err
	}
	return complete, nil
}

// receivingLocation checks a location id, or for 0 picks the first location
// by id, creating "Main" in a catalogue without locations.
func receivingLocation(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	if id != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM locations WHERE id = ?`, id).Scan(&n); err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, fmt.Errorf("location id %d: no such location", id)
		}
		return id, nil
	}
	err := tx.QueryRowContext(ctx, `SELECT id FROM locations ORDER BY id LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := tx.ExecContext(ctx, `INSERT INTO locations(name) VALUES ('Main')`)
		if err != nil {
			return 0, fmt.Errorf("create location Main: %w", err)
		}
		return res.LastInsertId()
	}
	return id, err
}

// CancelPO cancels a draft or sent purchase order. Units already received
// stay received and in stock; the rest is no longer on order. With a seen
// order (a Status), only if it still is as seen (see SendPO).
func (s *Store) CancelPO(ctx context.Context, id int64, seen model.POSeen) error {
	wt, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer wt.Rollback()
	tx := wt.Tx
	h, err := loadPOHead(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := s.checkOrder(ctx, tx, h, seen); err != nil {
		return err
	}
	if !h.status.Open() {
		return fmt.Errorf("purchase order %d is %s: only draft and sent orders can be cancelled", id, h.status)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE purchase_orders SET status = 'cancelled' WHERE id = ?`, id); err != nil {
		return fmt.Errorf("purchase order %d: %w", id, err)
	}
	if err := audit(ctx, tx, timestamp(), currentUser(), poEntity, strconv.FormatInt(id, 10), "status",
		string(h.status), string(model.POCancelled)); err != nil {
		return err
	}
	return wt.Commit()
}

// orderLeadTime is the longest lead time, in days, of an order's lines, as
// SendPO describes; an order without lines is an error.
func orderLeadTime(ctx context.Context, tx *sql.Tx, id, supplierID int64) (float64, error) {
	var sp model.Supplier
	if err := tx.QueryRowContext(ctx, `SELECT lead_time_days, lead_time_sd_days FROM suppliers WHERE id = ?`,
		supplierID).Scan(&sp.LeadTimeDays, &sp.LeadTimeSDDays); err != nil {
		return 0, fmt.Errorf("purchase order %d supplier: %w", id, err)
	}
	measured, err := supplierLeadTimes(ctx, tx, supplierID)
	if err != nil {
		return 0, fmt.Errorf("purchase order %d lead time: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT coalesce(pol.lead_time_days, 0) FROM po_lines l
		LEFT JOIN policies pol ON pol.product_id = l.product_id WHERE l.po_id = ?`, id)
	if err != nil {
		return 0, fmt.Errorf("purchase order %d lead time: %w", id, err)
	}
	defer rows.Close()
	lead, lines := 0.0, 0
	for rows.Next() {
		var override float64
		if err := rows.Scan(&override); err != nil {
			return 0, err
		}
		lines++
		lead = max(lead, model.ChooseLeadTime(sp, measured, override).Days)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if lines == 0 {
		return 0, fmt.Errorf("purchase order %d has no lines: nothing to send", id)
	}
	return lead, nil
}
