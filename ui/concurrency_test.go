package ui

import (
	"context"
	"strings"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// otherProcess opens the dashboard's catalogue a second time, as another
// process (`stockroom set`, another dashboard) would.
func otherProcess(t *testing.T, st *store.Store) *store.Store {
	t.Helper()
	o, err := store.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}

// setAs saves a field of a SKU through another handle as user who; the
// dashboard's own writes that follow are alice's.
func setAs(t *testing.T, other *store.Store, who, sku string, field model.PolicyField, value string) {
	t.Helper()
	t.Setenv("USER", who)
	if _, err := other.SetPolicies(context.Background(), []model.PolicyChange{{SKU: sku, Field: field, Value: value}}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "alice")
}

// setSettingAs saves a setting through another handle as user who, as
// setAs does a SKU's field.
func setSettingAs(t *testing.T, other *store.Store, who, name, value string) {
	t.Helper()
	t.Setenv("USER", who)
	if _, _, err := other.SetSettings(context.Background(), map[string]string{name: value}, nil); err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "alice")
}

// shownRow is a SKU's row in the dashboard's snapshot.
func shownRow(t *testing.T, m *Model, st *store.Store, sku string) model.Plan {
	t.Helper()
	it := itemOf(t, st, sku)
	i := m.snap.RowOf(it.Product.ID)
	if i < 0 {
		t.Fatalf("no row for %s", sku)
	}
	return m.snap.Rows[i].Plan
}

func TestDashboardReloadsWhatAnotherProcessChanged(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	sku := currentSKU(m)
	run(t, m, m.checkOutside())
	if strings.Contains(m.message, "another process") {
		t.Fatalf("nothing changed, yet: %q", m.message)
	}
	setAs(t, other, "bob", sku, model.FieldReorderPoint, "40")
	if p := shownRow(t, m, st, sku); p.ReorderPointManual {
		t.Fatal("the dashboard should not know of bob's change before it looks")
	}
	run(t, m, m.checkOutside())
	if want := sku + ": reorder point changed to 40 by bob (another process) · reloaded"; m.message != want {
		t.Errorf("status %q, want %q", m.message, want)
	}
	if p := shownRow(t, m, st, sku); !p.ReorderPointManual || p.ReorderPoint != 40 {
		t.Errorf("row after the reload: manual %v, %d; want bob's 40", p.ReorderPointManual, p.ReorderPoint)
	}
	if s := screen(m); !strings.Contains(s, "40 m") || !strings.Contains(s, "by bob") {
		t.Errorf("the screen should show bob's value and say so:\n%s", s)
	}

	// the dashboard's own edit is not someone else's
	press(t, m, "down")
	mine := currentSKU(m)
	enterValue(t, m, "e", "12")
	saved := m.message
	if !strings.Contains(saved, "set to 12") {
		t.Fatalf("own edit: %q", saved)
	}
	run(t, m, m.checkOutside())
	if m.message != saved {
		t.Errorf("after its own edit of %s the dashboard says %q", mine, m.message)
	}
}

func TestDashboardReloadsEverythingAfterSettingsOrUnauditedChanges(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	setSettingAs(t, other, "carol", "review_days", "14")
	run(t, m, m.checkOutside())
	if want := "Settings changed by carol (another process): review_days 7 days → 14 days · reloaded"; m.message != want {
		t.Errorf("status %q, want %q", m.message, want)
	}
	if got := m.snap.Catalogue.Settings.ReviewDays; got != 14 {
		t.Errorf("the dashboard plans with review_days %d, want carol's 14", got)
	}
	// forecasts or data written without audit rows: everything again
	sku := currentSKU(m)
	if _, err := other.DB().Exec(`UPDATE products SET name = 'Renamed elsewhere' WHERE sku = ?`, sku); err != nil {
		t.Fatal(err)
	}
	run(t, m, m.checkOutside())
	if !strings.HasPrefix(m.message, "The catalogue was changed by another process") || !strings.HasSuffix(m.message, "· reloaded") {
		t.Errorf("status %q", m.message)
	}
	if name := m.snap.Rows[m.snap.RowOf(itemOf(t, st, sku).Product.ID)].Item.Product.Name; name != "Renamed elsewhere" {
		t.Errorf("name %q after the reload", name)
	}
}

func TestDashboardHoldsOthersChangesWhileTheEditorIsOpen(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	sku := currentSKU(m)
	press(t, m, "e")
	setAs(t, other, "bob", sku, model.FieldReorderPoint, "40")
	run(t, m, m.checkOutside())
	if p := shownRow(t, m, st, sku); p.ReorderPointManual {
		t.Fatal("a reload landed under the open editor")
	}
	press(t, m, "esc")
	run(t, m, m.checkOutside())
	if p := shownRow(t, m, st, sku); !p.ReorderPointManual || p.ReorderPoint != 40 {
		t.Errorf("once the editor closed, the row should show bob's 40: %+v", p)
	}
}

func TestSavingOverAnotherProcessesChangeAsksFirst(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	press(t, m, "down", "down")
	sku := currentSKU(m)
	setAs(t, other, "bob", sku, model.FieldReorderPoint, "40")
	enterValue(t, m, "e", "55")
	if m.confirm == nil {
		t.Fatalf("no question after saving over bob's change; status %q", m.message)
	}
	q := m.confirm.question
	for _, want := range []string{sku, "reorder point is 40 now", "set by bob", "Save 55 over it?"} {
		if !strings.Contains(q, want) {
			t.Errorf("question %q should contain %q", q, want)
		}
	}
	if p := policyOf(t, st, sku); p.ReorderPoint != 40 {
		t.Fatalf("stored %d before the answer, want bob's 40", p.ReorderPoint)
	}
	if p := shownRow(t, m, st, sku); p.ReorderPoint != 40 {
		t.Errorf("the row should show what is stored now (40), shows %d", p.ReorderPoint)
	}
	if s := screen(m); !strings.Contains(s, "Save 55 over it?") {
		t.Errorf("the status bar should ask:\n%s", s)
	}
	press(t, m, "y")
	if p := policyOf(t, st, sku); !p.Manual || p.ReorderPoint != 55 {
		t.Fatalf("after y: %+v, want 55", p)
	}
	// bob's change, shown in the question and saved over, is not news
	saved := m.message
	run(t, m, m.checkOutside())
	if m.message != saved {
		t.Errorf("after saving over bob's change the dashboard says %q", m.message)
	}
	log, _ := st.AuditLog(context.Background(), 1)
	if e := log[0]; e.Who != "alice" || e.Old != "40" || e.New != "55" {
		t.Errorf("audit %+v: want alice 40 → 55", e)
	}
	// the overwrite is its own undo step, back to bob's value
	press(t, m, "u")
	if p := policyOf(t, st, sku); p.ReorderPoint != 40 {
		t.Errorf("undo of the overwrite: %d, want bob's 40", p.ReorderPoint)
	}
}

func TestBulkEditWithAConflictIsAllOrNothing(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	press(t, m, "down", "down")
	first, second := markTwoRows(t, m)
	setAs(t, other, "bob", second, model.FieldReorderPoint, "40")
	enterValue(t, m, "e", "30")
	if m.confirm == nil || !strings.Contains(m.confirm.question, "1 of 2 SKUs") || !strings.Contains(m.confirm.question, "Save 30 over all 2?") {
		t.Fatalf("question %v, want one naming 1 of 2 SKUs", m.confirm)
	}
	press(t, m, "n")
	if p := policyOf(t, st, first); p.Manual {
		t.Errorf("%s saved as %d though the edit was refused", first, p.ReorderPoint)
	}
	if p := policyOf(t, st, second); p.ReorderPoint != 40 {
		t.Errorf("%s is %d, want bob's 40", second, p.ReorderPoint)
	}
}

func TestUndoLeavesAnotherProcessesChangeAndSaysWho(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	press(t, m, "down", "down")
	sku := currentSKU(m)
	enterValue(t, m, "e", "30")
	setAs(t, other, "bob", sku, model.FieldReorderPoint, "50")
	press(t, m, "u")
	if p := policyOf(t, st, sku); p.ReorderPoint != 50 {
		t.Fatalf("undo wrote over bob's change: %+v", p)
	}
	for _, want := range []string{"Not undone", sku + "'s reorder point is 50 now", "set by bob"} {
		if !strings.Contains(m.message, want) {
			t.Errorf("status %q should contain %q", m.message, want)
		}
	}
	if !m.messageErr {
		t.Error("a refused undo should read as an error")
	}
	press(t, m, "u")
	if m.message != "Nothing to undo" {
		t.Errorf("the refused step should leave the stack: %q", m.message)
	}
}

func TestUndoOfABulkEditUndoesWhatIsStillItsOwn(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	press(t, m, "down", "down")
	first, second := markTwoRows(t, m)
	enterValue(t, m, "e", "30")
	setAs(t, other, "bob", second, model.FieldReorderPoint, "50")
	press(t, m, "u")
	if m.confirm == nil || !strings.Contains(m.confirm.question, "1 of 2 values") || !strings.Contains(m.confirm.question, "Undo the other 1") {
		t.Fatalf("question %v", m.confirm)
	}
	press(t, m, "y")
	if p := policyOf(t, st, first); p.Manual {
		t.Errorf("%s still manual %d after undo", first, p.ReorderPoint)
	}
	if p := policyOf(t, st, second); p.ReorderPoint != 50 {
		t.Errorf("%s is %d, want bob's 50 left alone", second, p.ReorderPoint)
	}
}

func TestSaveWaitsForAnotherProcessesLockAndIsNotDropped(t *testing.T) {
	m, st, _, lock := waitingOnALock(t)
	sku := currentSKU(m)
	rest := saveWaiting(t, m, "e", "44") // the save runs until it finds the lock
	if m.message != waitingText || !m.saving {
		t.Errorf("status %q while waiting", m.message)
	}
	if s := screen(m); !strings.Contains(s, "Waiting for another process") {
		t.Errorf("the status bar should say it waits:\n%s", s)
	}
	// quitting asks first; any other key keeps waiting; a second ctrl+c quits
	if _, c := m.Update(keyMsg("ctrl+c")); c != nil || m.confirm == nil || !strings.Contains(m.confirm.question, "not saved yet") {
		t.Fatalf("ctrl+c while waiting should ask: %v", m.confirm)
	}
	m.Update(keyMsg("n"))
	if m.confirm != nil || !m.lockWaiting {
		t.Fatal("n should keep waiting")
	}
	m.Update(keyMsg("q"))
	if _, c := m.Update(keyMsg("ctrl+c")); !quits(c) {
		t.Error("a second ctrl+c should quit")
	}
	m.confirm = nil
	if p := policyOf(t, st, sku); p.Manual {
		t.Fatal("saved while another process held the lock")
	}
	lock.Commit() // the other process finishes
	run(t, m, rest)
	if p := policyOf(t, st, sku); !p.Manual || p.ReorderPoint != 44 {
		t.Errorf("after the lock freed: %+v, want 44", p)
	}
	if m.lockWaiting || m.saving || !strings.Contains(m.message, "set to 44") {
		t.Errorf("status %q after the save", m.message)
	}
}

func TestSettingsSaveOverAnotherProcessesChangeAsksAndUndoRefuses(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	toSetting(t, m, "review_days")
	setSettingAs(t, other, "bob", "review_days", "14")
	enterValue(t, m, "enter", "10")
	if m.confirm == nil || !strings.Contains(m.confirm.question, "review_days is 14 days now") ||
		!strings.Contains(m.confirm.question, "set by bob") || !strings.Contains(m.confirm.question, "Save 10 days over it?") {
		t.Fatalf("question %v", m.confirm)
	}
	press(t, m, "y")
	if got := storedSettings(t, st).ReviewDays; got != 10 {
		t.Fatalf("review_days %d after y, want 10", got)
	}
	setSettingAs(t, other, "bob", "review_days", "12")
	press(t, m, "u")
	if got := storedSettings(t, st).ReviewDays; got != 12 {
		t.Errorf("undo wrote over bob's 12: %d", got)
	}
	if !strings.Contains(m.message, "Not undone") || !strings.Contains(m.message, "bob") {
		t.Errorf("status %q", m.message)
	}
}

func TestUndoAfterADraftOrderTookTheQuantityNamesThisDashboard(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	sku := m.reorder.currentRow().Item.Product.SKU
	enterValue(t, m, "e", "120")
	if p := policyOf(t, st, sku); !p.HasOrderQty || p.OrderQty != 120 {
		t.Fatalf("order quantity %+v, want 120", p)
	}
	press(t, m, "o", "y") // the draft order takes the quantity
	if p := policyOf(t, st, sku); p.HasOrderQty {
		t.Fatalf("the draft order left the order quantity %d", p.OrderQty)
	}
	press(t, m, "u")
	if !strings.Contains(m.message, "Not undone") || !strings.Contains(m.message, "set by this dashboard") ||
		strings.Contains(m.message, "another process") {
		t.Errorf("status %q: want a refusal naming this dashboard", m.message)
	}
	if p := policyOf(t, st, sku); p.HasOrderQty {
		t.Errorf("undo put back %d on a SKU already on a draft order", p.OrderQty)
	}
}

func TestFullReloadWaitsForRunningForecasts(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	setSettingAs(t, other, "carol", "review_days", "14")
	m.forecast = forecastJob{running: true, total: 10} // forecasts of the old snapshot under way
	run(t, m, m.checkOutside())
	if got := m.snap.Catalogue.Settings.ReviewDays; got != 7 {
		t.Fatalf("reloaded under running forecasts: review_days %d", got)
	}
	if !strings.HasSuffix(m.message, "reloading once the forecasts running now are done") {
		t.Errorf("status %q should say the reload waits", m.message)
	}
	m.forecast = forecastJob{} // done
	press(t, m, "down")
	if got := m.snap.Catalogue.Settings.ReviewDays; got != 14 {
		t.Errorf("after the forecasts: review_days %d, want carol's 14", got)
	}
}

func TestSavingTheStoredValueLeavesNothingToUndo(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	press(t, m, "down", "down")
	sku := currentSKU(m)
	press(t, m, "e")
	clearInput(t, m)
	typeText(t, m, "a") // automatic, as it is
	press(t, m, "enter")
	if want := "Reorder point of " + sku + " is already automatic: nothing changed"; m.message != want {
		t.Errorf("status %q, want %q", m.message, want)
	}
	if log, _ := st.AuditLog(context.Background(), 5); len(log) != 0 {
		t.Errorf("an unchanged value wrote audit rows: %+v", log)
	}
	press(t, m, "u")
	if m.message != "Nothing to undo" {
		t.Errorf("u after an unchanged save: %q", m.message)
	}
}
