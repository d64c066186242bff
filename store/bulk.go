package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"stockroom/model"
)

// Bulk writes many rows in one transaction: all of it lands or none does.
type Bulk struct {
	w     *writeTx
	tx    *sql.Tx
	ctx   context.Context
	stmts map[string]*sql.Stmt

	pendingSales []any // flattened sales_daily rows waiting for a multi-row insert
}

// salesBatch is how many sales_daily rows go into one INSERT; fewer, larger
// statements cut the per-call cost that dominates bulk loads.
const salesBatch = 150

// BeginBulk starts a bulk write.
func (s *Store) BeginBulk(ctx context.Context) (*Bulk, error) {
	w, err := s.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	return &Bulk{w: w, tx: w.Tx, ctx: ctx, stmts: map[string]*sql.Stmt{}}, nil
}

func (b *Bulk) exec(query string, args ...any) (sql.Result, error) {
	st, ok := b.stmts[query]
	if !ok {
		var err error
		if st, err = b.tx.PrepareContext(b.ctx, query); err != nil {
			return nil, err
		}
		b.stmts[query] = st
	}
	return st.ExecContext(b.ctx, args...)
}

func (b *Bulk) insertID(query string, args ...any) (int64, error) {
	res, err := b.exec(query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// SetSetting stores one setting.
func (b *Bulk) SetSetting(name, value string) error {
	_, err := b.exec(`INSERT INTO settings(name, value) VALUES (?, ?)
		ON CONFLICT(name) DO UPDATE SET value = excluded.value`, name, value)
	return err
}

// AddSupplier inserts a supplier and sets its ID.
func (b *Bulk) AddSupplier(sp *model.Supplier) error {
	id, err := b.insertID(`INSERT INTO suppliers(name, email, lead_time_days, lead_time_sd_days, order_cost,
		min_order_value, currency) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		sp.Name, sp.Email, sp.LeadTimeDays, sp.LeadTimeSDDays, sp.OrderCost, sp.MinOrderValue, sp.Currency)
	if err != nil {
		return fmt.Errorf("supplier %q: %w", sp.Name, err)
	}
	sp.ID = id
	return nil
}

// AddLocation inserts a location and sets its ID.
func (b *Bulk) AddLocation(l *model.Location) error {
	id, err := b.insertID(`INSERT INTO locations(name) VALUES (?)`, l.Name)
	if err != nil {
		return fmt.Errorf("location %q: %w", l.Name, err)
	}
	l.ID = id
	return nil
}

// AddProduct inserts a product and sets its ID.
func (b *Bulk) AddProduct(p *model.Product) error {
	var supplier any
	if p.SupplierID != 0 {
		supplier = p.SupplierID
	}
	var launched any
	if p.LaunchedOn.Valid() {
		launched = p.LaunchedOn.String()
	}
	status := p.Status
	if status == "" {
		status = model.Active
	}
	id, err := b.insertID(`INSERT INTO products(sku, name, category, subcategory, brand, supplier_id,
		unit_cost, price, case_pack, moq, status, launched_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.SKU, p.Name, p.Category, p.Subcategory, p.Brand, supplier, p.UnitCost, p.Price,
		max(p.CasePack, 1), p.MOQ, string(status), launched)
	if err != nil {
		return fmt.Errorf("product %q: %w", p.SKU, err)
	}
	p.ID = id
	return nil
}

// SetStock sets a product's stock at a location.
func (b *Bulk) SetStock(productID, locationID int64, onHand, committed int) error {
	_, err := b.exec(`INSERT INTO stock(product_id, location_id, on_hand, committed, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT(product_id, location_id) DO UPDATE SET
		on_hand = excluded.on_hand, committed = excluded.committed, updated_at = excluded.updated_at`,
		productID, locationID, onHand, committed, timestamp())
	return err
}

// SetPolicy stores a product's policy overrides.
func (b *Bulk) SetPolicy(productID int64, p model.Policy) error {
	a := policyArgs(p)
	_, err := b.exec(`INSERT INTO policies(product_id, reorder_point, service_level, lead_time_days,
		review_days, rounding, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(product_id) DO UPDATE SET reorder_point = excluded.reorder_point,
		service_level = excluded.service_level, lead_time_days = excluded.lead_time_days,
		review_days = excluded.review_days, rounding = excluded.rounding,
		updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		productID, a[0], a[1], a[2], a[3], a[4], timestamp(), currentUser())
	return err
}

func policyArgs(p model.Policy) [5]any {
	var a [5]any
	if p.Manual {
		a[0] = p.ReorderPoint
	}
	if p.ServiceLevel > 0 {
		a[1] = p.ServiceLevel
	}
	if p.LeadTimeDays > 0 {
		a[2] = p.LeadTimeDays
	}
	if p.ReviewDays > 0 {
		a[3] = p.ReviewDays
	}
	if p.Rounding != "" {
		a[4] = string(p.Rounding)
	}
	return a
}

// PurchaseOrderInput is a purchase order to insert. Days that do not apply
// (a draft's sent day, say) are model.NoDay.
type PurchaseOrderInput struct {
	SupplierID                        int64
	Status                            model.POStatus
	Created, Sent, Expected, Received model.Day
	Lines                             []model.OrderLine
}

// AddPurchaseOrder inserts a purchase order with its lines and returns its id.
func (b *Bulk) AddPurchaseOrder(po PurchaseOrderInput) (int64, error) {
	id, err := b.insertID(`INSERT INTO purchase_orders(supplier_id, status, created_at, sent_at, expected_at, received_at)
		VALUES (?, ?, ?, ?, ?, ?)`, po.SupplierID, string(po.Status), po.Created.String(),
		nullDay(po.Sent), nullDay(po.Expected), nullDay(po.Received))
	if err != nil {
		return 0, fmt.Errorf("purchase order: %w", err)
	}
	for _, l := range po.Lines {
		if _, err := b.exec(`INSERT INTO po_lines(po_id, product_id, qty, unit_cost, received_qty) VALUES (?, ?, ?, ?, ?)`,
			id, l.ProductID, l.Qty, l.UnitCost, l.ReceivedQty); err != nil {
			return 0, fmt.Errorf("purchase order %d line: %w", id, err)
		}
	}
	return id, nil
}

func nullDay(d model.Day) any {
	if !d.Valid() {
		return nil
	}
	return d.String()
}

// SetSales replaces a product's whole sales history with days and writes
// its weekly rollup, for a product whose history is known in full (demo data).
func (b *Bulk) SetSales(productID int64, days []model.DailySale) error {
	if err := b.queueSales(productID, days); err != nil {
		return err
	}
	return b.writeWeekly(productID, Rollup(days))
}

// queueSales adds sales_daily rows to the pending multi-row insert.
func (b *Bulk) queueSales(productID int64, days []model.DailySale) error {
	for _, d := range days {
		var inStock any
		if !math.IsNaN(d.InStock) {
			inStock = d.InStock
		}
		b.pendingSales = append(b.pendingSales, productID, int64(d.Day), d.Units, d.Revenue, inStock)
		if len(b.pendingSales) == 5*salesBatch {
			if err := b.flushSales(); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *Bulk) flushSales() error {
	n := len(b.pendingSales) / 5
	if n == 0 {
		return nil
	}
	query := "INSERT INTO sales_daily(product_id, day, units, revenue, in_stock_fraction) VALUES " +
		strings.TrimSuffix(strings.Repeat("(?,?,?,?,?),", n), ",")
	_, err := b.exec(query, b.pendingSales...)
	b.pendingSales = b.pendingSales[:0]
	if err != nil {
		return fmt.Errorf("sales: %w", err)
	}
	return nil
}

func (b *Bulk) writeWeekly(productID int64, w model.WeeklySales) error {
	// new history: the cached forecast is out of date
	if _, err := b.exec(`UPDATE products SET data_version = data_version + 1 WHERE id = ?`, productID); err != nil {
		return err
	}
	if w.Weeks() == 0 {
		_, err := b.exec(`DELETE FROM sales_weekly WHERE product_id = ?`, productID)
		return err
	}
	var lastSale any
	if w.LastSale.Valid() {
		lastSale = int64(w.LastSale)
	}
	_, err := b.exec(`INSERT INTO sales_weekly(product_id, first_week, units, revenue, in_stock_days, last_sale_day, last_day)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(product_id) DO UPDATE SET first_week = excluded.first_week,
		units = excluded.units, revenue = excluded.revenue, in_stock_days = excluded.in_stock_days,
		last_sale_day = excluded.last_sale_day, last_day = excluded.last_day`,
		productID, int64(w.FirstWeek), encodeFloats(w.Units), encodeFloats(w.Revenue), encodeInStock(w.InStockDays),
		lastSale, int64(w.LastDay))
	return err
}

// Commit makes every write visible at once.
func (b *Bulk) Commit() error {
	if err := b.flushSales(); err != nil {
		b.Rollback()
		return err
	}
	for _, st := range b.stmts {
		st.Close()
	}
	return b.w.Commit()
}

// Rollback discards every write.
func (b *Bulk) Rollback() error {
	for _, st := range b.stmts {
		st.Close()
	}
	return b.w.Rollback()
}
