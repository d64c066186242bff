package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"math"
	"strings"

	"stockroom/model"
)

// Reads and writes for importers (store/importer): what a file is compared
// against, and the writes of one import, all inside one Bulk transaction.

// StockKey is a product at a location.
type StockKey struct{ ProductID, LocationID int64 }

// StockQty is on-hand and committed units.
type StockQty struct{ OnHand, Committed int }

// StockLevels reads every product's stock by location.
func (s *Store) StockLevels(ctx context.Context) (map[StockKey]StockQty, error) {
	out := map[StockKey]StockQty{}
	err := s.scanRaw(ctx, `SELECT product_id, location_id, on_hand, committed FROM stock`, nil, 4,
		func(v []driver.Value) error {
			out[StockKey{rawInt(v[0]), rawInt(v[1])}] = StockQty{int(rawInt(v[2])), int(rawInt(v[3]))}
			return nil
		})
	return out, err
}

// DailySalesBetween reads the given products' daily rows from..to, by
// product and day. Products go 500 to an IN list, which SQLite answers
// with one seek per product into the (product, day) key.
func (s *Store) DailySalesBetween(ctx context.Context, productIDs []int64, from, to model.Day) (map[int64][]model.DailySale, error) {
	out := make(map[int64][]model.DailySale, len(productIDs))
	for lo := 0; lo < len(productIDs); lo += 500 {
		chunk := productIDs[lo:min(lo+500, len(productIDs))]
		args := make([]any, 0, len(chunk)+2)
		for _, id := range chunk {
			args = append(args, id)
		}
		args = append(args, int64(from), int64(to))
		err := s.scanRaw(ctx, `SELECT product_id, day, units, revenue, coalesce(in_stock_fraction, -1)
			FROM sales_daily WHERE product_id IN (?`+strings.Repeat(",?", len(chunk)-1)+`) AND day BETWEEN ? AND ?
			ORDER BY product_id, day`, args, 5, func(v []driver.Value) error {
			id := rawInt(v[0])
			d := model.DailySale{Day: model.Day(rawInt(v[1])), Units: int(rawInt(v[2])), Revenue: rawFloat(v[3]), InStock: rawFloat(v[4])}
			if d.InStock < 0 {
				d.InStock = math.NaN()
			}
			out[id] = append(out[id], d)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// WeeklyRollups reads the given products' weekly rollups, revenue
// included (the planner's reads leave it out).
func (s *Store) WeeklyRollups(ctx context.Context, productIDs []int64) (map[int64]model.WeeklySales, error) {
	out := make(map[int64]model.WeeklySales, len(productIDs))
	for lo := 0; lo < len(productIDs); lo += 500 {
		chunk := productIDs[lo:min(lo+500, len(productIDs))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		err := s.scanRaw(ctx, `SELECT product_id, first_week, units, revenue, in_stock_days,
			coalesce(last_sale_day, -2147483648), last_day FROM sales_weekly
			WHERE product_id IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, args, 7, func(v []driver.Value) error {
			id := rawInt(v[0])
			w := model.WeeklySales{FirstWeek: model.Day(rawInt(v[1])), LastSale: model.Day(rawInt(v[5])), LastDay: model.Day(rawInt(v[6]))}
			var err error
			if w.Units, err = decodeFloats(rawBytes(v[2])); err == nil {
				if w.Revenue, err = decodeFloats(rawBytes(v[3])); err == nil {
					w.InStockDays, err = decodeFloats(rawBytes(v[4]))
				}
			}
			if err != nil {
				return fmt.Errorf("product %d: %w", id, err)
			}
			if len(w.InStockDays) == 0 {
				w.InStockDays = nil // stored empty: in stock every day
			}
			out[id] = w
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// LastDayBefore is the last day before a day with a sales row for the
// product (with units sold, when salesOnly), or NoDay.
func (s *Store) LastDayBefore(ctx context.Context, productID int64, before model.Day, salesOnly bool) (model.Day, error) {
	q := `SELECT coalesce(max(day), -2147483648) FROM sales_daily WHERE product_id = ? AND day < ?`
	if salesOnly {
		q += ` AND units > 0`
	}
	var d int64
	err := s.db.QueryRowContext(ctx, q, productID, int64(before)).Scan(&d)
	return model.Day(d), err
}

// PurchaseOrderRef is an imported purchase order as stored.
type PurchaseOrderRef struct {
	ID int64
	PurchaseOrderInput
}

// PurchaseOrdersByReference reads the purchase orders that have a
// reference, with their lines.
func (s *Store) PurchaseOrdersByReference(ctx context.Context) (map[string]*PurchaseOrderRef, error) {
	out := map[string]*PurchaseOrderRef{}
	byID := map[int64]*PurchaseOrderRef{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, reference, supplier_id, status, created_at,
		coalesce(sent_at, ''), coalesce(expected_at, ''), coalesce(received_at, '')
		FROM purchase_orders WHERE reference IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var po PurchaseOrderRef
		var ref, status, created, sent, expected, received string
		if err := rows.Scan(&po.ID, &ref, &po.SupplierID, &status, &created, &sent, &expected, &received); err != nil {
			return nil, err
		}
		po.Status = model.POStatus(status)
		po.Created, po.Sent, po.Expected, po.Received = dayOrNone(created), dayOrNone(sent), dayOrNone(expected), dayOrNone(received)
		out[ref], byID[po.ID] = &po, &po
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	lines, err := s.db.QueryContext(ctx, `SELECT l.po_id, l.product_id, l.qty, l.unit_cost, l.received_qty
		FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id WHERE o.reference IS NOT NULL ORDER BY l.po_id, l.product_id`)
	if err != nil {
		return nil, err
	}
	defer lines.Close()
	for lines.Next() {
		var id int64
		var l model.OrderLine
		if err := lines.Scan(&id, &l.ProductID, &l.Qty, &l.UnitCost, &l.ReceivedQty); err != nil {
			return nil, err
		}
		if po := byID[id]; po != nil {
			po.Lines = append(po.Lines, l)
		}
	}
	return out, lines.Err()
}

func dayOrNone(s string) model.Day {
	if d, err := model.ParseDay(s); err == nil {
		return d
	}
	return model.NoDay
}

// UpdateProduct rewrites a product's descriptive fields.
func (b *Bulk) UpdateProduct(p model.Product) error {
	var supplier, launched any
	if p.SupplierID != 0 {
		supplier = p.SupplierID
	}
	if p.LaunchedOn.Valid() {
		launched = p.LaunchedOn.String()
	}
	_, err := b.exec(`UPDATE products SET name = ?, category = ?, subcategory = ?, brand = ?, supplier_id = ?,
		unit_cost = ?, price = ?, case_pack = ?, moq = ?, status = ?, launched_on = ? WHERE id = ?`,
		p.Name, p.Category, p.Subcategory, p.Brand, supplier, p.UnitCost, p.Price, max(p.CasePack, 1), p.MOQ,
		string(p.Status), launched, p.ID)
	if err != nil {
		return fmt.Errorf("product %q: %w", p.SKU, err)
	}
	return nil
}

// UpdateSupplier rewrites a supplier's fields.
func (b *Bulk) UpdateSupplier(sp model.Supplier) error {
	_, err := b.exec(`UPDATE suppliers SET name = ?, email = ?, lead_time_days = ?, lead_time_sd_days = ?,
		order_cost = ?, min_order_value = ?, currency = ? WHERE id = ?`,
		sp.Name, sp.Email, sp.LeadTimeDays, sp.LeadTimeSDDays, sp.OrderCost, sp.MinOrderValue, sp.Currency, sp.ID)
	if err != nil {
		return fmt.Errorf("supplier %q: %w", sp.Name, err)
	}
	return nil
}

// DeleteStock removes a product's stock row at a location.
func (b *Bulk) DeleteStock(productID, locationID int64) error {
	_, err := b.exec(`DELETE FROM stock WHERE product_id = ? AND location_id = ?`, productID, locationID)
	return err
}

// PatchSales replaces a product's daily sales from..to (inclusive) with
// days and writes its weekly rollup as patched (see PatchRollup).
func (b *Bulk) PatchSales(productID int64, from, to model.Day, days []model.DailySale, weekly model.WeeklySales) error {
	if _, err := b.exec(`DELETE FROM sales_daily WHERE product_id = ? AND day BETWEEN ? AND ?`,
		productID, int64(from), int64(to)); err != nil {
		return err
	}
	if err := b.queueSales(productID, days); err != nil {
		return err
	}
	return b.writeWeekly(productID, weekly)
}

// SavePurchaseOrder inserts the purchase order with this reference, or
// replaces the one already stored under it, lines and all.
func (b *Bulk) SavePurchaseOrder(reference string, existingID int64, po PurchaseOrderInput) (int64, error) {
	if existingID != 0 {
		if _, err := b.exec(`DELETE FROM purchase_orders WHERE id = ?`, existingID); err != nil {
			return 0, err
		}
	}
	id, err := b.AddPurchaseOrder(po)
	if err != nil {
		return 0, err
	}
	if _, err := b.exec(`UPDATE purchase_orders SET reference = ? WHERE id = ?`, reference, id); err != nil {
		return 0, fmt.Errorf("purchase order %q: %w", reference, err)
	}
	return id, nil
}

// Audit writes an audit-log row in the bulk transaction.
func (b *Bulk) Audit(entity, id, field, old, new string) error {
	return audit(b.ctx, b.tx, timestamp(), currentUser(), entity, id, field, old, new)
}
