package ui

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/sim"
)

// gatedReplay is the catalogue with a replay the test steps through: it
// reports planning 5 of 10 SKUs, says so on reported, and waits for
// release (then returns res) or for its context to end (then says why on
// ended).
type gatedReplay struct {
	planner.Backend
	res      *planner.Simulation
	reported chan struct{}
	release  chan struct{}
	ended    chan error
}

func newGatedReplay(b planner.Backend) *gatedReplay {
	return &gatedReplay{Backend: b, reported: make(chan struct{}, 8), release: make(chan struct{}), ended: make(chan error, 8)}
}

func (g *gatedReplay) Replay(ctx context.Context, req planner.ReplayRequest, progress func(planner.ReplayProgress)) (*planner.Simulation, error) {
	progress(planner.ReplayProgress{Stage: planner.ReplayPlanning, Done: 5, Total: 10})
	g.reported <- struct{}{}
	select {
	case <-g.release:
		g.ended <- nil
		return g.res, nil
	case <-ctx.Done():
		g.ended <- ctx.Err()
		return nil, ctx.Err()
	}
}

// replayModel opens the fixture on the stock pane with the gated replay.
func replayModel(t *testing.T, w, h int) (*Model, *gatedReplay) {
	t.Helper()
	g := newGatedReplay(planner.Backend{Store: fixtureStore(t)})
	m := New(Options{
		Backend:   g,
		Source:    "fixture.db",
		ExportDir: t.TempDir(),
		Now:       func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) },
	})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(t, m, loadCmd(m.opt.Backend))
	press(t, m, "2")
	g.res = fixedSimulation(m.snap.Rows)
	return m, g
}

// fixedSimulation is a replay of three of the fixture's SKUs, one per
// class, with round numbers: the tool holds 1,200 at cost overall and each
// baseline's replays at 800 and 1,600 fill 90 % and 98 %, so its fill at
// the tool's inventory is 94 %.
func fixedSimulation(rows []*planner.Row) *planner.Simulation {
	res := &planner.Simulation{AsOf: model.MustDay("2026-05-24"), Days: 182, Warmup: 182, SKUs: 3, Skipped: 1, Unlaunched: 2,
		Target: [3]float64{0.98, 0.95, 0.90}, TargetAll: 0.9433}
	results := []sim.Result{
		{Class: model.ClassA, UnitCost: 2, Days: 182, Demanded: 1000, Served: 990, Cycles: 20, Failed: 1, Orders: 20, AvgInventory: 300, HoldingCost: 75, OrderingCost: 800},
		{Class: model.ClassB, UnitCost: 3, Days: 182, Demanded: 400, Served: 380, Cycles: 10, Failed: 2, Orders: 10, AvgInventory: 100, HoldingCost: 37.5, OrderingCost: 400},
		{Class: model.ClassC, UnitCost: 4, Days: 182, Demanded: 100, Served: 40, Cycles: 4, Failed: 3, Orders: 4, AvgInventory: 75, HoldingCost: 37.5, OrderingCost: 160},
	}
	for c, r := range results {
		res.PerSKU = append(res.PerSKU, planner.SKUReplayOf(rows[c], r))
		for p := range planner.SimulationPolicies {
			b := r
			if p > 0 { // the baselines hold less and lose more
				b.AvgInventory *= 0.8
				b.Served -= 10 * float64(p)
				b.Failed++
			}
			res.ByClass[p][c].Add(b)
			res.Overall[p].Add(b)
		}
	}
	for p := 1; p < len(planner.SimulationPolicies); p++ {
		lo, hi := sim.Summary{AvgInventoryCost: 800, Demanded: 100, Served: 90}, sim.Summary{AvgInventoryCost: 1600, Demanded: 100, Served: 98}
		res.AtScale[p] = [][4]sim.Summary{{lo, lo, lo, lo}, {hi, hi, hi, hi}}
	}
	return res
}

// showReplay puts a finished replay on the tab as a run's end would.
func showReplay(t *testing.T, m *Model, res *planner.Simulation) {
	t.Helper()
	p := m.replay
	p.opened = true
	p.lastID++
	p.job = &replayRun{id: p.lastID, req: p.request(), cancel: func() {}, done: make(chan replayDoneMsg, 1)}
	_, cmd := m.Update(replayDoneMsg{id: p.lastID, res: res, skus: res.SKUView(), took: 1200 * time.Millisecond})
	run(t, m, cmd)
}

// Opening the tab starts the replay off the loop: its progress is drawn
// while it runs, and its table and SKUs once it ends.
func TestReplayTabRunsInTheBackground(t *testing.T) {
	m, g := replayModel(t, 160, 45)
	_, cmd := m.Update(keyMsg("7")) // not run yet: the replay waits for release
	<-g.reported
	s := screen(m)
	for _, want := range []string{"[7 Replay]", "Replaying the policy over the past 26 weeks (26 weeks' warm-up)", "planning as of the day", "5 of 10 SKUs", "esc cancel"} {
		if !strings.Contains(s, want) {
			t.Errorf("while running, the tab lacks %q:\n%s", want, s)
		}
	}
	close(g.release)
	run(t, m, cmd)
	if m.replay.job != nil || m.replay.res != g.res {
		t.Fatalf("the run's end did not land: job %v", m.replay.job)
	}
	s = screen(m)
	for _, want := range []string{
		"Replay as of 2026-05-24 · 26 weeks, 2026-05-25 to 2026-11-22 · 26 weeks warm-up · 3 SKUs",
		"1 discontinued, 2 launched after it, not replayed",
		"SKUs by units lost under the tool's policy",
		"3 of 3 SKUs",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the result lacks %q:\n%s", want, s)
		}
	}
	// the table's lines as simulate prints them; A's tool holds 600, below
	// the baselines' replays (n/a), all of them 1,200, between (94 %).
	// Weeks: 600 ÷ (1,000 units × 2 ÷ 26 weeks) = 7.8; overall 1,200 ÷
	// (3,600 ÷ 26) = 8.7.
	for _, want := range [][]string{
		{"A", "stockroom", "1", "98.0%", "95.0%", "99.0%", "-", "600", "7.8", "20", "875"},
		{"normal", "52w", "1", "98.0%", "90.0%", "97.0%", "n/a", "480", "6.2", "20", "875"},
		{"all", "stockroom", "3", "94.3%", "82.4%", "94.0%", "-", "1,200", "8.7", "34", "1,510"},
		{"min/max", "13w", "3", "94.3%", "73.5%", "92.0%", "94.0%", "960", "6.9", "34", "1,510"},
	} {
		if !hasFields(s, want) {
			t.Errorf("the table lacks the line %v:\n%s", want, s)
		}
	}
	// the list: the C SKU lost 60 units, the most, so it comes first
	first := m.replay.skus.SKU(m.replay.table.index[0])
	if first.Result.Class != model.ClassC || first.Lost() != 60 {
		t.Errorf("first SKU: class %v lost %v, want C with 60", first.Result.Class, first.Lost())
	}
	// its keys: down moves, s sorts, / filters
	press(t, m, "down")
	if m.replay.table.cursor != 1 {
		t.Errorf("down: cursor %d", m.replay.table.cursor)
	}
	press(t, m, "s")
	if m.replay.query.Sort != "sku" {
		t.Errorf("s sorts by %q, want sku", m.replay.query.Sort)
	}
	press(t, m, "/")
	typeText(t, m, m.snap.Rows[1].Item.Product.SKU)
	press(t, m, "enter")
	if !strings.Contains(screen(m), "1 of 3 SKUs") {
		t.Errorf("filter:\n%s", screen(m))
	}
	// enter opens the SKU on the Stock pane, as planned today
	press(t, m, "enter")
	if r := m.currentRow(); m.tab != stockTab || r == nil || r.Item.Product.ID != m.snap.Rows[1].Item.Product.ID {
		t.Errorf("enter: tab %d, row %v", m.tab, r)
	}
}

// hasFields says a line of s has exactly these words.
func hasFields(s string, want []string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.Join(strings.Fields(l), " ") == strings.Join(want, " ") {
			return true
		}
	}
	return false
}

// The tab draws the fixed replay the same at 80×24 and 160×45, and fits
// every size, the too-small page included, with a result, while running
// and before any.
func TestGoldenReplayTab(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		m, g := replayModel(t, size.w, size.h)
		m.replay.opened = true // shown, not started: the result is set below
		press(t, m, "7")
		showReplay(t, m, g.res)
		name := fmt.Sprintf("replay_%dx%d", size.w, size.h)
		golden(t, name, withProfile(m.render(), colorprofile.ANSI256))
		golden(t, name+"_nocolor", noColorRender(m))
	}
	m, g := replayModel(t, 160, 45)
	m.replay.opened = true
	press(t, m, "7")
	t.Run("before a run", func(t *testing.T) { checkEverySize(t, m) })
	showReplay(t, m, g.res)
	t.Run("with a result", func(t *testing.T) { checkEverySize(t, m) })
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	_, cmd := m.Update(keyMsg("r"))
	<-g.reported
	t.Run("running again", func(t *testing.T) { checkEverySize(t, m) })
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	press(t, m, "esc")
	run(t, m, cmd)
}

// esc cancels the run: the backend's context ends, the tab says so, and
// the cancelled run's end, when it comes, changes nothing.
func TestReplayEscCancels(t *testing.T) {
	m, g := replayModel(t, 120, 40)
	_, cmd := m.Update(keyMsg("7"))
	<-g.reported
	press(t, m, "esc")
	if err := <-g.ended; err != context.Canceled {
		t.Errorf("the replay's context: %v, want cancelled", err)
	}
	run(t, m, cmd) // the cancelled run's end
	if m.replay.job != nil || m.replay.res != nil {
		t.Errorf("after esc: job %v, result %v", m.replay.job, m.replay.res)
	}
	if s := screen(m); !strings.Contains(s, "Replay cancelled") || !strings.Contains(s, "r replays the policy over the past 26 weeks") {
		t.Errorf("after esc:\n%s", s)
	}
	// leaving the tab does not cancel: a run goes on behind other tabs
	_, cmd = m.Update(keyMsg("r"))
	<-g.reported
	press(t, m, "3", "7")
	if m.replay.job == nil {
		t.Fatal("switching tabs cancelled the replay")
	}
	close(g.release)
	run(t, m, cmd)
	if m.replay.res != g.res {
		t.Error("the replay run behind other tabs did not land")
	}
}

// Quitting cancels the replay: Close ends its context, so it stops
// reading the catalogue before the catalogue is closed.
func TestReplayCloseCancels(t *testing.T) {
	m, g := replayModel(t, 120, 40)
	m.Update(keyMsg("7"))
	<-g.reported
	if _, cmd := m.Update(keyMsg("q")); !quits(cmd) {
		t.Fatal("q should quit while a replay runs: it writes nothing")
	}
	m.Close()
	if err := <-g.ended; err != context.Canceled {
		t.Errorf("the replay's context: %v, want cancelled", err)
	}
}

// r while the same replay runs does not start it over; d (another window)
// replaces it, cancelling the first.
func TestReplayRunsOnceAtATime(t *testing.T) {
	m, g := replayModel(t, 120, 40)
	_, first := m.Update(keyMsg("7"))
	<-g.reported
	job := m.replay.job
	press(t, m, "r")
	if m.replay.job != job || !strings.Contains(m.message, "running") {
		t.Errorf("r while running: job replaced %v, message %q", m.replay.job != job, m.message)
	}
	_, second := m.Update(keyMsg("d"))
	<-g.reported
	if err := <-g.ended; err != context.Canceled {
		t.Errorf("the first run: %v, want cancelled", err)
	}
	if m.replay.job == job || m.replay.job.req.Weeks != 52 {
		t.Errorf("d: job %+v, want a new run of 52 weeks", m.replay.job)
	}
	close(g.release)
	run(t, m, first)
	run(t, m, second)
	if m.replay.res != g.res || m.replay.req.Weeks != 52 {
		t.Errorf("the second run's result: %v weeks %d", m.replay.res != nil, m.replay.req.Weeks)
	}
	if !strings.HasPrefix(m.message, "Replayed 52 weeks (26 weeks' warm-up) in ") {
		t.Errorf("after the run d asked for, the status bar says %q", m.message)
	}
	// w turns the warm-up off and runs again
	_, cmd := m.Update(keyMsg("w"))
	<-g.reported
	if m.replay.job.req.WarmupWeeks != 0 {
		t.Errorf("w: warm-up %d weeks", m.replay.job.req.WarmupWeeks)
	}
	run(t, m, cmd)
	if m.replay.req.WarmupWeeks != 0 || m.replay.req.Weeks != 52 {
		t.Errorf("after w: %+v", m.replay.req)
	}
}

// A settings change marks the replay shown stale, with the key to run it
// again; so does one landing while a replay runs, which may have read the
// catalogue before it.
func TestReplayStaleAfterASettingsChange(t *testing.T) {
	m, g := replayModel(t, 160, 45)
	m.replay.opened = true
	press(t, m, "7")
	showReplay(t, m, g.res)
	if s := screen(m); strings.Contains(s, "Stale") {
		t.Fatalf("fresh result marked stale:\n%s", s)
	}
	toSetting(t, m, "holding_rate")
	enterValue(t, m, "enter", "0.3")
	press(t, m, "esc")
	if s := screen(m); m.tab != replayTab || !strings.Contains(s, "Stale: the settings changed since this replay · r runs it again") {
		t.Errorf("after a settings change (tab %d):\n%s", m.tab, s)
	}
	// while running: the run's result comes stale
	_, cmd := m.Update(keyMsg("r"))
	<-g.reported
	toSetting(t, m, "holding_rate")
	enterValue(t, m, "enter", "0.25")
	press(t, m, "esc")
	close(g.release)
	run(t, m, cmd)
	if !m.replay.outdated || !strings.Contains(screen(m), "Stale: the settings changed") {
		t.Errorf("a change during the run should leave its result stale:\n%s", screen(m))
	}
	// a run with nothing changed meanwhile is fresh
	_, cmd = m.Update(keyMsg("r"))
	run(t, m, cmd)
	if m.replay.outdated {
		t.Error("a fresh run is still stale")
	}
}

// x writes the table exactly as `stockroom simulate --format csv` does,
// and the SKU list as shown (filtered, sorted) to a second file.
func TestReplayExport(t *testing.T) {
	m, g := replayModel(t, 160, 45)
	m.replay.opened = true
	press(t, m, "7")
	press(t, m, "x")
	if !strings.Contains(m.message, "Nothing to export yet") {
		t.Errorf("x before a result: %q", m.message)
	}
	showReplay(t, m, g.res)
	press(t, m, "/")
	typeText(t, m, m.snap.Rows[0].Item.Product.SKU)
	press(t, m, "enter", "x")
	files, _ := filepath.Glob(filepath.Join(m.opt.ExportDir, "*.csv"))
	if len(files) != 2 {
		t.Fatalf("files %v, message %q", files, m.message)
	}
	var want bytes.Buffer
	if err := planner.WriteSimulationCSV(&want, g.res); err != nil {
		t.Fatal(err)
	}
	table, err := os.ReadFile(filepath.Join(m.opt.ExportDir, "stockroom-simulation-20261127-093000.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(table) != want.String() {
		t.Errorf("table export:\n%s\nwant:\n%s", table, want.String())
	}
	f, err := os.Open(filepath.Join(m.opt.ExportDir, "stockroom-simulation_skus-20261127-093000.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[1][0] != m.snap.Rows[0].Item.Product.SKU || recs[0][planner.SimLost] != "units_lost" || recs[1][planner.SimLost] != "10" {
		t.Errorf("SKU list export (filtered to one SKU): %v", recs)
	}
	for _, want := range []string{"stockroom-simulation-20261127-093000.csv (12 rows)", "stockroom-simulation_skus-20261127-093000.csv (1 SKU)"} {
		if !strings.Contains(m.message, want) {
			t.Errorf("message %q lacks %q", m.message, want)
		}
	}
}

// A catalogue open read-only replays: the replay writes nothing.
func TestReplayOnAReadOnlyCatalogue(t *testing.T) {
	m, path := readOnlyModel(t, 160, 45)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	press(t, m, "7")
	if m.replay.err != nil || m.replay.res == nil {
		t.Fatalf("replay on a read-only catalogue: %v", m.replay.err)
	}
	if m.replay.res.SKUs == 0 || len(m.replay.res.PerSKU) != m.replay.res.SKUs {
		t.Errorf("%d SKUs replayed, %d per-SKU results", m.replay.res.SKUs, len(m.replay.res.PerSKU))
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the replay changed the catalogue file")
	}
	if s := screen(m); !strings.Contains(s, "Replay as of") || !strings.Contains(s, "normal 52w") {
		t.Errorf("read-only replay:\n%s", s)
	}
}

// The soft memory limit is lifted while replays run, and set back once
// the last has ended, whatever the order they end in.
func TestReplayLiftsTheMemoryLimitWhileItRuns(t *testing.T) {
	old := debug.SetMemoryLimit(200 << 20)
	defer debug.SetMemoryLimit(old)
	first := liftMemoryLimit()
	second := liftMemoryLimit()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("while replays run the limit is %d", got)
	}
	first()
	first() // twice: counted once
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with one replay still running the limit is %d", got)
	}
	second()
	if got := debug.SetMemoryLimit(-1); got != 200<<20 {
		t.Errorf("after the last replay the limit is %d, want %d", got, 200<<20)
	}
}

// An edit saved on another pane marks the replay stale too.
func TestReplayStaleAfterAnEdit(t *testing.T) {
	m, g := replayModel(t, 160, 45)
	m.replay.opened = true
	press(t, m, "7")
	showReplay(t, m, g.res)
	press(t, m, "2")
	enterValue(t, m, "e", "42")
	press(t, m, "7")
	if s := screen(m); !strings.Contains(s, "Stale: the catalogue was edited since this replay · r runs it again") {
		t.Errorf("after an edit on the Stock pane:\n%s", s)
	}
}
