package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"sync"

	"stockroom/model"
)

// LoadOptions say what LoadCatalogue reads besides the catalogue itself.
type LoadOptions struct {
	// Forecasts selects the cached forecasts to attach: those made by
	// Engine as of AsOf (NoDay: the latest sales day). No engine, none.
	Forecasts ForecastKey
}

// ForecastKey names a set of cached forecasts.
type ForecastKey struct {
	AsOf   model.Day
	Engine string
}

// LoadCatalogue reads a snapshot of everything the planner needs, with each
// SKU's cached forecast but without sales histories (see FillSales). The
// tables are read at the same time on separate connections, each in product
// id order, and merged in memory: for 100,000 SKUs that is several times
// faster than one SQL join with grouped subqueries, and the dashboard's
// first frame waits for it.
func (s *Store) LoadCatalogue(ctx context.Context, opt LoadOptions) (*model.Catalogue, error) {
	c := &model.Catalogue{Suppliers: map[int64]model.Supplier{}, LatestSale: model.NoDay}
	var err error
	if c.Settings, err = s.Settings(ctx); err != nil {
		return nil, err
	}
	if c.LatestSale, err = s.LatestSaleDay(ctx); err != nil {
		return nil, fmt.Errorf("read latest sales day: %w", err)
	}
	key := opt.Forecasts
	if key.AsOf == 0 || !key.AsOf.Valid() {
		key.AsOf = c.LatestSale
	}
	if err := s.loadSuppliers(ctx, c); err != nil {
		return nil, fmt.Errorf("read suppliers: %w", err)
	}
	if c.Locations, err = s.Locations(ctx); err != nil {
		return nil, fmt.Errorf("read locations: %w", err)
	}

	var (
		stock     []idStock
		open      []idOpen
		policies  []idPolicy
		forecasts []idForecast
	)
	parts := []struct {
		what string
		load func() error
	}{
		{"products", func() (err error) { c.Items, err = s.loadProducts(ctx, everyProduct); return }},
		{"cached forecasts", func() (err error) {
			if key.Engine != "" {
				forecasts, err = s.loadForecasts(ctx, key)
			}
			return
		}},
		{"stock", func() (err error) { stock, err = s.loadStock(ctx, everyProduct); return }},
		{"purchase orders", func() (err error) { open, err = s.loadOpenOrders(ctx, everyProduct); return }},
		{"policies", func() (err error) { policies, err = s.loadPolicies(ctx, everyProduct); return }},
		{"supplier activity", func() (err error) { c.Activity, err = s.SupplierActivity(ctx, key.AsOf); return }},
	}
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Go(func() {
			if err := p.load(); err != nil {
				errs[i] = fmt.Errorf("read %s: %w", p.what, err)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}

	mergeState(c.Items, stock, open, policies)
	merge(c.Items, forecasts, func(it *model.Item, r idForecast) { it.Forecast = r.forecast })
	return c, nil
}

func mergeState(items []model.Item, stock []idStock, open []idOpen, policies []idPolicy) {
	merge(items, stock, func(it *model.Item, r idStock) { it.OnHand, it.Committed = r.onHand, r.committed })
	merge(items, open, func(it *model.Item, r idOpen) {
		it.OnOrder, it.InDraft, it.Incoming = r.sent, r.draft, r.incoming
	})
	merge(items, policies, func(it *model.Item, r idPolicy) { it.Policy = r.policy })
}

// productSet limits the per-product reads to some products; the zero value
// reads every product.
type productSet struct{ ids []int64 }

var everyProduct productSet

// where is the condition and arguments selecting the set by column col.
func (p productSet) where(col string) (string, []any) {
	if p.ids == nil {
		return "1", nil
	}
	args := make([]any, len(p.ids))
	for i, id := range p.ids {
		args[i] = id
	}
	return col + " IN (?" + strings.Repeat(",?", max(len(p.ids)-1, 0)) + ")", args
}

// LoadItems reads some products as LoadCatalogue does, in id order, without
// forecasts or sales: after an edit or a purchase-order change, only the
// items it touched are read and planned again.
func (s *Store) LoadItems(ctx context.Context, ids []int64) ([]model.Item, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	set := productSet{ids}
	items, err := s.loadProducts(ctx, set)
	if err != nil {
		return nil, fmt.Errorf("read products: %w", err)
	}
	stock, err := s.loadStock(ctx, set)
	if err != nil {
		return nil, fmt.Errorf("read stock: %w", err)
	}
	open, err := s.loadOpenOrders(ctx, set)
	if err != nil {
		return nil, fmt.Errorf("read purchase orders: %w", err)
	}
	policies, err := s.loadPolicies(ctx, set)
	if err != nil {
		return nil, fmt.Errorf("read policies: %w", err)
	}
	mergeState(items, stock, open, policies)
	return items, nil
}

// keyed is a row read for one product, in product id order.
type keyed interface{ productID() int64 }

// merge walks items and rows, both in product id order, and applies each
// row to its item; rows of unknown products are skipped.
func merge[R keyed](items []model.Item, rows []R, apply func(*model.Item, R)) {
	i := 0
	for _, r := range rows {
		id := r.productID()
		for i < len(items) && items[i].Product.ID < id {
			i++
		}
		if i < len(items) && items[i].Product.ID == id {
			apply(&items[i], r)
		}
	}
}

type idStock struct {
	id                int64
	onHand, committed int
}

type idPolicy struct {
	id     int64
	policy model.Policy
}

type idWeekly struct {
	id    int64
	sales model.WeeklySales
}

type idForecast struct {
	id       int64
	forecast *model.SKUForecast
}

func (r idStock) productID() int64    { return r.id }
func (r idPolicy) productID() int64   { return r.id }
func (r idWeekly) productID() int64   { return r.id }
func (r idForecast) productID() int64 { return r.id }

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

// loadProducts reads every product in id order.
func (s *Store) loadProducts(ctx context.Context, set productSet) ([]model.Item, error) {
	where, args := set.where("id")
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM products WHERE "+where, args...).Scan(&n); err != nil {
		return nil, err
	}
	items := make([]model.Item, 0, n)
	// categories, subcategories and brands repeat across thousands of SKUs:
	// keep one copy of each
	seen := map[string]string{}
	intern := func(s string) string {
		if v, ok := seen[s]; ok {
			return v
		}
		seen[s] = s
		return s
	}
	err := s.scanRaw(ctx, `SELECT id, sku, name, category, subcategory, brand, coalesce(supplier_id, 0),
		unit_cost, price, case_pack, moq, status, coalesce(launched_on, ''), data_version
		FROM products WHERE `+where+` ORDER BY id`, args, 14, func(v []driver.Value) error {
		// fill the slice in place: copying a whole Item per row costs more
		// than reading it
		items = append(items, model.Item{})
		it := &items[len(items)-1]
		it.Product = model.Product{
			ID: rawInt(v[0]), SKU: rawString(v[1]), Name: rawString(v[2]),
			Category: intern(rawString(v[3])), Subcategory: intern(rawString(v[4])), Brand: intern(rawString(v[5])),
			SupplierID: rawInt(v[6]), UnitCost: rawFloat(v[7]), Price: rawFloat(v[8]),
			CasePack: int(rawInt(v[9])), MOQ: int(rawInt(v[10])), Status: model.Active,
			LaunchedOn: model.NoDay, DataVersion: rawInt(v[13]),
		}
		if rawString(v[11]) == string(model.Discontinued) {
			it.Product.Status = model.Discontinued
		}
		if launched := rawString(v[12]); launched != "" {
			if d, err := model.ParseDay(launched); err == nil {
				it.Product.LaunchedOn = d
			}
		}
		it.Sales.LastSale, it.Sales.LastDay = model.NoDay, model.NoDay
		return nil
	})
	return items, err
}

func (s *Store) loadStock(ctx context.Context, set productSet) ([]idStock, error) {
	var out []idStock
	where, args := set.where("product_id")
	err := s.scanRaw(ctx, `SELECT product_id, sum(on_hand), sum(committed) FROM stock WHERE `+where+`
		GROUP BY product_id ORDER BY product_id`, args, 3, func(v []driver.Value) error {
		out = append(out, idStock{rawInt(v[0]), int(rawInt(v[1])), int(rawInt(v[2]))})
		return nil
	})
	return out, err
}

// onOrderSQL is the outstanding quantity of open purchase-order lines, per
// product, soonest expected first.
const onOrderSQL = `SELECT l.product_id, o.status, coalesce(o.expected_at, ''), l.qty - l.received_qty
	FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id
	WHERE o.status IN ('draft', 'sent') AND l.qty > l.received_qty AND %s
	ORDER BY l.product_id, o.expected_at`

// idOpen is a product's open orders: outstanding units on sent orders (on
// order), units on drafts (the supplier has not seen them yet), and the
// sent ones by expected day for the stockout projection.
type idOpen struct {
	id          int64
	sent, draft int
	incoming    []model.Receipt
}

func (r idOpen) productID() int64 { return r.id }

func (s *Store) loadOpenOrders(ctx context.Context, set productSet) ([]idOpen, error) {
	where, args := set.where("l.product_id")
	var out []idOpen
	err := s.scanRaw(ctx, fmt.Sprintf(onOrderSQL, where), args, 4, func(v []driver.Value) error {
		id, qty := rawInt(v[0]), int(rawInt(v[3]))
		if len(out) == 0 || out[len(out)-1].id != id {
			out = append(out, idOpen{id: id})
		}
		o := &out[len(out)-1]
		if model.POStatus(rawString(v[1])) == model.PODraft {
			o.draft += qty
			return nil
		}
		o.sent += qty
		if day := dayOrNone(rawString(v[2])); day.Valid() {
			o.incoming = append(o.incoming, model.Receipt{Day: day, Qty: qty})
		}
		return nil
	})
	return out, err
}

func (s *Store) loadPolicies(ctx context.Context, set productSet) ([]idPolicy, error) {
	where, args := set.where("product_id")
	rows, err := s.db.QueryContext(ctx, `SELECT product_id, reorder_point, service_level, lead_time_days,
		review_days, rounding, order_qty FROM policies WHERE `+where+` ORDER BY product_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []idPolicy
	for rows.Next() {
		var id int64
		var rop, review, orderQty sql.NullInt64
		var level, lead sql.NullFloat64
		var rounding sql.NullString
		if err := rows.Scan(&id, &rop, &level, &lead, &review, &rounding, &orderQty); err != nil {
			return nil, err
		}
		p := policyFrom(rop, level, lead, review, rounding)
		p.OrderQty, p.HasOrderQty = int(orderQty.Int64), orderQty.Valid
		out = append(out, idPolicy{id, p})
	}
	return out, rows.Err()
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

// ProductsAbout is about how many products the catalogue holds, read
// from the highest product id (a lookup, not a count of every row): ids
// grow as products are added, so it errs high by the products deleted.
func (s *Store) ProductsAbout(ctx context.Context) (int, error) {
	var n sql.NullInt64
	if err := s.db.QueryRowContext(ctx, "SELECT max(id) FROM products").Scan(&n); err != nil {
		return 0, err
	}
	return int(n.Int64), nil
}

// LatestSaleDay is the last day with any sales row: the default "today".
func (s *Store) LatestSaleDay(ctx context.Context) (model.Day, error) {
	var d sql.NullInt64
	if err := s.db.QueryRowContext(ctx, "SELECT max(last_day) FROM sales_weekly").Scan(&d); err != nil {
		return model.NoDay, err
	}
	if !d.Valid {
		return model.NoDay, nil
	}
	return model.Day(d.Int64), nil
}

// FillSales reads the weekly sales history of the items at the given
// indexes of c.Items, which must be in ascending order. Many items are read
// with one range scan over their ids, a few by id.
func (s *Store) FillSales(ctx context.Context, c *model.Catalogue, which []int) error {
	if len(which) == 0 {
		return nil
	}
	want := make(map[int64]int, len(which))
	for _, i := range which {
		want[c.Items[i].Product.ID] = i
	}
	apply := func(r idWeekly) {
		if i, ok := want[r.id]; ok {
			c.Items[i].Sales = r.sales
		}
	}
	if len(which) > 500 {
		first, last := c.Items[which[0]].Product.ID, c.Items[which[len(which)-1]].Product.ID
		return s.scanWeekly(ctx, "WHERE product_id BETWEEN ? AND ?", []any{first, last}, apply)
	}
	ids := make([]any, 0, len(which))
	for id := range want {
		ids = append(ids, id)
	}
	return s.scanWeekly(ctx, "WHERE product_id IN (?"+strings.Repeat(",?", len(ids)-1)+")", ids, apply)
}

// WeeklySales reads one product's weekly history (empty if it never sold).
func (s *Store) WeeklySales(ctx context.Context, productID int64) (model.WeeklySales, error) {
	w := model.WeeklySales{LastSale: model.NoDay, LastDay: model.NoDay}
	err := s.scanWeekly(ctx, "WHERE product_id = ?", []any{productID}, func(r idWeekly) { w = r.sales })
	return w, err
}

func (s *Store) scanWeekly(ctx context.Context, where string, args []any, fn func(idWeekly)) error {
	return s.scanRaw(ctx, `SELECT product_id, first_week, units, in_stock_days,
		coalesce(last_sale_day, -2147483648), last_day, revenue FROM sales_weekly `+where+` ORDER BY product_id`, args, 7,
		func(v []driver.Value) error {
			id := rawInt(v[0])
			w := model.WeeklySales{FirstWeek: model.Day(rawInt(v[1])), LastSale: model.Day(rawInt(v[4])), LastDay: model.Day(rawInt(v[5]))}
			var err error
			if w.Units, err = decodeFloats(rawBytes(v[2])); err != nil {
				return fmt.Errorf("product %d: %w", id, err)
			}
			// an empty in-stock blob means in stock every day (see writeWeekly)
			if w.InStockDays, err = decodeFloats(rawBytes(v[3])); err != nil {
				return fmt.Errorf("product %d: %w", id, err)
			}
			if w.Revenue, err = decodeFloats(rawBytes(v[6])); err != nil {
				return fmt.Errorf("product %d: %w", id, err)
			}
			if len(w.InStockDays) == 0 || allInStock(w.InStockDays) {
				w.InStockDays = nil // most SKUs never stock out; nil reads as 7 days a week
			}
			fn(idWeekly{id, w})
			return nil
		})
}

func allInStock(days []float32) bool {
	for _, d := range days {
		if d < 7 {
			return false
		}
	}
	return true
}

// LoadCatalogueWithSales is LoadCatalogue with every item's sales history,
// for tools and tests that look at the whole history.
func (s *Store) LoadCatalogueWithSales(ctx context.Context) (*model.Catalogue, error) {
	c, err := s.LoadCatalogue(ctx, LoadOptions{})
	if err != nil {
		return nil, err
	}
	all := make([]int, len(c.Items))
	for i := range all {
		all[i] = i
	}
	return c, s.FillSales(ctx, c, all)
}
