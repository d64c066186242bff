package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
	"stockroom/store"
)

// Forecasts land in steps: a step that arrives while the one before is
// being applied waits and lands next, on the snapshot that one made, and
// the run ends, with one message for every SKU, only once the last has
// landed.
func TestForecastStepsLandInTurn(t *testing.T) {
	m, st, part := forecastRun(t)

	_, first := m.Update(forecastStepMsg{part(0, 10)})
	m.Update(forecastStepMsg{part(10, 20)}) // while the first lands
	m.Update(forecastStepMsg{part(20, 24)})
	m.Update(forecastedMsg{})
	if !m.forecast.running || len(m.snap.Stale) != 24 {
		t.Fatalf("the run ended before any step landed: running %v, %d stale", m.forecast.running, len(m.snap.Stale))
	}
	if n := len(m.forecast.waiting.Rows); n != 14 {
		t.Fatalf("%d rows wait to land, want the later steps' 14", n)
	}
	run(t, m, first)
	if m.forecast.running || len(m.snap.Stale) != 0 {
		t.Fatalf("after the steps: running %v, %d stale", m.forecast.running, len(m.snap.Stale))
	}
	if !strings.Contains(m.message, "Forecasts updated for 24 SKUs") {
		t.Errorf("message %q", m.message)
	}
	for _, r := range m.snap.Rows {
		if r.Cached == nil || r.Forecast.Method == "" {
			t.Fatalf("%s has no forecast after the steps landed", r.Item.Product.SKU)
		}
	}
	// every step's forecasts were cached at the end: a new start has none to make
	assertAllCached(t, st)
}

// Steps that arrive while the PM types in the filter wait, the run with
// them, and land in the first pause of a second in the typing, the filter
// still open: a landing re-sorts and re-filters the pane, and at a
// million SKUs a keystroke waited up to a second for it.
func TestForecastStepsWaitForAPauseInTheTyping(t *testing.T) {
	m, st, part := forecastRun(t)
	clock := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	m.opt.Now = func() time.Time { return clock }
	press(t, m, "2", "/")
	typeText(t, m, "a")

	_, cmd := m.Update(forecastStepMsg{part(0, 10)}) // its command is the look for a pause: not run
	if cmd == nil || m.forecast.landing || !m.forecast.pauseCheck {
		t.Fatalf("a step while typing: landing %v, a look for a pause on its way %v", m.forecast.landing, m.forecast.pauseCheck)
	}
	m.Update(forecastStepMsg{part(10, 24)})
	m.Update(forecastedMsg{})
	clock = clock.Add(400 * time.Millisecond)
	m.Update(keyMsg("b"))
	clock = clock.Add(900 * time.Millisecond) // the look comes 1.3 s after the first key, 0.9 s after the last
	m.Update(typingPausedMsg{})
	if m.forecast.landing || !m.forecast.running || len(m.forecast.waiting.Rows) != 24 || len(m.snap.Stale) != 24 {
		t.Fatalf("while typing: landing %v, running %v, %d rows waiting, %d stale; want none landed, all 24 waiting",
			m.forecast.landing, m.forecast.running, len(m.forecast.waiting.Rows), len(m.snap.Stale))
	}
	if !m.forecast.pauseCheck {
		t.Fatal("no new look for a pause after a key 0.9 s ago")
	}
	clock = clock.Add(200 * time.Millisecond)
	_, cmd = m.Update(typingPausedMsg{})
	if !m.forecast.landing {
		t.Fatal("the steps did not land 1.1 s after the last key")
	}
	run(t, m, cmd)
	if m.forecast.running || len(m.snap.Stale) != 0 || m.mode != modeFilter {
		t.Fatalf("after the pause: running %v, %d stale, filter open %v", m.forecast.running, len(m.snap.Stale), m.mode == modeFilter)
	}
	assertAllCached(t, st)
}

func TestForecastStepSize(t *testing.T) {
	cases := []struct{ stale, want int }{
		{1, 1},
		{24, 3},
		{100_000, 12_500},    // eight steps
		{300_001, 37_501},    // eight steps, the last a row short
		{524_288, 65_536},    // eight steps of the largest size
		{1_000_000, 65_536},  // sixteen steps: eight would hold too much at once
		{10_000_000, 65_536}, // a hundred and fifty-three
	}
	for _, c := range cases {
		if got := forecastStepSize(c.stale); got != c.want {
			t.Errorf("forecastStepSize(%d) = %d, want %d", c.stale, got, c.want)
		}
	}
}

// forecastRun is the fixture dashboard with its 24 stale forecasts made
// but not landed, a run the test plays step by step (part(lo, hi) is a
// step of rows lo to hi) in place of the model's own.
func forecastRun(t *testing.T) (*Model, *store.Store, func(lo, hi int) planner.Forecasts) {
	t.Helper()
	st := fixtureStore(t)
	m := New(Options{Backend: planner.Backend{Store: st}, Source: "fixture.db", ExportDir: t.TempDir(),
		Now: func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	snap, err := planner.Backend{Store: st}.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m.Update(loadedMsg{snap: snap})
	if len(snap.Stale) != 24 {
		t.Fatalf("%d stale rows, want the fixture's 24", len(snap.Stale))
	}
	all, err := snap.ForecastStale(context.Background(), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan tea.Msg)
	close(events) // listening reads nothing more
	m.forecast = forecastJob{running: true, total: 24, events: events, started: time.Now()}
	return m, st, func(lo, hi int) planner.Forecasts {
		return planner.Forecasts{Rows: all.Rows[lo:hi], ProductIDs: all.ProductIDs[lo:hi], Forecasts: all.Forecasts[lo:hi]}
	}
}

// assertAllCached says so unless a new start finds every forecast cached.
func assertAllCached(t *testing.T, st *store.Store) {
	t.Helper()
	again, err := planner.Backend{Store: st}.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Stale) != 0 {
		t.Errorf("%d of 24 forecasts not cached after the run", len(again.Stale))
	}
}
