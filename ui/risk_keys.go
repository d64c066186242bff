package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// riskKeys are the Risk pane's own keys (tab 5).
type riskKeys struct {
	WhatIf key.Binding
}

func defaultRiskKeys() riskKeys {
	return riskKeys{
		WhatIf: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "what-if markdown")),
	}
}

func (p *riskPane) ownKeys() []key.Binding { return []key.Binding{p.keys.WhatIf} }

func (p *riskPane) handleKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	return m.tablePaneKey(&p.pane, msg, func() (tea.Cmd, bool) {
		switch {
		case key.Matches(msg, p.keys.WhatIf):
			return m.startWhatIf(), true
		case key.Matches(msg, m.keys.Undo):
			m.setInfo(fmt.Sprintf("Nothing to undo: a what-if is never saved (%s changes it)", keyName(p.keys.WhatIf)))
			return nil, true
		}
		return nil, false
	})
}

func (p *riskPane) hints(m *Model) []key.Binding {
	k := m.keys
	return append([]key.Binding{p.keys.WhatIf, k.Mark, k.Sort, k.Filter, k.Export}, k.closing()...)
}

func (p *riskPane) help(m *Model) string {
	return "Dead, excess, declining and slow stock, worst first: units and value at risk, weeks to clear, suggested\n" +
		fmt.Sprintf("markdown (1 − k^(1/ε), capped) and liquidation value. %s sets a what-if markdown for the marked SKUs (%s = suggested);\n",
			keyName(p.keys.WhatIf), keyName(m.keys.Auto)) +
		fmt.Sprintf("%s dead (or excess, declining, slow) shows one kind.", keyName(m.keys.Filter))
}

func (p *riskPane) body(m *Model, w, h int) string {
	switch {
	case p.view == nil:
		return m.planning(w, h)
	case p.rv.Len() == 0:
		return center(m.styles.Title.Render("No stock at risk")+"\n\n"+
			fmt.Sprintf("No SKU is dead, in excess, declining or slow under the current settings (%s changes them).", keyName(m.keys.Settings)), w, h)
	}
	return m.tableBody(p.table, func(d rect, side bool) string { return p.detail(m, d, side) })
}

func (p *riskPane) detail(m *Model, d rect, side bool) string {
	return m.skuDetail(m.detailInput(), d, side)
}

func (p *riskPane) rows() *pane { return &p.pane }

func (p *riskPane) productOf(row int) int64 { return p.rv.Row(row).Item.Product.ID }

// decorate adds the selection's figures: what the marked rows (or the
// cursor's) put at risk and what clearing them brings.
func (p *riskPane) decorate(in *detailInput) {
	if in.Row != nil {
		in.Risk = p.input()
	}
}

func (p *riskPane) layout(w, h int) { p.resizeTable(w, h) }

// editedCell: the what-if markdown is edited in its column.
func (p *riskPane) editedCell(model.PolicyField) (*table, int, bool) {
	return p.table, kcolWhatIf, true
}

// positionNote adds the capital at risk of the rows shown.
func (p *riskPane) positionNote() string {
	if p.rv == nil {
		return ""
	}
	t := p.shownTotals()
	return compactMoney(t.Value) + " at cost, " + compactMoney(t.Liquidation) + " if sold off"
}

// summaryCmd builds the risk view of a snapshot with the PM's what-ifs.
func (p *riskPane) summaryCmd(s *planner.Snapshot) tea.Cmd {
	if p.built.want(s) {
		return riskViewCmd(s, p.whatIf)
	}
	return nil
}
