package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// Forecasts that are not current are recomputed in the background after
// the first frame: the pane shows the cached (or no) forecast meanwhile,
// the status bar a progress bar, and the result is applied to whatever
// snapshot edits have made by then.

// forecastJob is a background forecast run as the model sees it.
type forecastJob struct {
	running     bool
	done, total int
	events      <-chan tea.Msg
	started     time.Time // for the trace's "background forecasts" line
}

type forecastProgressMsg struct{ done, total int }

type forecastedMsg struct {
	f   planner.Forecasts
	err error
}

// forecastAppliedMsg carries base with the forecasts applied; base tells
// whether an edit has replaced the snapshot since.
type forecastAppliedMsg struct {
	base, snap *planner.Snapshot
	f          planner.Forecasts
	views      *paneViews
}

// startForecasting runs the stale SKUs' forecasts on all cores, off the
// Update loop, reporting progress through a channel the model listens on.
func (m *Model) startForecasting(snap *planner.Snapshot) tea.Cmd {
	if len(snap.Stale) == 0 {
		return nil
	}
	events := make(chan tea.Msg, 1)
	m.forecast = forecastJob{running: true, total: len(snap.Stale), events: events, started: time.Now()}
	backend := m.opt.Backend
	go func() {
		// reading the histories (SQLite) yields to the keys too
		planner.LowerPriority()
		f, err := backend.ForecastStale(context.Background(), snap, func(done, total int) {
			select { // progress is only a hint: drop it if the last is not read yet
			case events <- forecastProgressMsg{done, total}:
			default:
			}
		})
		events <- forecastedMsg{f, err} // buffered or drained: the listener keeps reading until this
	}()
	return listen(events)
}

func listen(events <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-events }
}

func applyForecastsCmd(base *planner.Snapshot, f planner.Forecasts) tea.Cmd {
	return func() tea.Msg {
		next := base.WithForecasts(f)
		return forecastAppliedMsg{base: base, snap: next, f: f, views: buildViews(next)}
	}
}

func (m *Model) forecastProgress(msg forecastProgressMsg) tea.Cmd {
	m.forecast.done, m.forecast.total = msg.done, msg.total
	return listen(m.forecast.events)
}

func (m *Model) forecasted(msg forecastedMsg) tea.Cmd {
	if msg.err != nil {
		m.forecast = forecastJob{}
		m.setError(fmt.Sprintf("forecasting failed: %v", msg.err))
		return nil
	}
	m.forecast.done = m.forecast.total
	return applyForecastsCmd(m.snap, msg.f)
}

func (m *Model) forecastApplied(msg forecastAppliedMsg) tea.Cmd {
	if msg.base != m.snap { // an edit landed meanwhile: apply to the newer snapshot
		return applyForecastsCmd(m.snap, msg.f)
	}
	if m.keyTrace != nil {
		m.keyTrace.printf("background forecasts of %d SKUs: %s to the snapshot that shows them\n",
			len(msg.snap.Refreshed), time.Since(m.forecast.started).Round(time.Millisecond))
	}
	m.forecast = forecastJob{}
	refresh := m.setSnapshot(msg.snap, nil, msg.views)
	m.setInfo("Forecasts updated for " + count(len(msg.snap.Refreshed), "SKU"))
	snap, backend := msg.snap, m.opt.Backend
	// a failure to cache only costs time at the next start: not reported
	cache := func() tea.Msg { _ = backend.SaveForecasts(context.Background(), snap); return nil }
	return tea.Batch(refresh, cache)
}

// progressBar draws "forecasting ▕████░░░░▏ 45%" in about width cells.
func progressBar(done, total, width int) string {
	if total <= 0 {
		return ""
	}
	pct := fmt.Sprintf(" %d%%", 100*done/total)
	cells := max(4, min(20, width-len("forecasting ")-len(pct)-2))
	fill := cells * done / total
	return "forecasting ▕" + strings.Repeat("█", fill) + strings.Repeat("░", cells-fill) + "▏" + pct
}
