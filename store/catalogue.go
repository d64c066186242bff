package store

import (
	"context"
	"database/sql"
	"fmt"

	"stockroom/model"
)

// LoadCatalogue reads a snapshot of everything the planner needs. It reads
// table by table and joins in memory: for 100,000 SKUs that is several
// times faster than one SQL join with grouped subqueries.
func (s *Store) LoadCatalogue(ctx context.Context) (*model.Catalogue, error) {
	c := &model.Catalogue{Suppliers: map[int64]model.Supplier{}, LatestSale: model.NoDay}
	var err error
	if c.Settings, err = s.Settings(ctx); err != nil {
		return nil, err
	}
	if err := s.loadSuppliers(ctx, c); err != nil {
		return nil, fmt.Errorf("read suppliers: %w", err)
	}
	if c.Locations, err = s.Locations(ctx); err != nil {
		return nil, fmt.Errorf("read locations: %w", err)
	}
	index, err := s.loadProducts(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("read products: %w", err)
	}
	steps := []struct {
		what string
		load func(context.Context, *model.Catalogue, map[int64]int) error
	}{
		{"stock", s.loadStock},
		{"purchase orders", s.loadOnOrder},
		{"policies", s.loadPolicies},
		{"weekly sales", s.loadWeekly},
	}
	for _, step := range steps {
		if err := step.load(ctx, c, index); err != nil {
			return nil, fmt.Errorf("read %s: %w", step.what, err)
		}
	}
	return c, nil
}

func (s *Store) loadSuppliers(ctx context.Context, c *model.Catalogue) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, email, lead_time_days, lead_time_sd_days,
		order_cost, min_order_value, currency FROM suppliers`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sp model.Supplier
		if err := rows.Scan(&sp.ID, &sp.Name, &sp.Email, &sp.LeadTimeDays, &sp.LeadTimeSDDays,
			&sp.OrderCost, &sp.MinOrderValue, &sp.Currency); err != nil {
			return err
		}
		c.Suppliers[sp.ID] = sp
	}
	return rows.Err()
}

// Locations lists the stock locations by id.
func (s *Store) Locations(ctx context.Context) ([]model.Location, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name FROM locations ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Location
	for rows.Next() {
		var l model.Location
		if err := rows.Scan(&l.ID, &l.Name); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func (s *Store) loadProducts(ctx context.Context, c *model.Catalogue) (map[int64]int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM products").Scan(&n); err != nil {
		return nil, err
	}
	c.Items = make([]model.Item, 0, n)
	index := make(map[int64]int, n)
	rows, err := s.db.QueryContext(ctx, `SELECT id, sku, name, category, subcategory, brand,
		coalesce(supplier_id, 0), unit_cost, price, case_pack, moq, status, coalesce(launched_on, ''), data_version
		FROM products ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var it model.Item
		p := &it.Product
		var status, launched string
		if err := rows.Scan(&p.ID, &p.SKU, &p.Name, &p.Category, &p.Subcategory, &p.Brand,
			&p.SupplierID, &p.UnitCost, &p.Price, &p.CasePack, &p.MOQ, &status, &launched, &p.DataVersion); err != nil {
			return nil, err
		}
		p.Status = model.ProductStatus(status)
		p.LaunchedOn = model.NoDay
		if launched != "" {
			if d, err := model.ParseDay(launched); err == nil {
				p.LaunchedOn = d
			}
		}
		it.Sales.LastSale = model.NoDay
		index[p.ID] = len(c.Items)
		c.Items = append(c.Items, it)
	}
	return index, rows.Err()
}

func (s *Store) loadStock(ctx context.Context, c *model.Catalogue, index map[int64]int) error {
	rows, err := s.db.QueryContext(ctx, `SELECT product_id, sum(on_hand), sum(committed) FROM stock GROUP BY product_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var onHand, committed int
		if err := rows.Scan(&id, &onHand, &committed); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			c.Items[i].OnHand, c.Items[i].Committed = onHand, committed
		}
	}
	return rows.Err()
}

// onOrderSQL is the outstanding quantity of sent purchase orders per product.
// Drafts are not on order: the supplier has not seen them.
const onOrderSQL = `SELECT l.product_id, sum(max(l.qty - l.received_qty, 0))
	FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id
	WHERE o.status = 'sent' GROUP BY l.product_id`

func (s *Store) loadOnOrder(ctx context.Context, c *model.Catalogue, index map[int64]int) error {
	rows, err := s.db.QueryContext(ctx, onOrderSQL)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var qty int
		if err := rows.Scan(&id, &qty); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			c.Items[i].OnOrder = qty
		}
	}
	return rows.Err()
}

func (s *Store) loadPolicies(ctx context.Context, c *model.Catalogue, index map[int64]int) error {
	rows, err := s.db.QueryContext(ctx, `SELECT product_id, reorder_point, service_level, lead_time_days,
		review_days, rounding FROM policies`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var rop, review sql.NullInt64
		var level, lead sql.NullFloat64
		var rounding sql.NullString
		if err := rows.Scan(&id, &rop, &level, &lead, &review, &rounding); err != nil {
			return err
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		c.Items[i].Policy = policyFrom(rop, level, lead, review, rounding)
	}
	return rows.Err()
}

func policyFrom(rop sql.NullInt64, level, lead sql.NullFloat64, review sql.NullInt64, rounding sql.NullString) model.Policy {
	return model.Policy{
		ReorderPoint: int(rop.Int64),
		Manual:       rop.Valid,
		ServiceLevel: level.Float64,
		LeadTimeDays: lead.Float64,
		ReviewDays:   int(review.Int64),
		Rounding:     model.Rounding(rounding.String),
	}
}

func (s *Store) loadWeekly(ctx context.Context, c *model.Catalogue, index map[int64]int) error {
	rows, err := s.db.QueryContext(ctx, `SELECT product_id, first_week, units, in_stock_days,
		coalesce(last_sale_day, -2147483648), last_day FROM sales_weekly`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var first, lastSale, lastDay int64
		var units, inStock sql.RawBytes
		if err := rows.Scan(&id, &first, &units, &inStock, &lastSale, &lastDay); err != nil {
			return err
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		w := &c.Items[i].Sales
		w.FirstWeek, w.LastSale, w.LastDay = model.Day(first), model.Day(lastSale), model.Day(lastDay)
		if w.Units, err = decodeFloats(units); err != nil {
			return fmt.Errorf("product %d: %w", id, err)
		}
		if w.InStockDays, err = decodeFloats(inStock); err != nil {
			return fmt.Errorf("product %d: %w", id, err)
		}
		if allInStock(w.InStockDays) {
			w.InStockDays = nil // most SKUs never stock out; nil reads as 7 days a week
		}
		if d := model.Day(lastDay); c.LatestSale == model.NoDay || d > c.LatestSale {
			c.LatestSale = d
		}
	}
	return rows.Err()
}

func allInStock(days []float32) bool {
	for _, d := range days {
		if d < 7 {
			return false
		}
	}
	return true
}
