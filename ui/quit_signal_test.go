package ui

import (
	"context"
	"database/sql"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func quits(c tea.Cmd) bool {
	if c == nil {
		return false
	}
	switch msg := c().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(c) {
				return true
			}
		}
	}
	return false
}

// A signal (SIGHUP when the terminal closes, SIGTERM) quits as q does,
// without a question nobody could answer; a save in flight lands first.
func TestQuitSignalQuitsOnceTheSaveHasLanded(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	if _, c := m.Update(QuitSignalMsg{}); !quits(c) {
		t.Fatal("with nothing to save, the signal should quit at once")
	}

	m, st = newTestModel(t, 160, 45)
	other := otherProcess(t, st)
	lock, err := other.DB().BeginTx(context.Background(), &sql.TxOptions{}) // BEGIN IMMEDIATE
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	sku := currentSKU(m)
	press(t, m, "e")
	clearInput(t, m)
	typeText(t, m, "44")
	_, cmd := m.Update(keyMsg("enter"))
	wait := cmd() // the save waits for the other process's lock
	_, rest := m.Update(wait)
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
