package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// suppliersKeys are the Suppliers pane's own keys (tab 6): down from the
// suppliers to their orders and an order's lines, back up, and the
// purchase-order actions. e (a line's quantity) and x (the order's CSV)
// are the shared KeyMap's.
type suppliersKeys struct {
	Open, Back, Send, ReceiveAll, Cancel, ReceiveLine key.Binding
}

func defaultSuppliersKeys() suppliersKeys {
	return suppliersKeys{
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:        key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Send:        key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "send")),
		ReceiveAll:  key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "receive all")),
		Cancel:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cancel")),
		ReceiveLine: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "receive line")),
	}
}

func (p *suppliersPane) ownKeys() []key.Binding {
	k := p.keys
	return []key.Binding{k.Open, k.Back, k.Send, k.ReceiveAll, k.Cancel, k.ReceiveLine}
}

func (p *suppliersPane) handleKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	if m.snap == nil {
		return nil
	}
	if key.Matches(msg, m.keys.Undo) {
		m.setInfo(fmt.Sprintf("%s undoes planning edits, not orders: %s changes a line again, %s cancels",
			keyName(m.keys.Undo), keyName(m.keys.Edit), keyName(p.keys.Cancel)))
		return nil
	}
	if cmd, ok := p.ownKey(m, msg); ok {
		return cmd
	}
	t := p.active()
	if t.view == nil {
		return nil // a purchase order's list or lines are still being read
	}
	return m.tableKey(t, msg)
}

// ownKey moves between the suppliers, their orders and an order's
// lines, and runs the purchase-order actions; false leaves the key to the
// table.
func (p *suppliersPane) ownKey(m *Model, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Open):
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
	case key.Matches(msg, k.Back):
		if p.screen > screenSuppliers && p.active().query.Filter == "" {
			p.screen--
			return nil, true
		}
		return nil, false
	}
	if p.screen == screenSuppliers {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Send):
		return m.poAction("send"), true
	case key.Matches(msg, k.ReceiveAll):
		return m.poAction("receive"), true
	case key.Matches(msg, k.Cancel):
		return m.poAction("cancel"), true
	}
	if p.screen == screenLines {
		switch {
		case key.Matches(msg, m.keys.Edit):
			return m.startLineEdit(false), true
		case key.Matches(msg, k.ReceiveLine):
			return m.startLineEdit(true), true
		case key.Matches(msg, m.keys.Export):
			m.setInfo("Exporting…")
			v := planner.POView{Order: p.order}
			return exportCmd(v, planner.Query{}, m.opt.ExportDir, m.opt.Now()), true
		}
	}
	return nil, false
}

func (p *suppliersPane) hints(m *Model) []key.Binding {
	k, own := m.keys, p.keys
	switch p.screen {
	case screenOrders:
		return append([]key.Binding{withDesc(own.Open, "lines"), own.Send, own.ReceiveAll, own.Cancel, own.Back, k.Export}, k.closing()...)
	case screenLines:
		return []key.Binding{withDesc(k.Edit, "qty"), own.ReceiveLine, own.Send, own.ReceiveAll, own.Cancel,
			withDesc(k.Export, "export PO"), own.Back, k.Help}
	}
	return append([]key.Binding{withDesc(own.Open, "orders"), k.Filter, k.Sort, k.Export}, k.closing()...)
}

func (p *suppliersPane) help(m *Model) string {
	k, own := m.keys, p.keys
	return "Lead times as configured and measured from received orders (used from 3 receipts), open orders, spend.\n" +
		fmt.Sprintf("%s opens a supplier's orders, %s again an order's lines; %s sends a draft (expected = today + lead time),\n",
			keyName(own.Open), keyName(own.Open), keyName(own.Send)) +
		fmt.Sprintf("%s receives units of a line, %s receives everything outstanding, %s cancels, %s changes a line's quantity,\n",
			keyName(own.ReceiveLine), keyName(own.ReceiveAll), keyName(own.Cancel), keyName(k.Edit)) +
		fmt.Sprintf("%s on an order writes a supplier-ready CSV; %s goes back.", keyName(k.Export), keyName(own.Back))
}

func (p *suppliersPane) body(m *Model, w, h int) string {
	if p.active().view == nil {
		return m.planning(w, h)
	}
	return m.suppliersBody()
}

func (p *suppliersPane) detail(m *Model, d rect, side bool) string { return m.supplierDetail(d, side) }

func (p *suppliersPane) rows() *pane { return p.active() }

func (p *suppliersPane) layout(w, h int) { p.layoutTables(w, h) }

func (p *suppliersPane) settled() {}
