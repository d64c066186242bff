package store

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"stockroom/model"
)

var ctx = context.Background()

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "catalogue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesSchemaWithPragmas(t *testing.T) {
	s := openTemp(t)
	var version int
	var journal string
	var fk int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&journal); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion || journal != "wal" || fk != 1 {
		t.Errorf("version %d journal %s foreign_keys %d", version, journal, fk)
	}
	for _, table := range []string{"suppliers", "locations", "products", "stock", "sales_daily", "sales_weekly",
		"purchase_orders", "po_lines", "policies", "forecasts", "audit_log", "settings"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?", table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s missing", table)
		}
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
	if !strings.Contains(err.Error(), "99") || !strings.Contains(err.Error(), path) {
		t.Errorf("message should name the file and version: %v", err)
	}
}

func TestOpenRefusesForeignDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 0")
	s.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "not a Stockroom catalogue") {
		t.Fatalf("err = %v", err)
	}
}

// fixture writes a small catalogue: two locations, one supplier, two products.
func fixture(t *testing.T, s *Store) (a, b *model.Product) {
	t.Helper()
	bulk, err := s.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sp := &model.Supplier{Name: "Acme", LeadTimeDays: 14, LeadTimeSDDays: 3, OrderCost: 40, Currency: "EUR"}
	must(t, bulk.AddSupplier(sp))
	north, south := &model.Location{Name: "North"}, &model.Location{Name: "South"}
	must(t, bulk.AddLocation(north))
	must(t, bulk.AddLocation(south))
	a = &model.Product{SKU: "A-1", Name: "Anvil", Category: "Tools", SupplierID: sp.ID, UnitCost: 5, Price: 9, CasePack: 6, LaunchedOn: model.NoDay}
	b = &model.Product{SKU: "B-2", Name: "Bucket", Category: "Garden", SupplierID: sp.ID, UnitCost: 2, Price: 4, LaunchedOn: model.MustDay("2026-01-05")}
	must(t, bulk.AddProduct(a))
	must(t, bulk.AddProduct(b))
	must(t, bulk.SetStock(a.ID, north.ID, 10, 2))
	must(t, bulk.SetStock(a.ID, south.ID, 5, 0))
	must(t, bulk.SetStock(b.ID, north.ID, 7, 0))
	mon := model.MustDay("2026-11-02") // a Monday
	must(t, bulk.SetSales(a.ID, []model.DailySale{
		{Day: mon, Units: 3, Revenue: 27, InStock: math.NaN()},
		{Day: mon + 1, Units: 0, InStock: 0},               // out all day
		{Day: mon + 2, Units: 1, Revenue: 9, InStock: 0.5}, // out half the day
		{Day: mon + 14, Units: 4, Revenue: 36, InStock: math.NaN()},
	}))
	// sent: 12 outstanding of 20; draft: not on order; received: not on order
	_, err = bulk.AddPurchaseOrder(PurchaseOrderInput{SupplierID: sp.ID, Status: model.POSent, Created: mon, Sent: mon, Expected: mon + 20, Received: model.NoDay,
		Lines: []model.OrderLine{{ProductID: a.ID, Qty: 20, ReceivedQty: 8, UnitCost: 5}}})
	must(t, err)
	_, err = bulk.AddPurchaseOrder(PurchaseOrderInput{SupplierID: sp.ID, Status: model.PODraft, Created: mon, Sent: model.NoDay, Expected: model.NoDay, Received: model.NoDay,
		Lines: []model.OrderLine{{ProductID: a.ID, Qty: 50, UnitCost: 5}}})
	must(t, err)
	_, err = bulk.AddPurchaseOrder(PurchaseOrderInput{SupplierID: sp.ID, Status: model.POReceived, Created: mon, Sent: mon, Expected: mon + 3, Received: mon + 4,
		Lines: []model.OrderLine{{ProductID: b.ID, Qty: 9, ReceivedQty: 9, UnitCost: 2}}})
	must(t, err)
	must(t, bulk.SetPolicy(b.ID, model.Policy{ReorderPoint: 4, Manual: true, ServiceLevel: 0.9}))
	must(t, bulk.SetSetting("dead_stock_days", "60"))
	must(t, bulk.Commit())
	return a, b
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestLoadCatalogue(t *testing.T) {
	s := openTemp(t)
	a, b := fixture(t, s)
	c, err := s.LoadCatalogueWithSales(ctx)
	must(t, err)
	if len(c.Items) != 2 || len(c.Locations) != 2 || len(c.Suppliers) != 1 {
		t.Fatalf("items %d locations %d suppliers %d", len(c.Items), len(c.Locations), len(c.Suppliers))
	}
	ia, ib := c.Items[0], c.Items[1]
	if ia.Product.SKU != a.SKU || ib.Product.SKU != b.SKU {
		t.Fatalf("order: %s %s", ia.Product.SKU, ib.Product.SKU)
	}
	if ia.OnHand != 15 || ia.Committed != 2 || ia.OnOrder != 12 {
		t.Errorf("A: on hand %d committed %d on order %d, want 15 2 12", ia.OnHand, ia.Committed, ia.OnOrder)
	}
	if ib.OnHand != 7 || ib.OnOrder != 0 {
		t.Errorf("B: on hand %d on order %d", ib.OnHand, ib.OnOrder)
	}
	if ia.Policy.Manual || !ib.Policy.Manual || ib.Policy.ReorderPoint != 4 || ib.Policy.ServiceLevel != 0.9 {
		t.Errorf("policies: %+v %+v", ia.Policy, ib.Policy)
	}
	if ib.Product.LaunchedOn != model.MustDay("2026-01-05") || ia.Product.LaunchedOn.Valid() {
		t.Errorf("launched: %v %v", ia.Product.LaunchedOn, ib.Product.LaunchedOn)
	}
	if c.Settings.DeadStockDays != 60 || c.Settings.HoldingRate != 0.25 {
		t.Errorf("settings: %+v", c.Settings)
	}
	w := ia.Sales
	if w.FirstWeek != model.MustDay("2026-11-02") || w.Weeks() != 3 {
		t.Fatalf("weeks from %v: %d", w.FirstWeek, w.Weeks())
	}
	// week 1: 4 units, in stock 7 − 1 − 0.5 = 5.5 days; week 2: nothing; week 3: 4 units
	if w.Units[0] != 4 || w.Units[1] != 0 || w.Units[2] != 4 {
		t.Errorf("units %v", w.Units)
	}
	if w.InStockDays[0] != 5.5 || w.InStockDays[1] != 7 {
		t.Errorf("in-stock days %v", w.InStockDays)
	}
	if w.LastSale != model.MustDay("2026-11-16") || c.LatestSale != model.MustDay("2026-11-16") {
		t.Errorf("last sale %v latest %v", w.LastSale, c.LatestSale)
	}
	if ib.Sales.Weeks() != 0 || ib.Sales.LastSale.Valid() {
		t.Errorf("B should have no sales: %+v", ib.Sales)
	}
}

func TestBulkRollbackWritesNothing(t *testing.T) {
	s := openTemp(t)
	bulk, err := s.BeginBulk(ctx)
	must(t, err)
	must(t, bulk.AddProduct(&model.Product{SKU: "X", LaunchedOn: model.NoDay}))
	if err := bulk.AddProduct(&model.Product{SKU: "X", LaunchedOn: model.NoDay}); err == nil {
		t.Fatal("duplicate SKU accepted")
	}
	must(t, bulk.Rollback())
	var n int
	must(t, s.db.QueryRow("SELECT count(*) FROM products").Scan(&n))
	if n != 0 {
		t.Errorf("%d products after rollback", n)
	}
}

func TestSetReorderPointsAuditsAndUndoes(t *testing.T) {
	s := openTemp(t)
	a, b := fixture(t, s)
	prev, err := s.SetPolicies(ctx, []model.PolicyChange{
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldReorderPoint, Value: "40"},
		{ProductID: b.ID, SKU: b.SKU, Field: model.FieldReorderPoint, Value: "auto"},
	})
	must(t, err)
	if prev[0].Value != "" || prev[1].Value != "4" {
		t.Errorf("previous = %+v", prev)
	}
	c, err := s.LoadCatalogue(ctx, LoadOptions{})
	must(t, err)
	if p := c.Items[0].Policy; !p.Manual || p.ReorderPoint != 40 {
		t.Errorf("A policy %+v", p)
	}
	if p := c.Items[1].Policy; p.Manual || p.ServiceLevel != 0.9 {
		t.Errorf("B policy %+v (service level must survive)", p)
	}
	log, err := s.AuditLog(ctx, 10)
	must(t, err)
	if len(log) != 2 {
		t.Fatalf("audit rows %d", len(log))
	}
	if e := log[1]; e.EntityID != "A-1" || e.Field != "reorder_point" || e.Old != "auto" || e.New != "40" || e.Who == "" {
		t.Errorf("audit %+v", e)
	}
	if e := log[0]; e.EntityID != "B-2" || e.Old != "4" || e.New != "auto" {
		t.Errorf("audit %+v", e)
	}
	// undo by applying what was there before
	_, err = s.SetPolicies(ctx, prev)
	must(t, err)
	c, _ = s.LoadCatalogue(ctx, LoadOptions{})
	if c.Items[0].Policy.Manual || !c.Items[1].Policy.Manual || c.Items[1].Policy.ReorderPoint != 4 {
		t.Errorf("after undo: %+v %+v", c.Items[0].Policy, c.Items[1].Policy)
	}
}

func TestSetReorderPointsIsAtomic(t *testing.T) {
	s := openTemp(t)
	a, _ := fixture(t, s)
	_, err := s.SetPolicies(ctx, []model.PolicyChange{
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldReorderPoint, Value: "40"},
		{ProductID: 999, SKU: "nope", Field: model.FieldReorderPoint, Value: "1"},
	})
	if !errors.Is(err, ErrUnknownSKU) {
		t.Fatalf("err = %v", err)
	}
	c, _ := s.LoadCatalogue(ctx, LoadOptions{})
	if c.Items[0].Policy.Manual {
		t.Error("first change was written although the edit failed")
	}
	log, _ := s.AuditLog(ctx, 10)
	if len(log) != 0 {
		t.Errorf("%d audit rows after a failed edit", len(log))
	}
	if _, err := s.SetPolicies(ctx, []model.PolicyChange{{ProductID: a.ID, SKU: a.SKU, Field: model.FieldReorderPoint, Value: "-1"}}); err == nil {
		t.Error("negative reorder point accepted")
	}
}

func TestProductDetail(t *testing.T) {
	s := openTemp(t)
	a, _ := fixture(t, s)
	d, err := s.ProductDetail(ctx, a.ID)
	must(t, err)
	if len(d.Stock) != 2 || d.Stock[0].LocationName != "North" || d.Stock[0].Available() != 8 || d.Stock[1].OnHand != 5 {
		t.Errorf("stock %+v", d.Stock)
	}
	// the sent order (expected first) and the draft; not the received one
	if len(d.OpenPOs) != 2 || d.OpenPOs[0].Status != model.POSent || d.OpenPOs[0].Outstanding() != 12 || d.OpenPOs[1].Status != model.PODraft {
		t.Errorf("open POs %+v", d.OpenPOs)
	}
}

func TestProductBySKU(t *testing.T) {
	s := openTemp(t)
	a, _ := fixture(t, s)
	id, err := s.ProductBySKU(ctx, "A-1")
	if err != nil || id != a.ID {
		t.Errorf("id %d err %v", id, err)
	}
	if _, err := s.ProductBySKU(ctx, "ZZ"); !errors.Is(err, ErrUnknownSKU) {
		t.Errorf("err = %v", err)
	}
}
