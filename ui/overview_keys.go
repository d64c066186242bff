package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// overviewKeys are the Overview's own keys (tab 1); ↑/↓ move through its
// lists with the shared keys.
type overviewKeys struct {
	Open key.Binding
}

func defaultOverviewKeys() overviewKeys {
	return overviewKeys{
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
	}
}

func (p *overviewPane) ownKeys() []key.Binding { return []key.Binding{p.keys.Open} }

// handleKey moves through the overview's lists and opens a SKU in its
// pane.
func (p *overviewPane) handleKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	if m.snap == nil {
		return nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		p.move(-1)
	case key.Matches(msg, k.Down):
		p.move(1)
	case key.Matches(msg, k.Top, k.PageUp):
		p.move(-len(p.items()))
	case key.Matches(msg, k.Bottom, k.PageDown):
		p.move(len(p.items()))
	case key.Matches(msg, p.keys.Open):
		return m.openOverviewItem()
	case key.Matches(msg, k.Export) && p.ov != nil:
		m.setInfo("Exporting…")
		return exportCmd(p.ov.View(), planner.Query{}, m.opt.ExportDir, m.opt.Now())
	}
	return nil
}

func (p *overviewPane) hints(m *Model) []key.Binding {
	k := m.keys
	return append([]key.Binding{hintOf("move", k.Up, k.Down), p.keys.Open, withDesc(k.Tab, "panes"), k.Export, k.Settings}, k.closing()...)
}

func (p *overviewPane) help(m *Model) string {
	k := m.keys
	return fmt.Sprintf("Inventory value, availability, capital at risk and revenue; %s moves through the lists of SKUs to order\n",
		hintOf("", k.Up, k.Down).Help().Key) +
		fmt.Sprintf("first, at risk and dead, %s opens one in its pane; %s writes the figures to CSV.", keyName(p.keys.Open), keyName(k.Export))
}

func (p *overviewPane) body(m *Model, w, h int) string { return m.renderOverview(w, h) }

func (p *overviewPane) detail(*Model, rect, bool) string { return "" }

func (p *overviewPane) rows() *pane { return nil }

// ready: the first frame shows the catalogue once the figures are summed.
func (p *overviewPane) ready() bool { return p.ov != nil }

// summaryCmd sums a snapshot into the overview's figures.
func (p *overviewPane) summaryCmd(s *planner.Snapshot) tea.Cmd {
	if p.built.want(s) {
		return overviewCmd(s)
	}
	return nil
}
