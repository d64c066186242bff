package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// Purchase-order actions against another process (a second dashboard on
// the same catalogue): compare-and-set, as planning edits are.

var bg = context.Background()

// draftGroup is the supplier group under the reorder pane's cursor and the
// lines o would put on its draft.
func draftGroup(t *testing.T, m *Model) (planner.ReorderGroup, []model.OrderLine) {
	t.Helper()
	p := m.reorder
	g, ok := p.currentGroup()
	if !ok {
		t.Fatal("no group under the cursor")
	}
	var lines []model.OrderLine
	for _, r := range p.groupRows(g) {
		if row := p.rv.Row(r); row.Plan.SuggestedQty > 0 {
			lines = append(lines, model.OrderLine{ProductID: row.Item.Product.ID, Qty: row.Plan.SuggestedQty})
		}
	}
	if len(lines) < 2 {
		t.Fatalf("the group has %d SKUs to order, the test wants 2 or more", len(lines))
	}
	return p.rv.Groups()[g], lines
}

// draftAs writes lines to the supplier's draft through a store handle as
// user who, as another dashboard's o y would.
func draftAs(t *testing.T, st *store.Store, who string, supplierID int64, lines []model.OrderLine) int64 {
	t.Helper()
	t.Setenv("USER", who)
	defer t.Setenv("USER", "alice")
	id, err := st.CreateDraftPO(bg, supplierID, lines, fixtureEnd+5)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func readOrder(t *testing.T, st *store.Store, id int64) model.PurchaseOrder {
	t.Helper()
	po, err := st.PurchaseOrder(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	return po
}

func lineQty(po model.PurchaseOrder, productID int64) int {
	l, _ := po.Line(productID)
	return l.Qty
}

func TestStaleDraftQuestionOrdersNothingTwice(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	other := otherProcess(t, st)
	t.Setenv("USER", "alice")
	grp, lines := draftGroup(t, m)
	press(t, m, "o")
	if m.confirm == nil || !strings.HasPrefix(m.confirm.question, "Draft PO to "+grp.Supplier) {
		t.Fatalf("o asked %v", m.confirm)
	}
	// the other dashboard drafts the same suggestions while A's question is open
	id := draftAs(t, other, "bob", grp.SupplierID, lines)
	press(t, m, "y")
	po := readOrder(t, st, id)
	for _, l := range lines {
		if got := lineQty(po, l.ProductID); got != l.Qty {
			t.Errorf("product %d on PO #%d: %d, want bob's %d alone (ordered twice?)", l.ProductID, id, got, l.Qty)
		}
	}
	if m.confirm != nil {
		t.Errorf("nothing is left to order, yet it asks %q", m.confirm.question)
	}
	for _, want := range []string{"Not drafted", fmt.Sprintf("%d SKUs changed since you asked", len(lines)),
		fmt.Sprintf("PO #%d by bob at ", id), "nothing is left to order from " + grp.Supplier} {
		if !strings.Contains(m.message, want) {
			t.Errorf("status %q lacks %q", m.message, want)
		}
	}
	// the refusal is what the PM sees, also once the watch reports bob's draft
	refusal := m.message
	run(t, m, m.checkOutside())
	if m.message != refusal {
		t.Errorf("the refusal was replaced by %q", m.message)
	}
	// the panes show bob's draft: nothing of the group is suggested again
	for _, l := range lines {
		if r := m.snap.Rows[m.snap.RowOf(l.ProductID)]; r.Item.InDraft != l.Qty || r.Plan.SuggestedQty != 0 {
			t.Errorf("product %d: %d on drafts, %d suggested; want %d and 0", l.ProductID, r.Item.InDraft, r.Plan.SuggestedQty, l.Qty)
		}
	}
}

func TestStaleDraftQuestionAsksAgainWithTheNewNumbers(t *testing.T) {
	for _, answer := range []string{"y", "n"} {
		t.Run(answer, func(t *testing.T) {
			m, st := reorderModel(t, 160, 45)
			other := otherProcess(t, st)
			t.Setenv("USER", "alice")
			grp, lines := draftGroup(t, m)
			press(t, m, "o")
			// bob orders the first SKU only
			id := draftAs(t, other, "bob", grp.SupplierID, lines[:1])
			sku := m.snap.Rows[m.snap.RowOf(lines[0].ProductID)].Item.Product.SKU
			press(t, m, "y")
			if m.confirm == nil {
				t.Fatalf("no question again; status %q", m.message)
			}
			q := m.confirm.question
			units := 0
			for _, l := range lines[1:] {
				units += l.Qty
			}
			for _, want := range []string{sku + " changed since you asked: " + fmt.Sprint(lines[0].Qty) + " on drafts, not 0",
				fmt.Sprintf("PO #%d by bob at ", id), "Draft PO to " + grp.Supplier + " now: " + count(len(lines)-1, "SKU") + ", " + count(units, "unit")} {
				if !strings.Contains(q, want) {
					t.Errorf("question %q lacks %q", q, want)
				}
			}
			// whole with its keys, or, where the audit time's date makes it
			// too long, the short form: keys and numbers first
			if bar := lastLine(screen(m)); !strings.HasSuffix(strings.TrimSpace(bar), "?  y yes · any other key no") &&
				!strings.HasPrefix(bar, "y drafts "+count(len(lines)-1, "SKU")+", "+count(units, "unit")) {
				t.Errorf("the status bar should show the whole question and its keys: %q", bar)
			}
			if lineQty(readOrder(t, st, id), lines[1].ProductID) != 0 {
				t.Fatal("written before the answer")
			}
			press(t, m, answer)
			po := readOrder(t, st, id)
			if got := lineQty(po, lines[0].ProductID); got != lines[0].Qty {
				t.Errorf("%s: %d, want bob's %d alone", sku, got, lines[0].Qty)
			}
			for _, l := range lines[1:] {
				want := l.Qty
				if answer != "y" {
					want = 0 // any other key: nothing drafted
				}
				if got := lineQty(po, l.ProductID); got != want {
					t.Errorf("answer %s: product %d on the draft %d, want %d", answer, l.ProductID, got, want)
				}
			}
		})
	}
}

// A question asked before this dashboard's own earlier draft landed (its
// rows still without it) is refused too, naming this dashboard.
func TestDraftQuestionOlderThanOwnDraftIsRefused(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	grp, lines := draftGroup(t, m)
	press(t, m, "o")
	// the dashboard's own handle writes the same draft behind the question
	id, err := m.opt.Backend.CreateDraftPO(bg, grp.SupplierID, lines, model.DayOf(m.opt.Now()))
	if err != nil {
		t.Fatal(err)
	}
	press(t, m, "y")
	if got := lineQty(readOrder(t, st, id), lines[0].ProductID); got != lines[0].Qty {
		t.Errorf("ordered %d, want %d once", got, lines[0].Qty)
	}
	if !strings.Contains(m.message, "Not drafted") || !strings.Contains(m.message, "by this dashboard at ") {
		t.Errorf("status %q: want a refusal naming this dashboard", m.message)
	}
}

// openOrder shows an order's lines on the suppliers tab: 6, enter on its
// supplier, enter on the order.
func openOrder(t *testing.T, m *Model, id int64) {
	t.Helper()
	po, err := m.opt.Backend.PurchaseOrder(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	press(t, m, "6")
	p := m.suppliers
	for pos, r := range p.list.table.index {
		if p.sv.Row(r).Supplier.ID == po.SupplierID {
			p.list.table.moveTo(pos)
		}
	}
	press(t, m, "enter")
	v := p.orders.view.(planner.POListView)
	for pos, r := range p.orders.table.index {
		if v.Orders[r].ID == id {
			p.orders.table.moveTo(pos)
		}
	}
	if o, ok := p.currentOrder(); !ok || o.ID != id {
		t.Fatalf("order %d not listed", id)
	}
}

// openLine shows an order's lines with the cursor on a product's line.
func openLine(t *testing.T, m *Model, id, productID int64) model.POLine {
	t.Helper()
	openOrder(t, m, id)
	press(t, m, "enter")
	p := m.suppliers
	for pos, r := range p.lines.table.index {
		if p.order.Lines[r].ProductID == productID {
			p.lines.table.moveTo(pos)
			return p.order.Lines[r]
		}
	}
	t.Fatalf("product %d not on PO #%d", productID, id)
	return model.POLine{}
}

// sentFixtureOrder is one of the fixture's sent orders: 24 units of one SKU.
func sentFixtureOrder(t *testing.T, st *store.Store) (int64, model.POLine) {
	t.Helper()
	open, err := st.PurchaseOrders(bg, model.POFilter{OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range open {
		if o.Status == model.POSent && o.ReceivedUnits == 0 {
			return o.ID, readOrder(t, st, o.ID).Lines[0]
		}
	}
	t.Fatal("the fixture has no sent order")
	return 0, model.POLine{}
}

func TestStaleLineQuantityAsksBeforeOverwriting(t *testing.T) {
	for _, answer := range []string{"y", "n"} {
		t.Run(answer, func(t *testing.T) {
			m, st := newTestModel(t, 160, 45)
			other := otherProcess(t, st)
			t.Setenv("USER", "alice")
			id, l := sentFixtureOrder(t, st)
			openLine(t, m, id, l.ProductID)
			press(t, m, "e", "1") // A opens the editor and types 1
			t.Setenv("USER", "bob")
			if _, err := other.SetPOLineQty(bg, id, l.ProductID, 2, model.POLineSeen{}); err != nil {
				t.Fatal(err)
			}
			t.Setenv("USER", "alice")
			press(t, m, "enter")
			if m.confirm == nil {
				t.Fatalf("saved over bob's 2 without asking; status %q, stored %d", m.message, lineQty(readOrder(t, st, id), l.ProductID))
			}
			q := m.confirm.question
			for _, want := range []string{l.SKU + " on PO #" + fmt.Sprint(id) + " is 2 now", "set by bob at ", "Save 1 over it?"} {
				if !strings.Contains(q, want) {
					t.Errorf("question %q lacks %q", q, want)
				}
			}
			if got := lineQty(readOrder(t, st, id), l.ProductID); got != 2 {
				t.Fatalf("stored %d before the answer, want bob's 2", got)
			}
			press(t, m, answer)
			want := 2
			if answer == "y" {
				want = 1
			}
			if got := lineQty(readOrder(t, st, id), l.ProductID); got != want {
				t.Errorf("after %s: %d, want %d", answer, got, want)
			}
		})
	}
}

func TestStaleReceiptIsRefusedPlainly(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	t.Setenv("USER", "alice")
	id, l := sentFixtureOrder(t, st)
	openLine(t, m, id, l.ProductID)
	before := itemOf(t, st, l.SKU).OnHand
	press(t, m, "r") // opens holding the 24 outstanding
	t.Setenv("USER", "bob")
	if err := other.ReceivePOInFull(bg, id, 0, model.DayOf(m.opt.Now()), model.POSeen{}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "alice")
	press(t, m, "2", "4", "enter") // typed: an untouched field saves nothing
	want := fmt.Sprintf("PO #%d was already received in full by bob at ", id)
	if !strings.HasPrefix(m.message, want) || !strings.HasSuffix(m.message, ": nothing received") || !m.messageErr {
		t.Errorf("status %q, want an error %q…: nothing received", m.message, want)
	}
	if got := itemOf(t, st, l.SKU).OnHand; got != before+24 {
		t.Errorf("on hand %d, want %d + bob's 24 alone", got, before)
	}
	refusal := m.message
	run(t, m, m.checkOutside())
	if m.message != refusal {
		t.Errorf("the refusal was replaced by %q", m.message)
	}
}

// t, R and c on an order whose status changed behind the question.
func TestStaleOrderActionsAreRefusedOrAskedAgain(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	t.Setenv("USER", "alice")
	id, l := sentFixtureOrder(t, st)
	openOrder(t, m, id)
	// R asked, bob receives 10 meanwhile: asked again with the 14 left
	press(t, m, "R")
	if m.confirm == nil || !strings.Contains(m.confirm.question, "Receive the 24 units outstanding on PO #") {
		t.Fatalf("R asked %v", m.confirm)
	}
	t.Setenv("USER", "bob")
	if _, err := other.ReceivePO(bg, id, []model.POReceipt{{ProductID: l.ProductID, Qty: 10}}, 0, model.DayOf(m.opt.Now())); err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "alice")
	press(t, m, "y")
	if got := readOrder(t, st, id).Lines[0].ReceivedQty; got != 10 {
		t.Fatalf("received %d, want bob's 10 (nothing by A)", got)
	}
	if m.confirm == nil || !strings.Contains(m.confirm.question, "by bob at ") || !strings.Contains(m.confirm.question, "Receive the 14 units outstanding now") {
		t.Fatalf("after bob's receipt: %v, status %q", m.confirm, m.message)
	}
	// c asked, then bob receives the rest: refused, naming bob
	press(t, m, "n", "c")
	if m.confirm == nil {
		t.Fatalf("c asked nothing: %q", m.message)
	}
	t.Setenv("USER", "bob")
	if err := other.ReceivePOInFull(bg, id, 0, model.DayOf(m.opt.Now()), model.POSeen{}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "alice")
	press(t, m, "y")
	if want := fmt.Sprintf("PO #%d was already received in full by bob at ", id); !strings.HasPrefix(m.message, want) || !strings.HasSuffix(m.message, ": not cancelled") {
		t.Errorf("status %q, want %q…: not cancelled", m.message, want)
	}
	if s := readOrder(t, st, id).Status; s != model.POReceived {
		t.Errorf("status %s, want received", s)
	}

}

func TestStaleSendIsRefused(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	other := otherProcess(t, st)
	t.Setenv("USER", "alice")
	grp, lines := draftGroup(t, m)
	id := draftAs(t, st, "alice", grp.SupplierID, lines)
	openOrder(t, m, id)
	press(t, m, "t")
	if m.confirm == nil || !strings.Contains(m.confirm.question, fmt.Sprintf("Mark PO #%d to %s sent: %s", id, grp.Supplier, count(len(lines), "line"))) {
		t.Fatalf("t asked %v", m.confirm)
	}
	t.Setenv("USER", "bob")
	sent, err := other.SendPO(bg, id, fixtureEnd+6, model.POSeen{})
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "alice")
	press(t, m, "y")
	if want := fmt.Sprintf("PO #%d was already sent by bob at ", id); !strings.HasPrefix(m.message, want) || !strings.HasSuffix(m.message, ": not sent again") {
		t.Errorf("status %q, want %q…: not sent again", m.message, want)
	}
	if po := readOrder(t, st, id); po.Sent != fixtureEnd+6 || po.Expected != sent {
		t.Errorf("sent %s expected %s, want bob's %s and %s", po.Sent, po.Expected, fixtureEnd+6, sent)
	}
}

// Actions that cannot work say why before asking anything.
func TestImpossibleOrderActionsAreRefusedBeforeAsking(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	grp, lines := draftGroup(t, m)
	draft := draftAs(t, st, "alice", grp.SupplierID, lines)
	sent, l := sentFixtureOrder(t, st)
	cases := []struct {
		order int64
		keys  []string
		want  string
	}{
		{sent, []string{"t"}, fmt.Sprintf("PO #%d is already sent", sent)},
		{draft, []string{"R"}, fmt.Sprintf("PO #%d is a draft: send it (t) before receiving", draft)},
		{draft, []string{"enter", "r"}, fmt.Sprintf("PO #%d is a draft: send it (t) before receiving", draft)},
	}
	for _, c := range cases {
		openOrder(t, m, c.order)
		press(t, m, c.keys...)
		if m.confirm != nil || m.mode == modeEdit {
			t.Errorf("%v on PO #%d asked %v (mode %v)", c.keys, c.order, m.confirm, m.mode)
			m.confirm, m.mode = nil, modeNormal
		}
		if !m.messageErr || !strings.HasPrefix(m.message, c.want) {
			t.Errorf("%v on PO #%d: status %q, want an error %q", c.keys, c.order, m.message, c.want)
		}
		press(t, m, "esc", "esc")
	}
	// a received order: t, R, c and r refused alike
	if err := st.ReceivePOInFull(bg, sent, 0, fixtureEnd, model.POSeen{}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"t", "R", "c"} {
		openOrder(t, m, sent)
		press(t, m, k)
		if m.confirm != nil || !strings.HasPrefix(m.message, fmt.Sprintf("PO #%d is ", sent)) {
			t.Errorf("%s on a received order: asked %v, status %q", k, m.confirm, m.message)
			m.confirm = nil
		}
		press(t, m, "esc")
	}
	openLine(t, m, sent, l.ProductID)
	press(t, m, "r")
	if m.mode == modeEdit || !strings.Contains(m.message, "nothing to receive") {
		t.Errorf("r on a received order: mode %v, status %q", m.mode, m.message)
	}
	press(t, m, "e")
	if m.mode == modeEdit || !strings.Contains(m.message, "its lines can no longer change") {
		t.Errorf("e on a received order: mode %v, status %q", m.mode, m.message)
	}
}

// r names what is outstanding, not the field's whole range.
func TestReceiptRangeIsWhatIsOutstanding(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	id, l := sentFixtureOrder(t, st)
	openLine(t, m, id, l.ProductID)
	for _, typed := range []string{"0", "25", "2.5"} {
		enterValue(t, m, "r", typed)
		if !m.messageErr || !strings.Contains(m.message, "1 to 24, the units outstanding") {
			t.Errorf("r %s: status %q, want the 24 outstanding named", typed, m.message)
		}
		press(t, m, "esc")
	}
	if got := readOrder(t, st, id).Lines[0].ReceivedQty; got != 0 {
		t.Errorf("received %d", got)
	}
}
