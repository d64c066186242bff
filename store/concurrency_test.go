package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"stockroom/model"
)

// twoHandles opens one catalogue twice, as two processes would: each handle
// has its own connections.
func twoHandles(t *testing.T) (a, b *Store, pa, pb *model.Product) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	pa, pb = fixture(t, a)
	b, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b, pa, pb
}

func storedROP(t *testing.T, s *Store, id int64) string {
	t.Helper()
	items, err := s.LoadItems(ctx, []int64{id})
	if err != nil || len(items) != 1 {
		t.Fatalf("load %d: %v", id, err)
	}
	return model.PolicyValue(&items[0], model.FieldReorderPoint)
}

func rop(p *model.Product, value, seen string) model.PolicyChange {
	return model.PolicyChange{ProductID: p.ID, SKU: p.SKU, Field: model.FieldReorderPoint, Value: value, Seen: seen, Check: true}
}

func TestSetPoliciesIsCompareAndSetAcrossHandles(t *testing.T) {
	mine, theirs, pa, pb := twoHandles(t)
	// both read A-1 as automatic and B-2 as 4; the other process saves first
	t.Setenv("USER", "bob")
	if _, err := theirs.SetPolicies(ctx, []model.PolicyChange{{ProductID: pa.ID, Field: model.FieldReorderPoint, Value: "40"}}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "alice")
	audits := auditCount(t, mine)
	_, err := mine.SetPolicies(ctx, []model.PolicyChange{rop(pa, "55", ""), rop(pb, "9", "4")})
	var conflict *model.ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("saving over another process's change: err %v, want a conflict", err)
	}
	if conflict.Changes != 2 || len(conflict.Conflicts) != 1 {
		t.Fatalf("conflict %+v: want 1 of 2 values", conflict)
	}
	c := conflict.Conflicts[0]
	if c.Name != "A-1" || c.Field != "reorder_point" || c.Seen != "" || c.Stored != "40" || c.Who != "bob" || c.At == "" || c.Mine {
		t.Errorf("conflict %+v: want A-1 reorder_point stored 40 by bob, seen auto", c)
	}
	if !strings.Contains(err.Error(), "1 of 2") || !strings.Contains(err.Error(), "bob") {
		t.Errorf("message %q should count the conflicts and name bob", err)
	}
	// all or nothing: B-2, which nobody else touched, was not written either
	if got := storedROP(t, mine, pa.ID); got != "40" {
		t.Errorf("A-1 reorder point %q, want the other process's 40", got)
	}
	if got := storedROP(t, mine, pb.ID); got != "4" {
		t.Errorf("B-2 reorder point %q, want 4 (nothing of a refused edit is written)", got)
	}
	if n := auditCount(t, mine); n != audits {
		t.Errorf("a refused edit wrote %d audit rows", n-audits)
	}
	// overwriting after seeing it is a compare-and-set against what was shown
	if _, err := mine.SetPolicies(ctx, []model.PolicyChange{rop(pa, "55", c.Stored), rop(pb, "9", "4")}); err != nil {
		t.Fatalf("overwrite against the value shown: %v", err)
	}
	if got := storedROP(t, theirs, pa.ID); got != "55" {
		t.Errorf("after the overwrite A-1 is %q, want 55", got)
	}
}

func TestConflictNamesNoWriterWhenNoAuditRowWroteTheValue(t *testing.T) {
	mine, theirs, pa, _ := twoHandles(t)
	// an import-like write: no audit row for the value
	if _, err := theirs.DB().Exec(`UPDATE products SET case_pack = 24 WHERE id = ?`, pa.ID); err != nil {
		t.Fatal(err)
	}
	_, err := mine.SetPolicies(ctx, []model.PolicyChange{{ProductID: pa.ID, Field: model.FieldCasePack, Value: "12", Seen: "6", Check: true}})
	var conflict *model.ConflictError
	if !errors.As(err, &conflict) || conflict.Conflicts[0].Stored != "24" || conflict.Conflicts[0].Who != "" {
		t.Fatalf("err %v: want a conflict on the stored 24 with no writer", err)
	}
	if !strings.Contains(err.Error(), "without an audit row") {
		t.Errorf("message %q should say no audit row wrote the value", err)
	}
}

func TestUndoIsRefusedAfterAnotherHandleChangedTheValue(t *testing.T) {
	mine, theirs, pa, pb := twoHandles(t)
	t.Setenv("USER", "alice")
	undo, err := mine.SetPolicies(ctx, []model.PolicyChange{rop(pa, "30", ""), rop(pb, "12", "4")})
	if err != nil {
		t.Fatal(err)
	}
	if undo[0].Value != "" || undo[0].Seen != "30" || !undo[0].Check || undo[1].Value != "4" || undo[1].Seen != "12" {
		t.Fatalf("undo %+v: want A-1 back to auto if still 30, B-2 back to 4 if still 12", undo)
	}
	t.Setenv("USER", "bob")
	if _, err := theirs.SetPolicies(ctx, []model.PolicyChange{{SKU: "A-1", Field: model.FieldReorderPoint, Value: "50"}}); err != nil {
		t.Fatal(err)
	}
	_, err = mine.SetPolicies(ctx, undo)
	var conflict *model.ConflictError
	if !errors.As(err, &conflict) || len(conflict.Conflicts) != 1 || conflict.Conflicts[0].Who != "bob" || conflict.Conflicts[0].Stored != "50" {
		t.Fatalf("undo over bob's change: err %v, want a conflict naming bob and 50", err)
	}
	if got := storedROP(t, mine, pa.ID); got != "50" {
		t.Errorf("A-1 is %q after a refused undo, want bob's 50", got)
	}
	if got := storedROP(t, mine, pb.ID); got != "12" {
		t.Errorf("B-2 is %q after a refused undo, want 12 (all or nothing)", got)
	}
	// undoing only what is still ours works
	if _, err := mine.SetPolicies(ctx, undo[1:]); err != nil {
		t.Fatal(err)
	}
	if got := storedROP(t, mine, pb.ID); got != "4" {
		t.Errorf("B-2 is %q after undoing it, want 4", got)
	}
}

// TestSettingsRaceKeepsTheInvariant races two handles changing different
// settings whose combination Validate refuses, many times: one of them
// must fail, and the file must never hold a ≥ b.
func TestSettingsRaceKeepsTheInvariant(t *testing.T) {
	one, two, _, _ := twoHandles(t)
	for round := range 40 {
		if _, _, err := one.SetSettings(ctx, map[string]string{"abc_cut_a": "0.8", "abc_cut_b": "0.95"}, nil); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, 2)
		for i, c := range []struct {
			s    *Store
			name string
			v    string
		}{{one, "abc_cut_a", "0.9"}, {two, "abc_cut_b", "0.85"}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, _, errs[i] = c.s.SetSettings(ctx, map[string]string{c.name: c.v}, nil)
			}()
		}
		close(start)
		wg.Wait()
		set, err := two.Settings(ctx)
		if err != nil {
			t.Fatalf("round %d: reading settings: %v", round, err)
		}
		if !(set.ABCCutA < set.ABCCutB) {
			t.Fatalf("round %d: the file holds abc_cut_a %v, abc_cut_b %v", round, set.ABCCutA, set.ABCCutB)
		}
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("round %d: errors %v and %v: exactly one change should be refused", round, errs[0], errs[1])
		}
	}
}

func TestSetSettingsIsCompareAndSet(t *testing.T) {
	mine, theirs, _, _ := twoHandles(t)
	t.Setenv("USER", "bob")
	if _, _, err := theirs.SetSettings(ctx, map[string]string{"review_days": "14"}, nil); err != nil {
		t.Fatal(err)
	}
	_, _, err := mine.SetSettings(ctx, map[string]string{"review_days": "10"}, map[string]string{"review_days": "7"})
	var conflict *model.ConflictError
	if !errors.As(err, &conflict) || conflict.Conflicts[0].Stored != "14" || conflict.Conflicts[0].Who != "bob" {
		t.Fatalf("err %v: want a conflict naming bob's 14", err)
	}
	if set, _ := mine.Settings(ctx); set.ReviewDays != 14 {
		t.Errorf("review_days %d after a refused change, want 14", set.ReviewDays)
	}
}

// holdLock takes the write lock through another handle, as another process
// writing would; release commits.
func holdLock(t *testing.T, s *Store) (release func()) {
	t.Helper()
	tx, err := s.DB().BeginTx(ctx, nil) // BEGIN IMMEDIATE: the DSN's _txlock
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(func() { tx.Commit() }) }
	t.Cleanup(release)
	return release
}

func TestWriteWaitsForAnotherProcessAndSaysSo(t *testing.T) {
	mine, theirs, pa, _ := twoHandles(t)
	release := holdLock(t, theirs)
	var notes []string
	wait := LockWait{Timeout: time.Minute, Note: func(path string) {
		notes = append(notes, path)
		release() // the other process finishes while this one waits
	}}
	if _, err := mine.SetPolicies(WithLockWait(ctx, wait), []model.PolicyChange{rop(pa, "40", "")}); err != nil {
		t.Fatalf("write after the lock was released: %v", err)
	}
	if len(notes) != 1 || notes[0] != mine.Path() {
		t.Errorf("notes %q: want one naming %s", notes, mine.Path())
	}
	if got := storedROP(t, theirs, pa.ID); got != "40" {
		t.Errorf("reorder point %q, want 40", got)
	}
}

func TestWriteGivesUpOnALockHeldTooLong(t *testing.T) {
	mine, theirs, pa, _ := twoHandles(t)
	holdLock(t, theirs)
	noted := 0
	wait := LockWait{Timeout: 300 * time.Millisecond, Note: func(string) { noted++ }}
	_, err := mine.SetPolicies(WithLockWait(ctx, wait), []model.PolicyChange{rop(pa, "40", "")})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err %v, want ErrLocked", err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, mine.Path()) || !strings.Contains(msg, "another process") {
		t.Errorf("message %q: want one line naming the file and another process", msg)
	}
	if noted != 1 {
		t.Errorf("noted %d times, want once", noted)
	}
	// settings and the bulk writer wait the same way
	if _, _, err := mine.SetSettings(WithLockWait(ctx, wait), map[string]string{"review_days": "9"}, nil); !errors.Is(err, ErrLocked) {
		t.Errorf("settings: err %v, want ErrLocked", err)
	}
	if _, err := mine.BeginBulk(WithLockWait(ctx, wait)); !errors.Is(err, ErrLocked) {
		t.Errorf("bulk: err %v, want ErrLocked", err)
	}
	// the handle still works once the lock is free
	if got := storedROP(t, mine, pa.ID); got != "" {
		t.Errorf("reorder point %q after refused writes, want auto", got)
	}
}

func TestWriteWaitStopsWithItsContext(t *testing.T) {
	mine, theirs, pa, _ := twoHandles(t)
	holdLock(t, theirs)
	c, cancel := context.WithCancel(ctx)
	wait := LockWait{Note: func(string) { cancel() }} // wait for ever, until cancelled
	_, err := mine.SetPolicies(WithLockWait(c, wait), []model.PolicyChange{rop(pa, "40", "")})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want the context's cancellation", err)
	}
}

func TestChangesReportOnlyOtherConnections(t *testing.T) {
	mine, theirs, pa, pb := twoHandles(t)
	must(t, mine.MarkSeen(ctx))
	if ch, err := mine.Changes(ctx); err != nil || ch.Any {
		t.Fatalf("nothing happened: %+v %v", ch, err)
	}
	// my own write is not someone else's
	if _, err := mine.SetPolicies(ctx, []model.PolicyChange{rop(pa, "30", "")}); err != nil {
		t.Fatal(err)
	}
	if ch, err := mine.Changes(ctx); err != nil || ch.Any {
		t.Fatalf("after my own write: %+v %v, want nothing", ch, err)
	}
	// theirs is, even when mine comes in between
	t.Setenv("USER", "bob")
	if _, err := theirs.SetPolicies(ctx, []model.PolicyChange{{SKU: "B-2", Field: model.FieldReorderPoint, Value: "40"}}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "alice")
	if _, err := mine.SetPolicies(ctx, []model.PolicyChange{rop(pa, "31", "30")}); err != nil {
		t.Fatal(err)
	}
	ch, err := mine.Changes(ctx)
	if err != nil || !ch.Any || len(ch.Entries) != 1 || ch.Entries[0].Who != "bob" || ch.Entries[0].New != "40" {
		t.Fatalf("after bob's write: %+v %v, want bob's row alone", ch, err)
	}
	if len(ch.Products) != 1 || ch.Products[0] != pb.ID {
		t.Errorf("products %v, want B-2's id %d", ch.Products, pb.ID)
	}
	if ch, _ := mine.Changes(ctx); ch.Any {
		t.Errorf("the same change reported twice: %+v", ch)
	}
	// their change that I saved over after seeing it is old news
	setBy(t, theirs, "bob", pb, "41")
	if _, err := mine.SetPolicies(ctx, []model.PolicyChange{rop(pb, "42", "41")}); err != nil {
		t.Fatal(err)
	}
	if ch, _ := mine.Changes(ctx); !ch.Any || len(ch.Entries) != 0 || ch.Superseded != 1 {
		t.Errorf("after saving over bob's change: %+v, want it superseded", ch)
	}
	// a commit without audit rows (forecasts cached by another process)
	if _, err := theirs.DB().Exec(`UPDATE products SET name = 'Anvil 2' WHERE id = ?`, pa.ID); err != nil {
		t.Fatal(err)
	}
	if ch, _ := mine.Changes(ctx); !ch.Any || len(ch.Entries) != 0 {
		t.Errorf("unaudited commit: %+v, want Any and no entries", ch)
	}
	// a purchase order names its lines' products: B-2 joins the supplier's
	// draft, which holds A-1 already
	if _, err := theirs.CreateDraftPO(ctx, 1, []model.OrderLine{{ProductID: pb.ID, Qty: 5, UnitCost: 2}}, model.MustDay("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	ch, _ = mine.Changes(ctx)
	if !ch.Any || len(ch.Products) != 2 || !slices.Contains(ch.Products, pa.ID) || !slices.Contains(ch.Products, pb.ID) {
		t.Errorf("purchase order: %+v, want A-1 and B-2 named", ch)
	}
}

// setBy saves a reorder point through a handle as user who.
func setBy(t *testing.T, s *Store, who string, p *model.Product, value string) {
	t.Helper()
	t.Setenv("USER", who)
	defer t.Setenv("USER", "alice")
	if _, err := s.SetPolicies(ctx, []model.PolicyChange{{ProductID: p.ID, Field: model.FieldReorderPoint, Value: value}}); err != nil {
		t.Fatal(err)
	}
}

func TestConflictWithThisHandlesOwnLaterWriteSaysSo(t *testing.T) {
	s := openTemp(t)
	a, _ := fixture(t, s)
	undo, err := s.SetPolicies(ctx, []model.PolicyChange{{ProductID: a.ID, Field: model.FieldOrderQty, Value: "120"}})
	if err != nil {
		t.Fatal(err)
	}
	// putting the SKU on a draft order takes its order quantity
	if _, err := s.CreateDraftPO(ctx, a.SupplierID, []model.OrderLine{{ProductID: a.ID, Qty: 120, UnitCost: 5}}, model.MustDay("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	_, err = s.SetPolicies(ctx, undo)
	var conflict *model.ConflictError
	if !errors.As(err, &conflict) || conflict.Conflicts[0].Stored != "" || !conflict.Conflicts[0].Mine {
		t.Fatalf("undo after the draft order: %v, want a conflict with this handle's own write", err)
	}
}

func TestCloseStopsAWriteWaitingForALock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	mine, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	pa, _ := fixture(t, mine)
	theirs, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()
	holdLock(t, theirs)
	waiting, done := make(chan struct{}), make(chan error)
	go func() {
		wait := LockWait{Note: func(string) { close(waiting) }} // for ever
		_, err := mine.SetPolicies(WithLockWait(ctx, wait), []model.PolicyChange{rop(pa, "40", "")})
		done <- err
	}()
	<-waiting
	mine.Close() // the dashboard quitting: must not wait for the other process
	if err := <-done; !errors.Is(err, ErrLocked) {
		t.Errorf("the waiting write: %v, want ErrLocked", err)
	}
}
