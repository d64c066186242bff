package ui

import (
	"strconv"

	"stockroom/model"
	"stockroom/planner"

	tea "charm.land/bubbletea/v2"
)

// Editor-only fields: what the editor edits besides the per-SKU policy
// fields. None is written to the policies table.
const (
	fieldPOQty     model.PolicyField = "po_qty"     // a purchase-order line's quantity
	fieldPOReceive model.PolicyField = "po_receive" // units of a line received now
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
	return m.openEditor(model.FieldReorderPoint, "auto", value)
}

// editKey handles a key while an editor is open: enter saves, esc
// cancels, a means the automatic value where the field has one, and
// everything else edits the field (ui/cell_input.go).
func (m *Model) editKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.closeEditor()
		m.setInfo("Edit cancelled")
		return nil
	case "enter":
		switch m.field {
		case fieldPOQty, fieldPOReceive:
			return m.saveLineEdit()
		case fieldWhatIf:
			return m.saveWhatIf()
		}
		return m.savePolicyEdit()
	case "a":
		if autoHint(m.field) == "" {
			return nil // no automatic value here, and a is not a digit
		}
		if m.field == model.FieldLeadTime && m.input.Value() != "" && !m.input.Selected() {
			break // the a of "21 days"
		}
		// no number has an "a" in it, so a means automatic wherever it is
		// typed; shown selected, so a digit typed next replaces it
		m.input.selectAll("auto")
		m.message = ""
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// closeEditor leaves the editor without saving.
func (m *Model) closeEditor() {
	m.mode = modeNormal
	m.input.Blur()
}

// autoHint is what a means in a field, "" where it means nothing.
func autoHint(f model.PolicyField) string {
	switch f {
	case model.FieldReorderPoint:
		return "automatic"
	case model.FieldLeadTime:
		return "the supplier's"
	case model.FieldServiceLevel:
		return "the class default"
	case model.FieldOrderQty, fieldWhatIf:
		return "the suggestion"
	}
	return ""
}

// editRow is the planned row of a view row being edited, on the pane the
// editor is open on.
func (m *Model) editRow(i int) *planner.Row {
	switch m.tab {
	case reorderTab:
		return m.reorder.rv.Row(i)
	case riskTab:
		return m.risk.rv.Row(i)
	}
	return m.stock.row(i)
}
