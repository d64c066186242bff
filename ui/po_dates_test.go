package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"stockroom/model"
)

// A purchase order's dates come from one clock, the real date (Options.Now),
// whatever day the plan looks at: created by o, sent by t, received by R,
// expected a lead time after sending.
func TestPurchaseOrderDatesFollowTheClock(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	now := model.DayOf(m.opt.Now())
	if now == m.snap.AsOf {
		t.Fatal("the test needs a clock on another day than the plan's as-of day")
	}
	g, _ := m.reorder.currentGroup()
	grp := m.reorder.rv.Groups()[g]
	sp, _ := m.snap.Supplier(grp.SupplierID)
	press(t, m, "o", "y", "6")
	list := m.suppliers.list.table
	for pos, r := range list.index {
		if m.suppliers.sv.Row(r).Supplier.ID == grp.SupplierID {
			list.moveTo(pos)
		}
	}
	press(t, m, "enter", "enter") // the supplier's orders, the draft's lines
	id := m.suppliers.order.ID
	read := func() model.PurchaseOrder {
		t.Helper()
		po, err := st.PurchaseOrder(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return po
	}
	if po := read(); po.Status != model.PODraft || po.Created != now {
		t.Fatalf("drafted PO #%d: %s created %v, want a draft of %v", id, po.Status, po.Created, now)
	}
	press(t, m, "t", "y")
	if po := read(); po.Sent != now || po.Expected != now+model.Day(sp.LeadTimeDays) {
		t.Errorf("sent %v expected %v, want %v and %v", po.Sent, po.Expected, now, now+model.Day(sp.LeadTimeDays))
	}
	press(t, m, "R", "y")
	if po := read(); po.Status != model.POReceived || po.Received != now || po.Created != now {
		t.Errorf("received PO: %s created %v received %v, want %v", po.Status, po.Created, po.Received, now)
	}
}

// o puts the lines on the supplier's open draft when it has one: the
// message says so, with that draft's day, so "created" a week ago on an
// order drafted now is no surprise.
func TestDraftJoinsTheOpenDraftAndSaysSo(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	now := model.DayOf(m.opt.Now())
	g, _ := m.reorder.currentGroup()
	grp := m.reorder.rv.Groups()[g]
	row := m.reorder.rv.Row(m.reorder.groupRows(g)[0])
	// an earlier session's draft, which the dashboard reads as another
	// process's change
	id, err := otherProcess(t, st).CreateDraftPO(context.Background(), grp.SupplierID,
		[]model.OrderLine{{ProductID: row.Item.Product.ID, Qty: 1}}, now-5)
	if err != nil {
		t.Fatal(err)
	}
	run(t, m, m.checkOutside())
	press(t, m, "o", "y")
	want := fmt.Sprintf("Added to draft PO #%d of %s to %s", id, now-5, grp.Supplier)
	if !strings.HasPrefix(m.message, want) {
		t.Errorf("message %q, want it to start %q", m.message, want)
	}
	if po, err := st.PurchaseOrder(context.Background(), id); err != nil || po.Created != now-5 {
		t.Errorf("the draft's created day changed: %v %v", po.Created, err)
	}
}
