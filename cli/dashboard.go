package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/demo"
	"stockroom/planner"
	"stockroom/termtext"
	"stockroom/ui"
)

type dashboardOptions struct {
	db       string
	demo     bool
	asOf     string
	readOnly bool
}

// started is when the process began, for STOCKROOM_TRACE's first-frame time.
var started = time.Now()

func runDashboard(ctx context.Context, opt dashboardOptions) error {
	limitMemory()
	planner.SpareProcessor() // a key never waits for a processor behind background work
	restoreGC := relaxGCForStart()
	defer restoreGC()
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	// signals from here on quit as q does, once the dashboard runs
	signals := catchSignals()
	defer signals.stop()
	path := catalogPath(opt.db)
	if opt.demo {
		if opt.db == "" {
			path = demoPath()
		}
		if _, err := os.Lstat(path); os.IsNotExist(err) {
			if _, err := ensureDataDir(path); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "Creating the demo catalogue at %s…\n", termtext.Visible(path))
			if err := demo.Create(ctx, path, demo.Options{End: today() - 1, Finish: primeForecasts}); err != nil {
				return err
			}
		}
	}
	// an existing catalogue only: the dashboard never makes an empty one
	open := openReadable
	if opt.readOnly {
		open = openReadOnly
	}
	st, err := open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	restoreLimit := raiseLimitForStart(ctx, st)
	defer restoreLimit()
	readOnly := st.ReadOnly()
	if opt.readOnly {
		readOnly = "opened with --read-only"
	}
	uiOpt := ui.Options{
		// background forecasts leave a core to the keys
		Backend:  planner.Backend{Store: st, Options: planner.Options{AsOf: asOf, Background: true}},
		Source:   path,
		ReadOnly: readOnly,
		Now:      clock, // purchase orders are dated by the real clock, not the plan's as-of day
		Started:  started,
		// notice what other processes change while it is open
		WatchEvery: ui.DefaultWatchEvery,
		// the start-up's larger GC steps and memory limit end with the
		// first frame
		FirstFrame: func() { restoreGC(); restoreLimit() },
	}
	if trace := os.Getenv("STOCKROOM_TRACE"); trace != "" {
		f, err := os.OpenFile(trace, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		uiOpt.Trace = f
	}
	m := ui.New(uiOpt)
	defer m.Close() // before the catalogue closes: a replay still running stops reading it
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithoutSignalHandler(), tea.WithOutput(m.Output(os.Stdout)))
	signals.endOn(p)
	_, err = p.Run()
	if sig := signals.signal(); sig != nil {
		if signals.killed.Load() {
			return fmt.Errorf("ended by %v while the last change waited for another process to finish writing: that change was not saved", sig)
		}
		// quit as asked; a terminal that hung up may also have failed a
		// read or a write on the way
		return nil
	}
	return err
}
