package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// assortmentKeys are the Assortment pane's own keys (tab 4).
type assortmentKeys struct {
	ShowSKUs, Breakdown key.Binding
}

func defaultAssortmentKeys() assortmentKeys {
	return assortmentKeys{
		ShowSKUs:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "show SKUs")),
		Breakdown: key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "breakdown")),
	}
}

func (p *assortmentPane) ownKeys() []key.Binding {
	return []key.Binding{p.keys.ShowSKUs, p.keys.Breakdown}
}

func (p *assortmentPane) handleKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	return m.tablePaneKey(&p.pane, msg, func() (tea.Cmd, bool) {
		switch {
		case key.Matches(msg, p.keys.Breakdown):
			return m.nextBreakdown(), true
		case key.Matches(msg, p.keys.ShowSKUs):
			return m.showGroup(), true
		case key.Matches(msg, m.keys.Undo):
			m.setInfo(fmt.Sprintf("Nothing to undo here: %s undoes edits made on %s (%d) and %s (%d)",
				keyName(m.keys.Undo), tabNames[stockTab], stockTab+1, tabNames[reorderTab], reorderTab+1))
			return nil, true
		}
		return nil, false
	})
}

func (p *assortmentPane) hints(m *Model) []key.Binding {
	k := m.keys
	return append([]key.Binding{p.keys.ShowSKUs, p.keys.Breakdown, k.Sort, k.Filter, k.Export}, k.closing()...)
}

func (p *assortmentPane) help(m *Model) string {
	return fmt.Sprintf("Groups by category; %s switches to subcategory, brand, supplier. Bars: revenue share ▕ stock-value share on\n", keyName(p.keys.Breakdown)) +
		fmt.Sprintf("one scale. The ABC × XYZ matrix sits beside it. %s shows the group's SKUs on Stock; %s there shows all.",
			keyName(p.keys.ShowSKUs), keyName(m.keys.ClearFilter))
}

func (p *assortmentPane) body(m *Model, w, h int) string {
	if p.view == nil {
		return m.planning(w, h)
	}
	return m.tableBody(p.table, func(d rect, side bool) string { return p.detail(m, d, side) })
}

func (p *assortmentPane) detail(m *Model, d rect, side bool) string {
	return m.renderAssortmentDetail(d, side)
}

func (p *assortmentPane) rows() *pane { return &p.pane }

func (p *assortmentPane) layout(w, h int) { p.resizeTable(w, h) }

// summaryCmd builds the breakdown of a snapshot.
func (p *assortmentPane) summaryCmd(s *planner.Snapshot) tea.Cmd {
	if p.built.want(s) {
		return assortmentViewCmd(s, p.by)
	}
	return nil
}
