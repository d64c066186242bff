package ui

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// suppliersPane is tab 6: the suppliers, and under each (enter) its
// purchase orders, and under each order (enter) its lines. esc goes back.
type suppliersPane struct {
	screen int // screenSuppliers, screenOrders or screenLines
	list   pane
	orders pane
	lines  pane

	sv       *planner.SuppliersView
	supplier model.Supplier      // whose orders are listed
	order    model.PurchaseOrder // whose lines are shown
	styles   *Styles
	keys     suppliersKeys
}

const (
	screenSuppliers = iota
	screenOrders
	screenLines
)

func newSuppliersPane(styles *Styles) *suppliersPane {
	p := &suppliersPane{styles: styles, keys: defaultSuppliersKeys()}
	p.list = pane{tab: suppliersTab, table: newTable([]tableColumn{
		{title: supplierTitles[planner.SupplierName], viewCol: planner.SupplierName, min: 12, max: 26, priority: 0, grow: 2},
		{title: supplierTitles[planner.SupplierSKUs], viewCol: planner.SupplierSKUs, min: 6, max: 7, right: true, priority: 1},
		{title: supplierTitles[planner.SupplierToOrder], viewCol: planner.SupplierToOrder, min: 8, max: 8, right: true, priority: 0},
		{title: supplierTitles[planner.SupplierToOrderValue], viewCol: planner.SupplierToOrderValue, min: 11, max: 12, right: true, priority: 1},
		{title: supplierTitles[planner.SupplierOpenPOs], viewCol: planner.SupplierOpenPOs, min: 8, max: 8, right: true, priority: 2},
		{title: supplierTitles[planner.SupplierOpenValue], viewCol: planner.SupplierOpenValue, min: 10, max: 12, right: true, priority: 2},
		{title: supplierTitles[planner.SupplierSpend], viewCol: planner.SupplierSpend, min: 10, max: 12, right: true, priority: 3},
		{title: supplierTitles[planner.SupplierLeadTime], viewCol: planner.SupplierLeadTime, min: 5, max: 5, right: true, priority: 3},
		{title: supplierTitles[planner.SupplierMeasured], viewCol: planner.SupplierMeasured, min: 6, max: 6, right: true, priority: 3},
		{title: supplierTitles[planner.SupplierOnTime], viewCol: planner.SupplierOnTime, min: 7, max: 7, right: true, priority: 4},
		{title: supplierTitles[planner.SupplierLeadTimeUsed], viewCol: planner.SupplierLeadTimeUsed, min: 5, max: 5, right: true, priority: 4},
	})}
	p.orders = pane{tab: suppliersTab, query: planner.Query{}, table: newTable([]tableColumn{
		{title: poListTitles[planner.POListID], viewCol: planner.POListID, min: 6, max: 7, right: true, priority: 0},
		{title: poListTitles[planner.POListStatus], viewCol: planner.POListStatus, min: 9, max: 9, priority: 0},
		{title: poListTitles[planner.POListCreated], viewCol: planner.POListCreated, min: 10, max: 10, priority: 2},
		{title: poListTitles[planner.POListSent], viewCol: planner.POListSent, min: 10, max: 10, priority: 2},
		{title: poListTitles[planner.POListExpected], viewCol: planner.POListExpected, min: 10, max: 10, priority: 1},
		{title: poListTitles[planner.POListReceived], viewCol: planner.POListReceived, min: 10, max: 10, priority: 3},
		{title: poListTitles[planner.POListLines], viewCol: planner.POListLines, min: 5, max: 6, right: true, priority: 1},
		{title: poListTitles[planner.POListUnits], viewCol: planner.POListUnits, min: 7, max: 8, right: true, priority: 1},
		{title: poListTitles[planner.POListReceivedUnits], viewCol: planner.POListReceivedUnits, min: 7, max: 8, right: true, priority: 2},
		{title: poListTitles[planner.POListValue], viewCol: planner.POListValue, min: 9, max: 11, right: true, priority: 0},
		{title: poListTitles[planner.POListOpenValue], viewCol: planner.POListOpenValue, min: 10, max: 11, right: true, priority: 3},
	})}
	p.lines = pane{tab: suppliersTab, table: newTable([]tableColumn{
		{title: poTitles[planner.POSKU], viewCol: planner.POSKU, min: 9, max: 12, priority: 0, grow: 1},
		{title: poTitles[planner.POName], viewCol: planner.POName, min: 12, max: 36, priority: 1, grow: 2},
		{title: poTitles[planner.POQty], viewCol: planner.POQty, min: 7, max: 8, right: true, priority: 0},
		{title: poTitles[planner.POReceived], viewCol: planner.POReceived, min: 8, max: 8, right: true, priority: 0},
		{title: poTitles[planner.POUnitCost], viewCol: planner.POUnitCost, min: 9, max: 10, right: true, priority: 2, render: p.renderUnitCost},
		{title: poTitles[planner.POLineTotal], viewCol: planner.POLineTotal, min: 10, max: 12, right: true, priority: 1},
	})}
	// a refreshed list may put an order elsewhere (a sent draft moves down)
	p.orders.follow.key = func(row int) int64 { return p.orders.view.(planner.POListView).Orders[row].ID }
	p.lines.follow.key = func(row int) int64 { return p.order.Lines[row].ProductID }
	return p
}

// active is the table of the screen shown.
func (p *suppliersPane) active() *pane {
	switch p.screen {
	case screenOrders:
		return &p.orders
	case screenLines:
		return &p.lines
	}
	return &p.list
}

// paneFor routes a query result to the screen whose view it queried.
func (p *suppliersPane) paneFor(msg queryMsg) *pane {
	switch msg.view.(type) {
	case planner.POListView:
		return &p.orders
	case planner.POView:
		return &p.lines
	}
	return &p.list
}

func (p *suppliersPane) setSnapshot(sv *planner.SuppliersView) {
	p.sv = sv
	p.list.replaceView(sv, nil)
	if p.list.table.index == nil {
		// the view's own order (by name) until the first query returns, so
		// a quick enter on a first visit finds a supplier
		p.list.table.setIndex(planner.Sorted(sv, "", false))
	}
}

// currentSupplier is the supplier under the cursor of the first screen.
func (p *suppliersPane) currentSupplier() (*planner.SupplierRow, bool) {
	if i, ok := p.list.table.current(); ok && p.sv != nil && i < p.sv.Len() {
		return p.sv.Row(i), true
	}
	return nil, false
}

// currentOrder is the order under the cursor of the orders screen, or the
// one shown on the lines screen.
func (p *suppliersPane) currentOrder() (model.POSummary, bool) {
	if p.screen == screenLines {
		o := p.order
		return model.POSummary{POHeader: o.POHeader}, o.ID != 0
	}
	v, ok := p.orders.view.(planner.POListView)
	if !ok {
		return model.POSummary{}, false
	}
	if i, ok := p.orders.table.current(); ok && i < len(v.Orders) {
		return v.Orders[i], true
	}
	return model.POSummary{}, false
}

func (p *suppliersPane) renderUnitCost(i, w int, _ bool) string {
	return fit(fmt.Sprintf("%.2f", p.order.Lines[i].UnitCost), w, true)
}

type ordersMsg struct {
	supplierID int64
	orders     []model.POSummary
	err        error
}

type orderMsg struct {
	order model.PurchaseOrder
	err   error
}

func ordersCmd(b Backend, supplierID int64) tea.Cmd {
	return func() tea.Msg {
		o, err := b.PurchaseOrders(context.Background(), model.POFilter{SupplierID: supplierID})
		return ordersMsg{supplierID: supplierID, orders: o, err: err}
	}
}

func orderCmd(b Backend, id int64) tea.Cmd {
	return func() tea.Msg {
		o, err := b.PurchaseOrder(context.Background(), id)
		return orderMsg{order: o, err: err}
	}
}

// refresh reads the orders and the order shown again, after a change.
func (p *suppliersPane) refresh(b Backend) tea.Cmd {
	var cmds []tea.Cmd
	if p.screen >= screenOrders {
		cmds = append(cmds, ordersCmd(b, p.supplier.ID))
	}
	if p.screen == screenLines {
		cmds = append(cmds, orderCmd(b, p.order.ID))
	}
	return tea.Batch(cmds...)
}

func (m *Model) ordersLoaded(msg ordersMsg) tea.Cmd {
	p := m.suppliers
	if msg.err != nil {
		m.setError(fmt.Sprintf("purchase orders: %v", msg.err))
		return nil
	}
	if msg.supplierID != p.supplier.ID {
		return nil
	}
	p.orders.remember()
	p.orders.replaceView(planner.POListView{Orders: msg.orders}, nil)
	return p.orders.runQuery()
}

func (m *Model) orderLoaded(msg orderMsg) tea.Cmd {
	p := m.suppliers
	if msg.err != nil {
		m.setError(fmt.Sprintf("purchase order: %v", msg.err))
		return nil
	}
	p.lines.remember()
	p.order = msg.order
	p.lines.replaceView(planner.POView{Order: msg.order}, nil)
	return p.lines.runQuery()
}

// heading is the line above the orders and lines screens, with the
// screen's keys (k: the shared ones).
func (p *suppliersPane) heading(k *KeyMap) string {
	s, own := p.styles, p.keys
	switch p.screen {
	case screenOrders:
		return s.Title.Render("Purchase orders · "+clean(p.supplier.Name)) +
			s.Dim.Render("   "+keyList(withDesc(own.Open, "lines"), own.Send, own.ReceiveAll, own.Cancel, own.Back))
	case screenLines:
		o := p.order
		facts := fmt.Sprintf("PO #%d · %s · %s · created %s", o.ID, clean(o.Supplier), o.Status, dayText(o.Created))
		if o.Sent.Valid() {
			facts += " · sent " + o.Sent.String()
		}
		if o.Expected.Valid() {
			facts += " · expected " + o.Expected.String()
		}
		if o.Received.Valid() {
			facts += " · received " + o.Received.String()
		}
		total := 0.0
		for _, l := range o.Lines {
			total += l.Value()
		}
		facts += fmt.Sprintf(" · %s %s", model.GroupThousands(int64(total+0.5)), clean(p.supplier.Currency))
		return s.Title.Render(facts) + s.Dim.Render("   "+keyList(withDesc(k.Edit, "qty"), own.ReceiveLine, own.Send, own.ReceiveAll, own.Cancel, k.Export, own.Back))
	}
	return ""
}

func dayText(d model.Day) string {
	if !d.Valid() {
		return "–"
	}
	return d.String()
}

// layoutTables sizes the three screens: the suppliers list leaves room for
// its detail; the orders and lines screens use the whole body under one
// heading line.
func (p *suppliersPane) layoutTables(w, h int) {
	if w < minWidth || h < minHeight {
		return
	}
	t, _, _ := layoutRects(w, h)
	p.list.table.resize(t.w, t.h)
	p.orders.table.resize(w, h-3)
	p.lines.table.resize(w, h-3)
}

// suppliersBody draws the screen of the suppliers tab.
func (m *Model) suppliersBody() string {
	p := m.suppliers
	if p.screen == screenSuppliers {
		return m.tableBody(p.list.table, m.supplierDetail)
	}
	m.placeEditor()
	t := p.active().table
	if m.mode == modeEdit && p.screen == screenLines {
		if w := t.widths; len(w) > 3 && t.shows(3) {
			col := 2 // Qty
			if m.field == fieldPOReceive {
				col = 3
			}
			if t.shows(col) {
				cw := w[slices.Index(t.shown, col)]
				m.input.SetWidth(max(cw-3, 1))
				t.setOverlay(col, "["+fit(m.input.View(), max(cw-2, 1), false)+"]")
			}
		}
	} else {
		t.clearOverlay()
	}
	body := t.render(&m.styles)
	if p.active().view == nil {
		body = center(m.spin.View()+" Loading…", m.width, m.height-3)
	} else if len(t.index) == 0 && p.active().query.Filter == "" {
		body = center(m.styles.Dim.Render(fmt.Sprintf("No purchase orders yet. Press %s on a supplier's heading in %d %s to draft one.",
			keyName(m.keys.Order), reorderTab+1, tabNames[reorderTab])), m.width, m.height-3)
	}
	return fit(p.heading(&m.keys), m.width, false) + "\n" + body
}

// supplierDetail draws the selected supplier's facts beside the list.
func (m *Model) supplierDetail(d rect, _ bool) string {
	s := m.styles
	sr, ok := m.suppliers.currentSupplier()
	if !ok {
		return clip(s.Dim.Render("No supplier selected."), d.w, d.h)
	}
	sp, act := sr.Supplier, sr.Activity
	lt := act.LeadTime
	f := &factList{styles: &s, labelW: 11, w: d.w}
	add := f.add
	f.line(s.Title.Render(fit(clean(sp.Name), d.w, false)))
	if sp.Email != "" {
		f.line(fit(clean(sp.Email), d.w, false))
	}
	f.line("")
	add("SKUs", model.GroupThousands(int64(sr.SKUs)))
	add("To order", count(sr.ToOrder.SKUs, "SKU")+" · "+count(sr.ToOrder.Units, "unit")+" · "+formatMoney(sr.ToOrder.Value, sp.Currency))
	if sp.MinOrderValue > 0 {
		mov := formatMoney(sp.MinOrderValue, sp.Currency)
		if sr.ToOrder.SKUs > 0 && sr.ToOrder.Value < sp.MinOrderValue {
			mov += s.Error.Render(" ⚠ not met")
		}
		add("Min order", mov)
	}
	add("Order cost", formatMoney(sp.OrderCost, sp.Currency))
	add("Open POs", fmt.Sprintf("%d · %s outstanding", act.OpenPOs, formatMoney(act.OpenValue, sp.Currency)))
	add("Spend 52w", formatMoney(act.Spend52w, sp.Currency))
	f.line("")
	f.line(s.Title.Render("Lead time"))
	add("Configured", fmt.Sprintf("%s ± %s days", trimFloat(sp.LeadTimeDays), trimFloat(sp.LeadTimeSDDays)))
	measured := "no received orders yet"
	if lt.Receipts > 0 {
		measured = fmt.Sprintf("%s days mean", trimFloat(lt.MeanDays))
		if !math.IsNaN(lt.SDDays) {
			measured += " ± " + trimFloat(lt.SDDays)
		}
		measured += " from " + count(lt.Receipts, "order")
	}
	add("Measured", measured)
	if lt.Receipts > 0 && !math.IsNaN(lt.OnTime) {
		add("On time", fmt.Sprintf("%.0f%% by the expected day", 100*lt.OnTime))
	}
	used := fmt.Sprintf("%s ± %s days (%s)", trimFloat(sr.LeadTime.Days), trimFloat(sr.LeadTime.SDDays), sr.LeadTime.Source)
	add("Planned", used)
	if lt.Receipts < model.MinReceiptsToMeasure {
		f.line(fit(s.Dim.Render(fmt.Sprintf("Measured lead times count from %d received orders.", model.MinReceiptsToMeasure)), d.w, false))
	}
	f.line("")
	f.line(s.Dim.Render(fit(keyName(m.suppliers.keys.Open)+": purchase orders", d.w, false)))
	return clip(strings.Join(f.lines, "\n"), d.w, d.h)
}
