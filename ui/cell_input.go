package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// cellInput is the one text field of the dashboard. Every editor (Stock
// e, Reorder e/L/c/M/v, Risk m, the settings view, purchase-order lines)
// opens it with open, and it behaves like a spreadsheet cell: it opens
// holding the current value, selected; the first typed character or a
// paste replaces the whole value; backspace or delete clears it; a cursor
// key (left, right, home, end) drops the selection and moves the cursor,
// after which typing inserts where the cursor is. Appending to the old
// value, as a plain text field does, turned 252 and a typed 300 into an
// order of 252300.
//
// The filter uses the same field through SetValue, which selects nothing:
// there typing refines what is there.
type cellInput struct {
	textinput.Model
	selected bool
	// opened is the text the editor opened with; edited turns true once
	// anything is typed, pasted or deleted (the same number typed over
	// itself too: that is a choice). enter on a field nobody has edited
	// saves nothing: a field opened on a suggestion or on "values differ"
	// must not become the PM's own value by a stray enter.
	opened string
	edited bool
}

func newCellInput() cellInput {
	c := cellInput{Model: textinput.New()}
	c.Prompt = ""
	st := c.Styles()
	st.Cursor.Blink = false // a steady cursor: no timer messages while typing
	c.SetStyles(st)
	return c
}

// selectionStyle marks the selected value: reverse video, which survives
// NO_COLOR.
var selectionStyle = lipgloss.NewStyle().Reverse(true)

// open starts editing value, selected, with a placeholder for when the
// field is empty. The field takes any length: a number too long for its
// field is refused by the field's range with a message, never cut short.
func (c *cellInput) open(value, placeholder string) tea.Cmd {
	c.CharLimit = 0
	c.Placeholder = placeholder
	c.opened, c.edited = value, false
	c.selectAll(value)
	return c.Focus()
}

// Untouched says the PM has not changed what the field opened with: never
// edited, or emptied when it opened empty (empty then means nothing, not
// automatic: the field was automatic already, or its values differ).
func (c cellInput) Untouched() bool {
	return !c.edited || (c.opened == "" && strings.TrimSpace(c.Value()) == "")
}

// selectAll replaces the text with s, selected: the next typed character
// replaces it (the a key's "auto" is shown this way).
func (c *cellInput) selectAll(s string) {
	c.Model.SetValue(s)
	c.CursorEnd()
	c.selected = s != ""
	if s != c.opened {
		c.edited = true
	}
}

// SetValue replaces the text with nothing selected.
func (c *cellInput) SetValue(s string) {
	c.Model.SetValue(s)
	c.selected = false
}

// SetWidth sets how many cells the text shows, and scrolls the text to
// keep the cursor in view at that width.
func (c *cellInput) SetWidth(w int) {
	c.Model.SetWidth(w)
	c.SetCursor(c.Position())
}

// viewAt draws the field at another width, leaving its own as it is: the
// status bar shows the whole of what a narrow cell scrolls.
func (c cellInput) viewAt(w int) string {
	c.SetWidth(w)
	return c.View()
}

// Selected says whether the whole value is selected.
func (c cellInput) Selected() bool { return c.selected && c.Value() != "" }

// Update edits the text; while the value is selected, a character or a
// paste replaces it, a deleting key clears it and a cursor key drops the
// selection before it moves.
func (c cellInput) Update(msg tea.Msg) (cellInput, tea.Cmd) {
	before := c.Value()
	if c.Selected() && c.Focused() {
		switch msg := msg.(type) {
		case tea.PasteMsg:
			c.SetValue("")
			c.edited = true
		case tea.KeyPressMsg:
			km := c.KeyMap
			switch {
			case key.Matches(msg, km.DeleteCharacterBackward, km.DeleteCharacterForward, km.DeleteWordBackward,
				km.DeleteWordForward, km.DeleteBeforeCursor, km.DeleteAfterCursor):
				c.SetValue("")
				c.edited = true
				return c, nil
			case key.Matches(msg, km.CharacterBackward, km.CharacterForward, km.WordBackward, km.WordForward,
				km.LineStart, km.LineEnd):
				c.selected = false // and the key moves the cursor from the end
			case key.Matches(msg, km.Paste):
				c.SetValue("") // the clipboard's text arrives as a message next
				c.edited = true
			case msg.Text != "":
				c.SetValue("")
				c.edited = true
			}
		}
	}
	var cmd tea.Cmd
	c.Model, cmd = c.Model.Update(msg)
	if c.Value() != before {
		c.edited = true
	}
	return c, cmd
}

// View draws the field; a selected value in reverse video, its end shown
// when it is wider than the field, in the width the text field would take.
func (c cellInput) View() string {
	if !c.Selected() {
		return c.Model.View()
	}
	v := c.Value()
	w := c.Width()
	if w > 0 && ansi.StringWidth(v) > w {
		v = ansi.TruncateLeft(v, ansi.StringWidth(v)-w, "")
	}
	pad := 1 // the cell the cursor would take
	if w > 0 {
		pad += max(w-ansi.StringWidth(v), 0)
	}
	return selectionStyle.Render(v) + strings.Repeat(" ", pad)
}
