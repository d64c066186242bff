package ui

import (
	"strings"
	"testing"

	"stockroom/model"
)

// Round 2 of issue 12: e while a save ran was refused ("Still saving the
// last edit…"), and the digits the PM typed next switched panes (6 went to
// Suppliers). Now the editor opens, and enter queues the save behind the
// running one.

func TestEditWhileASaveWaitsIsQueuedNotSentToThePanes(t *testing.T) {
	m, st, _, lock := waitingOnALock(t)
	first := currentSKU(m)
	rest := saveWaiting(t, m, "e", "44")

	press(t, m, "down")
	second := currentSKU(m)
	press(t, m, "e")
	if m.mode != modeEdit {
		t.Fatalf("e while a save waits should open the editor; message %q", m.message)
	}
	typeText(t, m, "62")
	if m.tab != stockTab || m.input.Value() != "62" {
		t.Fatalf("6 2 typed after e went to tab %d, field %q", m.tab, m.input.Value())
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "enter queues it behind the running save") {
		t.Errorf("the editor should say enter queues: %q", s)
	}
	press(t, m, "enter")
	if m.mode != modeNormal || len(m.queue) != 1 {
		t.Fatalf("enter should queue the save: mode %v, %d queued", m.mode, len(m.queue))
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "Waiting for another process") || !strings.Contains(s, "1 more edit queued") {
		t.Errorf("the status bar should count the queued edit: %q", s)
	}
	// quitting now would lose both: it asks, and n says why it stays
	m.Update(keyMsg("q"))
	if m.confirm == nil {
		t.Fatal("q with saves waiting should ask first")
	}
	m.Update(keyMsg("n"))
	if !strings.HasPrefix(m.message, "Not quitting: still saving") {
		t.Errorf("n to quitting: %q", m.message)
	}
	if p := policyOf(t, st, second); p.Manual {
		t.Fatal("the queued save ran while the first waited")
	}
	// a row marked for the next edit meanwhile stays marked when they land
	press(t, m, "down", "space")
	lock.Commit()
	run(t, m, rest)
	if len(m.stock.table.marked) != 1 {
		t.Errorf("%d rows marked after the saves landed, want the 1 marked meanwhile", len(m.stock.table.marked))
	}
	if p := policyOf(t, st, first); p.ReorderPoint != 44 {
		t.Errorf("%s: %+v, want 44", first, p)
	}
	if p := policyOf(t, st, second); !p.Manual || p.ReorderPoint != 62 {
		t.Errorf("%s: %+v, want the queued 62", second, p)
	}
	if len(m.queue) != 0 || m.saving || !strings.Contains(m.message, second+" set to 62") {
		t.Errorf("after both saves: %d queued, saving %v, message %q", len(m.queue), m.saving, m.message)
	}
	// both are undo steps, newest first
	press(t, m, "u")
	if p := policyOf(t, st, second); p.Manual {
		t.Errorf("u should undo the queued edit first: %+v", p)
	}
}

// A queued reorder-pane edit saves to the SKU it was typed for, though the
// save before it rebuilt the reorder view under the open editor.
func TestQueuedEditKeepsItsSKUWhenTheViewIsRebuilt(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	lock := lockedBy(t, otherProcess(t, st))
	first := m.reorder.currentRow().Item.Product.SKU
	rest := saveWaiting(t, m, "M", "40")
	// the next SKU's order quantity, typed while the MOQ save waits
	for m.reorder.currentRow() == nil || m.reorder.currentRow().Item.Product.SKU == first {
		press(t, m, "down")
	}
	second := m.reorder.currentRow().Item.Product.SKU
	press(t, m, "e")
	typeText(t, m, "7")
	lock.Commit()
	run(t, m, rest) // the MOQ lands: a new reorder view under the editor
	press(t, m, "enter")
	if m.confirm != nil {
		press(t, m, "y")
	}
	if p := itemOf(t, st, second).Policy; !p.HasOrderQty || p.OrderQty != 7 {
		t.Errorf("%s: %+v, want the order quantity 7 typed for it", second, p)
	}
	if p := itemOf(t, st, first).Policy; p.HasOrderQty {
		t.Errorf("%s got the order quantity %d typed for %s", first, p.OrderQty, second)
	}
}

// A queued edit compares with what the PM saw when typing it: a change by
// another process that the save before it brought to light (a conflict
// declined) is asked about, not written over.
func TestQueuedEditDoesNotOverwriteAChangeItNeverShowed(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	press(t, m, "down", "down")
	sku := currentSKU(m)
	press(t, m, "e")
	typeText(t, m, "30")
	_, first := m.Update(keyMsg("enter")) // saving, not landed yet
	enterValue(t, m, "e", "50")
	if len(m.queue) != 1 {
		t.Fatalf("%d queued, want the second edit", len(m.queue))
	}
	setAs(t, other, "bob", sku, model.FieldReorderPoint, "40")
	run(t, m, first)
	if m.confirm == nil || !strings.Contains(m.confirm.question, "Save 30 over it?") {
		t.Fatalf("the first save should ask about bob's 40: %+v", m.confirm)
	}
	press(t, m, "n")
	if m.confirm == nil || !strings.Contains(m.confirm.question, "Save 50 over it?") {
		t.Fatalf("the queued 50, typed before bob's 40 was shown, should ask too: %+v (message %q)", m.confirm, m.message)
	}
	if p := policyOf(t, st, sku); p.ReorderPoint != 40 {
		t.Errorf("stored %d, want bob's 40 until y", p.ReorderPoint)
	}
	press(t, m, "y")
	if p := policyOf(t, st, sku); p.ReorderPoint != 50 {
		t.Errorf("after y: %d, want 50", p.ReorderPoint)
	}
}
