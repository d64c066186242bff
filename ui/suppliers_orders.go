package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
)

// The suppliers tab's order actions: t sends, R receives in full, c
// cancels the order under the cursor; on its lines e changes a quantity
// and r receives units. Each says first, without asking, when it cannot
// apply to the order as shown (a sent order cannot be sent). Then it asks
// and writes compare-and-set against what the question showed: if another
// process (or this one) changed the order meanwhile, nothing is written
// and the order is read again. If the action no longer applies, the
// status bar says so plainly, naming who changed what ("PO #176 was
// already received in full by root at 02:10: nothing received"); if it
// still does, the question is asked again with the new numbers, and y
// saves over the other change while any other key keeps it.

// orderVerbs are the order actions: what y did not do when refused.
var orderVerbs = map[string]string{"send": "not sent", "receive": "nothing received", "cancel": "not cancelled"}

// poAction asks to send, receive in full or cancel the order under the
// cursor of the suppliers tab.
func (m *Model) poAction(verb string) tea.Cmd {
	if m.busy() {
		return nil
	}
	p := m.suppliers
	o, ok := p.currentOrder()
	if !ok {
		return nil
	}
	seen := o.Seen()
	if p.screen == screenLines {
		if p.lines.view == nil {
			m.setInfo("Reading the order…")
			return nil
		}
		seen = p.order.Seen()
	}
	if why := orderRefusal(verb, o.ID, seen, o.Expected); why != "" {
		m.setError(why)
		return nil
	}
	m.askOrderAction(verb, o, seen, "")
	return nil
}

// orderRefusal says why an action cannot apply to an order as seen, ""
// when it can.
func orderRefusal(verb string, id int64, seen model.POSeen, expected model.Day) string {
	po := fmt.Sprintf("PO #%d", id)
	switch {
	case verb == "send" && seen.Status == model.POSent:
		if expected.Valid() {
			return fmt.Sprintf("%s is already sent (expected %s): nothing to send", po, expected)
		}
		return po + " is already sent: nothing to send"
	case verb == "send" && seen.Status != model.PODraft:
		return fmt.Sprintf("%s is %s: only a draft can be sent", po, seen.Status)
	case verb == "send" && seen.Lines == 0:
		return po + " has no lines: nothing to send"
	case verb == "receive" && seen.Status == model.PODraft:
		return po + " is a draft: send it (t) before receiving"
	case verb == "receive" && seen.Status == model.POReceived:
		return po + " is already received in full: nothing to receive"
	case verb == "receive" && seen.Status != model.POSent:
		return fmt.Sprintf("%s is %s: nothing to receive", po, seen.Status)
	case verb == "receive" && seen.Units <= seen.Received:
		return po + " has nothing outstanding: nothing to receive"
	case verb == "cancel" && seen.Status == model.POReceived:
		return po + " is received in full: nothing is left to cancel"
	case verb == "cancel" && seen.Status == model.POCancelled:
		return po + " is already cancelled"
	}
	return ""
}

// askOrderAction asks about an order as seen, after what changed (before).
func (m *Model) askOrderAction(verb string, o model.POSummary, seen model.POSeen, before string) {
	supplier := clean(o.Supplier)
	var q string
	switch verb {
	case "send":
		q = fmt.Sprintf("Mark PO #%d to %s sent: %s, %s (expected a lead time from today)?", o.ID, supplier,
			count(seen.Lines, "line"), count(seen.Units, "unit"))
	case "receive":
		now := ""
		if before != "" {
			now = " now"
		}
		q = fmt.Sprintf("Receive the %s outstanding%s on PO #%d from %s into stock?", count(seen.Units-seen.Received, "unit"), now, o.ID, supplier)
	case "cancel":
		q = fmt.Sprintf("Cancel PO #%d to %s: %s, %s", o.ID, supplier, count(seen.Lines, "line"), count(seen.Units, "unit"))
		if seen.Received > 0 {
			q += fmt.Sprintf(" (the %s received stay in stock)", model.GroupThousands(int64(seen.Received)))
		}
		q += "?"
	}
	short := shortOrderQuestion(m.yes(), verb, o.ID, seen, before != "") + " · other key no: " + supplier
	if before != "" {
		q = before + ". " + q
		short += "; " + before
	}
	// asked again, the PM's y is still to be carried out
	m.ask(&confirmation{question: q, short: short, unsaved: before != "", run: func() tea.Cmd { return m.orderAction(verb, o, seen) }})
}

// shortOrderQuestion is what y does, for a narrow status bar, keys and
// numbers first: "y receives 14 units now on PO #176".
func shortOrderQuestion(yes, verb string, id int64, seen model.POSeen, again bool) string {
	now := ""
	if again {
		now = " now"
	}
	switch verb {
	case "send":
		return yes + fmt.Sprintf(" sends PO #%d: %s, %s%s", id, count(seen.Lines, "line"), count(seen.Units, "unit"), now)
	case "receive":
		return yes + fmt.Sprintf(" receives %s%s on PO #%d", count(seen.Units-seen.Received, "unit"), now, id)
	}
	q := yes + fmt.Sprintf(" cancels PO #%d: %s, %s%s", id, count(seen.Lines, "line"), count(seen.Units, "unit"), now)
	if seen.Received > 0 {
		q += fmt.Sprintf(" (%s received stay)", model.GroupThousands(int64(seen.Received)))
	}
	return q
}

// orderAction writes an order action against the order as seen.
func (m *Model) orderAction(verb string, o model.POSummary, seen model.POSeen) tea.Cmd {
	b, on, id := m.opt.Backend, m.today(), o.ID
	write := func(ctx context.Context) (written, error) {
		// the order's lines say which SKUs change; read in the command
		po, err := b.PurchaseOrder(ctx, id)
		if err != nil {
			return written{}, err
		}
		w := written{}
		for _, l := range po.Lines {
			w.touched = append(w.touched, l.ProductID)
		}
		switch verb {
		case "send":
			exp, err := b.SendPO(ctx, id, on, seen)
			w.info = fmt.Sprintf("PO #%d sent, expected %s", id, exp)
			return w, err
		case "receive":
			w.info = fmt.Sprintf("PO #%d received in full: stock raised", id)
			return w, b.ReceivePOInFull(ctx, id, on, seen)
		}
		w.info = fmt.Sprintf("PO #%d cancelled", id)
		return w, b.CancelPO(ctx, id, seen)
	}
	return m.changeOrAsk(nil, write, func(c *model.ConflictError) tea.Cmd { return m.orderChanged(verb, o, seen, c) })
}

// orderChanged refuses an order action whose order changed so that it no
// longer applies, or asks again with the order as it is now.
func (m *Model) orderChanged(verb string, o model.POSummary, seen model.POSeen, c *model.ConflictError) tea.Cmd {
	now := seenNow(seen, c)
	k := orderConflict(c)
	if now.Status != seen.Status {
		what := m.statusChangeText(o.ID, k, verb)
		if why := orderRefusal(verb, o.ID, now, model.NoDay); why != "" || now.Status != model.POSent {
			tail := orderVerbs[verb]
			if verb == "send" && now.Status == model.POSent {
				tail = "not sent again"
			}
			m.setRefusal(what + ": " + tail)
			return nil
		}
		m.askOrderAction(verb, o, now, what+" since you asked")
		return nil
	}
	if why := orderRefusal(verb, o.ID, now, model.NoDay); why != "" {
		m.setRefusal(fmt.Sprintf("PO #%d changed since you asked (%s): %s", o.ID, m.byWhom(k), why))
		return nil
	}
	var changed []string
	if now.Received != seen.Received {
		changed = append(changed, fmt.Sprintf("%s received", model.GroupThousands(int64(now.Received-seen.Received))))
	}
	if now.Lines != seen.Lines || now.Units != seen.Units {
		changed = append(changed, fmt.Sprintf("now %s, %s", count(now.Lines, "line"), count(now.Units, "unit")))
	}
	m.askOrderAction(verb, o, now, fmt.Sprintf("PO #%d changed since you asked (%s %s)", o.ID, strings.Join(changed, "; "), m.byWhom(k)))
	return nil
}

// startLineEdit opens the editor on a line of the order shown: its
// quantity (e) or units received now (r), unless the order or line
// cannot take it.
func (m *Model) startLineEdit(receive bool) tea.Cmd {
	p := m.suppliers
	i, ok := p.lines.table.current()
	if !ok || i >= len(p.order.Lines) {
		return nil
	}
	l := p.order.Lines[i]
	if why := lineRefusal(receive, p.order.ID, p.order.Status, l); why != "" {
		m.setError(why)
		return nil
	}
	m.editLine = i
	if receive {
		return m.openEditor(fieldPOReceive, "", strconv.Itoa(l.Outstanding()))
	}
	return m.openEditor(fieldPOQty, "", strconv.Itoa(l.Qty))
}

// lineRefusal says why a line of an order in a status cannot change (or
// receive), "" when it can.
func lineRefusal(receive bool, id int64, status model.POStatus, l model.POLine) string {
	po := fmt.Sprintf("PO #%d", id)
	switch {
	case !receive && !status.Open():
		return fmt.Sprintf("%s is %s: its lines can no longer change", po, status)
	case !receive:
		return ""
	case status == model.PODraft:
		return po + " is a draft: send it (t) before receiving"
	case status == model.POReceived:
		return po + " is already received in full: nothing to receive"
	case status != model.POSent:
		return fmt.Sprintf("%s is %s: nothing to receive", po, status)
	case l.Outstanding() == 0:
		return fmt.Sprintf("%s is received in full on %s: nothing outstanding", clean(l.SKU), po)
	}
	return ""
}

// saveLineEdit reads a line's quantity, or a receipt of 1 to what is
// outstanding, through model's number reader, asks y for an implausible
// quantity, and saves.
func (m *Model) saveLineEdit() tea.Cmd {
	p := m.suppliers
	id, l := p.order.ID, p.order.Lines[m.editLine]
	seen := model.SeenLine(p.order.Status, l)
	receive := m.field == fieldPOReceive
	var n int
	var err error
	if receive {
		n, err = readReceipt(m.input.Value(), l.Outstanding())
	} else {
		n, err = model.ReadQuantity("quantity", m.input.Value(), model.UnitsRange)
	}
	if err != nil {
		m.setError(clean(err.Error()))
		return nil
	}
	if !receive {
		if q, ok := m.lineQuestion(l, n); ok {
			return m.askBeforeSaving(q, func() tea.Cmd { return m.saveLine(id, l, n, false, seen) })
		}
	}
	return m.saveLine(id, l, n, receive, seen)
}

// readReceipt reads units received now: 1 to what is outstanding.
func readReceipt(input string, outstanding int) (int, error) {
	r := model.Range{Min: 1, Max: float64(outstanding), Whole: true}
	n, err := model.ReadQuantity("received", input, r)
	if err != nil && strings.HasSuffix(err.Error(), r.String()) {
		return 0, fmt.Errorf("%w, the units outstanding", err)
	}
	return n, err
}

// saveLine writes a line's new quantity, or n units received now, if the
// line is still as seen.
func (m *Model) saveLine(id int64, l model.POLine, n int, receive bool, seen model.POLineSeen) tea.Cmd {
	b, on := m.opt.Backend, m.today()
	m.closeEditor()
	write := func(ctx context.Context) (written, error) {
		if receive {
			done, err := b.ReceivePO(ctx, id, []model.POReceipt{{ProductID: l.ProductID, Qty: n, Seen: seen}}, on)
			info := fmt.Sprintf("Received %s of %s on PO #%d", model.GroupThousands(int64(n)), l.SKU, id)
			if done {
				info += ": the order is complete"
			}
			return written{info: info}, err
		}
		prev, err := b.SetPOLineQty(ctx, id, l.ProductID, n, seen)
		return written{info: fmt.Sprintf("PO #%d: %s from %s to %s", id, l.SKU, model.GroupThousands(int64(prev)), model.GroupThousands(int64(n)))}, err
	}
	return m.changeOrAsk([]int64{l.ProductID}, write, func(c *model.ConflictError) tea.Cmd {
		return m.lineChanged(id, l, n, receive, seen, c)
	})
}

// lineChanged refuses a line edit or receipt whose line changed so that it
// no longer applies, or shows the other value and who set it and asks
// before saving over it.
func (m *Model) lineChanged(id int64, l model.POLine, n int, receive bool, seen model.POLineSeen, c *model.ConflictError) tea.Cmd {
	now := lineNow(seen, c)
	k := orderConflict(c)
	sku := clean(l.SKU)
	verb, tail := "edit", sku+" not changed"
	if receive {
		verb, tail = "receive", "nothing received"
	}
	if now.Status != seen.Status && lineRefusal(receive, id, now.Status, model.POLine{Qty: now.Qty, ReceivedQty: now.Received}) != "" {
		m.setRefusal(m.statusChangeText(id, k, verb) + ": " + tail)
		return nil
	}
	var what string
	switch {
	case k.Field == "status":
		what = m.statusChangeText(id, k, verb) + " since you looked"
	case k.Field == "qty" && now.Qty == 0:
		what = fmt.Sprintf("%s was taken off PO #%d %s", sku, id, m.byWhom(k))
	case k.Field == "qty":
		what = fmt.Sprintf("%s on PO #%d is %s now, %s", sku, id, model.GroupThousands(int64(now.Qty)), m.byText(k))
	default:
		what = fmt.Sprintf("%s of %s on PO #%d are received now, %s", model.GroupThousands(int64(now.Received)), sku, id, m.byText(k))
	}
	out := now.Qty - now.Received
	switch {
	case receive && out <= 0:
		m.setRefusal(fmt.Sprintf("%s on PO #%d was already received in full %s: nothing received", sku, id, m.byWhom(k)))
		return nil
	case receive && n > out:
		m.setRefusal(fmt.Sprintf("%s: only %s outstanding now, nothing received", what, model.GroupThousands(int64(out))))
		return nil
	case !receive && n < now.Received:
		m.setRefusal(fmt.Sprintf("%s: it cannot go below the %s received, %s", what, model.GroupThousands(int64(now.Received)), tail))
		return nil
	}
	q := fmt.Sprintf("%s. Save %s over it?", what, model.GroupThousands(int64(n)))
	short := m.yes() + fmt.Sprintf(" saves %s over %s (%s now) · other key keeps it: %s on PO #%d", model.GroupThousands(int64(n)),
		model.GroupThousands(int64(now.Qty)), whoShort(k), sku, id)
	if receive {
		q = fmt.Sprintf("%s (%s outstanding). Receive your %s as well?", what, model.GroupThousands(int64(out)), model.GroupThousands(int64(n)))
		short = m.yes() + fmt.Sprintf(" receives %s as well (%s outstanding now) · other key no: %s", model.GroupThousands(int64(n)), model.GroupThousands(int64(out)), what)
	} else if k.Field != "qty" {
		q = fmt.Sprintf("%s. Change %s to %s all the same?", what, sku, model.GroupThousands(int64(n)))
		short = m.yes() + fmt.Sprintf(" changes %s to %s all the same · other key no: %s", sku, model.GroupThousands(int64(n)), what)
	}
	m.ask(&confirmation{question: q, short: short, unsaved: true, run: func() tea.Cmd {
		m.setInfo("Saving…")
		return m.saveLine(id, l, n, receive, now)
	}})
	return nil
}
