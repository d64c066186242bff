package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// handleKey takes a key: an open question, screen or editor gets it
// first, then the keys of every pane (quit, help, settings, switching
// panes), then the pane on screen (tabPane.handleKey).
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) {
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
		if key.Matches(msg, m.keys.Quit) {
			return m.quitKey(true)
		}
		return nil
	}
	if c := m.confirm; c != nil {
		return m.answer(c, msg)
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
		// the binding's nth key shows the nth pane
		if n := slices.Index(k.Tab.Keys(), msg.String()); n < len(m.panes) {
			return m.showTab(n)
		}
		return nil
	}
	return m.current().handleKey(m, msg)
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
	k := m.keys
	switch {
	case key.Matches(msg, k.Keep):
		m.mode = modeNormal
		m.input.Blur()
		return nil
	case key.Matches(msg, k.ClearFilter):
		m.mode = modeNormal
		m.input.Blur()
		p := m.active()
		prev := p.query.Filter
		p.query.Filter = ""
		if prev == "" {
			return nil
		}
		return p.runFilter(prev)
	case key.Matches(msg, k.FilterMove):
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
