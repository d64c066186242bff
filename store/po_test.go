package store

import (
	"database/sql"
	"errors"
	"math"
	"strings"
	"testing"

	"stockroom/model"
)

// poCatalogue is poFixture's catalogue: Acme (lead 14 days) supplies A-1
// (cost 5) and B-2 (cost 2); Bolt (lead 7.5 days) supplies C-3 (cost 3).
// A-1 has 10 on hand at North; nothing else has stock. No orders.
type poCatalogue struct {
	acme, bolt   int64
	north, south int64
	a, b, c      int64
}

func poFixture(t *testing.T, s *Store) poCatalogue {
	t.Helper()
	bulk, err := s.BeginBulk(ctx)
	must(t, err)
	acme := &model.Supplier{Name: "Acme", LeadTimeDays: 14, Currency: "EUR"}
	bolt := &model.Supplier{Name: "Bolt", LeadTimeDays: 7.5, Currency: "EUR"}
	must(t, bulk.AddSupplier(acme))
	must(t, bulk.AddSupplier(bolt))
	north, south := &model.Location{Name: "North"}, &model.Location{Name: "South"}
	must(t, bulk.AddLocation(north))
	must(t, bulk.AddLocation(south))
	a := &model.Product{SKU: "A-1", Name: "Anvil", SupplierID: acme.ID, UnitCost: 5, LaunchedOn: model.NoDay}
	b := &model.Product{SKU: "B-2", Name: "Bucket", SupplierID: acme.ID, UnitCost: 2, LaunchedOn: model.NoDay}
	c := &model.Product{SKU: "C-3", Name: "Chisel", SupplierID: bolt.ID, UnitCost: 3, LaunchedOn: model.NoDay}
	must(t, bulk.AddProduct(a))
	must(t, bulk.AddProduct(b))
	must(t, bulk.AddProduct(c))
	must(t, bulk.SetStock(a.ID, north.ID, 10, 1))
	must(t, bulk.Commit())
	return poCatalogue{acme: acme.ID, bolt: bolt.ID, north: north.ID, south: south.ID, a: a.ID, b: b.ID, c: c.ID}
}

func countRows(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	must(t, s.db.QueryRow(query, args...).Scan(&n))
	return n
}

func stockOnHand(t *testing.T, s *Store, productID int64) int {
	t.Helper()
	return countRows(t, s, "SELECT coalesce(sum(on_hand), 0) FROM stock WHERE product_id = ?", productID)
}

// onOrderOf reads OnOrder as the planner sees it, through LoadCatalogue.
func onOrderOf(t *testing.T, s *Store, productID int64) int {
	t.Helper()
	c, err := s.LoadCatalogue(ctx, LoadOptions{})
	must(t, err)
	for _, it := range c.Items {
		if it.Product.ID == productID {
			return it.OnOrder
		}
	}
	t.Fatalf("product %d not in the catalogue", productID)
	return 0
}

// poAudit returns the purchase order's audit rows as "field old→new", oldest first.
func poAudit(t *testing.T, s *Store, poID int64) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT field, coalesce(old, ''), coalesce(new, '') FROM audit_log
		WHERE entity = 'purchase_order' AND entity_id = ? ORDER BY id`, poID)
	must(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var f, o, n string
		must(t, rows.Scan(&f, &o, &n))
		out = append(out, f+" "+o+"→"+n)
	}
	must(t, rows.Err())
	return out
}

func hasAudit(t *testing.T, s *Store, poID int64, want string) {
	t.Helper()
	rows := poAudit(t, s, poID)
	for _, r := range rows {
		if r == want {
			return
		}
	}
	t.Errorf("purchase order %d: no audit row %q in %q", poID, want, rows)
}

func readPO(t *testing.T, s *Store, id int64) model.PurchaseOrder {
	t.Helper()
	po, err := s.PurchaseOrder(ctx, id)
	must(t, err)
	return po
}

func poLine(po model.PurchaseOrder, sku string) (model.POLine, bool) {
	for _, l := range po.Lines {
		if l.SKU == sku {
			return l, true
		}
	}
	return model.POLine{}, false
}

func summaryOf(t *testing.T, s *Store, id int64) model.POSummary {
	t.Helper()
	all, err := s.PurchaseOrders(ctx, model.POFilter{})
	must(t, err)
	for _, p := range all {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("purchase order %d not listed", id)
	return model.POSummary{}
}

func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one mentioning %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
}

func TestPOLifecycle(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	on := model.MustDay("2026-03-02")

	// draft: A-1 20 at the catalogue cost 5, B-2 6 at 2.5
	id, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 20}, {ProductID: f.b, Qty: 6, UnitCost: 2.5}}, on)
	must(t, err)
	po := readPO(t, s, id)
	if po.Status != model.PODraft || po.Created != on || po.Sent.Valid() || po.Expected.Valid() || po.Received.Valid() || po.Supplier != "Acme" {
		t.Fatalf("draft: %+v", po)
	}
	if len(po.Lines) != 2 || po.Lines[0] != (model.POLine{ProductID: f.a, SKU: "A-1", Name: "Anvil", Qty: 20, UnitCost: 5}) ||
		po.Lines[1] != (model.POLine{ProductID: f.b, SKU: "B-2", Name: "Bucket", Qty: 6, UnitCost: 2.5}) {
		t.Fatalf("draft lines: %+v", po.Lines)
	}
	// a draft is not on order and changes no stock
	if a, b := stockOnHand(t, s, f.a), stockOnHand(t, s, f.b); a != 10 || b != 0 {
		t.Errorf("draft: on hand A %d B %d, want 10 0", a, b)
	}
	if a, b := onOrderOf(t, s, f.a), onOrderOf(t, s, f.b); a != 0 || b != 0 {
		t.Errorf("draft: on order A %d B %d, want 0 0", a, b)
	}
	hasAudit(t, s, id, "status →draft")
	hasAudit(t, s, id, "line A-1 0→20")
	hasAudit(t, s, id, "line B-2 0→6")

	// sent on day 1: Acme's 14 days → expected on day 15
	expected, err := s.SendPO(ctx, id, on+1, model.POSeen{})
	must(t, err)
	if expected != on+15 {
		t.Errorf("expected %s, want %s", expected, on+15)
	}
	po = readPO(t, s, id)
	if po.Status != model.POSent || po.Sent != on+1 || po.Expected != on+15 || po.Received.Valid() {
		t.Errorf("sent: %+v", po)
	}
	if a, b := onOrderOf(t, s, f.a), onOrderOf(t, s, f.b); a != 20 || b != 6 {
		t.Errorf("sent: on order A %d B %d, want 20 6", a, b)
	}
	if a, b := stockOnHand(t, s, f.a), stockOnHand(t, s, f.b); a != 10 || b != 0 {
		t.Errorf("sent: on hand A %d B %d, want 10 0", a, b)
	}
	hasAudit(t, s, id, "status draft→sent")

	// 8 of A-1 arrive at the first location (North): 10 + 8 = 18 on hand, 12 on order
	complete, err := s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.a, Qty: 8}}, 0, on+12)
	must(t, err)
	if complete {
		t.Error("partly received order reported complete")
	}
	if a, b := stockOnHand(t, s, f.a), stockOnHand(t, s, f.b); a != 18 || b != 0 {
		t.Errorf("partly received: on hand A %d B %d, want 18 0", a, b)
	}
	if n := countRows(t, s, "SELECT on_hand FROM stock WHERE product_id = ? AND location_id = ?", f.a, f.north); n != 18 {
		t.Errorf("A-1 at North %d, want 18", n)
	}
	if a, b := onOrderOf(t, s, f.a), onOrderOf(t, s, f.b); a != 12 || b != 6 {
		t.Errorf("partly received: on order A %d B %d, want 12 6", a, b)
	}
	po = readPO(t, s, id)
	if po.Status != model.POSent || po.Received.Valid() {
		t.Errorf("partly received: status %s received %s", po.Status, po.Received)
	}
	// value 20·5 + 6·2.5 = 115; still to come 12·5 + 6·2.5 = 75
	if sum := summaryOf(t, s, id); sum.Lines != 2 || sum.Units != 26 || sum.ReceivedUnits != 8 || sum.Value != 115 || sum.OpenValue != 75 {
		t.Errorf("partly received summary: %+v", sum)
	}
	hasAudit(t, s, id, "received A-1 0→8")

	// the rest arrives at South: A-1 12 (18 + 12 = 30), B-2 6 in a new stock row
	complete, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.a, Qty: 12}, {ProductID: f.b, Qty: 6}}, f.south, on+16)
	must(t, err)
	if !complete {
		t.Error("fully received order not complete")
	}
	if a, b := stockOnHand(t, s, f.a), stockOnHand(t, s, f.b); a != 30 || b != 6 {
		t.Errorf("received: on hand A %d B %d, want 30 6", a, b)
	}
	var committed int
	var updated string
	must(t, s.db.QueryRow("SELECT committed, updated_at FROM stock WHERE product_id = ? AND location_id = ?", f.b, f.south).Scan(&committed, &updated))
	if committed != 0 || updated == "" {
		t.Errorf("new stock row: committed %d updated_at %q", committed, updated)
	}
	if a, b := onOrderOf(t, s, f.a), onOrderOf(t, s, f.b); a != 0 || b != 0 {
		t.Errorf("received: on order A %d B %d, want 0 0", a, b)
	}
	po = readPO(t, s, id)
	if po.Status != model.POReceived || po.Received != on+16 || po.Sent != on+1 {
		t.Errorf("received: %+v", po)
	}
	if sum := summaryOf(t, s, id); sum.ReceivedUnits != 26 || sum.OpenValue != 0 || sum.Value != 115 {
		t.Errorf("received summary: %+v", sum)
	}
	hasAudit(t, s, id, "received A-1 8→20")
	hasAudit(t, s, id, "received B-2 0→6")
	hasAudit(t, s, id, "status sent→received")
}

func TestReceivePOInFullCreatesMainLocation(t *testing.T) {
	s := openTemp(t)
	bulk, err := s.BeginBulk(ctx)
	must(t, err)
	sp := &model.Supplier{Name: "Solo", LeadTimeDays: 3}
	must(t, bulk.AddSupplier(sp))
	p := &model.Product{SKU: "S-1", SupplierID: sp.ID, UnitCost: 1, LaunchedOn: model.NoDay}
	must(t, bulk.AddProduct(p))
	must(t, bulk.Commit())
	on := model.MustDay("2026-05-04")
	id, err := s.CreateDraftPO(ctx, sp.ID, []model.OrderLine{{ProductID: p.ID, Qty: 7}}, on)
	must(t, err)
	_, err = s.SendPO(ctx, id, on, model.POSeen{})
	must(t, err)
	must(t, s.ReceivePOInFull(ctx, id, 0, on+2, model.POSeen{}))
	locs, err := s.Locations(ctx)
	must(t, err)
	if len(locs) != 1 || locs[0].Name != "Main" {
		t.Fatalf("locations %+v, want one named Main", locs)
	}
	if n := countRows(t, s, "SELECT on_hand FROM stock WHERE product_id = ? AND location_id = ?", p.ID, locs[0].ID); n != 7 {
		t.Errorf("on hand at Main %d, want 7", n)
	}
	if po := readPO(t, s, id); po.Status != model.POReceived || po.Received != on+2 || po.Lines[0].ReceivedQty != 7 {
		t.Errorf("after receiving in full: %+v", po)
	}
	// a received order cannot be received again
	wantErr(t, s.ReceivePOInFull(ctx, id, 0, on+3, model.POSeen{}), "received")
}

func TestCreateDraftPOMergesIntoNewestDraft(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	on := model.MustDay("2026-03-02")
	bulk, err := s.BeginBulk(ctx)
	must(t, err)
	older, err := bulk.AddPurchaseOrder(PurchaseOrderInput{SupplierID: f.acme, Status: model.PODraft, Created: on - 10,
		Sent: model.NoDay, Expected: model.NoDay, Received: model.NoDay, Lines: []model.OrderLine{{ProductID: f.a, Qty: 5, UnitCost: 5}}})
	must(t, err)
	newer, err := bulk.AddPurchaseOrder(PurchaseOrderInput{SupplierID: f.acme, Status: model.PODraft, Created: on - 2,
		Sent: model.NoDay, Expected: model.NoDay, Received: model.NoDay, Lines: []model.OrderLine{{ProductID: f.a, Qty: 50, UnitCost: 5}}})
	must(t, err)
	sent, err := bulk.AddPurchaseOrder(PurchaseOrderInput{SupplierID: f.acme, Status: model.POSent, Created: on - 1,
		Sent: on - 1, Expected: on + 13, Received: model.NoDay, Lines: []model.OrderLine{{ProductID: f.b, Qty: 4, UnitCost: 2}}})
	must(t, err)
	must(t, bulk.Commit())
	// other code may write created_at as a full timestamp; the newer draft
	// must still be found as the newest and read with its day
	_, err = s.db.Exec("UPDATE purchase_orders SET created_at = ? WHERE id = ?", (on-2).String()+"T09:30:00Z", newer)
	must(t, err)

	id, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 10, UnitCost: 4.5}, {ProductID: f.b, Qty: 3}}, on)
	must(t, err)
	if id != newer {
		t.Fatalf("merged into %d, want the newest draft %d (older %d, sent %d)", id, newer, older, sent)
	}
	po := readPO(t, s, newer)
	// 50 + 10 at the new line's cost 4.5; B-2: new at the catalogue cost 2
	a, _ := poLine(po, "A-1")
	b, _ := poLine(po, "B-2")
	if len(po.Lines) != 2 || a.Qty != 60 || a.UnitCost != 4.5 || b.Qty != 3 || b.UnitCost != 2 {
		t.Errorf("merged lines %+v", po.Lines)
	}
	if po.Created != on-2 {
		t.Errorf("created %s, want %s (day of the stored timestamp)", po.Created, on-2)
	}
	if l, _ := poLine(readPO(t, s, older), "A-1"); l.Qty != 5 {
		t.Errorf("older draft changed: A-1 %d", l.Qty)
	}
	if l, _ := poLine(readPO(t, s, sent), "B-2"); l.Qty != 4 {
		t.Errorf("sent order changed: B-2 %d", l.Qty)
	}
	if n := countRows(t, s, "SELECT count(*) FROM purchase_orders"); n != 3 {
		t.Errorf("%d purchase orders, want 3 (no new one)", n)
	}
	hasAudit(t, s, newer, "line A-1 50→60")
	hasAudit(t, s, newer, "unit_cost A-1 5→4.5")
	hasAudit(t, s, newer, "line B-2 0→3")

	// the same product twice in one call adds up too
	id2, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.b, Qty: 1}, {ProductID: f.b, Qty: 2}}, on)
	must(t, err)
	if l, _ := poLine(readPO(t, s, id2), "B-2"); id2 != newer || l.Qty != 6 {
		t.Errorf("draft %d B-2 %d, want %d and 3+1+2 = 6", id2, l.Qty, newer)
	}
}

func TestCreateDraftPORefusesAndWritesNothing(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	on := model.MustDay("2026-03-02")
	_, err := s.db.Exec("INSERT INTO policies(product_id, order_qty) VALUES (?, 40)", f.a)
	must(t, err)
	tables := []string{"purchase_orders", "po_lines", "audit_log", "locations"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = countRows(t, s, "SELECT count(*) FROM "+tb)
	}
	unchanged := func(what string) {
		t.Helper()
		for _, tb := range tables {
			if n := countRows(t, s, "SELECT count(*) FROM "+tb); n != before[tb] {
				t.Errorf("%s: %s has %d rows, had %d", what, tb, n, before[tb])
			}
		}
		if n := countRows(t, s, "SELECT coalesce(order_qty, -1) FROM policies WHERE product_id = ?", f.a); n != 40 {
			t.Errorf("%s: A-1 order_qty %d, want 40 kept", what, n)
		}
	}

	// C-3 is Bolt's: the A-1 line written before it must go too
	_, err = s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 5}, {ProductID: f.c, Qty: 2}}, on)
	wantErr(t, err, "C-3", "Bolt", "Acme")
	unchanged("other supplier's product")

	_, err = s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 5}, {ProductID: 999, Qty: 2}}, on)
	if !errors.Is(err, ErrUnknownSKU) {
		t.Errorf("unknown product: %v, want ErrUnknownSKU", err)
	}
	unchanged("unknown product")

	_, err = s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 5}, {ProductID: f.b, Qty: 0}}, on)
	wantErr(t, err, "B-2", "above 0")
	unchanged("zero quantity")

	_, err = s.CreateDraftPO(ctx, f.acme, nil, on)
	wantErr(t, err, "at least one line")
	_, err = s.CreateDraftPO(ctx, 999, []model.OrderLine{{ProductID: f.a, Qty: 5}}, on)
	wantErr(t, err, "supplier id 999")
	unchanged("bad call")
}

func TestCreateDraftPOClearsOrderQty(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	_, err := s.db.Exec("INSERT INTO policies(product_id, reorder_point, order_qty) VALUES (?, 7, 40), (?, NULL, 12)", f.a, f.b)
	must(t, err)
	_, err = s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 40}}, model.MustDay("2026-03-02"))
	must(t, err)
	var orderQty sql.NullInt64
	var rop int
	must(t, s.db.QueryRow("SELECT order_qty, reorder_point FROM policies WHERE product_id = ?", f.a).Scan(&orderQty, &rop))
	if orderQty.Valid || rop != 7 {
		t.Errorf("A-1 order_qty %v reorder_point %d, want NULL and 7 kept", orderQty, rop)
	}
	// B-2 did not go on the order: its quantity still waits
	if n := countRows(t, s, "SELECT coalesce(order_qty, -1) FROM policies WHERE product_id = ?", f.b); n != 12 {
		t.Errorf("B-2 order_qty %d, want 12", n)
	}
	if n := countRows(t, s, `SELECT count(*) FROM audit_log WHERE entity = 'policy' AND entity_id = 'A-1'
		AND field = 'order_qty' AND old = '40'`); n != 1 {
		t.Errorf("%d audit rows for clearing A-1's order quantity, want 1", n)
	}
}

func TestSetPOLineQty(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	on := model.MustDay("2026-03-02")
	id, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 20}, {ProductID: f.b, Qty: 6}}, on)
	must(t, err)
	set := func(product int64, qty, wantPrev int) {
		t.Helper()
		prev, err := s.SetPOLineQty(ctx, id, product, qty, model.POLineSeen{})
		must(t, err)
		if prev != wantPrev {
			t.Errorf("set %d to %d: previous %d, want %d", product, qty, prev, wantPrev)
		}
	}
	lineQty := func(sku string) int {
		t.Helper()
		l, ok := poLine(readPO(t, s, id), sku)
		if !ok {
			return -1
		}
		return l.Qty
	}

	// change and undo on the draft
	set(f.a, 25, 20)
	hasAudit(t, s, id, "line A-1 20→25")
	set(f.a, 20, 25)
	if q := lineQty("A-1"); q != 20 {
		t.Errorf("A-1 after undo %d, want 20", q)
	}
	// remove B-2, then undo: it comes back at the product's current cost
	set(f.b, 0, 6)
	if q := lineQty("B-2"); q != -1 {
		t.Errorf("B-2 still on the draft with %d", q)
	}
	hasAudit(t, s, id, "line B-2 6→0")
	_, err = s.db.Exec("UPDATE products SET unit_cost = 2.4 WHERE id = ?", f.b)
	must(t, err)
	set(f.b, 6, 0)
	if l, ok := poLine(readPO(t, s, id), "B-2"); !ok || l.Qty != 6 || l.UnitCost != 2.4 {
		t.Errorf("B-2 re-added as %+v, want 6 at 2.4", l)
	}

	// refused: negative, another supplier's product; nothing written
	audits := len(poAudit(t, s, id))
	_, err = s.SetPOLineQty(ctx, id, f.a, -1, model.POLineSeen{})
	wantErr(t, err, "A-1", "negative")
	_, err = s.SetPOLineQty(ctx, id, f.c, 3, model.POLineSeen{})
	wantErr(t, err, "C-3", "Bolt")
	if _, ok := poLine(readPO(t, s, id), "C-3"); ok || len(poAudit(t, s, id)) != audits {
		t.Error("a refused change was written")
	}

	// sent, 8 of A-1 received: 7 is below what arrived, 8 is allowed
	_, err = s.SendPO(ctx, id, on, model.POSeen{})
	must(t, err)
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.a, Qty: 8}}, 0, on+5)
	must(t, err)
	audits = len(poAudit(t, s, id))
	_, err = s.SetPOLineQty(ctx, id, f.a, 7, model.POLineSeen{})
	wantErr(t, err, "A-1", "8 already received")
	_, err = s.SetPOLineQty(ctx, id, f.a, 0, model.POLineSeen{})
	wantErr(t, err, "8 already received")
	if q := lineQty("A-1"); q != 20 || len(poAudit(t, s, id)) != audits {
		t.Errorf("refused change written: A-1 %d", q)
	}
	set(f.a, 8, 20)
	if got := onOrderOf(t, s, f.a); got != 0 {
		t.Errorf("on order after cutting A-1 to what arrived: %d, want 0", got)
	}
	set(f.a, 20, 8)
	// on a sent order a line with nothing received may go, while another stays
	set(f.b, 0, 6)
	set(f.b, 6, 0)

	// the only line of a sent order: cancel instead
	bolt, err := s.CreateDraftPO(ctx, f.bolt, []model.OrderLine{{ProductID: f.c, Qty: 4}}, on)
	must(t, err)
	_, err = s.SendPO(ctx, bolt, on, model.POSeen{})
	must(t, err)
	_, err = s.SetPOLineQty(ctx, bolt, f.c, 0, model.POLineSeen{})
	wantErr(t, err, "C-3", "cancel")
	if l, ok := poLine(readPO(t, s, bolt), "C-3"); !ok || l.Qty != 4 {
		t.Errorf("only line of a sent order changed: %+v", l)
	}

	// a received order no longer changes
	must(t, s.ReceivePOInFull(ctx, bolt, 0, on+8, model.POSeen{}))
	_, err = s.SetPOLineQty(ctx, bolt, f.c, 5, model.POLineSeen{})
	wantErr(t, err, "received")
	_, err = s.SetPOLineQty(ctx, 999, f.c, 5, model.POLineSeen{})
	if !errors.Is(err, ErrUnknownPO) {
		t.Errorf("unknown order: %v, want ErrUnknownPO", err)
	}
}

func TestReceivePORefusesAndWritesNothing(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	on := model.MustDay("2026-03-02")
	id, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 20}, {ProductID: f.b, Qty: 6}}, on)
	must(t, err)
	// a draft cannot be received
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.a, Qty: 1}}, 0, on)
	wantErr(t, err, "draft", "only a sent order")
	_, err = s.SendPO(ctx, id, on, model.POSeen{})
	must(t, err)
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.a, Qty: 8}}, 0, on+5)
	must(t, err)

	state := func() [5]int {
		po := readPO(t, s, id)
		a, _ := poLine(po, "A-1")
		b, _ := poLine(po, "B-2")
		return [5]int{stockOnHand(t, s, f.a), stockOnHand(t, s, f.b), a.ReceivedQty, b.ReceivedQty,
			countRows(t, s, "SELECT count(*) FROM audit_log")}
	}
	before := state() // A 18 on hand, B 0; received 8 and 0
	if before[0] != 18 || before[2] != 8 {
		t.Fatalf("before: %v", before)
	}
	check := func(what string) {
		t.Helper()
		if after := state(); after != before {
			t.Errorf("%s: state %v, want %v", what, after, before)
		}
		if po := readPO(t, s, id); po.Status != model.POSent {
			t.Errorf("%s: status %s", what, po.Status)
		}
	}

	// B-2 3 is fine but A-1 13 is over the 12 outstanding: neither lands
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.b, Qty: 3}, {ProductID: f.a, Qty: 13}}, 0, on+6)
	wantErr(t, err, "purchase order", "A-1", "only 12 outstanding")
	check("over outstanding")
	// two receipts of one line add up: 6 + 7 > 12
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.a, Qty: 6}, {ProductID: f.a, Qty: 7}}, 0, on+6)
	wantErr(t, err, "A-1", "only 6 outstanding")
	check("over outstanding in two receipts")
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.c, Qty: 1}}, 0, on+6)
	wantErr(t, err, "C-3", "not on the order")
	check("product not on the order")
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.b, Qty: 1}, {ProductID: f.a, Qty: 0}}, 0, on+6)
	wantErr(t, err, "A-1", "above 0")
	check("zero quantity")
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.b, Qty: 1}}, 999, on+6)
	wantErr(t, err, "location id 999")
	check("unknown location")
	_, err = s.ReceivePO(ctx, id, nil, 0, on+6)
	wantErr(t, err, "nothing to receive")
	check("no receipts")
}

func TestCancelPO(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	on := model.MustDay("2026-03-02")
	id, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 20}}, on)
	must(t, err)
	_, err = s.SendPO(ctx, id, on, model.POSeen{})
	must(t, err)
	_, err = s.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.a, Qty: 8}}, 0, on+5)
	must(t, err)

	// a partly received order is cancelled: the 8 stay in stock, the 12 leave the order book
	must(t, s.CancelPO(ctx, id, model.POSeen{}))
	po := readPO(t, s, id)
	if po.Status != model.POCancelled || po.Lines[0].ReceivedQty != 8 {
		t.Errorf("cancelled: %+v", po)
	}
	if got := stockOnHand(t, s, f.a); got != 18 {
		t.Errorf("on hand %d, want 10 + 8 = 18", got)
	}
	if got := onOrderOf(t, s, f.a); got != 0 {
		t.Errorf("on order %d after cancelling, want 0", got)
	}
	if sum := summaryOf(t, s, id); sum.OpenValue != 0 {
		t.Errorf("cancelled order open value %v", sum.OpenValue)
	}
	hasAudit(t, s, id, "status sent→cancelled")
	wantErr(t, s.CancelPO(ctx, id, model.POSeen{}), "cancelled")

	// a received order stays received
	id2, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.b, Qty: 2}}, on)
	must(t, err)
	_, err = s.SendPO(ctx, id2, on, model.POSeen{})
	must(t, err)
	must(t, s.ReceivePOInFull(ctx, id2, 0, on+3, model.POSeen{}))
	audits := len(poAudit(t, s, id2))
	wantErr(t, s.CancelPO(ctx, id2, model.POSeen{}), "purchase order", "received")
	if po := readPO(t, s, id2); po.Status != model.POReceived || len(poAudit(t, s, id2)) != audits {
		t.Errorf("refused cancel changed the order: %s", po.Status)
	}

	// a draft can be cancelled
	id3, err := s.CreateDraftPO(ctx, f.bolt, []model.OrderLine{{ProductID: f.c, Qty: 2}}, on)
	must(t, err)
	must(t, s.CancelPO(ctx, id3, model.POSeen{}))
	hasAudit(t, s, id3, "status draft→cancelled")
	if err := s.CancelPO(ctx, 999, model.POSeen{}); !errors.Is(err, ErrUnknownPO) {
		t.Errorf("unknown order: %v", err)
	}
}

func TestSendPOExpectedDate(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	on := model.MustDay("2026-03-02")
	send := func(supplier int64, lines []model.OrderLine) (int64, model.Day) {
		t.Helper()
		id, err := s.CreateDraftPO(ctx, supplier, lines, on)
		must(t, err)
		exp, err := s.SendPO(ctx, id, on, model.POSeen{})
		must(t, err)
		if po := readPO(t, s, id); po.Expected != exp || po.Sent != on || po.Status != model.POSent {
			t.Errorf("stored %+v, returned expected %s", po, exp)
		}
		return id, exp
	}
	override := func(product int64, days any) {
		t.Helper()
		_, err := s.db.Exec(`INSERT INTO policies(product_id, lead_time_days) VALUES (?, ?)
			ON CONFLICT(product_id) DO UPDATE SET lead_time_days = excluded.lead_time_days`, product, days)
		must(t, err)
	}
	ab := []model.OrderLine{{ProductID: f.a, Qty: 1}, {ProductID: f.b, Qty: 1}}

	id, exp := send(f.acme, ab)
	if exp != on+14 {
		t.Errorf("no override: expected %s, want on + 14 = %s", exp, on+14)
	}
	hasAudit(t, s, id, "status draft→sent")
	hasAudit(t, s, id, "expected_at →"+(on+14).String())

	// Bolt's 7.5 days round to 8
	if _, exp := send(f.bolt, []model.OrderLine{{ProductID: f.c, Qty: 1}}); exp != on+8 {
		t.Errorf("7.5 days: expected %s, want on + 8", exp)
	}
	// A-1 takes 20.6 days: the order waits for it, 21 days
	override(f.a, 20.6)
	if _, exp := send(f.acme, ab); exp != on+21 {
		t.Errorf("longer override: expected %s, want on + 21", exp)
	}
	// A-1 takes 5 days, B-2 the supplier's 14: still 14
	override(f.a, 5)
	if _, exp := send(f.acme, ab); exp != on+14 {
		t.Errorf("one shorter override: expected %s, want on + 14", exp)
	}
	// every line overridden shorter: the slowest line, 9 days
	override(f.b, 9)
	if _, exp := send(f.acme, ab); exp != on+9 {
		t.Errorf("all lines shorter: expected %s, want on + 9", exp)
	}

	// three received orders of Bolt took 10, 12 and 14 days: its measured
	// 12 days replace the configured 7.5, as in the planner
	for _, took := range []model.Day{10, 12, 14} {
		b, err := s.BeginBulk(ctx)
		must(t, err)
		_, err = b.AddPurchaseOrder(PurchaseOrderInput{SupplierID: f.bolt, Status: model.POReceived,
			Created: on - 60, Sent: on - 60, Expected: on - 52, Received: on - 60 + took,
			Lines: []model.OrderLine{{ProductID: f.c, Qty: 1, ReceivedQty: 1}}})
		must(t, err)
		must(t, b.Commit())
	}
	if _, exp := send(f.bolt, []model.OrderLine{{ProductID: f.c, Qty: 1}}); exp != on+12 {
		t.Errorf("measured lead time: expected %s, want on + 12", exp)
	}

	// refused: sending twice; a draft with no lines
	_, err := s.SendPO(ctx, id, on+1, model.POSeen{})
	wantErr(t, err, "sent", "only a draft")
	empty, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 1}}, on)
	must(t, err)
	_, err = s.SetPOLineQty(ctx, empty, f.a, 0, model.POLineSeen{})
	must(t, err)
	_, err = s.SendPO(ctx, empty, on, model.POSeen{})
	wantErr(t, err, "no lines")
	if po := readPO(t, s, empty); po.Status != model.PODraft || po.Sent.Valid() {
		t.Errorf("empty draft after refused send: %+v", po)
	}
}

func TestPurchaseOrdersOrderFilterAndTotals(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	d := model.MustDay
	bulk, err := s.BeginBulk(ctx)
	must(t, err)
	add := func(sp int64, st model.POStatus, created, sent, expected, received model.Day, lines ...model.OrderLine) int64 {
		t.Helper()
		id, err := bulk.AddPurchaseOrder(PurchaseOrderInput{SupplierID: sp, Status: st, Created: created, Sent: sent,
			Expected: expected, Received: received, Lines: lines})
		must(t, err)
		return id
	}
	no := model.NoDay
	p1 := add(f.acme, model.POReceived, d("2026-01-01"), d("2026-01-02"), d("2026-01-16"), d("2026-01-15"),
		model.OrderLine{ProductID: f.a, Qty: 10, UnitCost: 5, ReceivedQty: 10})
	p2 := add(f.acme, model.POCancelled, d("2026-01-10"), d("2026-01-11"), no, no,
		model.OrderLine{ProductID: f.a, Qty: 4, UnitCost: 5})
	p3 := add(f.acme, model.POSent, d("2026-02-01"), d("2026-02-01"), d("2026-02-20"), no,
		model.OrderLine{ProductID: f.a, Qty: 20, UnitCost: 5, ReceivedQty: 8}, model.OrderLine{ProductID: f.b, Qty: 6, UnitCost: 2.5})
	p4 := add(f.acme, model.POSent, d("2026-02-05"), d("2026-02-05"), d("2026-02-15"), no,
		model.OrderLine{ProductID: f.b, Qty: 10, UnitCost: 2})
	p5 := add(f.acme, model.PODraft, d("2026-02-10"), no, no, no, model.OrderLine{ProductID: f.a, Qty: 3, UnitCost: 5})
	p6 := add(f.acme, model.POSent, d("2026-02-07"), d("2026-02-07"), no, no, model.OrderLine{ProductID: f.b, Qty: 1, UnitCost: 2})
	p7 := add(f.bolt, model.PODraft, d("2026-02-12"), no, no, no, model.OrderLine{ProductID: f.c, Qty: 2, UnitCost: 3})
	p8 := add(f.bolt, model.POReceived, d("2026-01-20"), d("2026-01-20"), d("2026-01-28"), d("2026-01-27"),
		model.OrderLine{ProductID: f.c, Qty: 5, UnitCost: 3, ReceivedQty: 5})
	must(t, bulk.Commit())
	_, err = s.db.Exec("UPDATE purchase_orders SET reference = 'PO-1' WHERE id = ?", p1)
	must(t, err)

	ids := func(filter model.POFilter) []int64 {
		t.Helper()
		list, err := s.PurchaseOrders(ctx, filter)
		must(t, err)
		var out []int64
		for _, p := range list {
			out = append(out, p.ID)
		}
		return out
	}
	// drafts newest first; sent by expected day, none last; the rest newest first
	for _, c := range []struct {
		filter model.POFilter
		want   []int64
	}{
		{model.POFilter{}, []int64{p7, p5, p4, p3, p6, p8, p2, p1}},
		{model.POFilter{SupplierID: f.acme}, []int64{p5, p4, p3, p6, p2, p1}},
		{model.POFilter{OpenOnly: true}, []int64{p7, p5, p4, p3, p6}},
		{model.POFilter{SupplierID: f.bolt, OpenOnly: true}, []int64{p7}},
	} {
		if got := ids(c.filter); !equalIDs(got, c.want) {
			t.Errorf("%+v: %v, want %v", c.filter, got, c.want)
		}
	}

	// p3: 20·5 + 6·2.5 = 115; outstanding 12·5 + 6·2.5 = 75
	want3 := model.POSummary{POHeader: model.POHeader{ID: p3, SupplierID: f.acme, Supplier: "Acme", Status: model.POSent,
		Created: d("2026-02-01"), Sent: d("2026-02-01"), Expected: d("2026-02-20"), Received: no},
		Lines: 2, Units: 26, ReceivedUnits: 8, Value: 115, OpenValue: 75}
	if got := summaryOf(t, s, p3); got != want3 {
		t.Errorf("p3 %+v\nwant %+v", got, want3)
	}
	// p2 is cancelled: 4·5 = 20 ordered, nothing open
	if got := summaryOf(t, s, p2); got.Value != 20 || got.OpenValue != 0 || got.Expected != no {
		t.Errorf("p2 %+v", got)
	}
	if got := summaryOf(t, s, p1); got.Reference != "PO-1" || got.Received != d("2026-01-15") || got.ReceivedUnits != 10 {
		t.Errorf("p1 %+v", got)
	}
	// a draft's outstanding value is open: 3·5
	if got := summaryOf(t, s, p5); got.OpenValue != 15 || got.Sent != no {
		t.Errorf("p5 %+v", got)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPurchaseOrderUnknownAndLinesBySKU(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	_, err := s.PurchaseOrder(ctx, 42)
	if !errors.Is(err, ErrUnknownPO) || !strings.Contains(err.Error(), "42") {
		t.Errorf("unknown order: %v", err)
	}
	// lines are added B then A: read back by SKU
	id, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.b, Qty: 1}, {ProductID: f.a, Qty: 2}}, model.MustDay("2026-03-02"))
	must(t, err)
	po := readPO(t, s, id)
	if len(po.Lines) != 2 || po.Lines[0].SKU != "A-1" || po.Lines[1].SKU != "B-2" || po.Lines[0].Name != "Anvil" {
		t.Errorf("lines %+v", po.Lines)
	}
	if po.Lines[0].Outstanding() != 2 || math.Abs(po.Lines[0].Value()-10) > 1e-9 {
		t.Errorf("A-1 line %+v", po.Lines[0])
	}
}
