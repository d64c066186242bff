package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// itemOf reads a SKU's stored state straight from the catalogue file.
func itemOf(t *testing.T, st *store.Store, sku string) model.Item {
	t.Helper()
	c, err := st.LoadCatalogue(context.Background(), store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range c.Items {
		if it.Product.SKU == sku {
			return it
		}
	}
	t.Fatalf("no SKU %s", sku)
	return model.Item{}
}

// reorderModel opens the fixture on the reorder tab.
func reorderModel(t *testing.T, w, h int) (*Model, *store.Store) {
	t.Helper()
	m, st := newTestModel(t, w, h)
	press(t, m, "3")
	if m.reorder.rv == nil || m.reorder.rv.Len() == 0 {
		t.Fatal("the fixture should have SKUs to order")
	}
	return m, st
}

// clearInput empties the editor, as ctrl+u would.
func clearInput(t testing.TB, m *Model) {
	for range len(m.input.Value()) {
		press(t, m, "backspace")
	}
}

func TestReorderPaneOpensOnAGroupedSKU(t *testing.T) {
	m, _ := reorderModel(t, 160, 45)
	t0 := m.reorder.table
	if t0.index[0] >= 0 {
		t.Fatalf("first entry should be a supplier heading, got row %d", t0.index[0])
	}
	r := m.reorder.currentRow()
	if r == nil || !r.Plan.Reorder {
		t.Fatal("the cursor should start on the first SKU to order")
	}
	// every heading is followed by its group's rows only
	g := -1
	for _, e := range t0.index {
		if e < 0 {
			g = -1 - e
			continue
		}
		if m.reorder.rv.GroupOf(e) != g {
			t.Fatalf("row %d under the heading of group %d", e, g)
		}
	}
	s := screen(m)
	grp := m.reorder.rv.Groups()[0]
	tot := m.reorder.totals[0]
	want := fmt.Sprintf("▸ %s · %d SKUs · %s units", grp.Supplier, tot.SKUs, model.GroupThousands(int64(tot.Units)))
	if !strings.Contains(s, want) || !strings.Contains(s, "Why") || !strings.Contains(s, "S − IP") {
		t.Errorf("want heading %q and the working in the detail:\n%s", want, s)
	}
}

func TestReorderEditQuantityAuditsAndUndoes(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	r := m.reorder.currentRow()
	sku, suggested := r.Item.Product.SKU, r.Plan.SuggestedQty
	press(t, m, "e")
	if m.mode != modeEdit || m.input.Value() != fmt.Sprint(suggested) {
		t.Fatalf("editor: mode %v value %q, want the suggestion %d", m.mode, m.input.Value(), suggested)
	}
	if s := screen(m); !strings.Contains(s, "Order quantity for "+sku) || !strings.Contains(s, "[") {
		t.Errorf("editor should sit in the cell and the status bar:\n%s", s)
	}
	clearInput(t, m)
	typeText(t, m, "50")
	press(t, m, "enter")
	if p := itemOf(t, st, sku).Policy; !p.HasOrderQty || p.OrderQty != 50 {
		t.Fatalf("stored policy %+v, want order quantity 50", p)
	}
	row := m.snap.Rows[m.snap.RowOf(r.Item.Product.ID)]
	if row.Plan.SuggestedQty != 50 || !row.Plan.QtyManual {
		t.Fatalf("pane row: qty %d manual %v", row.Plan.SuggestedQty, row.Plan.QtyManual)
	}
	if s := screen(m); !strings.Contains(s, "50 *") || !strings.Contains(s, "u undoes") {
		t.Errorf("screen should show the PM's quantity:\n%s", s)
	}
	log, _ := st.AuditLog(context.Background(), 1)
	if len(log) != 1 || log[0].EntityID != sku || log[0].Field != "order_qty" || log[0].New != "50" {
		t.Errorf("audit %+v", log)
	}
	press(t, m, "u")
	if p := itemOf(t, st, sku).Policy; p.HasOrderQty {
		t.Errorf("undo left %+v", p)
	}
	if row := m.snap.Rows[m.snap.RowOf(r.Item.Product.ID)]; row.Plan.SuggestedQty != suggested || row.Plan.QtyManual {
		t.Errorf("after undo: qty %d manual %v, want %d", row.Plan.SuggestedQty, row.Plan.QtyManual, suggested)
	}
}

func TestReorderEditCasePackRoundsAgain(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	r := m.reorder.currentRow()
	id := r.Item.Product.ID
	enterValue(t, m, "c", "7")
	if got := itemOf(t, st, r.Item.Product.SKU).Product.CasePack; got != 7 {
		t.Fatalf("stored case pack %d", got)
	}
	row := m.snap.Rows[m.snap.RowOf(id)]
	if row.Plan.SuggestedQty%7 != 0 || float64(row.Plan.SuggestedQty) < row.Plan.Need {
		t.Errorf("qty %d is not the need %.1f rounded up to cases of 7", row.Plan.SuggestedQty, row.Plan.Need)
	}
	// a bad value keeps the editor open and writes nothing
	enterValue(t, m, "c", "0")
	if m.mode != modeEdit || !m.messageErr {
		t.Errorf("case pack 0 should be refused in place: mode %v message %q", m.mode, m.message)
	}
	press(t, m, "esc")
	if got := itemOf(t, st, r.Item.Product.SKU).Product.CasePack; got != 7 {
		t.Errorf("refused edit wrote %d", got)
	}
	// r cycles the rounding rule: up → nearest
	press(t, m, "r")
	if got := itemOf(t, st, r.Item.Product.SKU).Policy.Rounding; got != model.RoundNearest {
		t.Errorf("rounding %q after r", got)
	}
}

func TestDraftPOThenSendAndReceiveThroughTheSuppliersTab(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	g, _ := m.reorder.currentGroup()
	grp := m.reorder.rv.Groups()[g]
	rows := m.reorder.groupRows(g)
	first := m.reorder.rv.Row(rows[0])
	sku, qty := first.Item.Product.SKU, first.Plan.SuggestedQty
	before := itemOf(t, st, sku)

	press(t, m, "o")
	if m.confirm == nil || !strings.Contains(m.confirm.question, grp.Supplier) {
		t.Fatalf("o should ask first, got %+v", m.confirm)
	}
	press(t, m, "y")
	if !strings.Contains(m.message, "Draft PO #") {
		t.Fatalf("message %q", m.message)
	}
	if got := itemOf(t, st, sku).InDraft; got != before.InDraft+qty {
		t.Fatalf("in draft %d, want %d", got, before.InDraft+qty)
	}
	// the drafted SKUs' positions include the draft now
	if row := m.snap.Rows[m.snap.RowOf(first.Item.Product.ID)]; row.Plan.InventoryPosition != first.Plan.InventoryPosition+qty {
		t.Errorf("IP %d, want %d", row.Plan.InventoryPosition, first.Plan.InventoryPosition+qty)
	}

	// 6 Suppliers: the supplier, its orders (the draft first), its lines
	press(t, m, "6")
	list := m.suppliers.list.table
	for pos, r := range list.index {
		if m.suppliers.sv.Row(r).Supplier.ID == grp.SupplierID {
			list.moveTo(pos)
		}
	}
	press(t, m, "enter")
	if m.suppliers.screen != screenOrders {
		t.Fatal("enter should open the supplier's orders")
	}
	o, ok := m.suppliers.currentOrder()
	if !ok || o.Status != model.PODraft {
		t.Fatalf("first order %+v", o)
	}
	press(t, m, "enter")
	if m.suppliers.screen != screenLines || len(m.suppliers.order.Lines) == 0 {
		t.Fatal("enter should open the order's lines")
	}
	if s := screen(m); !strings.Contains(s, fmt.Sprintf("PO #%d", o.ID)) || !strings.Contains(s, sku) {
		t.Errorf("lines screen:\n%s", s)
	}

	press(t, m, "t", "y")
	if m.suppliers.order.Status != model.POSent || !m.suppliers.order.Expected.Valid() {
		t.Fatalf("after send: %+v", m.suppliers.order)
	}
	sent := itemOf(t, st, sku)
	if sent.InDraft != before.InDraft || sent.OnOrder != before.OnOrder+qty {
		t.Fatalf("after send: draft %d on order %d, want %d and %d", sent.InDraft, sent.OnOrder, before.InDraft, before.OnOrder+qty)
	}

	// receive 1 of the SKU's line by hand, then the rest in full
	lines := m.suppliers.lines.table
	for pos, i := range lines.index {
		if m.suppliers.order.Lines[i].SKU == sku {
			lines.moveTo(pos)
		}
	}
	press(t, m, "r")
	if m.input.Value() != fmt.Sprint(qty) {
		t.Errorf("receive field starts at %q, want the outstanding %d", m.input.Value(), qty)
	}
	clearInput(t, m)
	typeText(t, m, "1")
	press(t, m, "enter")
	part := itemOf(t, st, sku)
	if part.OnHand != sent.OnHand+1 || part.OnOrder != sent.OnOrder-1 {
		t.Fatalf("after receiving 1: on hand %d on order %d", part.OnHand, part.OnOrder)
	}
	press(t, m, "R", "y")
	done := itemOf(t, st, sku)
	if m.suppliers.order.Status != model.POReceived || done.OnHand != before.OnHand+qty || done.OnOrder != before.OnOrder {
		t.Fatalf("after receiving in full: status %s on hand %d on order %d", m.suppliers.order.Status, done.OnHand, done.OnOrder)
	}
	if row := m.snap.Rows[m.snap.RowOf(first.Item.Product.ID)]; row.Item.OnHand != done.OnHand {
		t.Errorf("the pane did not pick up the receipt: %d", row.Item.OnHand)
	}
	press(t, m, "esc", "esc")
	if m.suppliers.screen != screenSuppliers {
		t.Error("esc should go back to the suppliers")
	}
}

func TestGoldenReorderAndSuppliersPanes(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		m, _ := reorderModel(t, size.w, size.h)
		press(t, m, "down")
		name := fmt.Sprintf("reorder_%dx%d", size.w, size.h)
		golden(t, name, withProfile(m.render(), colorprofile.ANSI256))
		golden(t, name+"_nocolor", noColorRender(m))
		press(t, m, "6")
		golden(t, fmt.Sprintf("suppliers_%dx%d", size.w, size.h), withProfile(m.render(), colorprofile.ANSI256))
		press(t, m, "enter")
		golden(t, fmt.Sprintf("suppliers_orders_%dx%d", size.w, size.h), withProfile(m.render(), colorprofile.Ascii))
	}
}

// An edit rebuilds the reorder view in a new order; the cursor stays on
// its SKU.
func TestReorderCursorFollowsItsSKU(t *testing.T) {
	m, _ := reorderModel(t, 160, 45)
	press(t, m, "down") // the group's second SKU
	sku := m.reorder.currentRow().Item.Product.SKU
	before := m.reorder.table.cursor
	// a long lead time moves its order-by day months earlier: first in its group
	enterValue(t, m, "L", "200")
	if m.messageErr {
		t.Fatal(m.message)
	}
	if got := m.reorder.currentRow().Item.Product.SKU; got != sku {
		t.Errorf("cursor on %s after the edit, want %s", got, sku)
	}
	if m.reorder.table.cursor != before-1 {
		t.Errorf("%s should have moved up from position %d to %d, is at %d", sku, before, before-1, m.reorder.table.cursor)
	}
}

// remember and restore carry the cursor and the marks across a new order
// of the same rows, and keep the cursor's place when its row has gone.
func TestPaneFollowsRowsByKey(t *testing.T) {
	keys := []int64{10, 20, 30, 40}
	p := &pane{table: newTable(nil), view: planner.POListView{}}
	p.follow.key = func(r int) int64 { return keys[r] }
	p.table.resize(40, 10)
	p.table.setIndex([]int{0, 1, 2, 3})
	p.table.moveTo(1)        // key 20
	p.table.marked[3] = true // key 40
	p.remember()
	keys = []int64{40, 30, 20, 10} // the rows come back in reverse
	p.table.setIndex([]int{0, 1, 2, 3})
	p.restore()
	if r, _ := p.table.current(); keys[r] != 20 {
		t.Errorf("cursor on key %d, want 20", keys[r])
	}
	if len(p.table.marked) != 1 || !p.table.marked[0] {
		t.Errorf("marks %v, want row 0 (key 40)", p.table.marked)
	}
	// the cursor's row is gone: the cursor keeps its position
	p.table.moveTo(2)
	p.remember()
	keys = []int64{40, 30, 10}
	p.table.setIndex([]int{0, 1, 2})
	p.restore()
	if p.table.cursor != 2 {
		t.Errorf("cursor at %d, want 2", p.table.cursor)
	}
}

// FirstFrame runs once, when the first frame with the catalogue's rows is
// drawn (the dashboard ends its start-up GC setting there).
func TestFirstFrameHookRunsOnce(t *testing.T) {
	calls := 0
	m := New(Options{Backend: planner.Backend{Store: fixtureStore(t)}, ExportDir: t.TempDir(), FirstFrame: func() { calls++ }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.View()
	if calls != 0 {
		t.Fatal("called before the catalogue was loaded")
	}
	run(t, m, loadCmd(m.opt.Backend))
	m.View()
	m.View()
	if calls != 1 {
		t.Errorf("called %d times, want once", calls)
	}
}
