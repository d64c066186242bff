package planner

import (
	"context"
	"math"
	"runtime"
	"runtime/debug"
	"slices"

	"stockroom/model"
	"stockroom/sim"
	"stockroom/store"
)

// replanDays lists the days a replay plans again every replan days after
// as-of, within the days replayed: asOf + replan, asOf + 2·replan, …
func replanDays(asOf model.Day, days, replan int) []model.Day {
	if replan <= 0 {
		return nil
	}
	var out []model.Day
	for d := replan; d < days; d += replan {
		out = append(out, asOf+model.Day(d))
	}
	return out
}

// replanSteps plans the catalogue again as of each of the days (in memory:
// nothing is cached) and returns, for each of rows, the tool's policy of
// each re-plan, in force from the day after it. One plan is held at a time:
// each gives its rows' policies (a few numbers and the forecast weeks the
// order-by rule reads) and is let go before the next.
func replanSteps(ctx context.Context, st *store.Store, snap *Snapshot, rows []*Row, opt SimulateOptions, start model.Day, days []model.Day) ([][]sim.Step, error) {
	if len(days) == 0 {
		return nil, nil
	}
	index := make(map[int64]int, len(rows))
	for i, r := range rows {
		index[r.Item.Product.ID] = i
	}
	steps := make([][]sim.Step, len(rows))
	// a plan is garbage once its policies are taken: collecting sooner
	// keeps the peak near one plan beside the as-of one (on 100k SKUs,
	// 0.96 GB instead of 1.18 GB, for 3 % more time)
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	end := snap.AsOf + model.Day(opt.Days) // the last day replayed
	for k, day := range days {
		var progress func(done, total int)
		if opt.PlanProgress != nil {
			progress = opt.PlanProgress(day)
		}
		plan, err := Open(ctx, st, Options{AsOf: day, Forecaster: snap.opt.Forecaster})
		if err != nil {
			return nil, err
		}
		if plan, err = plan.Refresh(ctx, st, progress); err != nil {
			return nil, err
		}
		until := end
		if k+1 < len(days) {
			until = days[k+1]
		}
		set := plan.Catalogue.Settings
		for _, r := range plan.Rows {
			i, ok := index[r.Item.Product.ID]
			if !ok {
				continue
			}
			pol := toolPolicy(r, set, day, opt.Spread)
			// the policy's copy of the forecast keeps only the weeks its
			// reviews can read, and none of the plan's memory
			pol.Weekly = slices.Clone(pol.Weekly[:min(len(pol.Weekly), weeksRead(pol, day, until))])
			if steps[i] == nil {
				steps[i] = make([]sim.Step, 0, len(days))
			}
			steps[i] = append(steps[i], sim.Step{From: int(day + 1 - start), Policy: pol})
		}
		// let this plan go before the next is made: collected now, the heap
		// never grows to hold two of them
		plan = nil
		runtime.GC()
	}
	return steps, ctx.Err()
}

// weeksRead is how many of a policy's forecast weeks the order-by rule can
// read at reviews up to the day until (sim's projection: the weeks from
// the review on that cover the review period and the lead time, and the
// week after for a review in mid-week).
func weeksRead(pol sim.Policy, plannedOn, until model.Day) int {
	k := max(int(until-plannedOn), 0)
	return k/7 + (max(pol.ReviewDays, 0)+max(pol.LeadDays, 0)+6)/7 + 1
}

// toolPolicy is a row's planned policy as the replay runs it: its s and S,
// supplier terms, and the planner's suggestion rules (the order-by day
// projected from the forecast planned on plannedOn, dead stock, no order
// for a SKU with no demand).
func toolPolicy(r *Row, set model.Settings, plannedOn model.Day, spread bool) sim.Policy {
	pol := basePolicy(r, set, spread)
	pol.ReorderPoint, pol.OrderUpTo = float64(r.Plan.ReorderPoint), r.Plan.OrderUpTo
	pol.NoDemand = !(r.Forecast.Level() > 0) && !r.Plan.ReorderPointManual
	pol.Weekly, pol.PlannedOn = r.Forecast.Mean, plannedOn
	pol.DeadStockDays = set.DeadStockDays
	return pol
}

// basePolicy is a row's supplier terms: review days, lead time (rounded to
// days, with its spread when drawn), case pack, MOQ and rounding rule.
func basePolicy(r *Row, set model.Settings, spread bool) sim.Policy {
	it := r.Item
	review := set.ReviewDays
	if it.Policy.ReviewDays > 0 {
		review = it.Policy.ReviewDays
	}
	base := sim.Policy{
		ReviewDays: review, LeadDays: int(math.Round(r.LeadTime.Days)),
		CasePack: it.Product.CasePack, MOQ: it.Product.MOQ, Rounding: it.Policy.Rounding,
	}
	if spread {
		base.LeadSDDays = r.LeadTime.SDDays
	}
	return base
}

// lastSaleBefore is a SKU's last sale before start: the last day with units
// in its daily rows read from first (before start), else the planner's
// last sale up to as-of when that is earlier than first, else unknown
// (it first sold between start and as-of, or never).
func lastSaleBefore(sales []model.DailySale, first, start, planned model.Day) model.Day {
	last := model.NoDay
	for _, d := range sales {
		if d.Day >= first && d.Day < start && d.Units > 0 && d.Day > last {
			last = d.Day
		}
	}
	if !last.Valid() && planned.Valid() && planned < first {
		return planned
	}
	return last
}

// baselineSteps re-estimates the two baselines at each of the tool's
// re-plans, as the tool is planned again: from the 52 weeks up to the
// re-plan day, with that plan's supplier terms and, for the normal
// baseline, its lot size S − s. Else a re-planned tool would be measured
// against yardsticks frozen on the as-of day.
func baselineSteps(tool []sim.Step, sales []model.DailySale, start model.Day, serviceLevel float64) (minMax, normal []sim.Step) {
	minMax, normal = make([]sim.Step, 0, len(tool)), make([]sim.Step, 0, len(tool))
	if len(tool) == 0 {
		return minMax, normal
	}
	// each re-plan is planned as of the day before its first: one series
	// from the first's 52 weeks to the last day holds every window
	planned := func(st sim.Step) model.Day { return start + model.Day(st.From) - 1 }
	first := planned(tool[0]) - simHistoryDays + 1
	units, stockouts := dailySeries(sales, first, int(planned(tool[len(tool)-1])-first)+1)
	for _, st := range tool {
		lo := int(planned(st) - simHistoryDays + 1 - first)
		history, censored := units[lo:lo+simHistoryDays], stockouts[lo:lo+simHistoryDays]
		p := st.Policy
		base := sim.Policy{ReviewDays: p.ReviewDays, LeadDays: p.LeadDays, LeadSDDays: p.LeadSDDays, CasePack: p.CasePack, MOQ: p.MOQ, Rounding: p.Rounding}
		minMax = append(minMax, sim.Step{From: st.From, Policy: sim.MinMaxPolicy(history, censored, base)})
		normal = append(normal, sim.Step{From: st.From, Policy: sim.NormalPolicy(history, censored, serviceLevel, p.OrderUpTo-p.ReorderPoint, base)})
	}
	return minMax, normal
}

// scaledSteps is steps with each policy's s and S scaled by k (sim.Scaled).
func scaledSteps(steps []sim.Step, k float64) []sim.Step {
	if len(steps) == 0 {
		return nil
	}
	out := make([]sim.Step, len(steps))
	for i, st := range steps {
		out[i] = sim.Step{From: st.From, Policy: sim.Scaled(st.Policy, k)}
	}
	return out
}
