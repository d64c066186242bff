package ui

import (
	"strings"
	"testing"

	"stockroom/model"
)

// Round 2 of issue 12: after a save, another process's change found while
// the editor was open replaced the save's result in the status bar ("…
// changed to 3 by root (another process) · reloaded"), even when the save
// had just written over that very change. The PM's own result shows
// first; what the save wrote over is no news; others' other changes follow
// it on the same line.

func TestOwnSaveResultShowsBeforeOthersChanges(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	elsewhere := currentSKU(m)
	press(t, m, "down", "down")
	mine := currentSKU(m)
	press(t, m, "e")
	setAs(t, other, "root", elsewhere, model.FieldReorderPoint, "3")
	run(t, m, m.checkOutside()) // found while the editor is open: it waits
	typeText(t, m, "40")
	press(t, m, "enter")
	want := "Reorder point of " + mine + " set to 40 (manual) · u undoes"
	if !strings.HasPrefix(m.message, want) {
		t.Errorf("status %q should start with this save's result %q", m.message, want)
	}
	if !strings.Contains(m.message, elsewhere+": reorder point changed to 3 by root (another process) · reloaded") {
		t.Errorf("status %q should go on to root's change", m.message)
	}
	if p := shownRow(t, m, st, elsewhere); p.ReorderPoint != 3 {
		t.Errorf("%s shows %d, want root's 3", elsewhere, p.ReorderPoint)
	}
	// the next key starts afresh: the next outside change is told alone
	press(t, m, "down")
	setAs(t, other, "root", elsewhere, model.FieldReorderPoint, "4")
	run(t, m, m.checkOutside())
	if want := elsewhere + ": reorder point changed to 4 by root (another process) · reloaded"; m.message != want {
		t.Errorf("status %q, want %q", m.message, want)
	}
}

func TestSavingOverAFoundChangeDoesNotReportIt(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	press(t, m, "down", "down")
	sku := currentSKU(m)
	press(t, m, "e")
	setAs(t, other, "root", sku, model.FieldReorderPoint, "35")
	run(t, m, m.checkOutside())
	typeText(t, m, "40")
	press(t, m, "enter")
	if m.confirm == nil {
		t.Fatal("saving over root's 35 should ask")
	}
	press(t, m, "y")
	if p := shownRow(t, m, st, sku); p.ReorderPoint != 40 {
		t.Fatalf("row shows %d, want 40", p.ReorderPoint)
	}
	if want := "Reorder point of " + sku + " set to 40 (manual) · u undoes"; m.message != want {
		t.Errorf("status %q, want %q (root's 35, written over, is no news)", m.message, want)
	}
	run(t, m, m.checkOutside())
	press(t, m, "down")
	if strings.Contains(m.message, "changed to 35") {
		t.Errorf("root's 35 reported after it was written over: %q", m.message)
	}
}

// Others' values are shown as the panes show them.
func TestOutsideNotesUseTheScreensForms(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	sku := currentSKU(m)
	setAs(t, other, "root", sku, model.FieldServiceLevel, "0.975")
	run(t, m, m.checkOutside())
	if want := sku + ": service level changed to 97.5% by root (another process) · reloaded"; m.message != want {
		t.Errorf("status %q, want %q", m.message, want)
	}
	setSettingAs(t, other, "root", "holding_rate", "0.35")
	run(t, m, m.checkOutside())
	if want := "Settings changed by root (another process): holding_rate 25% → 35% · reloaded"; m.message != want {
		t.Errorf("status %q, want %q", m.message, want)
	}
}
