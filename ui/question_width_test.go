package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
)

// Round 3 of issue 12: at narrow widths the values being confirmed were
// cut ("y saves, other key edits: Reorder point of KI-000…", "Draft PO to
// Velocity Sports SL: 11 SKUs, 1,193 un…"). Every question has a short
// form that starts with its keys and puts the numbers before the names,
// used when the long form does not fit.

// questionCase puts one question on screen; want are the numbers (and
// keys) the status bar must show at every width, each as alternatives
// separated by "|" (the long and the short form word them differently).
type questionCase struct {
	name  string
	setup func(t *testing.T) *Model
	want  []string
}

func questionCases() []questionCase {
	return []questionCase{
		{"implausible reorder point", func(t *testing.T) *Model {
			m, _ := onSKU010(t)
			typeText(t, m, "5,000,000")
			press(t, m, "enter")
			return m
		}, []string{"5,000,000", "EUR", "×"}},
		{"implausible order quantity", func(t *testing.T) *Model {
			m, _ := reorderModel(t, 160, 45)
			enterValue(t, m, "e", "900000")
			return m
		}, []string{"900,000", "EUR", "×"}},
		{"implausible bulk edit", func(t *testing.T) *Model {
			m, _ := newTestModel(t, 160, 45)
			press(t, m, "space", "space", "space", "e")
			typeText(t, m, "5,000,000")
			press(t, m, "enter")
			return m
		}, []string{"5,000,000", "3 SKUs", "EUR"}},
		{"implausible PO line", func(t *testing.T) *Model {
			m, _, _ := openFixturePOLines(t)
			enterValue(t, m, "e", "2,000,000")
			return m
		}, []string{"2,000,000", "EUR"}},
		{"draft order", func(t *testing.T) *Model {
			m, _ := reorderModel(t, 160, 45)
			press(t, m, "o")
			return m
		}, []string{"SKUs, ", " units, ", "EUR"}},
		{"draft order asked again", func(t *testing.T) *Model {
			m, st := reorderModel(t, 160, 45)
			other := otherProcess(t, st)
			grp, lines := draftGroup(t, m)
			press(t, m, "o")
			draftAs(t, other, "bob", grp.SupplierID, lines[:1])
			press(t, m, "y")
			return m
		}, []string{"SKUs, ", " units, ", " now"}},
		{"send", func(t *testing.T) *Model {
			m, st := reorderModel(t, 160, 45)
			grp, lines := draftGroup(t, m)
			openOrder(t, m, draftAs(t, st, "alice", grp.SupplierID, lines))
			press(t, m, "t")
			return m
		}, []string{"sent|sends", " lines, ", " units"}},
		{"receive", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			id, _ := sentFixtureOrder(t, st)
			openOrder(t, m, id)
			press(t, m, "R")
			return m
		}, []string{"Receive the 24 units|y receives 24 units"}},
		{"receive asked again", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			other := otherProcess(t, st)
			id, l := sentFixtureOrder(t, st)
			openOrder(t, m, id)
			press(t, m, "R")
			t.Setenv("USER", "bob")
			if _, err := other.ReceivePO(bg, id, []model.POReceipt{{ProductID: l.ProductID, Qty: 10}}, 0, model.DayOf(m.opt.Now())); err != nil {
				t.Fatal(err)
			}
			t.Setenv("USER", "alice")
			press(t, m, "y")
			return m
		}, []string{"14 units outstanding now|y receives 14 units now"}},
		{"cancel", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			id, _ := sentFixtureOrder(t, st)
			openOrder(t, m, id)
			press(t, m, "c")
			return m
		}, []string{"Cancel|cancels", "1 line, 24 units"}},
		{"PO line changed", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			other := otherProcess(t, st)
			id, l := sentFixtureOrder(t, st)
			openLine(t, m, id, l.ProductID)
			press(t, m, "e", "1")
			t.Setenv("USER", "bob")
			if _, err := other.SetPOLineQty(bg, id, l.ProductID, 2, model.POLineSeen{}); err != nil {
				t.Fatal(err)
			}
			t.Setenv("USER", "alice")
			press(t, m, "enter")
			return m
		}, []string{"Save 1 over it|y saves 1 over 2", "is 2 now|over 2"}},
		{"reorder point changed", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			setAs(t, otherProcess(t, st), "bob", currentSKU(m), model.FieldReorderPoint, "40")
			enterValue(t, m, "e", "55")
			return m
		}, []string{"Save 55 over it|y saves 55 over 40", "40"}},
		{"bulk edit changed", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			press(t, m, "space")
			setAs(t, otherProcess(t, st), "bob", currentSKU(m), model.FieldReorderPoint, "40")
			press(t, m, "space", "e")
			typeText(t, m, "30")
			press(t, m, "enter")
			return m
		}, []string{"Save 30 over all 2|y saves 30 over all 2", "1 of 2|1 changed"}},
		{"undo of a bulk edit", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			press(t, m, "space")
			sku := currentSKU(m)
			press(t, m, "space", "e")
			typeText(t, m, "30")
			press(t, m, "enter")
			setAs(t, otherProcess(t, st), "bob", sku, model.FieldReorderPoint, "50")
			press(t, m, "u")
			return m
		}, []string{"1 of 2", "other 1"}},
		{"setting changed", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			toSetting(t, m, "review_days")
			setSettingAs(t, otherProcess(t, st), "bob", "review_days", "14")
			enterValue(t, m, "enter", "10")
			return m
		}, []string{"10 days", "14 days"}},
		{"quit", func(t *testing.T) *Model {
			m, st := newTestModel(t, 160, 45)
			lockedBy(t, otherProcess(t, st))
			saveWaiting(t, m, "e", "44")
			press(t, m, "q")
			return m
		}, []string{"Quit and lose it|y quits, losing your unsaved change"}},
	}
}

func TestEveryQuestionShowsItsKeysAndNumbersAtEveryWidth(t *testing.T) {
	for _, c := range questionCases() {
		t.Run(c.name, func(t *testing.T) {
			m := c.setup(t)
			if m.confirm == nil {
				t.Fatalf("no question; status %q", m.message)
			}
			long := m.confirm.question
			if m.confirm.quit {
				long, _ = m.quitQuestion()
			}
			for _, w := range []int{50, 80, 160} {
				m.Update(tea.WindowSizeMsg{Width: w, Height: 45})
				line := strings.TrimRight(lastLine(screen(m)), " ")
				whole := strings.HasSuffix(line, "?  y yes · any other key no") || strings.HasSuffix(line, "goes back to the editor")
				if !whole && !strings.HasPrefix(line, "y ") {
					t.Errorf("%d columns: neither the whole question nor its keys first: %q", w, line)
				}
				if w == 160 && width(long)+26 <= 160 && !strings.Contains(line, long) {
					t.Errorf("160 columns: the long form fits, yet %q is shown", line)
				}
				for _, want := range c.want {
					if !containsAny(line, strings.Split(want, "|")) {
						t.Errorf("%d columns: %q does not show %q", w, line, want)
					}
				}
			}
		})
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// The short forms read as the brief asks: keys, then the numbers, then
// the names that a cut may take.
func TestShortQuestionsPutNumbersBeforeNames(t *testing.T) {
	m, _ := onSKU010(t)
	typeText(t, m, "5,000,000")
	press(t, m, "enter")
	short := m.confirm.short
	want := "y saves 5,000,000 ("
	if !strings.HasPrefix(short, want) || !strings.HasSuffix(short, " · other key edits: SKU-010 reorder point") {
		t.Errorf("short %q, want %q… · other key edits: SKU-010 reorder point", short, want)
	}
	m2, _ := reorderModel(t, 160, 45)
	press(t, m2, "o")
	if s := m2.confirm.short; !strings.HasPrefix(s, "y drafts ") || !strings.Contains(s, fmt.Sprintf(" · other key no: %s", m2.reorder.rv.Groups()[0].Supplier)) {
		t.Errorf("draft short %q", s)
	}
}
