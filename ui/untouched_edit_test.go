package ui

import (
	"context"
	"strings"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// Round 2 of issue 12: a bulk editor opened showing "auto", so enter
// without typing reset every marked SKU to automatic (Stock e; Reorder M,
// c, v likewise); and on the Reorder pane e enter saved the suggestion as
// the PM's own quantity. A bulk editor now opens on the SKUs' common value,
// or empty saying the values differ; enter on a field nobody changed saves
// nothing, in every editor.

// markTwo marks the cursor row and the next on the stock pane and gives
// both SKUs, through another process, the same field's values.
func markTwo(t *testing.T, m *Model, st *store.Store, field model.PolicyField, a, b string) (string, string) {
	t.Helper()
	other := otherProcess(t, st)
	first, second := markTwoRows(t, m)
	setAs(t, other, "bob", first, field, a)
	setAs(t, other, "bob", second, field, b)
	run(t, m, m.checkOutside())
	if !strings.Contains(m.message, "reloaded") {
		t.Fatalf("bob's values were not reloaded: %q", m.message)
	}
	return first, second
}

// markTwoRows marks the cursor row and the next on the stock pane, leaving
// the cursor below them, and gives their SKUs.
func markTwoRows(t *testing.T, m *Model) (first, second string) {
	t.Helper()
	first = currentSKU(m)
	press(t, m, "space")
	second = currentSKU(m)
	press(t, m, "space")
	return first, second
}

func TestStockBulkEditOpensOnTheCommonValueAndEnterSavesNothing(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	first, second := markTwo(t, m, st, model.FieldReorderPoint, "44", "44")
	press(t, m, "e")
	if m.input.Value() != "44" || !m.input.Selected() {
		t.Fatalf("two SKUs at 44 should open on 44, selected: %q", m.input.Value())
	}
	press(t, m, "enter")
	for _, sku := range []string{first, second} {
		if p := policyOf(t, st, sku); !p.Manual || p.ReorderPoint != 44 {
			t.Errorf("%s after e enter: %+v, want the manual 44 kept", sku, p)
		}
	}
	if m.mode != modeNormal || !strings.HasPrefix(m.message, "Nothing changed") {
		t.Errorf("enter on an untouched field: mode %v, message %q", m.mode, m.message)
	}
	if log, _ := st.AuditLog(context.Background(), 10); len(log) != 2 { // bob's two
		t.Errorf("%d audit rows, want only bob's 2", len(log))
	}
	// typing still saves for both
	enterValue(t, m, "e", "50")
	for _, sku := range []string{first, second} {
		if p := policyOf(t, st, sku); p.ReorderPoint != 50 {
			t.Errorf("%s: %+v, want 50", sku, p)
		}
	}
}

func TestStockBulkEditOfDifferentValuesOpensEmptyAndSaysSo(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	first, second := markTwo(t, m, st, model.FieldReorderPoint, "44", "31")
	// the filter hides the first marked SKU: the prompt says so
	press(t, m, "/")
	typeText(t, m, second)
	press(t, m, "enter", "e")
	if m.input.Value() != "" || m.input.Placeholder != "values differ" {
		t.Fatalf("44 and 31 should open empty, saying they differ: %q (%q)", m.input.Value(), m.input.Placeholder)
	}
	if s := screen(m); !strings.Contains(s, "[mixed") || strings.Contains(s, "[value") {
		t.Errorf("the narrow cell should say mixed, not the cut placeholder \"value\":\n%s", s)
	}
	line := lastLine(screen(m))
	for _, want := range []string{"Reorder point for 2 marked SKUs, 1 hidden by the filter", "values differ"} {
		if !strings.Contains(line, want) {
			t.Errorf("status bar %q lacks %q", line, want)
		}
	}
	press(t, m, "enter")
	if p := policyOf(t, st, first); p.ReorderPoint != 44 || !p.Manual {
		t.Errorf("%s: %+v, want 44 kept", first, p)
	}
	if p := policyOf(t, st, second); p.ReorderPoint != 31 || !p.Manual {
		t.Errorf("%s: %+v, want 31 kept", second, p)
	}
	// typed and emptied again: still nothing, as the field opened empty
	press(t, m, "e")
	typeText(t, m, "7")
	press(t, m, "backspace", "enter")
	if p := policyOf(t, st, first); !p.Manual {
		t.Errorf("an emptied 'values differ' field set %s automatic", first)
	}
	// a says automatic for all of them
	press(t, m, "e", "a", "enter")
	for _, sku := range []string{first, second} {
		if p := policyOf(t, st, sku); p.Manual {
			t.Errorf("%s after e a enter: %+v, want automatic", sku, p)
		}
	}
}

func TestReorderBulkFieldEditorsKeepTheSharedValue(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	other := otherProcess(t, st)
	var skus []string
	for len(skus) < 2 {
		if r := m.reorder.currentRow(); r != nil {
			skus = append(skus, r.Item.Product.SKU)
			press(t, m, "space")
		} else {
			press(t, m, "down")
		}
	}
	for _, sku := range skus {
		setAs(t, other, "bob", sku, model.FieldMOQ, "15")
		setAs(t, other, "bob", sku, model.FieldCasePack, "6")
		setAs(t, other, "bob", sku, model.FieldServiceLevel, "0.975")
	}
	run(t, m, m.checkOutside())
	for _, c := range []struct {
		key, opens string
	}{{"M", "15"}, {"c", "6"}, {"v", "97.5%"}} {
		press(t, m, c.key)
		if m.input.Value() != c.opens {
			t.Errorf("%s should open on the shared %s: %q", c.key, c.opens, m.input.Value())
		}
		press(t, m, "enter")
		if !strings.HasPrefix(m.message, "Nothing changed") {
			t.Errorf("%s enter: %q", c.key, m.message)
		}
	}
	for _, sku := range skus {
		it := itemOf(t, st, sku)
		if it.Product.MOQ != 15 || it.Product.CasePack != 6 || it.Policy.ServiceLevel != 0.975 {
			t.Errorf("%s: MOQ %d, case pack %d, service level %v; want 15, 6, 0.975 kept",
				sku, it.Product.MOQ, it.Product.CasePack, it.Policy.ServiceLevel)
		}
	}
	// different MOQs: the field opens empty, and enter keeps both
	setAs(t, other, "bob", skus[1], model.FieldMOQ, "20")
	run(t, m, m.checkOutside())
	press(t, m, "M")
	if m.input.Value() != "" || m.input.Placeholder != "values differ" {
		t.Errorf("MOQs 15 and 20 should open empty: %q (%q)", m.input.Value(), m.input.Placeholder)
	}
	press(t, m, "enter")
	if a, b := itemOf(t, st, skus[0]).Product.MOQ, itemOf(t, st, skus[1]).Product.MOQ; a != 15 || b != 20 {
		t.Errorf("MOQs %d and %d, want 15 and 20 kept", a, b)
	}
}

// e enter on the Reorder pane left the row following the plan no more: it
// saved the suggestion as the PM's own quantity.
func TestReorderQuantityEnterWithoutTypingKeepsFollowingThePlan(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	sku := m.reorder.currentRow().Item.Product.SKU
	press(t, m, "e", "enter")
	if p := itemOf(t, st, sku).Policy; p.HasOrderQty {
		t.Errorf("e enter saved an own quantity of %d", p.OrderQty)
	}
	if !strings.HasPrefix(m.message, "Nothing changed: the order quantity of "+sku) {
		t.Errorf("message %q", m.message)
	}
	// cursor keys alone change nothing either
	press(t, m, "e", "left", "home", "enter")
	if p := itemOf(t, st, sku).Policy; p.HasOrderQty {
		t.Errorf("e ← home enter saved an own quantity of %d", p.OrderQty)
	}
}

func TestRiskAndPOLineEditorsSaveNothingUntouched(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "5", "m", "enter")
	if len(m.risk.whatIf) != 0 {
		t.Errorf("m enter set what-ifs %v", m.risk.whatIf)
	}
	m, st, l := openFixturePOLines(t)
	before := itemOf(t, st, l.SKU).OnHand
	press(t, m, "e", "enter")
	if !strings.HasPrefix(m.message, "Nothing changed") {
		t.Errorf("PO line e enter: %q", m.message)
	}
	press(t, m, "r", "enter")
	if got := itemOf(t, st, l.SKU).OnHand; got != before {
		t.Errorf("r enter received %d units", got-before)
	}
	if !strings.HasPrefix(m.message, "Nothing received") {
		t.Errorf("PO line r enter: %q", m.message)
	}
	if log, _ := st.AuditLog(context.Background(), 10); len(log) != 0 {
		t.Errorf("untouched PO line editors wrote %d audit rows", len(log))
	}
}
