package planner

import (
	"context"
	"fmt"

	"stockroom/model"
	"stockroom/store"
)

// ReplayRequest is a replay as `stockroom simulate` runs it: plan as of
// AsOf (NoDay: Weeks before the latest sales day) and replay the Weeks
// after it, cut at the last sales day, with WarmupWeeks (0–52) before it
// replayed unmeasured.
type ReplayRequest struct {
	AsOf        model.Day
	Weeks       int
	WarmupWeeks int
	Spread      bool
}

// ReplayStage is what a running replay is doing.
type ReplayStage int

const (
	ReplayReading   ReplayStage = iota // reading the catalogue as of the day
	ReplayPlanning                     // forecasting and planning every SKU as of the day
	ReplayReplaying                    // replaying the SKUs day by day
)

// ReplayProgress is how far a replay has come: Done of Total SKUs of its
// stage.
type ReplayProgress struct {
	Stage       ReplayStage
	Done, Total int
}

// RunReplay plans the catalogue as of the request's day and replays the
// weeks after it. It writes nothing: forecasts made for a past day stay in
// memory, so a catalogue open read-only replays too.
func RunReplay(ctx context.Context, st *store.Store, req ReplayRequest, progress func(ReplayProgress)) (*Simulation, error) {
	if progress == nil {
		progress = func(ReplayProgress) {}
	}
	if req.Weeks < 1 || req.Weeks > 520 {
		return nil, fmt.Errorf("weeks must be from 1 to 520, not %d", req.Weeks)
	}
	if req.WarmupWeeks < 0 || req.WarmupWeeks > 52 {
		return nil, fmt.Errorf("warm-up must be from 0 to 52 weeks, not %d", req.WarmupWeeks)
	}
	progress(ReplayProgress{Stage: ReplayReading})
	latest, err := st.LatestSaleDay(ctx)
	if err != nil {
		return nil, err
	}
	if latest == model.NoDay {
		return nil, fmt.Errorf("the catalogue has no sales to replay")
	}
	day := req.AsOf
	if day == model.NoDay {
		day = latest - model.Day(7*req.Weeks)
	}
	first, err := st.FirstSalesWeek(ctx)
	if err != nil {
		return nil, err
	}
	if day < first {
		return nil, fmt.Errorf("as of %s is before the first week with sales (%s): there is no history to plan from", day, first)
	}
	if day >= latest {
		return nil, fmt.Errorf("as of %s is not before the last sales day %s: there are no sales after it to replay", day, latest)
	}
	days := min(7*req.Weeks, int(latest-day))
	snap, err := Open(ctx, st, Options{AsOf: day})
	if err != nil {
		return nil, err
	}
	progress(ReplayProgress{Stage: ReplayPlanning, Total: len(snap.Stale)})
	snap, err = snap.Refresh(ctx, st, func(done, total int) {
		progress(ReplayProgress{Stage: ReplayPlanning, Done: done, Total: total})
	})
	if err != nil {
		return nil, err
	}
	return Simulate(ctx, st, snap, SimulateOptions{
		Days: days, Warmup: 7 * req.WarmupWeeks, Spread: req.Spread,
		Progress: func(done, total int) {
			progress(ReplayProgress{Stage: ReplayReplaying, Done: done, Total: total})
		},
	})
}

// Replay runs a replay of the catalogue (RunReplay).
func (b Backend) Replay(ctx context.Context, req ReplayRequest, progress func(ReplayProgress)) (*Simulation, error) {
	return RunReplay(ctx, b.Store, req, progress)
}
