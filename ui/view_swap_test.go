package ui

import "testing"

// scripted drives the randomized test's harness with fixed keys, drawing
// a frame after every message as the runtime may.
func scripted(t *testing.T, w, h int, keys ...string) *monkey {
	t.Helper()
	mk := newMonkey(t, func(int) int { return 0 })
	mk.resize(w, h)
	mk.drain()
	for _, k := range keys {
		mk.press(k)
		mk.drain()
	}
	return mk
}

// Switching the assortment's breakdown from brand to supplier drew the
// brand view's row numbers into the 25-row supplier view before the new
// view's query returned: index out of range [25] with length 25 on any
// terminal that shows more than 25 rows.
func TestBreakdownChangeDrawsOnlyTheNewViewsRows(t *testing.T) {
	for _, h := range []int{29, 45, 80} {
		mk := scripted(t, 160, h, "4", "b", "b", "b", "b", "b")
		p := mk.m.assortment
		if p.by != p.av.By || len(p.table.index) != p.av.Len() {
			t.Errorf("height %d: breakdown %v shows %d of %d groups", h, p.av.By, len(p.table.index), p.av.Len())
		}
	}
}

// Drafting a supplier's order takes its SKUs off the reorder view, which
// is rebuilt shorter: frames drawn before its query returns must not read
// the old rows or headings past its end.
func TestReorderViewShrinksWithoutStaleRows(t *testing.T) {
	mk := scripted(t, 160, 80, "3")
	before := mk.m.reorder.rv.Len()
	for range 6 { // the first supplier's order, again and again
		mk.press("g")
		mk.press("o")
		mk.press("y")
		mk.drain()
	}
	p := mk.m.reorder
	if p.rv.Len() >= before {
		t.Fatalf("drafting orders left %d of %d SKUs to order", p.rv.Len(), before)
	}
	for _, r := range p.table.index {
		if r >= p.rv.Len() || -1-r >= len(p.rv.Groups()) {
			t.Fatalf("index entry %d outside a view of %d rows and %d groups", r, p.rv.Len(), len(p.rv.Groups()))
		}
	}
}

// Keys pressed on a supplier's orders while they are still being read
// found no view to sort, filter or move in (a nil view: s panicked).
func TestKeysWhileOrdersLoad(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "6")
	m.Update(keyMsg("enter")) // the orders' command is not run: still loading
	if m.suppliers.screen != screenOrders || m.suppliers.orders.view != nil {
		t.Fatalf("screen %d, view %v: not waiting for the orders", m.suppliers.screen, m.suppliers.orders.view)
	}
	for _, k := range []string{"s", "S", "/", "down", "G", "space", "x", "esc"} {
		m.Update(keyMsg(k))
	}
	if m.suppliers.screen != screenSuppliers || m.mode != modeNormal {
		t.Errorf("esc left screen %d, mode %d", m.suppliers.screen, m.mode)
	}
}

// A sort of the reorder pane still running when an order drafted there
// landed, after the PM had moved to another pane, was taken for the new,
// shorter view: addHeadings read past its end.
func TestQueryOfAReplacedViewIsDropped(t *testing.T) {
	mk := scripted(t, 160, 45, "3")
	before := mk.m.reorder.rv.Len()
	mk.press("S")
	sort := mk.pending // the sort's query, not yet run
	mk.pending = nil
	mk.press("o")
	mk.press("y") // the draft's command waits in pending
	mk.press("2")
	mk.drain()
	mk.pending = sort
	mk.drain()
	p := mk.m.reorder
	if p.rv.Len() >= before {
		t.Fatalf("the draft left %d of %d SKUs to order", p.rv.Len(), before)
	}
	for _, r := range p.table.index {
		if r >= p.rv.Len() || -1-r >= len(p.rv.Groups()) {
			t.Fatalf("index entry %d outside a view of %d rows and %d groups", r, p.rv.Len(), len(p.rv.Groups()))
		}
	}
	mk.press("3")
	mk.drain()
	if got := len(p.table.rows()); got != p.rv.Len() {
		t.Errorf("%d rows shown of %d", got, p.rv.Len())
	}
}
