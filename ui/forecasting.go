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
// the status bar a progress bar, and the results land in steps, each on
// whatever snapshot edits have made by then. Landing in steps lets each
// step's old forecasts and rows go as it lands: one landing at the end
// held the old and the new of every SKU at once (issue 15).

// forecastSteps is how many steps a background run lands in (more in a
// very large catalogue, maxForecastStep): each costs
// a re-plan of the catalogue's ABC classes, its views and the pane's sort
// (a few tens of ms at 100,000 SKUs), and holds a step's new forecasts
// and rows beside the old ones.
const forecastSteps = 8

// maxForecastStep bounds a step in a large catalogue: at a million SKUs
// eight steps of 125,000 peaked at 2,463–2,505 MB RSS, at the goal of 2.5 GB.
const maxForecastStep = 65536

// forecastStepSize is the least rows a step of a run over stale rows
// lands (the planner rounds it up to whole chunks of histories).
func forecastStepSize(stale int) int {
	return max(1, min((stale+forecastSteps-1)/forecastSteps, maxForecastStep))
}

// forecastJob is a background forecast run as the model sees it.
type forecastJob struct {
	running     bool
	done, total int
	events      <-chan tea.Msg
	started     time.Time // for the trace's "background forecasts" line

	// landing says a step is being applied off the loop; waiting holds
	// the steps that arrived meanwhile or while the PM typed, landed
	// together next (landWaiting); pauseCheck, that a look for a pause
	// in the typing is on its way.
	landing    bool
	waiting    planner.Forecasts
	pauseCheck bool
	computed   bool              // every step has arrived
	landed     planner.Forecasts // the steps shown so far, cached at the end
	shown      int               // SKUs whose new forecast is on screen
}

type forecastProgressMsg struct{ done, total int }

// forecastStepMsg carries a step of forecasts to land.
type forecastStepMsg struct{ f planner.Forecasts }

// forecastedMsg ends the run: every step was sent, or err.
type forecastedMsg struct{ err error }

// forecastAppliedMsg carries base with the forecasts applied; base tells
// whether an edit has replaced the snapshot since.
type forecastAppliedMsg struct {
	base, snap *planner.Snapshot
	f          planner.Forecasts
	views      *paneViews
	job        <-chan tea.Msg // the run's events: a failed run's steps are dropped
}

// startForecasting runs the stale SKUs' forecasts off the Update loop,
// reporting progress and steps through a channel the model listens on.
func (m *Model) startForecasting(snap *planner.Snapshot) tea.Cmd {
	if len(snap.Stale) == 0 {
		return nil
	}
	events := make(chan tea.Msg, 1)
	m.forecast = forecastJob{running: true, total: len(snap.Stale), events: events, started: time.Now()}
	backend := m.opt.Backend
	step := forecastStepSize(len(snap.Stale))
	// the run holds the stale rows' items, not snap: the snapshot and the
	// forecasts its steps replace go as they land
	work := snap.StaleWork()
	go func() {
		// reading the histories (SQLite) yields to the keys too
		planner.LowerPriority()
		err := backend.ForecastInSteps(context.Background(), work, step, func(done, total int) {
			select { // progress is only a hint: drop it if the last is not read yet
			case events <- forecastProgressMsg{done, total}:
			default:
			}
		}, func(f planner.Forecasts) error {
			events <- forecastStepMsg{f} // the listener keeps reading until forecastedMsg
			return nil
		})
		events <- forecastedMsg{err}
	}()
	return listen(events)
}

func listen(events <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-events }
}

func (m *Model) applyForecastsCmd(f planner.Forecasts) tea.Cmd {
	base, job := m.snap, m.forecast.events
	return func() tea.Msg {
		// a step is background work like the forecasts: at their priority
		// it neither delays the keys nor stops the forecasts for its time
		planner.LowerPriority()
		next := base.WithForecasts(f)
		return forecastAppliedMsg{base: base, snap: next, f: f, views: buildViews(next), job: job}
	}
}

func (m *Model) forecastProgress(msg forecastProgressMsg) tea.Cmd {
	m.forecast.done, m.forecast.total = msg.done, msg.total
	return listen(m.forecast.events)
}

// forecastStep keeps a step to land: Update's landWaiting lands it.
func (m *Model) forecastStep(msg forecastStepMsg) tea.Cmd {
	m.forecast.waiting = m.forecast.waiting.Append(msg.f)
	return listen(m.forecast.events)
}

// landWaiting lands the steps that wait, all together, unless one is
// landing or the PM is typing (a filter, an editor) and pressed a key in
// the last typingPause, and ends the run once every step has arrived and
// landed; Update calls it after every message. A landing re-sorts and
// re-filters the pane on screen: at a million SKUs a filter keystroke
// that came just before it waited up to a second for its rows, so steps
// wait for a pause in the typing; they do not wait for the filter to
// close, which would hold every new forecast beside the old ones again.
func (m *Model) landWaiting() tea.Cmd {
	if !m.forecast.running || m.forecast.landing {
		return nil
	}
	if len(m.forecast.waiting.Rows) == 0 {
		if m.forecast.computed {
			return m.forecastsDone()
		}
		return nil
	}
	if m.typing() && m.opt.Now().Sub(m.lastKey) < typingPause {
		if m.forecast.pauseCheck {
			return nil
		}
		m.forecast.pauseCheck = true
		return tea.Tick(typingPause, func(time.Time) tea.Msg { return typingPausedMsg{} })
	}
	m.forecast.landing = true
	f := m.forecast.waiting
	m.forecast.waiting = planner.Forecasts{}
	return m.applyForecastsCmd(f)
}

// typingPause is how long the PM has not typed before waiting forecast
// steps land under an open filter or editor.
const typingPause = time.Second

// typingPausedMsg asks landWaiting to look again: the PM may have stopped
// typing.
type typingPausedMsg struct{}

func (m *Model) forecasted(msg forecastedMsg) tea.Cmd {
	if msg.err != nil {
		// the steps that landed stay, and are cached; the rest stays stale
		cache := cacheForecastsCmd(m.opt.Backend, m.snap, m.forecast.landed)
		m.forecast = forecastJob{}
		m.setError(fmt.Sprintf("forecasting failed: %v", msg.err))
		return cache
	}
	m.forecast.done, m.forecast.computed = m.forecast.total, true
	return nil // landWaiting ends the run once the last step has landed
}

func (m *Model) forecastApplied(msg forecastAppliedMsg) tea.Cmd {
	if !m.forecast.running || msg.job != m.forecast.events {
		return nil // its run failed meanwhile: the step is not wanted
	}
	if msg.base != m.snap { // an edit landed meanwhile: apply to the newer snapshot
		return m.applyForecastsCmd(msg.f)
	}
	m.forecast.landed = m.forecast.landed.Append(msg.f)
	m.forecast.shown += len(msg.snap.Refreshed)
	m.forecast.landing = false // landWaiting lands what came meanwhile
	return m.setSnapshot(msg.snap, nil, msg.views)
}

// forecastsDone ends a run whose every step has landed, and caches its
// forecasts in one write once the steps are shown: writing each step's
// as it landed competed with the keys for the core they have.
func (m *Model) forecastsDone() tea.Cmd {
	snap, landed, backend := m.snap, m.forecast.landed, m.opt.Backend
	if m.keyTrace != nil {
		m.keyTrace.printf("background forecasts of %d SKUs: %s to the snapshot that shows them\n",
			m.forecast.shown, time.Since(m.forecast.started).Round(time.Millisecond))
	}
	m.setInfo("Forecasts updated for " + count(m.forecast.shown, "SKU"))
	m.forecast = forecastJob{}
	return cacheForecastsCmd(backend, snap, landed)
}

// cacheForecastsCmd caches the forecasts of landed that snap shows; a
// failure only costs time at the next start: not reported.
func cacheForecastsCmd(backend Backend, snap *planner.Snapshot, landed planner.Forecasts) tea.Cmd {
	if len(landed.Rows) == 0 {
		return nil
	}
	return func() tea.Msg { _ = backend.SaveForecasts(context.Background(), snap.Landed(landed)); return nil }
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
