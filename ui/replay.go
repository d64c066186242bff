package ui

import (
	"context"
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// The Replay tab (7) answers "does following the suggestions deliver the
// service I set?": it plans the catalogue as of weeks ago and replays the
// sales since, as `stockroom simulate` does, next to two baselines. The
// replay plans a whole catalogue, so it runs in the background, starting
// when the tab is first opened; esc cancels it, r runs it again, w and d
// change the window, and a change to the catalogue marks the result stale.

// Replay windows the tab offers: d cycles the weeks, w the warm-up.
var replayWeeks = []int{13, 26, 52}

const replayWarmupWeeks = 26

// replayPane is tab 7: the pooled table above, and below it the SKUs that
// lost the most demand under the tool's policy, a table pane like the others.
type replayPane struct {
	pane
	styles *Styles
	keys   replayKeys

	weeks  int  // the window replayed
	warmup bool // replay replayWarmupWeeks before it, unmeasured

	res  *planner.Simulation // the last finished replay, nil before one
	skus *planner.SimulationSKUView
	req  planner.ReplayRequest // what res replayed
	took time.Duration
	err  error // the last run's failure, shown until the next run

	// outdated says the catalogue changed since res was planned; why says
	// what changed
	outdated bool
	why      string

	job     *replayRun // the run in flight, nil when none
	lastID  int
	opened  bool // the tab was opened once: the first opening starts a run
	dropped bool // the last run was cancelled before it finished
}

// replayRun is one replay in the background. The worker keeps its latest
// progress, which each frame reads (a tick redraws while it runs), and
// leaves its result in a buffered channel: a run nobody listens to any
// more (the dashboard quit, a newer run replaced it) still ends.
type replayRun struct {
	id     int
	req    planner.ReplayRequest
	cancel context.CancelFunc
	done   chan replayDoneMsg
	// dirty: the catalogue changed while this run read it
	dirty bool

	mu       sync.Mutex
	progress planner.ReplayProgress
}

func (r *replayRun) report(p planner.ReplayProgress) {
	r.mu.Lock()
	r.progress = p
	r.mu.Unlock()
}

func (r *replayRun) latest() planner.ReplayProgress {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.progress
}

// replayTickMsg redraws a run's progress; replayDoneMsg brings its end.
type replayTickMsg struct{ run *replayRun }

// replayTickEvery is how often the progress is drawn again.
const replayTickEvery = 200 * time.Millisecond

type replayDoneMsg struct {
	id   int
	res  *planner.Simulation
	skus *planner.SimulationSKUView
	err  error
	took time.Duration
}

// replayBackend is the part of the backend a replay needs; a Backend
// without it cannot replay (the tab says so).
type replayBackend interface {
	Replay(ctx context.Context, req planner.ReplayRequest, progress func(planner.ReplayProgress)) (*planner.Simulation, error)
}

// replaySKU columns in replayPane.table.cols.
const (
	scolSKU = iota
	scolName
	scolClass
	scolTarget
	scolCSL
	scolFill
	scolLost
	scolDemand
	scolLostRev
	scolAvgInv
	scolInvCost
	scolFailed
	scolOrders
)

func newReplayPane(styles *Styles) *replayPane {
	p := &replayPane{styles: styles, keys: defaultReplayKeys(), pane: pane{tab: replayTab}, weeks: 26, warmup: true}
	p.table = newTable([]tableColumn{
		scolSKU:     {title: replayTitles[planner.SimSKU], viewCol: planner.SimSKU, min: 9, max: 12, priority: 0, grow: 1},
		scolName:    {title: replayTitles[planner.SimName], viewCol: planner.SimName, min: 12, max: 30, priority: 1, grow: 2},
		scolClass:   {title: replayTitles[planner.SimClass], viewCol: planner.SimClass, min: 2, max: 2, priority: 0},
		scolTarget:  {title: replayTitles[planner.SimTargetCSL], viewCol: planner.SimTargetCSL, min: 6, max: 6, right: true, priority: 0},
		scolCSL:     {title: replayTitles[planner.SimCSL], viewCol: planner.SimCSL, min: 6, max: 6, right: true, priority: 0},
		scolFill:    {title: replayTitles[planner.SimFill], viewCol: planner.SimFill, min: 6, max: 6, right: true, priority: 0},
		scolLost:    {title: replayTitles[planner.SimLost], viewCol: planner.SimLost, min: 6, max: 8, right: true, priority: 0},
		scolDemand:  {title: replayTitles[planner.SimDemanded], viewCol: planner.SimDemanded, min: 7, max: 8, right: true, priority: 2},
		scolLostRev: {title: replayTitles[planner.SimLostRevenue], viewCol: planner.SimLostRevenue, min: 8, max: 10, right: true, priority: 3},
		scolAvgInv:  {title: replayTitles[planner.SimAvgInventory], viewCol: planner.SimAvgInventory, min: 7, max: 8, right: true, priority: 1},
		scolInvCost: {title: replayTitles[planner.SimAvgInventoryCost], viewCol: planner.SimAvgInventoryCost, min: 8, max: 10, right: true, priority: 3},
		scolFailed:  {title: replayTitles[planner.SimFailed], viewCol: planner.SimFailed, min: 6, max: 7, right: true, priority: 4},
		scolOrders:  {title: replayTitles[planner.SimOrders], viewCol: planner.SimOrders, min: 6, max: 7, right: true, priority: 4},
	})
	p.follow.key = func(row int) int64 { return p.skus.SKU(row).ProductID }
	return p
}

// request is the replay the pane's window asks for.
func (p *replayPane) request() planner.ReplayRequest {
	req := planner.ReplayRequest{AsOf: model.NoDay, Weeks: p.weeks} // the latest weeks
	if p.warmup {
		req.WarmupWeeks = replayWarmupWeeks
	}
	return req
}

// startReplay runs the pane's replay in the background, cancelling one
// still running.
func (m *Model) startReplay() tea.Cmd {
	p := m.replay
	p.opened = true
	b, ok := m.opt.Backend.(replayBackend)
	if !ok {
		m.setError("This catalogue cannot be replayed")
		return nil
	}
	p.cancelRun()
	p.lastID++
	ctx, cancel := context.WithCancel(context.Background())
	run := &replayRun{id: p.lastID, req: p.request(), cancel: cancel, done: make(chan replayDoneMsg, 1)}
	p.job, p.err, p.dropped = run, nil, false
	restore := liftMemoryLimit()
	go func() {
		defer cancel()
		defer restore()
		start := time.Now()
		res, err := b.Replay(ctx, run.req, run.report)
		msg := replayDoneMsg{id: run.id, res: res, err: err, took: time.Since(start)}
		if err == nil {
			msg.skus = res.SKUView() // sorted here, off the loop
		}
		run.done <- msg // buffered: never waits for a listener
	}()
	return tea.Batch(func() tea.Msg { return <-run.done }, replayTick(run))
}

func replayTick(run *replayRun) tea.Cmd {
	return tea.Tick(replayTickEvery, func(time.Time) tea.Msg { return replayTickMsg{run} })
}

// cancelRun stops the run in flight, if any; its result is dropped.
func (p *replayPane) cancelRun() bool {
	if p.job == nil {
		return false
	}
	p.job.cancel()
	p.job = nil
	p.dropped = true
	return true
}

// replayTicked draws the progress again while the run goes on.
func (m *Model) replayTicked(msg replayTickMsg) tea.Cmd {
	if m.replay.job != msg.run {
		return nil // ended, cancelled or replaced
	}
	return replayTick(msg.run)
}

func (m *Model) replayDone(msg replayDoneMsg) tea.Cmd {
	p := m.replay
	if p.job == nil || p.job.id != msg.id {
		return nil
	}
	run := p.job
	p.job = nil
	if msg.err != nil {
		p.err = msg.err
		if m.onScreen(p) {
			m.setError("Replay failed: " + clean(msg.err.Error()))
		}
		return nil
	}
	p.res, p.req, p.took = msg.res, run.req, msg.took
	if m.message == replayStartText(run.req) {
		m.setInfo(fmt.Sprintf("Replayed %s in %.1f s", replayWindowText(run.req), msg.took.Seconds()))
	}
	p.outdated = run.dirty
	if !p.outdated {
		p.why = ""
	}
	p.remember()
	p.skus = msg.skus
	p.replaceView(msg.skus, nil)
	p.pane.stale = true // sorted and filtered when shown
	if m.onScreen(p) {
		return m.freshen()
	}
	return nil
}

// replayOutdated notes a change to the catalogue: the replay shown (or
// the one running, which may have read the catalogue before it) no longer
// plans what is stored.
func (m *Model) replayOutdated(why string) {
	p := m.replay
	if p.job != nil {
		p.job.dirty = true
		p.why = why
		return
	}
	if p.res != nil {
		p.outdated, p.why = true, why
	}
}

// Close stops the dashboard's background work that would go on reading
// the catalogue after the program ends: the replay. Call it once Run
// returns, before the catalogue is closed.
func (m *Model) Close() { m.replay.cancelRun() }
