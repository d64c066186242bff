package ui

import tea "charm.land/bubbletea/v2"

// jumpTarget is a SKU the cursor should land on in a pane whose rows may
// still be on their way.
type jumpTarget struct {
	tab       int
	productID int64
}

// jumpTo shows a pane with the cursor on a SKU: now if its rows are
// there, else when its query returns.
func (m *Model) jumpTo(tab int, productID int64) tea.Cmd {
	m.jump = &jumpTarget{tab: tab, productID: productID}
	cmd := m.showTab(tab)
	m.landJump(false) // else queried lands it
	return tea.Batch(cmd, m.wantDetail())
}

// landJump puts the cursor on the jump's SKU if the pane on screen shows
// it; final says no newer rows are coming, so a SKU not shown is hidden
// by the filter. It reports whether the jump is settled.
func (m *Model) landJump(final bool) bool {
	j := m.jump
	if j == nil || j.tab != m.tab {
		return true
	}
	p := m.paneOf(j.tab)
	if p == nil || p.view == nil {
		return false
	}
	for pos, r := range p.table.index {
		if r >= 0 && m.productOf(j.tab, r) == j.productID {
			p.table.moveTo(pos)
			m.jump = nil
			return true
		}
	}
	if final {
		m.jump = nil
		m.setInfo("That SKU is not among the rows shown: esc clears the filter")
	}
	return final
}

// productOf is the product of a view row of a tab's pane.
func (m *Model) productOf(tab, row int) int64 {
	switch tab {
	case stockTab:
		return m.stock.row(row).Item.Product.ID
	case reorderTab:
		return m.reorder.rv.Row(row).Item.Product.ID
	case riskTab:
		return m.risk.rv.Row(row).Item.Product.ID
	}
	return 0
}
