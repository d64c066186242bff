package cli

import (
	"context"
	"fmt"
	"os"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// The commands open and plan a catalogue one way, here: the dashboard,
// export, forecast, backtest, simulate, import's dry run and the demo's
// first forecasts differ only in the options below.

// parseAsOf reads --as-of; empty means the catalogue's latest sales day.
func parseAsOf(s string) (model.Day, error) {
	if s == "" {
		return model.NoDay, nil
	}
	d, err := model.ParseDay(s)
	if err != nil {
		return model.NoDay, usageError{fmt.Errorf("--as-of: %w", err)}
	}
	return d, nil
}

// openReadable opens the catalogue a reading command (the dashboard,
// export, forecast, backtest, simulate) works on: read-write when the file
// and its directory allow it, else read-only.
func openReadable(path string) (*store.Store, error) {
	st, err := store.OpenReadable(path)
	return st, withCreateHint(err, path)
}

// openReadOnly opens the catalogue read-only whatever its permissions
// (the dashboard's --read-only).
func openReadOnly(path string) (*store.Store, error) {
	st, err := store.OpenReadOnly(path)
	return st, withCreateHint(err, path)
}

// planRequest says how a command opens and plans its catalogue.
type planRequest struct {
	asOf model.Day
	// open opens the catalogue; nil is openReadable.
	open func(path string) (*store.Store, error)
	// check refuses what needs the open catalogue to tell, before the
	// forecasting that a refusal would waste (backtest's --holdout).
	check func(*store.Store) error
	// everySKU forecasts every SKU, not only those whose cached forecast
	// is not current (forecast --all).
	everySKU bool
}

// planned is an open catalogue and its plan; the command closes the store.
type planned struct {
	st   *store.Store
	snap *planner.Snapshot
	// current counts the SKUs whose cached forecast was current and so
	// were not forecast again.
	current int
}

// openAndPlan opens the catalogue at path and plans it as of req.asOf,
// forecasting the SKUs whose cached forecast is not current with progress
// on stderr, and caches what it forecast (when asOf is the latest sales
// day and the catalogue can be written).
func openAndPlan(ctx context.Context, path string, req planRequest) (planned, error) {
	open := req.open
	if open == nil {
		open = openReadable
	}
	st, err := open(path)
	if err != nil {
		return planned{}, err
	}
	p, err := plan(ctx, st, req)
	if err != nil {
		st.Close()
		return planned{}, err
	}
	return p, nil
}

// plan is openAndPlan after the opening.
func plan(ctx context.Context, st *store.Store, req planRequest) (planned, error) {
	if req.check != nil {
		if err := req.check(st); err != nil {
			return planned{}, err
		}
	}
	snap, err := planner.Open(ctx, st, planner.Options{AsOf: req.asOf})
	if err != nil {
		return planned{}, err
	}
	if req.everySKU {
		snap.Stale = make([]int, len(snap.Rows))
		for i := range snap.Stale {
			snap.Stale[i] = i
		}
	}
	current := len(snap.Rows) - len(snap.Stale)
	if snap, err = snap.Refresh(ctx, st, progressPrinter(os.Stderr, "forecasting")); err != nil {
		return planned{}, err
	}
	if err := snap.SaveForecasts(ctx, st); err != nil {
		return planned{}, err
	}
	return planned{st: st, snap: snap, current: current}, nil
}

// openAndReplay opens the catalogue at path and replays req on it
// (planner.RunReplay plans it as of req.AsOf, and again on the way with
// --replan); the command closes the store.
func openAndReplay(ctx context.Context, path string, req planner.ReplayRequest, progress func(planner.ReplayProgress)) (*store.Store, *planner.Simulation, error) {
	st, err := openReadable(path)
	if err != nil {
		return nil, nil, err
	}
	res, err := planner.RunReplay(ctx, st, req, progress)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, res, nil
}
