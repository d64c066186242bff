package ui

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// Round 3 of issue 12: the questions all went through one slot, so a
// question that came up later (a save's conflict landing) silently replaced
// the one on screen, and the key meant for the first answered the second.
// Questions now wait their turn; the quit question goes in front.

// lockedBy takes the write lock through another handle on the catalogue.
func lockedBy(t *testing.T, other interface {
	DB() *sql.DB
}) *sql.Tx {
	t.Helper()
	lock, err := other.DB().BeginTx(context.Background(), &sql.TxOptions{}) // BEGIN IMMEDIATE
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lock.Rollback() })
	return lock
}

// writeInLock sets a SKU's reorder point inside the held lock, with its
// audit row, as the tester's lockwrite.py does: the other process's change
// lands the moment the lock is released.
func writeInLock(t *testing.T, lock *sql.Tx, who, sku string, rop int) {
	t.Helper()
	var id int64
	if err := lock.QueryRow(`SELECT id FROM products WHERE sku = ?`, sku).Scan(&id); err != nil {
		t.Fatal(err)
	}
	var old sql.NullInt64
	_ = lock.QueryRow(`SELECT reorder_point FROM policies WHERE product_id = ?`, id).Scan(&old)
	oldText := "auto"
	if old.Valid {
		oldText = strconv.FormatInt(old.Int64, 10)
	}
	if _, err := lock.Exec(`INSERT INTO policies(product_id, reorder_point, updated_at, updated_by)
		VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)
		ON CONFLICT(product_id) DO UPDATE SET reorder_point = excluded.reorder_point,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by`, id, rop, who); err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec(`INSERT INTO audit_log(at, who, entity, entity_id, field, old, new)
		VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, 'policy', ?, 'reorder_point', ?, ?)`,
		who, sku, oldText, strconv.Itoa(rop)); err != nil {
		t.Fatal(err)
	}
}

// saveWaiting opens the editor with key (e: the reorder point of the
// cursor's SKU), types value and presses enter while the lock is held: the
// save waits for it. It returns what delivers the save's result once the
// lock is gone.
// waitingOnALock opens the fixture dashboard at 160×45 with another
// process holding the catalogue's write lock (released when the test
// ends) and the cursor on the third SKU: the start of every test of
// saves that wait.
func waitingOnALock(t *testing.T) (m *Model, st, other *store.Store, lock *sql.Tx) {
	t.Helper()
	m, st = newTestModel(t, 160, 45)
	other = otherProcess(t, st)
	lock = lockedBy(t, other)
	press(t, m, "down", "down")
	return m, st, other, lock
}

func saveWaiting(t *testing.T, m *Model, key, value string) tea.Cmd {
	t.Helper()
	press(t, m, key)
	typeText(t, m, value)
	_, cmd := m.Update(keyMsg("enter"))
	msg := cmd()
	if _, ok := msg.(lockWaitMsg); !ok {
		t.Fatalf("first message %T, want the save waiting for the lock", msg)
	}
	_, rest := m.Update(msg)
	return rest
}

func TestAQuestionOnScreenIsNotReplacedByALaterOne(t *testing.T) {
	for _, answer := range []string{"y", "n"} {
		t.Run(answer, func(t *testing.T) {
			m, st, _, lock := waitingOnALock(t)
			sku := currentSKU(m)
			rest := saveWaiting(t, m, "e", "11")
			press(t, m, "q")
			if m.confirm == nil || !strings.Contains(lastLine(screen(m)), "Quit and lose it?") {
				t.Fatalf("q while the save waits should ask: %q", lastLine(screen(m)))
			}
			// bob's 75 lands as the lock goes: the save finds it and has a
			// question of its own, with no key pressed
			writeInLock(t, lock, "bob", sku, 75)
			if err := lock.Commit(); err != nil {
				t.Fatal(err)
			}
			if runQuits(t, m, rest) {
				t.Fatal("quit with a question about the save still to answer")
			}
			if s := lastLine(screen(m)); !strings.Contains(s, "Quit and lose it?") {
				t.Fatalf("the quit question was replaced before it was answered: %q", s)
			}
			_, c := m.Update(keyMsg(answer))
			if answer == "y" {
				if !quits(c) {
					t.Error("y to the quit question should quit")
				}
				if p := policyOf(t, st, sku); p.ReorderPoint != 75 {
					t.Errorf("the y meant for quitting saved %d over bob's 75", p.ReorderPoint)
				}
				return
			}
			run(t, m, c)
			// n: the conflict's question comes next, and is answered on its own;
			// beside the answer's result it is in its short form
			s := lastLine(screen(m))
			if m.confirm == nil || !strings.Contains(m.confirm.question, "reorder point is 75 now, set by bob") || !strings.Contains(s, "y saves 11 over 75 (bob's now)") {
				t.Fatalf("after n to quitting, the save's question should be asked: %q", s)
			}
			if !strings.HasPrefix(s, "Not quitting") {
				t.Errorf("the answer's result should stay in sight beside the next question: %q", s)
			}
			press(t, m, "y")
			if p := policyOf(t, st, sku); p.ReorderPoint != 11 {
				t.Errorf("after y to the save's own question: %d, want 11", p.ReorderPoint)
			}
		})
	}
}

// ctrl+c while any question is open asks first when something is unsaved:
// the quit question goes in front, and n brings the other question back.
func TestCtrlCOverAQuestionAsksBeforeLosingWaitingSaves(t *testing.T) {
	m, st, _, lock := waitingOnALock(t)
	first := currentSKU(m)
	rest := saveWaiting(t, m, "e", "6")
	press(t, m, "down")
	second := currentSKU(m)
	press(t, m, "e")
	typeText(t, m, "20000") // implausible: asks y first
	press(t, m, "enter")
	if m.confirm == nil || m.confirm.back == nil {
		t.Fatalf("20,000 should ask before saving: %v", m.confirm)
	}
	if _, c := m.Update(keyMsg("ctrl+c")); quits(c) {
		t.Fatal("ctrl+c over the plausibility question quit with the first save waiting")
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "Your last 2 changes are not saved yet") {
		t.Errorf("the quit question should count the waiting save and the one asked about: %q", s)
	}
	press(t, m, "n")
	if m.confirm == nil || m.confirm.back == nil || m.mode != modeEdit {
		t.Fatalf("n should bring back the plausibility question over its editor: %v, mode %v", m.confirm, m.mode)
	}
	press(t, m, "y") // 20,000 queued behind the waiting save
	if len(m.queue) != 1 || m.mode != modeNormal {
		t.Fatalf("%d queued, mode %v: want the 20,000 queued and its editor closed", len(m.queue), m.mode)
	}
	lock.Commit()
	run(t, m, rest)
	if p := policyOf(t, st, first); p.ReorderPoint != 6 {
		t.Errorf("%s: %d, want 6", first, p.ReorderPoint)
	}
	if p := policyOf(t, st, second); p.ReorderPoint != 20000 {
		t.Errorf("%s: %d, want 20,000", second, p.ReorderPoint)
	}
}

// A conflict question with an edit queued behind it: one ctrl+c asks, a
// second quits.
func TestCtrlCOverAConflictWithAQueuedEditAsks(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	press(t, m, "down", "down")
	sku := currentSKU(m)
	press(t, m, "e")
	typeText(t, m, "30")
	_, first := m.Update(keyMsg("enter"))
	press(t, m, "down", "e")
	typeText(t, m, "50")
	press(t, m, "enter")
	setAs(t, other, "bob", sku, "reorder_point", "40")
	run(t, m, first)
	if m.confirm == nil || !strings.Contains(m.confirm.question, "Save 30 over it?") || len(m.queue) != 1 {
		t.Fatalf("want the conflict asked with one edit queued: %v, %d queued", m.confirm, len(m.queue))
	}
	if _, c := m.Update(keyMsg("ctrl+c")); quits(c) {
		t.Fatal("one ctrl+c quit, losing the queued edit")
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "Your last 2 changes are not saved yet") {
		t.Errorf("quit question: %q", s)
	}
	if _, c := m.Update(keyMsg("ctrl+c")); !quits(c) {
		t.Error("a second ctrl+c should quit")
	}
}

// A question that comes up while an editor is open waits until it closes:
// the next digit typed goes into the field, not to the question.
func TestAQuestionWaitsForTheOpenEditor(t *testing.T) {
	m, st, _, lock := waitingOnALock(t)
	first := currentSKU(m)
	rest := saveWaiting(t, m, "e", "4")
	press(t, m, "down")
	second := currentSKU(m)
	press(t, m, "e")
	typeText(t, m, "20")
	press(t, m, "enter") // queued behind the waiting save
	writeInLock(t, lock, "bob", second, 72)
	lock.Commit()
	press(t, m, "down", "e") // the third SKU's editor, opened before the saves land
	third := currentSKU(m)
	run(t, m, rest)
	if m.confirm != nil || m.mode != modeEdit {
		t.Fatalf("the conflict question replaced the open editor: %v, mode %v", m.confirm, m.mode)
	}
	press(t, m, "5")
	if m.input.Value() != "5" {
		t.Errorf("5 typed in the editor went elsewhere: field %q", m.input.Value())
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "1 question waiting") {
		t.Errorf("the editor should say a question waits for it to close: %q", s)
	}
	press(t, m, "enter") // saves 5, and now the question is asked
	if m.confirm == nil || !strings.Contains(lastLine(screen(m)), "Save 20 over it?") {
		t.Fatalf("the conflict should be asked once the editor closed: %q", lastLine(screen(m)))
	}
	press(t, m, "n")
	if want := "Not saved: " + second + "'s reorder point stays 72"; !strings.HasPrefix(m.message, want) {
		t.Errorf("n left %q, want %q", m.message, want)
	}
	if p := policyOf(t, st, first); p.ReorderPoint != 4 {
		t.Errorf("%s: %d, want 4", first, p.ReorderPoint)
	}
	if p := policyOf(t, st, second); p.ReorderPoint != 72 {
		t.Errorf("%s: %d, want bob's 72", second, p.ReorderPoint)
	}
	if p := policyOf(t, st, third); p.ReorderPoint != 5 {
		t.Errorf("%s: %d, want the 5 typed while the question waited", third, p.ReorderPoint)
	}
}

// The quit question counts what is unsaved now; queued saves go on while
// it is open, and once nothing is left unsaved the dashboard quits.
func TestQuitQuestionFollowsTheSavesAndQuitsWhenTheyLand(t *testing.T) {
	m, st, _, lock := waitingOnALock(t)
	first := currentSKU(m)
	rest := saveWaiting(t, m, "e", "44")
	press(t, m, "down")
	second := currentSKU(m)
	enterValue(t, m, "e", "62")
	press(t, m, "q")
	if s := lastLine(screen(m)); !strings.Contains(s, "Your last 2 changes are not saved yet: another process is writing the catalogue") {
		t.Fatalf("quit question: %q", s)
	}
	lock.Commit()
	// the first save lands; the queued one starts under the question
	_, next := m.Update(rest())
	if s := lastLine(screen(m)); !strings.Contains(s, "Your last change is not saved yet") || strings.Contains(s, "another process is writing") {
		t.Errorf("after the first save landed the question should count one: %q", s)
	}
	if !runQuits(t, m, next) {
		t.Error("with every save landed, the dashboard should quit as asked")
	}
	if p := policyOf(t, st, first); p.ReorderPoint != 44 {
		t.Errorf("%s: %d, want 44", first, p.ReorderPoint)
	}
	if p := policyOf(t, st, second); p.ReorderPoint != 62 {
		t.Errorf("%s: %d, want the queued 62", second, p.ReorderPoint)
	}
}

// A queued save that meets another process's change under the quit
// question keeps asking: quitting first, then the save's own question.
func TestQuitQuestionStaysWhenAQueuedSaveHasAQuestion(t *testing.T) {
	m, _, _, lock := waitingOnALock(t)
	rest := saveWaiting(t, m, "e", "44")
	press(t, m, "down")
	second := currentSKU(m)
	enterValue(t, m, "e", "62")
	press(t, m, "q")
	writeInLock(t, lock, "bob", second, 70)
	lock.Commit()
	if runQuits(t, m, rest) {
		t.Fatal("quit with the queued save's question unanswered")
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "Your last change is not saved yet") || !strings.Contains(s, "Quit and lose it?") {
		t.Fatalf("the quit question should stay first: %q", s)
	}
	press(t, m, "n")
	if s := lastLine(screen(m)); !strings.Contains(s, "y saves 62 over 70") {
		t.Errorf("then the save's question: %q", s)
	}
}

// failingSaves is the catalogue with every planning edit failing, as a
// full disk would make it.
type failingSaves struct{ planner.Backend }

func (failingSaves) SetPolicies(context.Context, *planner.Snapshot, []model.PolicyChange) (planner.PolicyEdit, error) {
	return planner.PolicyEdit{}, errors.New("disk I/O error")
}

// A save that fails while the quit question is asked takes the question
// down: quitting then would hide that the change was lost.
func TestASaveFailingUnderTheQuitQuestionIsShownNotQuit(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	m.opt.Backend = failingSaves{m.opt.Backend.(planner.Backend)}
	press(t, m, "e")
	typeText(t, m, "44")
	_, save := m.Update(keyMsg("enter")) // saving, not landed yet
	if _, c := m.Update(keyMsg("q")); quits(c) || m.confirm == nil || !m.confirm.quit {
		t.Fatalf("q while saving should ask first: %v", m.confirm)
	}
	if runQuits(t, m, save) {
		t.Fatal("quit after the save failed: the PM never sees it was not saved")
	}
	if m.confirm != nil || !strings.HasPrefix(m.message, "Not saved: disk I/O error") || !strings.Contains(m.message, "not quitting") {
		t.Errorf("question %v, message %q", m.confirm, m.message)
	}
}

// q on the too-small page with a save waiting says what would be lost, and
// quits on a second q.
func TestTooSmallPageAsksBeforeQuittingWithASaveWaiting(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	lockedBy(t, otherProcess(t, st))
	saveWaiting(t, m, "e", "44")
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 10})
	if _, c := m.Update(keyMsg("q")); quits(c) {
		t.Fatal("q on the too-small page quit, losing the waiting save")
	}
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "Your last change is not saved yet") || !strings.Contains(s, "q again quits and loses it") {
		t.Errorf("the page should say what q would lose:\n%s", screen(m))
	}
	if _, c := m.Update(keyMsg("q")); !quits(c) {
		t.Error("a second q should quit")
	}
}

// Round 3: a settings edit while a save waited said "your change is saved
// as soon as it has", never opened the editor, and the 97 typed next went
// nowhere. It opens and queues as a pane edit does.
func TestSettingsEditWhileASaveWaitsIsQueued(t *testing.T) {
	m, st, other, lock := waitingOnALock(t)
	sku := currentSKU(m)
	rest := saveWaiting(t, m, "e", "44")
	toSetting(t, m, "service_level_a")
	press(t, m, "enter")
	if !m.settings.editing {
		t.Fatalf("enter while a save waits should open the editor: %q", m.message)
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "enter queues it behind the running save") {
		t.Errorf("the editor should say enter queues: %q", s)
	}
	typeText(t, m, "97")
	press(t, m, "enter")
	if m.settings.editing || len(m.queue) != 1 {
		t.Fatalf("enter should queue the settings save: editing %v, %d queued", m.settings.editing, len(m.queue))
	}
	if s := lastLine(screen(m)); !strings.Contains(s, "1 more edit queued") {
		t.Errorf("the settings view should count the queued edit: %q", s)
	}
	lock.Commit()
	run(t, m, rest)
	if got := storedSettings(t, st).ServiceLevelA; got != 0.97 {
		t.Errorf("service_level_a %v, want the queued 0.97", got)
	}
	if p := policyOf(t, st, sku); p.ReorderPoint != 44 {
		t.Errorf("%s: %d, want 44", sku, p.ReorderPoint)
	}
	if !strings.Contains(m.message, "service_level_a") || !strings.Contains(m.message, "97%") {
		t.Errorf("message %q", m.message)
	}
	log, _ := st.AuditLog(context.Background(), 1)
	if len(log) != 1 || log[0].EntityID != "service_level_a" {
		t.Errorf("audit %+v, want the settings change", log)
	}
	// d (default) queues as well, behind a save that waits
	lock = lockedBy(t, other)
	press(t, m, "esc") // back to the stock pane
	press(t, m, "down")
	rest = saveWaiting(t, m, "e", "45")
	toSetting(t, m, "service_level_a")
	press(t, m, "d")
	if len(m.queue) != 1 {
		t.Fatalf("d while a save waits: %d queued, message %q", len(m.queue), m.message)
	}
	lock.Commit()
	run(t, m, rest)
	if got := storedSettings(t, st).ServiceLevelA; got == 0.97 {
		t.Errorf("d queued behind the save left %v", got)
	}
}

// An action refused while a save waits says plainly that it was not done,
// not "your change is saved as soon as it has".
func TestActionRefusedWhileASaveWaitsSaysItWasNotDone(t *testing.T) {
	m, st := reorderModel(t, 160, 45)
	lockedBy(t, otherProcess(t, st))
	saveWaiting(t, m, "M", "40")
	press(t, m, "o")
	if m.confirm != nil || !strings.HasPrefix(m.message, "Not done") || strings.Contains(m.message, "saved as soon as") {
		t.Errorf("o while a save waits: question %v, message %q", m.confirm, m.message)
	}
}

// What a no left is not hidden by the editor prompt behind the question:
// it stays in place of the prompt, beside the field, until the next key.
func TestANosResultIsShownOverTheEditorUntilTheNextKey(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	lockedBy(t, otherProcess(t, st))
	saveWaiting(t, m, "e", "44")
	press(t, m, "down", "e")
	typeText(t, m, "12")
	press(t, m, "ctrl+c")
	press(t, m, "n")
	s := lastLine(screen(m))
	if !strings.HasPrefix(s, "Not quitting: still saving your change") || !strings.Contains(s, "12") {
		t.Errorf("the answer's result and the field should show: %q", s)
	}
	press(t, m, "3")
	if s := lastLine(screen(m)); !strings.HasPrefix(s, "Reorder point for") || m.input.Value() != "123" {
		t.Errorf("after the next key the prompt is back: %q, field %q", s, m.input.Value())
	}
}
