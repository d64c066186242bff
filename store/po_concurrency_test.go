package store

import (
	"errors"
	"path/filepath"
	"testing"

	"stockroom/model"
)

// Purchase-order actions through two handles on one file, as two
// dashboards would make them: each is written only if what its PM saw
// still holds, and otherwise writes nothing and names what changed.

// twoPOHandles opens poFixture's catalogue twice.
func twoPOHandles(t *testing.T) (mine, theirs *Store, f poCatalogue) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shared.db")
	mine, err := Open(path)
	must(t, err)
	t.Cleanup(func() { mine.Close() })
	f = poFixture(t, mine)
	theirs, err = Open(path)
	must(t, err)
	t.Cleanup(func() { theirs.Close() })
	return mine, theirs, f
}

// as runs a write as user who; the test's own writes after it are alice's.
func as(t *testing.T, who string, write func() error) {
	t.Helper()
	t.Setenv("USER", who)
	must(t, write())
	t.Setenv("USER", "alice")
}

// seenLines are lines of the given quantities carrying what the planner
// read of their SKUs now.
func seenLines(t *testing.T, s *Store, qty map[int64]int) []model.OrderLine {
	t.Helper()
	var ids []int64
	for id := range qty {
		ids = append(ids, id)
	}
	items, err := s.LoadItems(ctx, ids)
	must(t, err)
	var out []model.OrderLine
	for i := range items {
		it := &items[i]
		out = append(out, model.OrderLine{ProductID: it.Product.ID, Qty: qty[it.Product.ID], Seen: model.OrderSeenOf(it)})
	}
	return out
}

func asConflict(t *testing.T, err error) *model.ConflictError {
	t.Helper()
	var c *model.ConflictError
	if !errors.As(err, &c) {
		t.Fatalf("err %v, want a conflict", err)
	}
	return c
}

func findConflict(c *model.ConflictError, name, field string) (model.Conflict, bool) {
	for _, k := range c.Conflicts {
		if k.Name == name && k.Field == field {
			return k, true
		}
	}
	return model.Conflict{}, false
}

func TestCreateDraftPOIsCompareAndSetAcrossHandles(t *testing.T) {
	mine, theirs, f := twoPOHandles(t)
	on := model.MustDay("2026-03-02")
	t.Setenv("USER", "alice")
	// both dashboards ask about A-1 ×10 and B-2 ×5; the other one says y first
	asked := seenLines(t, mine, map[int64]int{f.a: 10, f.b: 5})
	var theirID int64
	as(t, "bob", func() (err error) {
		theirID, err = theirs.CreateDraftPO(ctx, f.acme, seenLines(t, theirs, map[int64]int{f.a: 10, f.b: 5}), on)
		return err
	})
	audits := countRows(t, mine, "SELECT count(*) FROM audit_log")
	_, err := mine.CreateDraftPO(ctx, f.acme, asked, on)
	c := asConflict(t, err)
	if c.Changes != 2 || len(c.Conflicts) != 2 {
		t.Fatalf("conflict %+v: want A-1 and B-2's units on drafts, of 2 lines", c)
	}
	k, ok := findConflict(c, "A-1", model.FieldInDraft)
	if !ok || k.Seen != "0" || k.Stored != "10" || k.Who != "bob" || k.At == "" || k.Mine || k.Order != theirID {
		t.Errorf("A-1 conflict %+v: want 0 → 10 on drafts by bob on PO %d", k, theirID)
	}
	// nothing written: every quantity is bob's alone, no audit row
	po := readPO(t, mine, theirID)
	if a, _ := poLine(po, "A-1"); a.Qty != 10 {
		t.Errorf("A-1 on the draft: %d, want bob's 10 (not doubled)", a.Qty)
	}
	if b, _ := poLine(po, "B-2"); b.Qty != 5 {
		t.Errorf("B-2 on the draft: %d, want bob's 5", b.Qty)
	}
	if n := countRows(t, mine, "SELECT count(*) FROM audit_log"); n != audits {
		t.Errorf("a refused draft wrote %d audit rows", n-audits)
	}

	// asked again with what is stored now, it is written
	id, err := mine.CreateDraftPO(ctx, f.acme, seenLines(t, mine, map[int64]int{f.a: 2}), on)
	must(t, err)
	if a, _ := poLine(readPO(t, mine, id), "A-1"); id != theirID || a.Qty != 12 {
		t.Errorf("PO %d A-1 %d, want PO %d with 10 + 2", id, a.Qty, theirID)
	}

	// a question asked before this handle's own earlier draft landed is
	// refused too, naming it as its own
	stale := seenLines(t, mine, map[int64]int{f.b: 1})
	_, err = mine.CreateDraftPO(ctx, f.acme, seenLines(t, mine, map[int64]int{f.b: 1}), on)
	must(t, err)
	_, err = mine.CreateDraftPO(ctx, f.acme, stale, on)
	c = asConflict(t, err)
	if k, ok := findConflict(c, "B-2", model.FieldInDraft); !ok || k.Seen != "5" || k.Stored != "6" || !k.Mine || k.Who != "alice" {
		t.Errorf("own earlier draft: %+v, want B-2 5 → 6 on drafts, mine", c.Conflicts)
	}
	if b, _ := poLine(readPO(t, mine, id), "B-2"); b.Qty != 6 {
		t.Errorf("B-2 %d, want 5 + 1 (the stale draft not added)", b.Qty)
	}
}

func TestCreateDraftPOChecksEveryInputOfTheSuggestion(t *testing.T) {
	mine, theirs, f := twoPOHandles(t)
	on := model.MustDay("2026-03-02")
	asked := seenLines(t, mine, map[int64]int{f.a: 10})
	// the other process sets its own order quantity: drafting would have
	// ordered the suggestion and cleared bob's quantity
	as(t, "bob", func() error {
		_, err := theirs.SetPolicies(ctx, []model.PolicyChange{{ProductID: f.a, Field: model.FieldOrderQty, Value: "40"}})
		return err
	})
	_, err := mine.CreateDraftPO(ctx, f.acme, asked, on)
	c := asConflict(t, err)
	if k, ok := findConflict(c, "A-1", string(model.FieldOrderQty)); !ok || k.Seen != "" || k.Stored != "40" || k.Who != "bob" {
		t.Errorf("conflict %+v: want A-1 order_qty auto → 40 by bob", c.Conflicts)
	}
	if n := countRows(t, mine, "SELECT count(*) FROM purchase_orders"); n != 0 {
		t.Errorf("%d purchase orders written", n)
	}
	if n := countRows(t, mine, "SELECT count(*) FROM policies WHERE order_qty = 40"); n != 1 {
		t.Error("bob's order quantity was cleared")
	}

	// stock and orders that arrived: a sent order received by the other process
	asked = seenLines(t, mine, map[int64]int{f.a: 10})
	var sent int64
	as(t, "bob", func() (err error) {
		if sent, err = theirs.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.b, Qty: 4}}, on); err != nil {
			return err
		}
		if _, err = theirs.SetPOLineQty(ctx, sent, f.a, 3, model.POLineSeen{}); err != nil {
			return err
		}
		if _, err = theirs.SendPO(ctx, sent, on, model.POSeen{}); err != nil {
			return err
		}
		return theirs.ReceivePOInFull(ctx, sent, f.north, on+1, model.POSeen{})
	})
	_, err = mine.CreateDraftPO(ctx, f.acme, asked, on)
	c = asConflict(t, err)
	if k, ok := findConflict(c, "A-1", model.FieldOnHand); !ok || k.Seen != "10" || k.Stored != "13" || k.Who != "bob" || k.Order != sent {
		t.Errorf("conflict %+v: want A-1 on hand 10 → 13, received by bob on PO %d", c.Conflicts, sent)
	}
}

func TestSetPOLineQtyIsCompareAndSetAcrossHandles(t *testing.T) {
	mine, theirs, f := twoPOHandles(t)
	on := model.MustDay("2026-03-02")
	id, err := mine.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 5}}, on)
	must(t, err)
	shown := model.SeenLine(model.PODraft, model.POLine{Qty: 5})
	// A opens the editor on 5; B saves 2; A saves 1
	as(t, "bob", func() error {
		_, err := theirs.SetPOLineQty(ctx, id, f.a, 2, shown)
		return err
	})
	_, err = mine.SetPOLineQty(ctx, id, f.a, 1, shown)
	c := asConflict(t, err)
	if len(c.Conflicts) != 1 {
		t.Fatalf("conflicts %+v, want the quantity alone", c.Conflicts)
	}
	if k := c.Conflicts[0]; k.Order != id || k.Name != "A-1" || k.Field != "qty" || k.Seen != "5" || k.Stored != "2" || k.Who != "bob" || k.Mine {
		t.Errorf("conflict %+v: want PO %d A-1 qty 5 → 2 by bob", k, id)
	}
	if a, _ := poLine(readPO(t, mine, id), "A-1"); a.Qty != 2 {
		t.Fatalf("A-1 %d after the refusal, want bob's 2", a.Qty)
	}
	// y: saved against the value shown in the question
	prev, err := mine.SetPOLineQty(ctx, id, f.a, 1, model.SeenLine(model.PODraft, model.POLine{Qty: 2}))
	must(t, err)
	if a, _ := poLine(readPO(t, mine, id), "A-1"); a.Qty != 1 || prev != 2 {
		t.Errorf("A-1 %d (previous %d), want 1 over bob's 2", a.Qty, prev)
	}

	// the order was sent meanwhile: the status is named
	as(t, "bob", func() error { _, err := theirs.SendPO(ctx, id, on, model.POSeen{}); return err })
	_, err = mine.SetPOLineQty(ctx, id, f.a, 4, model.SeenLine(model.PODraft, model.POLine{Qty: 1}))
	c = asConflict(t, err)
	if k, ok := findConflict(c, "", "status"); !ok || k.Seen != "draft" || k.Stored != "sent" || k.Who != "bob" {
		t.Errorf("conflict %+v: want the status draft → sent by bob", c.Conflicts)
	}
	// a line removed by the other process reads as 0
	as(t, "bob", func() error {
		_, err := theirs.SetPOLineQty(ctx, id, f.b, 3, model.POLineSeen{})
		if err == nil {
			_, err = theirs.SetPOLineQty(ctx, id, f.a, 0, model.POLineSeen{})
		}
		return err
	})
	_, err = mine.SetPOLineQty(ctx, id, f.a, 4, model.SeenLine(model.POSent, model.POLine{Qty: 1}))
	if k, ok := findConflict(asConflict(t, err), "A-1", "qty"); !ok || k.Stored != "0" || k.Who != "bob" {
		t.Errorf("removed line: %+v, want A-1 qty 1 → 0 by bob", k)
	}
}

// sentOrder is a sent order to Acme of 37 A-1 and 4 B-2.
func sentOrder(t *testing.T, s *Store, f poCatalogue, on model.Day) int64 {
	t.Helper()
	id, err := s.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 37}, {ProductID: f.b, Qty: 4}}, on)
	must(t, err)
	_, err = s.SendPO(ctx, id, on, model.POSeen{})
	must(t, err)
	return id
}

func TestStaleReceiptsAreRefused(t *testing.T) {
	mine, theirs, f := twoPOHandles(t)
	on := model.MustDay("2026-03-02")
	id := sentOrder(t, mine, f, on)
	line := model.SeenLine(model.POSent, model.POLine{Qty: 37})
	order := readPO(t, mine, id).Seen()
	stock := stockOnHand(t, mine, f.a)
	// B receives the whole order; A, who saw 37 outstanding, receives 37
	as(t, "bob", func() error { return theirs.ReceivePOInFull(ctx, id, 0, on+5, order) })
	audits := countRows(t, mine, "SELECT count(*) FROM audit_log")
	_, err := mine.ReceivePO(ctx, id, []model.POReceipt{{ProductID: f.a, Qty: 37, Seen: line}}, 0, on+5)
	c := asConflict(t, err)
	if k, ok := findConflict(c, "", "status"); !ok || k.Order != id || k.Seen != "sent" || k.Stored != "received" || k.Who != "bob" || k.At == "" {
		t.Errorf("conflict %+v: want PO %d received by bob", c.Conflicts, id)
	}
	if k, ok := findConflict(c, "A-1", "received"); !ok || k.Seen != "0" || k.Stored != "37" || k.Who != "bob" {
		t.Errorf("conflict %+v: want A-1 received 0 → 37 by bob", c.Conflicts)
	}
	if got := stockOnHand(t, mine, f.a); got != stock+37 {
		t.Errorf("A-1 on hand %d, want %d + bob's 37 alone", got, stock)
	}
	if n := countRows(t, mine, "SELECT count(*) FROM audit_log"); n != audits {
		t.Errorf("a refused receipt wrote %d audit rows", n-audits)
	}
	// receive all, cancel and send of what A saw are refused alike
	c = asConflict(t, mine.ReceivePOInFull(ctx, id, 0, on+5, order))
	if k, ok := findConflict(c, "", "status"); !ok || k.Stored != "received" || k.Who != "bob" {
		t.Errorf("receive all: %+v", c.Conflicts)
	}
	c = asConflict(t, mine.CancelPO(ctx, id, order))
	if k, ok := findConflict(c, "", "status"); !ok || k.Stored != "received" {
		t.Errorf("cancel: %+v", c.Conflicts)
	}
	if got := summaryOf(t, mine, id).Status; got != model.POReceived {
		t.Errorf("status %s, want received", got)
	}
}

func TestStaleSendCancelAndPartReceiptsAreRefused(t *testing.T) {
	mine, theirs, f := twoPOHandles(t)
	on := model.MustDay("2026-03-02")
	draft, err := mine.CreateDraftPO(ctx, f.acme, []model.OrderLine{{ProductID: f.a, Qty: 10}}, on)
	must(t, err)
	seen := readPO(t, mine, draft).Seen()
	// B sends it; A's send of the draft it saw is refused, not sent twice
	as(t, "bob", func() error { _, err := theirs.SendPO(ctx, draft, on, seen); return err })
	_, err = mine.SendPO(ctx, draft, on+1, seen)
	if k, ok := findConflict(asConflict(t, err), "", "status"); !ok || k.Seen != "draft" || k.Stored != "sent" || k.Who != "bob" {
		t.Errorf("send: %+v", k)
	}
	if po := readPO(t, mine, draft); po.Sent != on {
		t.Errorf("sent %s, want bob's %s", po.Sent, on)
	}
	// B receives part of it; A's receive-all and cancel of what A saw are refused
	seen = readPO(t, mine, draft).Seen()
	as(t, "bob", func() error {
		_, err := theirs.ReceivePO(ctx, draft, []model.POReceipt{{ProductID: f.a, Qty: 4}}, 0, on+3)
		return err
	})
	c := asConflict(t, mine.ReceivePOInFull(ctx, draft, 0, on+4, seen))
	if k, ok := findConflict(c, "", "received"); !ok || k.Seen != "0" || k.Stored != "4" || k.Who != "bob" {
		t.Errorf("receive all after a part: %+v", c.Conflicts)
	}
	if _, ok := findConflict(c, "", "status"); ok {
		t.Errorf("the status did not change: %+v", c.Conflicts)
	}
	c = asConflict(t, mine.CancelPO(ctx, draft, seen))
	if _, ok := findConflict(c, "", "received"); !ok {
		t.Errorf("cancel after a part: %+v", c.Conflicts)
	}
	if l, _ := poLine(readPO(t, mine, draft), "A-1"); l.ReceivedQty != 4 || summaryOf(t, mine, draft).Status != model.POSent {
		t.Errorf("line %+v: want bob's 4 received, still sent", l)
	}
	// a receipt of a line whose units were received since
	_, err = mine.ReceivePO(ctx, draft, []model.POReceipt{{ProductID: f.a, Qty: 6, Seen: model.SeenLine(model.POSent, model.POLine{Qty: 10})}}, 0, on+4)
	if k, ok := findConflict(asConflict(t, err), "A-1", "received"); !ok || k.Stored != "4" || k.Who != "bob" {
		t.Errorf("line receipt: %+v", k)
	}
	// against what is stored now, it is received
	done, err := mine.ReceivePO(ctx, draft, []model.POReceipt{{ProductID: f.a, Qty: 6, Seen: model.SeenLine(model.POSent, model.POLine{Qty: 10, ReceivedQty: 4})}}, 0, on+4)
	must(t, err)
	if !done {
		t.Error("all 10 received: the order should be complete")
	}
}
