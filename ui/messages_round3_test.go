package ui

import (
	"fmt"
	"strings"
	"testing"

	"stockroom/model"
)

// Round 3 of issue 12, the messages: a change a conflict question showed
// was reported again after the answer; a re-asked draft added to another
// dashboard's new order said "Draft PO #218"; the settings row stayed stale
// while its question named the new value; a bulk edit counted SKUs it did
// not change; an untouched enter's "Nothing …" gave way to a reload note.

func TestAChangeShownByADeclinedConflictIsNotReportedAgain(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	press(t, m, "down", "down")
	sku := currentSKU(m)
	setAs(t, other, "bob", sku, model.FieldReorderPoint, "70")
	enterValue(t, m, "e", "55")
	if m.confirm == nil {
		t.Fatal("no question about bob's 70")
	}
	press(t, m, "n")
	no := "Not saved: " + sku + "'s reorder point stays 70"
	run(t, m, m.checkOutside()) // the watch reports bob's change after the answer
	if m.message != no {
		t.Errorf("status %q, want %q alone: bob's 70 was just shown", m.message, no)
	}
	// a later change of the same value is news
	setAs(t, other, "bob", sku, model.FieldReorderPoint, "80")
	press(t, m, "down")
	run(t, m, m.checkOutside())
	if want := sku + ": reorder point changed to 80 by bob (another process) · reloaded"; m.message != want {
		t.Errorf("status %q, want %q", m.message, want)
	}
}

func TestDraftAskedAgainSaysItWasAddedToTheOtherDraft(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	other := otherProcess(t, st)
	t.Setenv("USER", "alice")
	grp, lines := draftGroup(t, m)
	press(t, m, "o")
	id := draftAs(t, other, "bob", grp.SupplierID, lines[:1]) // created today, by the other dashboard
	press(t, m, "y")
	if m.confirm == nil {
		t.Fatalf("no question again: %q", m.message)
	}
	press(t, m, "y")
	po := readOrder(t, st, id)
	want := fmt.Sprintf("Added to draft PO #%d of %s to %s: %s", id, po.Created, grp.Supplier, count(len(lines)-1, "line"))
	if !strings.HasPrefix(m.message, want) {
		t.Errorf("status %q, want %q…", m.message, want)
	}
	// a draft this dashboard creates says so
	m2, _ := reorderModel(t, 160, 45)
	press(t, m2, "o", "y")
	if !strings.HasPrefix(m2.message, "Draft PO #") {
		t.Errorf("a new draft: %q", m2.message)
	}
}

func TestSettingsRowShowsTheStoredValueWhileAsking(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	toSetting(t, m, "service_level_b")
	setSettingAs(t, other, "bob", "service_level_b", "0.96")
	enterValue(t, m, "enter", "97")
	if m.confirm == nil || !strings.Contains(m.confirm.question, "is 96% now") {
		t.Fatalf("question %v", m.confirm)
	}
	row := ""
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, "▶ service_level_b") {
			row = l
		}
	}
	if f := strings.Fields(row); len(f) < 3 || f[2] != "96%" {
		t.Errorf("the row should show the stored 96%% while asking: %q", row)
	}
	press(t, m, "n")
	run(t, m, m.checkOutside())
	if want := "Not saved: service_level_b stays 96%"; m.message != want {
		t.Errorf("status %q, want %q (bob's change was shown)", m.message, want)
	}
}

func TestBulkEditCountsTheSKUsItChanged(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	first := m.reorder.currentRow().Item.Product.SKU
	enterValue(t, m, "e", "120")
	if p := itemOf(t, st, first).Policy; !p.HasOrderQty {
		t.Fatalf("%s: %+v, want 120", first, p)
	}
	press(t, m, "space") // the one with its own 120
	for m.reorder.currentRow() == nil || m.reorder.currentRow().Item.Product.SKU == first {
		press(t, m, "down")
	}
	press(t, m, "space", "e", "a", "enter")
	want := "Order quantity of 1 of 2 SKUs set to the suggestion; the other already was · u undoes"
	if m.message != want {
		t.Errorf("status %q, want %q", m.message, want)
	}
	if p := itemOf(t, st, first).Policy; p.HasOrderQty {
		t.Errorf("%s still has its own %d", first, p.OrderQty)
	}
}

func TestUntouchedEnterSaysSoBeforeAReloadNote(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	elsewhere := currentSKU(m)
	id, l := sentFixtureOrder(t, st)
	openLine(t, m, id, l.ProductID)
	press(t, m, "r")
	setAs(t, other, "bob", elsewhere, model.FieldReorderPoint, "3")
	run(t, m, m.checkOutside()) // found while the editor is open: it waits
	press(t, m, "enter")
	want := "Nothing received: type the units received now, or esc"
	if !strings.HasPrefix(m.message, want) {
		t.Errorf("status %q, want %q first", m.message, want)
	}
	if !strings.Contains(m.message, "changed to 3 by bob") {
		t.Errorf("status %q should go on to bob's change", m.message)
	}
}
