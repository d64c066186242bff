package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return m.quitKey(true) // asks first when something is unsaved; a second ctrl+c quits
	}
	m.jump = nil // the PM has moved on: a jump still waiting for rows must not land later
	m.keepMessage = false
	m.outside.ownResult = ""
	m.pinned = ""
	if m.tooSmall() {
		// the page says only "enlarge it or press q": nothing else acts on
		// what it hides, whatever mode was open when the terminal shrank.
		// With something unsaved the page says so, and q again quits.
		if msg.String() == "q" {
			return m.quitKey(true)
		}
		return nil
	}
	if c := m.confirm; c != nil {
		return m.answer(c, msg.String())
	}
	switch m.mode {
	case modeHelp:
		return m.helpKey(msg)
	case modeFilter:
		return m.filterKey(msg)
	case modeEdit:
		return m.editKey(msg)
	case modeSettings:
		return m.settingsKey(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quitKey(false)
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
		return nil
	case key.Matches(msg, k.Settings):
		return m.openSettings()
	case m.snap != nil && len(m.snap.Rows) == 0:
		return nil // the empty catalogue's page: every pane shows it, nothing to act on
	case key.Matches(msg, k.NextTab):
		return m.showTab((m.tab + 1) % len(tabNames))
	case key.Matches(msg, k.PrevTab):
		return m.showTab((m.tab + len(tabNames) - 1) % len(tabNames))
	case key.Matches(msg, k.Tab):
		n, _ := strconv.Atoi(msg.String())
		return m.showTab(n - 1)
	}
	if m.tab == overviewTab && m.snap != nil {
		return m.overviewKey(msg)
	}
	if m.tab == replayTab {
		return m.replayKey(msg)
	}
	p := m.active()
	if p == nil || m.snap == nil {
		return nil
	}
	if p.view == nil && m.tab != suppliersTab {
		return nil // the pane's view is still being built
	}
	if cmd, ok := m.paneKey(msg); ok {
		return cmd
	}
	if p.view == nil {
		return nil // a purchase order's list or lines are still being read
	}
	return m.tableKey(p, msg)
}

// paneKey handles the keys that mean something only in one pane; false
// leaves the key to the table.
func (m *Model) paneKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	switch m.tab {
	case stockTab:
		switch {
		case key.Matches(msg, k.Edit):
			return m.startEdit(), true
		case key.Matches(msg, k.Undo):
			return m.undoLast(), true
		}
	case reorderTab:
		switch {
		case key.Matches(msg, k.Edit):
			return m.startReorderEdit(model.FieldOrderQty), true
		case key.Matches(msg, k.Undo):
			return m.undoLast(), true
		case key.Matches(msg, k.Order):
			return m.askDraftPO(), true
		case msg.String() == "r":
			return m.cycleRounding(), true
		}
		if e, ok := policyEdits[msg.String()]; ok {
			return m.startReorderEdit(e.field), true
		}
	case assortmentTab:
		switch msg.String() {
		case "b":
			return m.nextBreakdown(), true
		case "enter":
			return m.showGroup(), true
		}
	case riskTab:
		if msg.String() == "m" {
			return m.startWhatIf(), true
		}
	case suppliersTab:
		if key.Matches(msg, k.Undo) {
			m.setInfo("u undoes planning edits, not orders: e changes a line again, c cancels")
			return nil, true
		}
		return m.suppliersKey(msg)
	}
	if key.Matches(msg, k.Undo) {
		m.setInfo(nothingToUndoHere[m.tab])
		return nil, true
	}
	return nil, false
}

// nothingToUndoHere says why u does nothing on a pane without edits.
var nothingToUndoHere = map[int]string{
	assortmentTab: "Nothing to undo here: u undoes edits made on Stock (2) and Reorder (3)",
	riskTab:       "Nothing to undo: a what-if is never saved (m changes it)",
}

// overviewKey moves through the overview's lists and opens a SKU in its
// pane.
func (m *Model) overviewKey(msg tea.KeyPressMsg) tea.Cmd {
	k, p := m.keys, m.overview
	switch {
	case key.Matches(msg, k.Up):
		p.move(-1)
	case key.Matches(msg, k.Down):
		p.move(1)
	case key.Matches(msg, k.Top, k.PageUp):
		p.move(-len(p.items()))
	case key.Matches(msg, k.Bottom, k.PageDown):
		p.move(len(p.items()))
	case msg.String() == "enter":
		return m.openOverviewItem()
	case key.Matches(msg, k.Export) && p.ov != nil:
		m.setInfo("Exporting…")
		return exportCmd(p.ov.View(), planner.Query{}, m.opt.ExportDir, m.opt.Now())
	}
	return nil
}

// suppliersKey moves between the suppliers, their orders and an order's
// lines, and runs the purchase-order actions.
func (m *Model) suppliersKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	p := m.suppliers
	switch msg.String() {
	case "enter":
		switch p.screen {
		case screenSuppliers:
			sr, ok := p.currentSupplier()
			if !ok {
				return nil, true
			}
			p.supplier, p.screen = sr.Supplier, screenOrders
			p.orders.replaceView(nil, nil)
			p.layoutTables(m.width, m.height)
			return ordersCmd(m.opt.Backend, sr.Supplier.ID), true
		case screenOrders:
			o, ok := p.currentOrder()
			if !ok {
				return nil, true
			}
			p.order, p.screen = model.PurchaseOrder{POHeader: o.POHeader}, screenLines
			p.lines.replaceView(nil, nil)
			p.layoutTables(m.width, m.height)
			return orderCmd(m.opt.Backend, o.ID), true
		}
		return nil, true
	case "esc", "backspace":
		if p.screen > screenSuppliers && p.active().query.Filter == "" {
			p.screen--
			return nil, true
		}
		return nil, false
	}
	if p.screen == screenSuppliers {
		return nil, false
	}
	switch msg.String() {
	case "t":
		return m.poAction("send"), true
	case "R":
		return m.poAction("receive"), true
	case "c":
		return m.poAction("cancel"), true
	}
	if p.screen == screenLines {
		switch msg.String() {
		case "e":
			return m.startLineEdit(false), true
		case "r":
			return m.startLineEdit(true), true
		case "x":
			m.setInfo("Exporting…")
			v := planner.POView{Order: p.order}
			return exportCmd(v, planner.Query{}, m.opt.ExportDir, m.opt.Now()), true
		}
	}
	return nil, false
}

// tableKey moves, filters, sorts, marks and exports in any table pane.
func (m *Model) tableKey(p *pane, msg tea.KeyPressMsg) tea.Cmd {
	k, t := m.keys, p.table
	switch {
	case key.Matches(msg, k.Up):
		t.move(-1)
	case key.Matches(msg, k.Down):
		t.move(1)
	case key.Matches(msg, k.PageUp):
		t.move(-t.pageRows())
	case key.Matches(msg, k.PageDown):
		t.move(t.pageRows())
	case key.Matches(msg, k.Top):
		t.moveTo(0)
	case key.Matches(msg, k.Bottom):
		t.moveTo(len(t.index) - 1)
	case key.Matches(msg, k.Filter):
		m.mode = modeFilter
		m.input.SetValue(p.query.Filter)
		m.input.CharLimit = 100
		m.input.SetWidth(m.filterFieldW()) // its own: an editor may have left a cell's width
		m.input.Placeholder = "sku, name, category, supplier"
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, k.ClearFilter):
		clear(t.marked) // marks are drawn outside the row cache: nothing to redraw
		if p.query.Group != (planner.Group{}) {
			p.query.Group, p.query.Filter = planner.Group{}, ""
			m.setInfo("Showing every SKU")
			return p.runQuery()
		}
		if prev := p.query.Filter; prev != "" {
			p.query.Filter = ""
			return p.runFilter(prev)
		}
		return nil
	case key.Matches(msg, k.Sort):
		cycleSort(p)
		return p.runQuery()
	case key.Matches(msg, k.Reverse):
		p.query.Desc = !p.query.Desc
		t.sortDesc = p.query.Desc
		return p.runQuery()
	case key.Matches(msg, k.Mark):
		if r, ok := t.current(); ok && r >= 0 {
			if t.marked[r] {
				delete(t.marked, r)
			} else {
				t.marked[r] = true
			}
			t.move(1)
		}
	case key.Matches(msg, k.Export):
		m.setInfo("Exporting…")
		return exportCmd(p.view, p.query, m.opt.ExportDir, m.opt.Now())
	}
	return m.wantDetail()
}

// cycleSort moves the sort key to the next column on screen; in a view
// with an order of its own (the reorder view's urgency) that order is one
// of the steps.
func cycleSort(p *pane) {
	t := p.table
	if len(t.shown) == 0 {
		return
	}
	next := t.shown[0]
	for k, c := range t.shown {
		if c == t.sortCol {
			next = -1
			if k+1 < len(t.shown) {
				next = t.shown[k+1]
			}
		}
	}
	if next == -1 {
		if _, own := p.view.(planner.Arranger); !own {
			next = t.shown[0]
		}
	}
	t.setSort(next)
	p.query.Sort = ""
	if next >= 0 {
		p.query.Sort = p.view.Columns()[t.cols[next].viewCol].Name
	}
}

func (m *Model) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		m.mode = modeNormal
		m.input.Blur()
		return nil
	case "esc":
		m.mode = modeNormal
		m.input.Blur()
		p := m.active()
		prev := p.query.Filter
		p.query.Filter = ""
		if prev == "" {
			return nil
		}
		return p.runFilter(prev)
	case "up", "down", "pgup", "pgdown":
		return m.tableKey(m.active(), msg) // move while filtering
	}
	return m.updateInput(msg)
}

// updateInput feeds the text field and, in filter mode, re-filters when the
// text changed.
func (m *Model) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	p := m.active()
	if m.mode != modeFilter || p == nil || m.input.Value() == p.query.Filter {
		return cmd
	}
	prev := p.query.Filter
	p.query.Filter = m.input.Value()
	return tea.Batch(cmd, p.runFilter(prev))
}

// showTab switches panes. A note about the last action stays only if it
// is an error: "Edit cancelled" means nothing on another pane.
func (m *Model) showTab(tab int) tea.Cmd {
	if tab != m.tab && !m.messageErr {
		m.message = ""
	}
	m.tab = tab
	var replay tea.Cmd
	if tab == replayTab && !m.replay.opened {
		replay = m.startReplay() // the first look starts it: a PM opening the tab wants the answer
	}
	return tea.Batch(m.summaryCmd(), m.freshen(), m.wantDetail(), replay)
}
