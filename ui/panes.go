package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// tabPane is one tab of the dashboard. The root model holds one per tab,
// in tab order (Model.panes), and routes to the one on screen: the keys
// the root does not take (quit, help, settings, switching tabs), the body
// between the tab bar and the status bar, the status-bar hints and the
// pane's paragraph on the ? screen. A pane's own keys are key.Bindings
// declared once in ui/<pane>_keys.go, with the help text both show.
type tabPane interface {
	// ownKeys are the pane's own bindings (the shared ones are in KeyMap).
	ownKeys() []key.Binding
	// handleKey acts on a key pressed on the pane.
	handleKey(m *Model, msg tea.KeyPressMsg) tea.Cmd
	// body draws the pane in w × h, its detail beside or below it.
	body(m *Model, w, h int) string
	// detail draws the pane's detail in d; "" for a pane without one.
	detail(m *Model, d rect, side bool) string
	// hints are the status bar's key hints, most useful first; the
	// status bar drops them from the end to fit, keeping help.
	hints(m *Model) []key.Binding
	// help is the pane's paragraph on the ? screen, "" for none.
	help(m *Model) string
	// rows is the table on screen, nil for a pane without one.
	rows() *pane
}

// The optional parts of a pane, asked for by the root model where it
// needs them.
type (
	// skuPane shows one SKU per row: the detail draws the cursor's, a jump
	// from the overview lands on one, an edit unmarks the rows it saved.
	skuPane interface {
		currentRow() *planner.Row
		productOf(row int) int64
		// decorate adds the pane's part to the detail of the cursor's SKU
		decorate(in *detailInput)
	}
	// summaryPane sums every SKU into a view built off the loop when the
	// pane is shown (ui/summaries.go).
	summaryPane interface {
		summaryCmd(s *planner.Snapshot) tea.Cmd
	}
	// cellEditorPane edits a field in place, in a cell of the cursor row:
	// the table and column for the field, false when the field is edited
	// in the status bar.
	cellEditorPane interface {
		editedCell(field model.PolicyField) (*table, int, bool)
	}
	// positionPane adds to the status bar's "12 of 2,000 SKUs".
	positionPane interface {
		positionNote() string
	}
	// readyPane says whether a pane without a table shows its figures
	// (the first frame's trace); a table pane is ready with rows.
	readyPane interface {
		ready() bool
	}
	// layoutPane sizes its tables to the terminal.
	layoutPane interface {
		layout(w, h int)
	}
	// queryPane takes a finished query of one of its tables: which table
	// it is for, and what to do once its rows are in.
	queryPane interface {
		paneFor(msg queryMsg) *pane
		settled()
	}
)

// current is the pane on screen.
func (m *Model) current() tabPane { return m.panes[m.tab] }

// onScreen says whether p is the pane on screen.
func (m *Model) onScreen(p tabPane) bool { return m.current() == p }

// paneOf is the table of a tab's pane, nil for a pane without one.
func (m *Model) paneOf(tab int) *pane { return m.panes[tab].rows() }

// active is the table on screen, nil for a pane without one.
func (m *Model) active() *pane { return m.current().rows() }

// tablePaneKey routes a key on a table pane: the pane's own keys first
// (own), then the table's (move, filter, sort, mark, export). Nothing
// acts before the catalogue and the pane's view are there.
func (m *Model) tablePaneKey(p *pane, msg tea.KeyPressMsg, own func() (tea.Cmd, bool)) tea.Cmd {
	if m.snap == nil || p.view == nil {
		return nil // the pane's view is still being built
	}
	if cmd, ok := own(); ok {
		return cmd
	}
	return m.tableKey(p, msg)
}

// planning is a table pane's body while its view is built.
func (m *Model) planning(w, h int) string { return center(m.spin.View()+" Planning…", w, h) }

// resizeTable fits a table pane's table to the rectangle the terminal
// leaves it beside or above its detail.
func (p *pane) resizeTable(w, h int) {
	t, _, _ := layoutRects(w, h)
	p.table.resize(t.w, t.h)
}
