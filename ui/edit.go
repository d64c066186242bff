package ui

import (
	"fmt"

	"stockroom/model"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Editor-only fields: what the editor edits besides the per-SKU policy
// fields. None is written to the policies table.
const (
	fieldPOQty     model.PolicyField = "po_qty"     // a purchase-order line's quantity
	fieldPOReceive model.PolicyField = "po_receive" // units of a line received now
)

// editKey handles a key while an editor is open: enter saves, esc
// cancels, a means the automatic value where the field has one, and
// everything else edits the field (ui/cell_input.go).
func (m *Model) editKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.closeEditor()
		m.ownInfo("Edit cancelled")
		return nil
	case key.Matches(msg, k.Save):
		if m.input.Untouched() {
			m.closeEditor()
			m.ownInfo(m.nothingTyped())
			return nil
		}
		if m.field != fieldWhatIf && m.opt.ReadOnly != "" {
			m.closeEditor()
			m.setError("Not saved: the catalogue is read-only (" + m.opt.ReadOnly + ")")
			return nil
		}
		switch m.field {
		case fieldPOQty, fieldPOReceive:
			if _, ok := m.editedLine(); !ok {
				m.closeEditor()
				m.setError("Not saved: the line is no longer on the order")
				return nil
			}
			if m.saving {
				// a line's save is not queued: it is judged against the
				// order as it is once the running save has landed
				m.setError("Still saving the last change: press " + keyName(k.Save) + " again once it is saved")
				return nil
			}
			return m.saveLineEdit()
		case fieldWhatIf:
			return m.saveWhatIf()
		}
		return m.savePolicyEdit()
	case key.Matches(msg, k.Auto):
		if autoHint(m.field) == "" {
			m.setError(keyName(k.Auto) + " means automatic, and this field has none: type a number")
			return nil
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

// editedLine is the purchase-order line the editor is open on.
func (m *Model) editedLine() (model.POLine, bool) {
	lines := m.suppliers.order.Lines
	if m.editLine < 0 || m.editLine >= len(lines) {
		return model.POLine{}, false
	}
	return lines[m.editLine], true
}

// nothingTyped is what enter on an untouched field says: nothing saved,
// and what stays as it was.
func (m *Model) nothingTyped() string {
	what := m.editTarget()
	if len(m.editIDs) > 1 {
		what = fmt.Sprintf("%d SKUs", len(m.editIDs))
	}
	switch m.field {
	case fieldPOReceive:
		return "Nothing received: type the units received now, or esc"
	case fieldPOQty:
		return "Nothing changed: the line's quantity stays as it was"
	case fieldWhatIf:
		return "Nothing changed: the what-if markdown of " + what + " stays as it was"
	}
	return "Nothing changed: the " + fieldLabel(string(m.field)) + " of " + what + " stays as it was"
}

// statusFieldWidth is the width of an editor in the status bar: a
// ten-digit number, and at 80 columns the key hints beside it.
const statusFieldWidth = 10

// openEditor opens the editor on what m.editIDs (or m.editLine, for a
// purchase-order line) names, for a field, holding value selected
// (ui/cell_input.go).
func (m *Model) openEditor(field model.PolicyField, placeholder, value string) tea.Cmd {
	m.field = field
	m.mode = modeEdit
	m.message = ""
	// room in the status bar for a ten-digit number and the whole placeholder
	// (a field of width 0 shows one letter of it); a cell's overlay sets
	// its own width
	m.input.SetWidth(statusFieldWidth)
	return m.input.open(value, placeholder)
}

// statusFieldW is the editor's width in the status bar: a ten-digit
// number, or the whole placeholder.
func (m *Model) statusFieldW() int {
	return max(statusFieldWidth, width(m.input.Placeholder))
}
