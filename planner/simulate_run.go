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
// replayed unmeasured, planning again every ReplanWeeks (0: never).
type ReplayRequest struct {
	AsOf        model.Day
	Weeks       int
	WarmupWeeks int
	ReplanWeeks int
	Spread      bool
}

// ReplayRequestError is a request no catalogue could replay (a window out
// of range) or this catalogue cannot (a day outside its sales): the
// asker's to change, not a failure of the replay.
type ReplayRequestError struct{ msg string }

func (e *ReplayRequestError) Error() string { return e.msg }

func badRequest(format string, a ...any) error {
	return &ReplayRequestError{fmt.Sprintf(format, a...)}
}

// ReplayStage is what a running replay is doing.
type ReplayStage int

const (
	ReplayReading    ReplayStage = iota // reading the catalogue as of the day
	ReplayPlanning                      // forecasting and planning every SKU as of the day
	ReplayReplaying                     // replaying the SKUs day by day
	ReplayReplanning                    // planning every SKU again as of AsOf, mid-replay
)

// ReplayProgress is how far a replay has come: Done of Total SKUs of its
// stage (AsOf: the day a re-plan plans as of).
type ReplayProgress struct {
	Stage       ReplayStage
	Done, Total int
	AsOf        model.Day
}

// RunReplay plans the catalogue as of the request's day and replays the
// weeks after it. It writes nothing: forecasts made for a past day stay in
// memory, so a catalogue open read-only replays too.
func RunReplay(ctx context.Context, st *store.Store, req ReplayRequest, progress func(ReplayProgress)) (*Simulation, error) {
	if progress == nil {
		progress = func(ReplayProgress) {}
	}
	if req.Weeks < 1 || req.Weeks > 520 {
		return nil, badRequest("weeks must be from 1 to 520, not %d", req.Weeks)
	}
	if req.WarmupWeeks < 0 || req.WarmupWeeks > 52 {
		return nil, badRequest("warm-up must be from 0 to 52 weeks, not %d", req.WarmupWeeks)
	}
	if req.ReplanWeeks < 0 || req.ReplanWeeks > 0 && req.ReplanWeeks >= req.Weeks {
		return nil, badRequest("replan must be 0 (never) or fewer weeks than the %d replayed, not %d", req.Weeks, req.ReplanWeeks)
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
	if day < first && req.AsOf == model.NoDay {
		// the default as-of day: the window asked is longer than the sales
		return nil, badRequest("%d weeks before the last sales day (%s) is %s, before the first week with sales (%s): at most %d weeks can be replayed",
			req.Weeks, latest, day, first, max(int(latest-first)/7, 0))
	}
	if day < first {
		return nil, badRequest("as of %s is before the first week with sales (%s): there is no history to plan from", day, first)
	}
	if day >= latest {
		return nil, badRequest("as of %s is not before the last sales day %s: there are no sales after it to replay", day, latest)
	}
	// a window running past the data is cut at the last sales day (and
	// says so) rather than replaying days of no sales
	days := min(7*req.Weeks, int(latest-day))
	if req.ReplanWeeks > 0 && 7*req.ReplanWeeks >= days {
		return nil, badRequest("replan every %d weeks: the replay has %d days after %s, so it would never plan again", req.ReplanWeeks, days, day)
	}
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
		Days: days, Warmup: 7 * req.WarmupWeeks, Spread: req.Spread, Replan: 7 * req.ReplanWeeks,
		Progress: func(done, total int) {
			progress(ReplayProgress{Stage: ReplayReplaying, Done: done, Total: total})
		},
		PlanProgress: func(d model.Day) func(done, total int) {
			return func(done, total int) {
				progress(ReplayProgress{Stage: ReplayReplanning, Done: done, Total: total, AsOf: d})
			}
		},
	})
}

// Replay runs a replay of the catalogue (RunReplay).
func (b Backend) Replay(ctx context.Context, req ReplayRequest, progress func(ReplayProgress)) (*Simulation, error) {
	return RunReplay(ctx, b.Store, req, progress)
}
