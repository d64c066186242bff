package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/store"
)

// Issue 12: every editor opened holding the current value and appended
// what was typed (252 and a typed 300 saved 252300). These tests drive each
// editor key by key: it opens with the value selected, typing replaces it,
// and the saved value is read back from the catalogue file.

// onSKU010 filters the stock pane to SKU-010, whose reorder point the
// fixture sets by hand to 77, and opens its editor.
func onSKU010(t *testing.T) (*Model, *store.Store) {
	t.Helper()
	m, st := newTestModel(t, 160, 45)
	press(t, m, "/")
	typeText(t, m, "sku-010")
	press(t, m, "enter", "e")
	if m.mode != modeEdit || m.input.Value() != "77" {
		t.Fatalf("the editor should open holding 77, got mode %v %q", m.mode, m.input.Value())
	}
	return m, st
}

const reverseVideo = "\x1b[7m"

func TestStockEditTypesOverTheValue(t *testing.T) {
	m, st := onSKU010(t)
	if !strings.Contains(m.input.View(), reverseVideo+"77") {
		t.Errorf("the value should be shown selected (reverse video): %q", m.input.View())
	}
	// in the cursor row, itself in reverse video, the field is drawn plain
	// so the selection shows, and the row's highlight resumes after it
	var row string
	for _, l := range strings.Split(m.render(), "\n") {
		if strings.Contains(l, "▶ SKU-010") {
			row = l
		}
	}
	if !strings.Contains(row, "\x1b[m["+reverseVideo+"77\x1b[m") || !strings.Contains(row, "]\x1b[1;7m") {
		t.Errorf("the cursor row should show the field plain with 77 selected: %q", row)
	}
	typeText(t, m, "9")
	if m.input.Value() != "9" {
		t.Fatalf("typing 9 over 77 left %q, want 9", m.input.Value())
	}
	press(t, m, "enter")
	if p := policyOf(t, st, "SKU-010"); !p.Manual || p.ReorderPoint != 9 {
		t.Errorf("saved %+v, want a manual reorder point of 9 (not 779)", p)
	}
}

func TestEditCursorKeysDropTheSelectionThenTypingInserts(t *testing.T) {
	for _, c := range []struct {
		keys []string
		want string
	}{
		{[]string{"left", "0"}, "707"},
		{[]string{"home", "1"}, "177"},
		{[]string{"right", "5"}, "775"},
		{[]string{"end", "5", "0"}, "7750"},
		{[]string{"home", "right", "backspace", "4"}, "47"}, // once unselected, backspace deletes one
	} {
		m, st := onSKU010(t)
		for _, k := range c.keys {
			press(t, m, k)
			if k == "left" || k == "home" || k == "right" || k == "end" {
				if m.input.Selected() || strings.Contains(m.input.View(), reverseVideo) {
					t.Errorf("%v: %s should drop the selection", c.keys, k)
				}
			}
		}
		if m.input.Value() != c.want {
			t.Errorf("%v: field %q, want %q", c.keys, m.input.Value(), c.want)
		}
		press(t, m, "enter")
		if m.confirm != nil {
			press(t, m, "y") // 7,750 is implausible for this SKU
		}
		if p := policyOf(t, st, "SKU-010"); strconv.Itoa(p.ReorderPoint) != c.want {
			t.Errorf("%v: saved %d, want %s", c.keys, p.ReorderPoint, c.want)
		}
	}
}

func TestEditBackspaceOrDeleteClearsTheSelection(t *testing.T) {
	for _, k := range []string{"backspace", "delete"} {
		m, st := onSKU010(t)
		press(t, m, k)
		if m.input.Value() != "" {
			t.Errorf("%s on the selected 77 left %q, want an empty field", k, m.input.Value())
		}
		typeText(t, m, "5")
		press(t, m, "enter")
		if p := policyOf(t, st, "SKU-010"); !p.Manual || p.ReorderPoint != 5 {
			t.Errorf("%s then 5: saved %+v", k, p)
		}
	}
	// cleared and saved empty: back to automatic, as a field shows "auto"
	m, st := onSKU010(t)
	press(t, m, "backspace", "enter")
	if p := policyOf(t, st, "SKU-010"); p.Manual {
		t.Errorf("an emptied field should save automatic, got %+v", p)
	}
}

func TestEditPasteReplacesTheSelection(t *testing.T) {
	m, st := onSKU010(t)
	m.Update(tea.PasteMsg{Content: "1,200"})
	if m.input.Value() != "1,200" {
		t.Fatalf("paste over 77 left %q", m.input.Value())
	}
	// once the selection is gone a paste inserts at the cursor
	press(t, m, "home")
	m.Update(tea.PasteMsg{Content: "1"})
	if m.input.Value() != "11,200" {
		t.Errorf("paste at the start left %q", m.input.Value())
	}
	press(t, m, "backspace", "enter") // 1,200 again
	if p := policyOf(t, st, "SKU-010"); p.ReorderPoint != 1200 {
		t.Errorf("saved %+v, want 1200", p)
	}
}

func TestEditAutoIsReplacedByTyping(t *testing.T) {
	m, st := onSKU010(t)
	press(t, m, "a")
	if m.input.Value() != "auto" || !m.input.Selected() {
		t.Fatalf("a should show auto selected, got %q selected %v", m.input.Value(), m.input.Selected())
	}
	typeText(t, m, "12")
	press(t, m, "enter")
	if p := policyOf(t, st, "SKU-010"); p.ReorderPoint != 12 {
		t.Errorf("saved %+v, want 12", p)
	}
	// an automatic row opens empty with the placeholder; typing fills it
	press(t, m, "esc", "down", "e")
	if m.input.Value() != "" || m.input.Placeholder != "auto" {
		t.Errorf("automatic row: field %q placeholder %q", m.input.Value(), m.input.Placeholder)
	}
}

// TestEditRefusesWhatItCannotReadAndKeepsIt: no silent truncation (a
// 10th digit was dropped), no stripped commas (4,0 saved 40, 1,2,3 123).
func TestEditRefusesWhatItCannotReadAndKeepsIt(t *testing.T) {
	for _, c := range []struct{ typed, msg string }{
		{"1000000000", "reorder_point=1000000000: out of range: want 0 to 10,000,000 units"},
		{"10,000,001", "out of range: want 0 to 10,000,000 units"},
		{"4,0", "reorder_point=4,0: use a point for decimals: 4.0"},
		{"1,2,3", "commas go between groups of three digits"},
		{"12,00", "use a point for decimals: 12.00"},
		{"ten", "reorder_point=ten: not a number"},
		{"-5", "out of range"},
	} {
		m, st := onSKU010(t)
		typeText(t, m, c.typed)
		press(t, m, "enter")
		if m.mode != modeEdit || m.input.Value() != c.typed {
			t.Errorf("%s: the editor should stay open with what was typed: mode %v %q", c.typed, m.mode, m.input.Value())
		}
		if s := screen(m); !strings.Contains(s, c.msg) {
			t.Errorf("%s: the status bar should say %q:\n%s", c.typed, c.msg, lastLine(s))
		}
		if p := policyOf(t, st, "SKU-010"); p.ReorderPoint != 77 {
			t.Errorf("%s: saved %d", c.typed, p.ReorderPoint)
		}
	}
	// the whole range is reachable: 10,000,000 saves (after y: it is
	// implausible for this SKU)
	m, st := onSKU010(t)
	typeText(t, m, "10,000,000")
	press(t, m, "enter", "y")
	if p := policyOf(t, st, "SKU-010"); p.ReorderPoint != 10_000_000 {
		t.Errorf("10,000,000 saved %d", p.ReorderPoint)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestReorderQuantityEditorTypesOver(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	r := m.reorder.currentRow()
	sku, suggested := r.Item.Product.SKU, r.Plan.SuggestedQty
	if suggested <= 2 {
		t.Fatalf("the first row should suggest more than 2, got %d", suggested)
	}
	press(t, m, "e")
	if m.input.Value() != strconv.Itoa(suggested) || !m.input.Selected() {
		t.Fatalf("the editor should open on the suggestion %d, selected: %q", suggested, m.input.Value())
	}
	want := suggested/2 + 1
	typeText(t, m, strconv.Itoa(want))
	press(t, m, "enter")
	if m.confirm != nil {
		t.Fatalf("%d of a suggested %d should not be questioned: %s", want, suggested, m.confirm.question)
	}
	if p := itemOf(t, st, sku).Policy; !p.HasOrderQty || p.OrderQty != want {
		t.Errorf("saved %+v, want an order quantity of %d (not %d%d)", p, want, suggested, want)
	}
}

// TestReorderFieldEditorsTypeOver: L, c, M and v open on the value set,
// selected, and what is typed replaces it.
func TestReorderFieldEditorsTypeOver(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	sku := m.reorder.currentRow().Item.Product.SKU
	edit := func(key, typed, opens string) {
		t.Helper()
		press(t, m, key)
		if m.mode != modeEdit || m.input.Value() != opens || (opens != "" && !m.input.Selected()) {
			t.Fatalf("%s should open holding %q selected, got mode %v %q", key, opens, m.mode, m.input.Value())
		}
		typeText(t, m, typed)
		press(t, m, "enter")
		if m.mode != modeNormal || m.messageErr {
			t.Fatalf("%s %s: mode %v message %q", key, typed, m.mode, m.message)
		}
		if got := m.reorder.currentRow().Item.Product.SKU; got != sku {
			t.Fatalf("the cursor moved to %s", got)
		}
	}
	edit("L", "10", "")
	edit("L", "12", "10")
	edit("c", "12", "1")
	edit("M", "5", "0")
	edit("M", "48", "5")
	edit("v", "95", "")
	edit("v", "97.5", "95%")
	it := itemOf(t, st, sku)
	if it.Policy.LeadTimeDays != 12 || it.Product.CasePack != 12 || it.Product.MOQ != 48 || it.Policy.ServiceLevel != 0.975 {
		t.Errorf("saved lead time %v, case pack %d, MOQ %d, service level %v; want 12, 12, 48, 0.975",
			it.Policy.LeadTimeDays, it.Product.CasePack, it.Product.MOQ, it.Policy.ServiceLevel)
	}
	// out of range: one line naming the field and its range, editor open
	for _, c := range []struct{ key, typed, msg string }{
		{"L", "731d", "lead_time_days=731d: out of range: want above 0 to 730 days"},
		{"v", "99.95", "service_level=99.95: out of range: want 50 to 99.9 %"},
		{"c", "100001", "case_pack=100001: out of range: want 1 to 100,000 units"},
		{"M", "10,000,001", "moq=10,000,001: out of range: want 0 to 10,000,000 units"},
	} {
		enterValue(t, m, c.key, c.typed)
		if m.mode != modeEdit || m.input.Value() != c.typed || !strings.Contains(lastLine(screen(m)), c.msg) {
			t.Errorf("%s %s: mode %v %q, status %q", c.key, c.typed, m.mode, m.input.Value(), lastLine(screen(m)))
		}
		press(t, m, "esc")
	}
}

func TestRiskWhatIfEditorTypesOver(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "5", "/")
	typeText(t, m, "excess")
	press(t, m, "enter", "m")
	r := m.risk.currentRow()
	if m.input.Value() != "50" || !m.input.Selected() {
		t.Fatalf("m should open on the suggested 50, selected: %q", m.input.Value())
	}
	typeText(t, m, "40")
	press(t, m, "enter")
	if got := m.risk.whatIf[r.Item.Product.ID]; got != 0.4 {
		t.Errorf("what-if %v, want 0.4 (not 50.40 or 5040)", got)
	}
	enterValue(t, m, "m", "96")
	if m.mode != modeEdit || !strings.Contains(lastLine(screen(m)), "markdown 96: out of range: want 0 to 95 %") {
		t.Errorf("96 %%: mode %v status %q", m.mode, lastLine(screen(m)))
	}
}

func TestSettingsEditorTypesOver(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	toSetting(t, m, "holding_rate")
	press(t, m, "enter")
	if m.input.Value() != "25" || !m.input.Selected() {
		t.Fatalf("the setting should open on 25, selected: %q", m.input.Value())
	}
	typeText(t, m, "30")
	press(t, m, "enter")
	if got := storedSettings(t, st).HoldingRate; got != 0.3 {
		t.Fatalf("holding_rate %v, want 0.3 (not 25.3)", got)
	}
	// order_cost takes the one number reader: 1,000 is a thousand, 4,0 is refused
	toSetting(t, m, "order_cost")
	enterValue(t, m, "enter", "4,0")
	if !m.settings.editing || !strings.Contains(m.message, "use a point for decimals: 4.0") {
		t.Errorf("4,0: editing %v message %q", m.settings.editing, m.message)
	}
	clearInput(t, m) // what was typed stays, unselected, after an error
	typeText(t, m, "1,000")
	press(t, m, "enter")
	if got := storedSettings(t, st).OrderCost; got != 1000 {
		t.Errorf("order_cost %v, want 1000", got)
	}
	// a share typed as a fraction by habit: the error shows it without noise
	toSetting(t, m, "service_level_a")
	enterValue(t, m, "enter", "0.99")
	if !strings.Contains(m.message, "service_level_a 0.0099:") || strings.Contains(m.message, "0.00989") {
		t.Errorf("message %q", m.message)
	}
}

// openFixturePOLines opens the lines of the first sent order the fixture
// has (one line of 24 units, none received).
func openFixturePOLines(t *testing.T) (*Model, *store.Store, model.POLine) {
	t.Helper()
	m, st := newTestModel(t, 160, 45)
	press(t, m, "6", "enter")
	if _, ok := m.suppliers.currentOrder(); !ok {
		t.Fatal("the first supplier should have orders")
	}
	press(t, m, "enter")
	if m.suppliers.screen != screenLines || len(m.suppliers.order.Lines) != 1 {
		t.Fatalf("lines screen %d with %d lines", m.suppliers.screen, len(m.suppliers.order.Lines))
	}
	l := m.suppliers.order.Lines[0]
	if l.Qty != 24 || l.ReceivedQty != 0 {
		t.Fatalf("fixture line %+v", l)
	}
	return m, st, l
}

func TestPOLineEditorsTypeOver(t *testing.T) {
	m, st, l := openFixturePOLines(t)
	press(t, m, "e")
	if m.input.Value() != "24" || !m.input.Selected() {
		t.Fatalf("e should open on 24, selected: %q", m.input.Value())
	}
	typeText(t, m, "30")
	press(t, m, "enter")
	if q := m.suppliers.order.Lines[0].Qty; q != 30 {
		t.Fatalf("line quantity %d, want 30 (not 2430)", q)
	}
	for _, c := range []struct{ typed, msg string }{
		{"4,0", "quantity 4,0: use a point for decimals: 4.0"},
		{"1000000000", "quantity 1000000000: out of range: want 0 to 10,000,000 units"},
	} {
		enterValue(t, m, "e", c.typed)
		if m.mode != modeEdit || !strings.Contains(lastLine(screen(m)), c.msg) {
			t.Errorf("%s: mode %v status %q", c.typed, m.mode, lastLine(screen(m)))
		}
		press(t, m, "esc")
	}
	before := itemOf(t, st, l.SKU).OnHand
	press(t, m, "r")
	if m.input.Value() != "30" || !m.input.Selected() {
		t.Fatalf("r should open on the outstanding 30, selected: %q", m.input.Value())
	}
	typeText(t, m, "5")
	press(t, m, "enter")
	if got := itemOf(t, st, l.SKU).OnHand; got != before+5 {
		t.Errorf("on hand %d after receiving, want %d (5, not 305)", got, before+5)
	}
	// more than is outstanding: refused in place
	enterValue(t, m, "r", "26")
	if m.mode != modeEdit || !strings.Contains(lastLine(screen(m)), "want 1 to 25, the units outstanding") {
		t.Errorf("26 of 25: mode %v status %q", m.mode, lastLine(screen(m)))
	}
}

// TestImplausibleOrderAsksFirst: the order the issue saw, 252300 for a
// suggestion of 252, asks y with units and money; any other key returns
// to the editor with the value, and y saves it.
func TestImplausibleOrderAsksFirst(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	r := m.reorder.currentRow()
	sku, suggested := r.Item.Product.SKU, r.Plan.SuggestedQty
	typed := suggested*1000 + 300
	enterValue(t, m, "e", strconv.Itoa(typed))
	if m.confirm == nil {
		t.Fatalf("%d for a suggestion of %d should ask first", typed, suggested)
	}
	money := model.CompactAmount(float64(typed) * r.Item.Product.UnitCost)
	q := m.confirm.question
	for _, want := range []string{
		"Order " + model.GroupThousands(int64(typed)) + " units (" + money + " EUR) of " + sku,
		"× the suggestion of " + strconv.Itoa(suggested),
		"years of forecast demand",
		"y saves, any other key goes back to the editor",
	} {
		if !strings.Contains(q, want) {
			t.Errorf("question %q lacks %q", q, want)
		}
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "y saves") {
		t.Errorf("the status bar should ask: %q", s)
	}
	press(t, m, "n")
	if m.confirm != nil || m.mode != modeEdit || m.input.Value() != strconv.Itoa(typed) {
		t.Fatalf("another key should go back to the editor with the value: mode %v %q", m.mode, m.input.Value())
	}
	if p := itemOf(t, st, sku).Policy; p.HasOrderQty {
		t.Fatalf("saved without y: %+v", p)
	}
	// back in the editor: fix it, or insist
	press(t, m, "enter")
	if m.confirm == nil {
		t.Fatal("enter again should ask again")
	}
	press(t, m, "y")
	if p := itemOf(t, st, sku).Policy; !p.HasOrderQty || p.OrderQty != typed {
		t.Errorf("y should save %d: %+v", typed, p)
	}
	if m.mode != modeNormal {
		t.Errorf("y should close the editor, mode %v", m.mode)
	}
	// at 80 columns the question is shortened, with its keys kept
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	enterValue(t, m, "e", strconv.Itoa(typed+1))
	if s := lastLine(screen(m)); !strings.HasPrefix(s, "y saves "+model.GroupThousands(int64(typed+1))+" (") || !strings.Contains(s, " EUR, ") || !strings.Contains(s, "× suggestion") {
		t.Errorf("80 columns: %q", s)
	}
}

func TestImplausibleBulkEditAsksOnceWithTheCount(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	var skus []string
	for range 3 {
		skus = append(skus, currentSKU(m))
		press(t, m, "space")
	}
	enterValue(t, m, "e", "5,000,000")
	if m.confirm == nil {
		t.Fatal("5,000,000 should be implausible")
	}
	q := m.confirm.question
	if !strings.Contains(q, "Reorder point 5,000,000 units for 3 SKUs") || !strings.Contains(q, "of them beyond 10× the suggestion") {
		t.Errorf("question %q", q)
	}
	press(t, m, "y")
	for _, sku := range skus {
		if p := policyOf(t, st, sku); p.ReorderPoint != 5_000_000 {
			t.Errorf("%s: %+v", sku, p)
		}
	}
	if log, _ := st.AuditLog(context.Background(), 10); len(log) != 3 {
		t.Errorf("%d audit rows, want 3", len(log))
	}
}

func TestImplausiblePOLineAsksFirst(t *testing.T) {
	m, _, _ := openFixturePOLines(t)
	enterValue(t, m, "e", "2,000,000")
	if m.confirm == nil || !strings.Contains(m.confirm.question, fmt.Sprintf("PO #%d: 2,000,000 units", m.suppliers.order.ID)) {
		t.Fatalf("question %+v", m.confirm)
	}
	press(t, m, "esc") // any other key: back to the editor
	if m.mode != modeEdit || m.suppliers.order.Lines[0].Qty != 24 {
		t.Fatalf("mode %v qty %d", m.mode, m.suppliers.order.Lines[0].Qty)
	}
	press(t, m, "esc")
	if m.mode != modeNormal {
		t.Error("esc in the editor cancels")
	}
	// lowering a line is never questioned
	enterValue(t, m, "e", "20")
	if m.confirm != nil || m.suppliers.order.Lines[0].Qty != 20 {
		t.Errorf("20: confirm %+v qty %d", m.confirm, m.suppliers.order.Lines[0].Qty)
	}
}

// A status-bar editor shows its whole placeholder and a long number
// whole, whatever cell was edited before it.
func TestStatusBarEditorShowsItsPlaceholderAndValue(t *testing.T) {
	m, _ := reorderModel(t, 160, 45)
	press(t, m, "e", "esc", "L")
	if s := lastLine(screen(m)); !strings.Contains(s, ": auto ") {
		t.Errorf("the placeholder should read auto: %q", s)
	}
	typeText(t, m, "1000000000")
	if s := lastLine(screen(m)); !strings.Contains(s, ": 1000000000 ") {
		t.Errorf("the typed number should show whole: %q", s)
	}
}

// The a of "21 days" is a letter once something is typed; at the start it
// still means the supplier's lead time.
func TestLeadTimeTakesDaysSpelledOut(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	sku := m.reorder.currentRow().Item.Product.SKU
	press(t, m, "L")
	typeText(t, m, "21 days")
	if m.input.Value() != "21 days" {
		t.Fatalf("field %q", m.input.Value())
	}
	press(t, m, "enter")
	if p := itemOf(t, st, sku).Policy; p.LeadTimeDays != 21 {
		t.Fatalf("lead time %v, want 21", p.LeadTimeDays)
	}
	press(t, m, "L", "a")
	if m.input.Value() != "auto" {
		t.Errorf("a over the selected 21 should mean the supplier's: %q", m.input.Value())
	}
	press(t, m, "enter")
	if p := itemOf(t, st, sku).Policy; p.LeadTimeDays != 0 {
		t.Errorf("lead time %v, want the supplier's", p.LeadTimeDays)
	}
}

// The status bar shows the whole value that the narrow cell scrolls.
func TestStatusBarShowsWhatTheCellScrolls(t *testing.T) {
	m, _ := onSKU010(t)
	screen(m) // drawing the cell gives the field the cell's narrow width
	m.Update(tea.PasteMsg{Content: "1,200,000"})
	if s := lastLine(screen(m)); !strings.Contains(s, "Reorder point for SKU-010: 1,200,000 ") {
		t.Errorf("status bar %q", s)
	}
}
