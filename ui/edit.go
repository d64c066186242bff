package ui

import (
	"fmt"
	"strconv"
	"strings"

	"stockroom/model"

	tea "charm.land/bubbletea/v2"
)

// startEdit opens the reorder-point editor on the marked rows, or on the
// cursor row when none are marked.
func (m *Model) startEdit() tea.Cmd {
	if m.writeRefused() {
		return nil
	}
	if m.saving {
		m.setError("Still saving the last edit…")
		return nil
	}
	m.editing = m.stock.table.targets()
	if len(m.editing) == 0 {
		return nil
	}
	value := ""
	if len(m.editing) == 1 {
		if pl := m.stock.row(m.editing[0]).Plan; pl.ReorderPointManual {
			value = strconv.Itoa(pl.ReorderPoint)
		}
	}
	return m.openEditor("", 9, "auto", value)
}

func (m *Model) editKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.mode = modeNormal
		m.input.Blur()
		m.setInfo("Edit cancelled")
		return nil
	case "enter":
		switch m.field {
		case "":
		case "po_qty", "po_receive":
			return m.saveLineEdit()
		case fieldWhatIf:
			return m.saveWhatIf()
		default:
			return m.savePolicyEdit()
		}
		manual, value, err := parseReorderPoint(m.input.Value())
		if err != nil {
			m.setError(err.Error())
			return nil // keep the editor open with the old value untouched
		}
		text := "" // automatic
		if manual {
			text = strconv.Itoa(value)
		}
		m.mode = modeNormal
		m.input.Blur()
		m.setInfo("Saving…")
		return m.setField(model.FieldReorderPoint, text, m.editing, m.stock.row)
	case "a":
		if m.field == model.FieldOrderQty || strings.HasPrefix(string(m.field), "po_") {
			return nil // no automatic order or line quantity: a is not a digit
		}
		// no number has an "a" in it, so a means automatic wherever it is typed
		m.input.SetValue("auto")
		m.input.CursorEnd()
		return nil
	}
	if isAuto(m.input.Value()) && len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9' {
		m.input.SetValue("") // typing a number replaces "auto"
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

func isAuto(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "a" || s == "auto"
}

// parseReorderPoint reads the editor: a whole number ≥ 0, or a/auto (or
// nothing) for automatic.
func parseReorderPoint(s string) (manual bool, value int, err error) {
	s = strings.TrimSpace(s)
	if s == "" || isAuto(s) {
		return false, 0, nil
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil || n < 0 {
		return false, 0, fmt.Errorf("%q is not a reorder point: type a whole number ≥ 0, or a for automatic", s)
	}
	return true, n, nil
}
