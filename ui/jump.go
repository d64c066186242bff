package ui

import (
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"
)

// jumpTarget is a SKU the cursor should land on in a pane whose rows may
// still be on their way.
type jumpTarget struct {
	tab       int
	productID int64
	sku       string
}

// jumpTo shows a pane with the cursor on a SKU: now if its rows are
// there, else when its query returns. A key pressed meanwhile ends the
// jump (handleKey), so the cursor never moves on its own later.
func (m *Model) jumpTo(tab int, productID int64, sku string) tea.Cmd {
	m.jump = &jumpTarget{tab: tab, productID: productID, sku: sku}
	cmd := m.showTab(tab)
	m.landJump()
	return tea.Batch(cmd, m.wantDetail())
}

// landJump puts the cursor on the jump's SKU if the pane on screen shows
// it; with the pane's rows settled and the SKU not among them, it says
// why instead. Either way the jump is over; only rows still on their way
// keep it.
func (m *Model) landJump() {
	j := m.jump
	if j == nil {
		return
	}
	p := m.paneOf(j.tab)
	if j.tab != m.tab || p == nil {
		m.jump = nil
		return
	}
	if p.view != nil {
		for pos, r := range p.table.index {
			if r >= 0 && m.productOf(j.tab, r) == j.productID {
				p.table.moveTo(pos)
				m.jump = nil
				return
			}
		}
	}
	if p.view == nil || p.querying {
		return // queried lands it
	}
	m.jump = nil
	m.setInfo(m.jumpMissed(j, p))
}

// jumpMissed says why a jump's SKU is not among the pane's rows: the
// filter hides it, or the plan no longer puts it on this pane.
func (m *Model) jumpMissed(j *jumpTarget, p *pane) string {
	sku := clean(j.sku)
	for r := range p.view.Len() {
		if m.productOf(j.tab, r) == j.productID {
			return fmt.Sprintf("%s is hidden by the filter %s: %s clears it, then %s on 1 %s opens %s here",
				sku, strconv.Quote(clean(p.query.Filter)), keyName(m.keys.ClearFilter), keyName(m.overview.keys.Open), tabNames[overviewTab], sku)
		}
	}
	return fmt.Sprintf("%s is no longer on the %s pane: the plan changed since the Overview listed it", sku, tabNames[j.tab])
}

// productOf is the product of a view row of a tab's pane.
func (m *Model) productOf(tab, row int) int64 {
	if p, ok := m.panes[tab].(skuPane); ok {
		return p.productOf(row)
	}
	return 0
}
