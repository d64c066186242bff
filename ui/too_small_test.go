package ui

import (
	"context"
	"strings"
	"testing"

	"stockroom/model"

	tea "charm.land/bubbletea/v2"
)

// At 40×10 the dashboard shows only "Stockroom needs at least 50×10"; keys
// typed at that page acted on the pane behind it: e 5 enter saved a
// reorder point nobody could see.
func TestKeysDoNothingBehindTheTooSmallPage(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 10})
	sku := currentSKU(m)
	before := policyOf(t, st, sku)
	press(t, m, "e", "5", "enter", "3", "down", "space", "o", "y", "/", "x", ",", "?", "6", "enter", "t", "y")
	if m.mode != modeNormal || m.tab != stockTab || m.confirm != nil || m.saving {
		t.Errorf("keys acted behind the page: mode %d, tab %d, confirm %v", m.mode, m.tab, m.confirm)
	}
	if p := policyOf(t, st, sku); p != before {
		t.Errorf("%s's policy changed behind the page: %+v → %+v", sku, before, p)
	}
	if s := screen(m); !strings.Contains(s, "needs at least 50×10") {
		t.Errorf("not the too-small page:\n%s", s)
	}
	m.Update(tea.PasteMsg{Content: "99"})
	if _, cmd := m.Update(keyMsg("q")); !quits(cmd) {
		t.Error("q on the too-small page does not quit, as the page says it does")
	}
	if _, cmd := m.Update(keyMsg("ctrl+c")); !quits(cmd) {
		t.Error("ctrl+c does not quit")
	}
}

// Whatever was open when the terminal shrank stays as it was: an editor
// keeps its text, a question is not answered, until the page is gone.
func TestShrinkingKeepsEditorAndQuestion(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	sku := currentSKU(m)
	before := policyOf(t, st, sku)
	press(t, m, "e")
	typeText(t, m, "12")
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 10})
	press(t, m, "5", "backspace", "enter", "esc")
	m.Update(tea.PasteMsg{Content: "7"})
	if m.mode != modeEdit || m.input.Value() != "12" {
		t.Errorf("the editor took keys behind the page: mode %d, text %q", m.mode, m.input.Value())
	}
	if p := policyOf(t, st, sku); p != before {
		t.Errorf("saved behind the page: %+v", p)
	}
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	press(t, m, "esc", "3")
	if len(m.reorder.table.index) == 0 {
		t.Fatal("the reorder pane has no rows")
	}
	press(t, m, "o")
	if m.confirm == nil {
		t.Fatal("o asked nothing")
	}
	orders := func() int {
		o, err := st.PurchaseOrders(context.Background(), model.POFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(o)
	}
	n := orders()
	m.Update(tea.WindowSizeMsg{Width: 30, Height: 200})
	press(t, m, "y", "enter")
	if m.confirm == nil || m.saving || orders() != n {
		t.Errorf("y behind the page answered the question: confirm %v, %d orders, %d before", m.confirm, orders(), n)
	}
}
