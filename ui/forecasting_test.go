package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"stockroom/planner"
)

// The fixture catalogue has no cached forecasts: the pane opens at once,
// shows a progress bar while every SKU is forecast in the background, stays
// usable meanwhile, and then shows the forecasts, edits kept.
func TestForecastingInBackground(t *testing.T) {
	st := fixtureStore(t)
	m := New(Options{Backend: planner.Backend{Store: st}, Source: "fixture.db", ExportDir: t.TempDir(),
		Now: func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	_, cmd := m.Update(loadCmd(m.opt.Backend)())
	if !m.forecast.running || m.forecast.total != 24 {
		t.Fatalf("forecasting not started: %+v", m.forecast)
	}
	if len(m.snap.Stale) != 24 || m.snap.Rows[0].Cached != nil {
		t.Fatal("the first frame should show the catalogue before any forecast")
	}
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "forecasting ▕") {
		t.Errorf("no progress bar while forecasting:\n%s", v)
	}
	// keys and redraws while the forecast runs on other goroutines
	for _, k := range []string{"down", "down", "up", "end", "home"} {
		m.Update(keyMsg(k))
		_ = m.View()
	}
	run(t, m, cmd)
	if m.forecast.running || len(m.snap.Stale) != 0 {
		t.Fatalf("still forecasting: %+v, %d stale", m.forecast, len(m.snap.Stale))
	}
	if !strings.Contains(m.message, "Forecasts updated for 24 SKUs") {
		t.Errorf("message %q", m.message)
	}
	for _, r := range m.snap.Rows {
		if r.Cached == nil || r.Forecast.Method == "" {
			t.Fatalf("%s has no forecast after the background run", r.Item.Product.SKU)
		}
	}
	if v := ansi.Strip(m.View().Content); strings.Contains(v, "forecasting ▕") {
		t.Error("the progress bar outlived the run")
	}
}

func TestProgressBar(t *testing.T) {
	cases := []struct {
		done, total, width int
		want               string
	}{
		{0, 10, 40, "forecasting ▕░░░░░░░░░░░░░░░░░░░░▏ 0%"},
		{5, 10, 40, "forecasting ▕██████████░░░░░░░░░░▏ 50%"},
		// 24 cells: 12 for the label, 5 for " 100%", 2 for the ends leave 5
		{10, 10, 24, "forecasting ▕█████▏ 100%"},
		{1, 0, 40, ""},
	}
	for _, c := range cases {
		if got := progressBar(c.done, c.total, c.width); got != c.want {
			t.Errorf("progressBar(%d, %d, %d) = %q, want %q", c.done, c.total, c.width, got, c.want)
		}
	}
}
