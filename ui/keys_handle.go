package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	switch m.mode {
	case modeHelp:
		if key.Matches(msg, m.keys.Help, m.keys.ClearFilter) || msg.String() == "q" {
			m.mode = modeNormal
		}
		return nil
	case modeFilter:
		return m.filterKey(msg)
	case modeEdit:
		return m.editKey(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
		return nil
	case key.Matches(msg, k.NextTab):
		m.tab = (m.tab + 1) % len(tabNames)
		return nil
	case key.Matches(msg, k.PrevTab):
		m.tab = (m.tab + len(tabNames) - 1) % len(tabNames)
		return nil
	case key.Matches(msg, k.Tab):
		n, _ := strconv.Atoi(msg.String())
		m.tab = n - 1
		return nil
	}
	if m.tab != stockTab || m.snap == nil {
		return nil
	}
	return m.stockKey(msg)
}

func (m *Model) stockKey(msg tea.KeyPressMsg) tea.Cmd {
	k, t := m.keys, m.stock.table
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
		m.input.SetValue(m.stock.query.Filter)
		m.input.CharLimit = 100
		m.input.Placeholder = "sku, name, category, supplier"
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, k.ClearFilter):
		clear(t.marked) // marks are drawn outside the row cache: nothing to redraw
		if prev := m.stock.query.Filter; prev != "" {
			m.stock.query.Filter = ""
			return m.runFilter(prev)
		}
		return nil
	case key.Matches(msg, k.Sort):
		m.cycleSort()
		return m.runQuery()
	case key.Matches(msg, k.Reverse):
		m.stock.query.Desc = !m.stock.query.Desc
		t.sortDesc = m.stock.query.Desc
		return m.runQuery()
	case key.Matches(msg, k.Mark):
		if r, ok := t.current(); ok {
			if t.marked[r] {
				delete(t.marked, r)
			} else {
				t.marked[r] = true
			}
			t.move(1)
		}
	case key.Matches(msg, k.Edit):
		return m.startEdit()
	case key.Matches(msg, k.Undo):
		return m.undoEdit()
	case key.Matches(msg, k.Export):
		m.setInfo("Exporting…")
		return exportCmd(m.stock.view, m.stock.query, m.opt.ExportDir, m.opt.Now())
	}
	return m.wantDetail()
}

// cycleSort moves the sort key to the next column on screen.
func (m *Model) cycleSort() {
	t := m.stock.table
	if len(t.shown) == 0 {
		return
	}
	next := t.shown[0]
	for k, c := range t.shown {
		if c == t.sortCol {
			next = t.shown[(k+1)%len(t.shown)]
		}
	}
	t.sortCol = next
	m.stock.query.Sort = m.stock.view.Columns()[t.cols[next].viewCol].Name
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
		prev := m.stock.query.Filter
		m.stock.query.Filter = ""
		if prev == "" {
			return nil
		}
		return m.runFilter(prev)
	case "up", "down", "pgup", "pgdown":
		m.stockKey(msg) // move while filtering
		return m.wantDetail()
	}
	return m.updateInput(msg)
}

// updateInput feeds the text field and, in filter mode, re-filters when the
// text changed.
func (m *Model) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.mode != modeFilter || m.input.Value() == m.stock.query.Filter {
		return cmd
	}
	prev := m.stock.query.Filter
	m.stock.query.Filter = m.input.Value()
	return tea.Batch(cmd, m.runFilter(prev))
}
