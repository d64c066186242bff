package ui

import (
	"strings"
	"testing"
)

// Round 2 of issue 12: messages that said nothing, or said it in another
// form than the screen's.

func TestUndoSaysWhyNotWhereNothingIsUndone(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "5", "u")
	if !strings.Contains(m.message, "a what-if is never saved") {
		t.Errorf("u on Risk: %q", m.message)
	}
	m, _, _ = openFixturePOLines(t)
	press(t, m, "u")
	if !strings.Contains(m.message, "not orders") {
		t.Errorf("u on PO lines: %q", m.message)
	}
}

func TestUndoMessagesNameTheValueAndOfferNoFurtherUndo(t *testing.T) {
	m, _ := reorderModel(t, 160, 45)
	sku := m.reorder.currentRow().Item.Product.SKU
	enterValue(t, m, "e", "7")
	press(t, m, "u")
	if want := "Undone: order quantity of " + sku + " back to the suggestion"; m.message != want {
		t.Errorf("undo: %q, want %q", m.message, want)
	}
	enterValue(t, m, "v", "97.5")
	if want := "Service level of " + sku + " set to 97.5% · u undoes"; m.message != want {
		t.Errorf("service level: %q, want %q", m.message, want)
	}
	// settings: after an undo, u would undo the change before, not this one
	toSetting(t, m, "holding_rate")
	enterValue(t, m, "enter", "30")
	if m.message != "holding_rate 25% → 30% · u undoes" {
		t.Errorf("settings save: %q", m.message)
	}
	press(t, m, "u")
	if m.message != "Undone: holding_rate 30% → 25%" {
		t.Errorf("settings undo: %q", m.message)
	}
}

func TestWhatIfOfHalfAPercentShowsAsSuch(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "5", "m")
	typeText(t, m, "0.5")
	press(t, m, "enter")
	var row string
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, "▶") {
			row = l
		}
	}
	if !strings.Contains(row, "0.5% *") {
		t.Errorf("the cursor row should show the 0.5%% what-if: %q", row)
	}
}

func TestPOLineMessageGroupsThousandsAndAOutsideAutoSaysSo(t *testing.T) {
	m, _, _ := openFixturePOLines(t)
	press(t, m, "e", "a")
	if !m.messageErr || !strings.Contains(m.message, "this field has none") || m.mode != modeEdit {
		t.Errorf("a in the quantity: mode %v message %q", m.mode, m.message)
	}
	press(t, m, "esc", "e")
	typeText(t, m, "2400")
	press(t, m, "enter")
	if m.confirm != nil {
		press(t, m, "y")
	}
	if !strings.HasSuffix(m.message, "from 24 to 2,400") {
		t.Errorf("message %q", m.message)
	}
}
