package ui

import (
	"slices"
	"strings"
	"testing"
)

// overviewItemOn is the position in the overview's lists of the first SKU
// of a list that sits at least at index position min on its pane's
// unfiltered table, with that SKU.
func overviewItemOn(t *testing.T, m *Model, list int, pane *pane, min int) (int, string) {
	t.Helper()
	for k, it := range m.overview.items() {
		if it.list != list {
			continue
		}
		id := m.snap.Rows[it.row].Item.Product.ID
		pos := slices.IndexFunc(pane.table.index, func(r int) bool { return r >= 0 && m.productOf(pane.tab, r) == id })
		if pos >= min {
			return k, m.snap.Rows[it.row].Item.Product.SKU
		}
	}
	t.Fatalf("no SKU of list %d below position %d", list, min)
	return 0, ""
}

// enter on an overview SKU that the target pane's filter hides said
// nothing, and the jump stayed pending: clearing the filter later threw
// the cursor onto that SKU.
func TestOverviewJumpToAFilteredOutSKU(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "3") // the reorder pane queried once, unfiltered
	k, sku := overviewItemOn(t, m, 0, &m.reorder.pane, 4)
	press(t, m, "/")
	typeText(t, m, "zzz")
	press(t, m, "enter", "1", "g")
	for range k {
		press(t, m, "down")
	}
	press(t, m, "enter")
	if m.tab != reorderTab {
		t.Fatalf("enter opened tab %d", m.tab)
	}
	if m.jump != nil {
		t.Errorf("the jump to %s is still pending", sku)
	}
	msg := m.message
	for _, want := range []string{sku, `filter "zzz"`, "esc"} {
		if !strings.Contains(msg, want) {
			t.Errorf("status %q does not say %q", msg, want)
		}
	}
	if s := screen(m); !strings.Contains(s, sku) {
		t.Errorf("the status bar does not show the message:\n%s", s)
	}
	press(t, m, "j", "j", "esc")
	if r := m.reorder.currentRow(); r != nil && r.Item.Product.SKU == sku {
		t.Errorf("clearing the filter later still jumped to %s", sku)
	}
}

// A jump whose pane is still sorting lands when the rows come; a key
// pressed meanwhile takes the cursor back, so the jump never lands later.
func TestOverviewJumpCancelledByAKey(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "5") // the risk pane's view is built
	k, sku := overviewItemOn(t, m, 1, &m.risk.pane, 3)
	press(t, m, "1", "g")
	for range k {
		press(t, m, "down")
	}
	m.risk.stale, m.risk.table.index = true, nil // its rows are sorted again when shown
	_, cmd := m.Update(keyMsg("enter"))
	if m.jump == nil {
		t.Fatal("the jump did not wait for the risk pane's rows")
	}
	press(t, m, "down")
	run(t, m, cmd)
	if m.jump != nil {
		t.Error("a key did not end the pending jump")
	}
	if r := m.risk.currentRow(); r != nil && r.Item.Product.SKU == sku {
		t.Errorf("the jump to %s landed after a key", sku)
	}

	// without a key in between it lands
	press(t, m, "1")
	m.risk.stale, m.risk.table.index = true, nil
	_, cmd = m.Update(keyMsg("enter"))
	run(t, m, cmd)
	if r := m.risk.currentRow(); r == nil || r.Item.Product.SKU != sku {
		t.Errorf("the jump landed on %v, want %s", r, sku)
	}
}
