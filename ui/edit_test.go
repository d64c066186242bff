package ui

import (
	"context"
	"strings"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// policyOf reads a SKU's saved policy straight from the catalogue file.
func policyOf(t *testing.T, st *store.Store, sku string) model.Policy {
	t.Helper()
	return itemOf(t, st, sku).Policy
}

func currentSKU(m *Model) string { return m.stock.currentRow().Item.Product.SKU }

func TestEditReorderPointSavesAuditsAndUndoes(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	press(t, m, "down", "down")
	sku := currentSKU(m)
	if policyOf(t, st, sku).Manual {
		t.Fatal("fixture row should start automatic")
	}
	press(t, m, "e")
	if m.mode != modeEdit {
		t.Fatal("e did not open the editor")
	}
	typeText(t, m, "40")
	if s := screen(m); !strings.Contains(s, "Reorder point for "+sku) {
		t.Errorf("status bar should show the editor:\n%s", s)
	}
	press(t, m, "enter")
	if p := policyOf(t, st, sku); !p.Manual || p.ReorderPoint != 40 {
		t.Fatalf("saved policy %+v, want manual 40", p)
	}
	log, err := st.AuditLog(context.Background(), 5)
	if err != nil || len(log) != 1 {
		t.Fatalf("audit %v %v", log, err)
	}
	if e := log[0]; e.EntityID != sku || e.Field != "reorder_point" || e.Old != "auto" || e.New != "40" {
		t.Errorf("audit row %+v", e)
	}
	if r := m.stock.snap.Rows[m.stock.snap.RowOf(m.stock.snap.Rows[0].Item.Product.ID)]; r == nil {
		t.Fatal("snapshot lost rows")
	}
	if s := screen(m); !strings.Contains(s, "40 m") || !strings.Contains(s, "set to 40 (manual)") {
		t.Errorf("screen should show the manual value and a confirmation:\n%s", s)
	}

	press(t, m, "u")
	if p := policyOf(t, st, sku); p.Manual {
		t.Errorf("undo left %+v", p)
	}
	log, _ = st.AuditLog(context.Background(), 5)
	if len(log) != 2 || log[0].Old != "40" || log[0].New != "auto" {
		t.Errorf("undo audit %+v", log)
	}
	if s := screen(m); !strings.Contains(s, "Undone") {
		t.Errorf("no undo message:\n%s", s)
	}
	press(t, m, "u")
	if s := screen(m); !strings.Contains(s, "Nothing to undo") {
		t.Errorf("second undo should say nothing to undo")
	}
}

func TestEditRejectsBadInputAndKeepsOldValue(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	sku := currentSKU(m)
	enterValue(t, m, "e", "1x")
	if m.mode != modeEdit {
		t.Error("editor should stay open after bad input")
	}
	if s := screen(m); !strings.Contains(s, "reorder_point=1x: not a number") {
		t.Errorf("no error message:\n%s", s)
	}
	press(t, m, "esc")
	if m.mode != modeNormal || policyOf(t, st, sku).Manual {
		t.Error("esc should cancel and leave the value alone")
	}
	if log, _ := st.AuditLog(context.Background(), 5); len(log) != 0 {
		t.Errorf("audit rows after a cancelled edit: %v", log)
	}
}

func TestEditBackToAutomatic(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	// SKU-010 has a manual reorder point of 77 in the fixture
	press(t, m, "/")
	typeText(t, m, "sku-010")
	press(t, m, "enter", "e")
	if m.input.Value() != "77" {
		t.Errorf("editor should start from the manual value, got %q", m.input.Value())
	}
	press(t, m, "a")
	if m.input.Value() != "auto" {
		t.Errorf("a should mean automatic, field is %q", m.input.Value())
	}
	press(t, m, "enter")
	if p := policyOf(t, st, "SKU-010"); p.Manual {
		t.Errorf("still manual: %+v", p)
	}
}

func TestBulkEditMarkedRows(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	var skus []string
	for range 3 {
		skus = append(skus, currentSKU(m))
		press(t, m, "space") // marks and moves down
	}
	if s := screen(m); !strings.Contains(s, "3 marked") || strings.Count(s, "●") != 3 {
		t.Errorf("marks not shown:\n%s", s)
	}
	// a filter that hides a marked row does not unmark it
	press(t, m, "/")
	typeText(t, m, skus[0])
	press(t, m, "enter")
	if len(m.stock.table.index) != 1 || !strings.Contains(screen(m), "3 marked") {
		t.Fatalf("filter to one row: %d rows", len(m.stock.table.index))
	}
	enterValue(t, m, "e", "12")
	for _, sku := range skus {
		if p := policyOf(t, st, sku); !p.Manual || p.ReorderPoint != 12 {
			t.Errorf("%s: %+v", sku, p)
		}
	}
	log, _ := st.AuditLog(context.Background(), 10)
	if len(log) != 3 || log[0].At != log[2].At {
		t.Errorf("want 3 audit rows of one transaction, got %+v", log)
	}
	if len(m.stock.table.marked) != 0 {
		t.Error("marks should clear after a bulk edit")
	}
	press(t, m, "u")
	for _, sku := range skus {
		if p := policyOf(t, st, sku); p.Manual {
			t.Errorf("%s not undone: %+v", sku, p)
		}
	}
}
