package ui

import "testing"

// A signal (SIGHUP when the terminal closes, SIGTERM) quits as q does,
// without a question nobody could answer; a save in flight lands first.
func TestQuitSignalQuitsOnceTheSaveHasLanded(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	if _, c := m.Update(QuitSignalMsg{}); !quits(c) {
		t.Fatal("with nothing to save, the signal should quit at once")
	}

	m, st = newTestModel(t, 160, 45)
	lock := lockedBy(t, otherProcess(t, st))
	sku := currentSKU(m)
	rest := saveWaiting(t, m, "e", "44") // the save waits for the other process's lock
	if _, c := m.Update(QuitSignalMsg{}); quits(c) || m.confirm != nil {
		t.Fatalf("quit (%v) or asked (%v) while the save waits: the save would be lost", quits(c), m.confirm)
	}
	lock.Commit()
	// the save lands, then the dashboard quits
	landed := rest()
	_, after := m.Update(landed)
	if !quits(after) {
		t.Errorf("no quit after the save landed (%T)", landed)
	}
	if p := policyOf(t, st, sku); !p.Manual || p.ReorderPoint != 44 {
		t.Errorf("stored %+v, want the 44 saved before quitting", p)
	}
}
