package ui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"stockroom/planner"
)

// TestSmokeRealProgram runs the dashboard in a real Bubble Tea program:
// it loads in the background, opens on the overview, goes to the stock
// pane, takes keys and quits.
func TestSmokeRealProgram(t *testing.T) {
	st := fixtureStore(t)
	m := New(Options{Backend: planner.Backend{Store: st}, Source: "fixture.db", ExportDir: t.TempDir()})
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(160, 45),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("Order first")) && bytes.Contains(b, []byte("Capital at risk"))
	}, teatest.WithDuration(10*time.Second))
	tm.Send(tea.KeyPressMsg{Code: '2', Text: "2"})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("SKU-001")) && bytes.Contains(b, []byte("24 of 24 SKUs"))
	}, teatest.WithDuration(10*time.Second))
	tm.Send(tea.KeyPressMsg{Code: '/', Text: "/"})
	tm.Type("kitchen")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("8 of 24 SKUs"))
	}, teatest.WithDuration(10*time.Second))
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	final := tm.FinalModel(t).(*Model)
	if final.stock.query.Filter != "kitchen" || len(final.stock.table.index) != 8 {
		t.Errorf("final filter %q with %d rows", final.stock.query.Filter, len(final.stock.table.index))
	}
}
