package planner

import (
	"context"
	"math"
	"runtime"
	"sync"

	"stockroom/model"
	"stockroom/sim"
	"stockroom/store"
)

// The policies a simulation replays, in print order.
var SimulationPolicies = [...]string{"stockroom", "min/max 13w", "normal 52w"}

// simHistoryDays is the history before as-of the baselines read: 52 weeks.
const simHistoryDays = 52 * 7

// simChunk is how many SKUs' daily sales are read and replayed at a time,
// so a large catalogue's history is never held whole.
const simChunk = 2000

// SimulateOptions says what to replay: Days after the snapshot's as-of
// day, Warmup days before it replayed unmeasured (at most 52 weeks), and
// Spread to draw each order's lead time with the SKU's σ_L. Replan > 0
// plans the catalogue again every Replan days after as-of, and each SKU's
// policy changes from the day after; PlanProgress (may be nil) gives the
// progress report of each re-plan.
type SimulateOptions struct {
	Days, Warmup int
	Spread       bool
	Replan       int
	PlanProgress func(asOf model.Day) func(done, total int)
	// Progress, when set, is told how many SKUs are replayed so far.
	Progress func(done, total int)
}

// Simulation is a replay's pooled results.
type Simulation struct {
	AsOf   model.Day
	Days   int // replayed, from the day after AsOf
	Warmup int // days before AsOf+1 replayed but not measured
	// Replans are the days the catalogue was planned again, each plan's
	// policies in force from the day after.
	Replans []model.Day
	SKUs    int
	Skipped int // discontinued: not replenished, so not replayed
	// Unlaunched counts the SKUs launched after the as-of day: the plan of
	// that day has nothing for them (no history, no forecast), so they are
	// not replayed.
	Unlaunched int
	ByClass    [len(SimulationPolicies)][3]sim.Summary
	Overall    [len(SimulationPolicies)]sim.Summary
	// Target is the mean service level of the class's SKUs (its default
	// unless the PM set some), TargetAll of all.
	Target    [3]float64
	TargetAll float64
	// AtScale holds each baseline's replays with s and S scaled by
	// sim.EqualInventoryFactors: [policy][factor][class], class 3 overall.
	// The tool's entry is empty.
	AtScale [len(SimulationPolicies)][][4]sim.Summary
	// PerSKU is each replayed SKU's result under the tool's policy, in no
	// particular order (simulate_skus.go).
	PerSKU []SKUReplay
}

// SimulationLine is one line of a simulation's table: a class (or all) and a
// policy with its summary.
type SimulationLine struct {
	Class, Policy string
	Target        float64
	// ClassIndex is the class (3: all), PolicyIndex the policy's index in
	// SimulationPolicies (0: the tool).
	ClassIndex, PolicyIndex int
	Sum                     sim.Summary
}

// Lines lists the table's lines in print order: A, B, C, then all, each
// with the tool first and then the baselines; classes without a SKU are
// left out.
func (s *Simulation) Lines() []SimulationLine {
	var out []SimulationLine
	for c := 0; c <= 3; c++ {
		name, target := "all", s.TargetAll
		if c < 3 {
			name, target = model.ABC(c).String(), s.Target[c]
		}
		for p, policy := range SimulationPolicies {
			sum := s.Overall[p]
			if c < 3 {
				sum = s.ByClass[p][c]
			}
			if sum.SKUs > 0 {
				out = append(out, SimulationLine{Class: name, Policy: policy, Target: target, ClassIndex: c, PolicyIndex: p, Sum: sum})
			}
		}
	}
	return out
}

// FillAtToolInventory is a baseline's fill, interpolated, at the tool's
// average inventory of the class (3: overall); ok false when out of range.
func (s *Simulation) FillAtToolInventory(policy, class int) (float64, bool) {
	tool := s.Overall[0]
	if class < 3 {
		tool = s.ByClass[0][class]
	}
	var pts []sim.Summary
	for _, at := range s.AtScale[policy] {
		pts = append(pts, at[class])
	}
	return sim.FillAtInventory(pts, tool.AvgInventoryCost)
}

// Simulate replays each active SKU's planned policy and the two baselines
// over the days after the snapshot's as-of day. Each policy starts with
// its own order-up-to level on hand and nothing on order, warmup days
// (at most simHistoryDays) before the day after as-of, over the sales of
// those days, which are not measured; spread draws each order's lead time
// with the SKU's σ_L.
func Simulate(ctx context.Context, st *store.Store, snap *Snapshot, opt SimulateOptions) (*Simulation, error) {
	days, warmup, spread := opt.Days, opt.Warmup, opt.Spread
	warmup = min(max(warmup, 0), simHistoryDays)
	res := &Simulation{AsOf: snap.AsOf, Days: days, Warmup: warmup, Replans: replanDays(snap.AsOf, days, opt.Replan)}
	rows := make([]*Row, 0, len(snap.Rows))
	for _, r := range snap.Rows {
		if r.Item.Product.Status == model.Discontinued {
			res.Skipped++
			continue
		}
		if launch := r.Item.Product.LaunchedOn; launch.Valid() && launch > snap.AsOf {
			res.Unlaunched++
			continue
		}
		rows = append(rows, r)
	}
	start := snap.AsOf + 1 - model.Day(warmup)
	later, err := replanSteps(ctx, st, snap, rows, opt, start, res.Replans)
	if err != nil {
		return nil, err
	}
	// one tally per core, each replaying its share of every chunk, added
	// up at the end: the replays of a SKU depend on nothing else
	tallies := make([]simTally, max(runtime.GOMAXPROCS(0), 1))
	for i := range tallies {
		tallies[i] = newSimTally()
	}
	// the baselines read 52 weeks before as-of; the dead-stock rule the
	// last sale before the replay's start
	from := min(snap.AsOf-simHistoryDays+1, start-model.Day(snap.Catalogue.Settings.DeadStockDays))
	if opt.Progress != nil {
		opt.Progress(0, len(rows))
	}
	for lo := 0; lo < len(rows); lo += simChunk {
		chunk := rows[lo:min(lo+simChunk, len(rows))]
		ids := make([]int64, len(chunk))
		for i, r := range chunk {
			ids[i] = r.Item.Product.ID
		}
		sales, err := st.DailySalesBetween(ctx, ids, from, snap.AsOf+model.Day(days))
		if err != nil {
			return nil, err
		}
		var wg sync.WaitGroup
		for w := range tallies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(chunk); i += len(tallies) {
					var steps []sim.Step
					if later != nil {
						steps = later[lo+i]
					}
					tallies[w].replay(snap, chunk[i], sales[chunk[i].Item.Product.ID], from, days, warmup, spread, steps)
				}
			}()
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if opt.Progress != nil {
			opt.Progress(lo+len(chunk), len(rows))
		}
	}
	total := newSimTally()
	for _, t := range tallies {
		total.merge(t)
	}
	total.fill(res)
	return res, nil
}

// simTally is what one worker's replays add up to.
type simTally struct {
	byClass [len(SimulationPolicies)][3]sim.Summary
	overall [len(SimulationPolicies)]sim.Summary
	atScale [len(SimulationPolicies)][][4]sim.Summary
	targets [3]float64
	counts  [3]int
	perSKU  []SKUReplay
}

func newSimTally() simTally {
	var t simTally
	for p := 1; p < len(SimulationPolicies); p++ {
		t.atScale[p] = make([][4]sim.Summary, len(sim.EqualInventoryFactors))
	}
	return t
}

// replay runs a row's three policies, and the baselines at every scale,
// over its sales, read from the day first; replans are the tool's later
// policies.
func (t *simTally) replay(snap *Snapshot, r *Row, sales []model.DailySale, first model.Day, days, warmup int, spread bool, replans []sim.Step) {
	set := snap.Catalogue.Settings
	history, histCensored := dailySeries(sales, snap.AsOf-simHistoryDays+1, simHistoryDays)
	start := snap.AsOf + 1 - model.Day(warmup)
	recorded, censored := dailySeries(sales, start, warmup+days)
	// imputed once for the 23 replays below, which see no censored day
	// and so add nothing themselves: what imputation added over the
	// measured days goes into each result here
	demand, _ := sim.ImputeDemand(recorded, censored, r.Forecast.Level())
	imputed := 0.0
	for d := warmup; d < len(demand); d++ {
		imputed += demand[d] - recorded[d]
	}
	sp, _ := snap.Supplier(r.Item.Product.SupplierID)
	costs := sim.Costs{HoldingRate: set.HoldingRate, OrderCost: set.OrderCostFor(sp)}
	c := min(r.ABC, model.ClassC)
	lastSale := lastSaleBefore(sales, first, start, r.LastSale)
	run := func(pol sim.Policy, later []sim.Step) sim.Result {
		sku := sim.SKU{
			Class: c, UnitCost: r.Item.Product.UnitCost, Demand: demand,
			Available: int(math.Ceil(math.Max(pol.OrderUpTo, 0) - 1e-9)),
			Warmup:    warmup,
			Start:     start, LastSale: lastSale, Launched: r.Item.Product.LaunchedOn,
		}
		var out sim.Result
		if len(later) == 0 {
			out = sim.Replay(sku, pol, costs, uint64(r.Item.Product.ID))
		} else {
			steps := append([]sim.Step{{Policy: pol}}, later...)
			out = sim.ReplaySchedule(sku, steps, costs, uint64(r.Item.Product.ID))
		}
		out.Imputed = imputed
		return out
	}
	// re-planned, the baselines are estimated again with the tool
	var later [len(SimulationPolicies)][]sim.Step
	if len(replans) > 0 {
		later[0] = replans
		later[1], later[2] = baselineSteps(replans, sales, start, r.ServiceLevel)
	}
	for p, pol := range policiesFor(r, snap.AsOf, set, history, histCensored, spread) {
		out := run(pol, later[p])
		t.byClass[p][c].Add(out)
		t.overall[p].Add(out)
		if p == 0 {
			t.perSKU = append(t.perSKU, SKUReplayOf(r, out))
			continue
		}
		for f, k := range sim.EqualInventoryFactors {
			out := run(sim.Scaled(pol, k), scaledSteps(later[p], k))
			t.atScale[p][f][c].Add(out)
			t.atScale[p][f][3].Add(out)
		}
	}
	t.targets[c] += r.ServiceLevel
	t.counts[c]++
}

func (t *simTally) merge(o simTally) {
	for p := range SimulationPolicies {
		for c := range 3 {
			t.byClass[p][c].Merge(o.byClass[p][c])
		}
		t.overall[p].Merge(o.overall[p])
		for f := range t.atScale[p] {
			for c := range 4 {
				t.atScale[p][f][c].Merge(o.atScale[p][f][c])
			}
		}
	}
	for c := range 3 {
		t.targets[c] += o.targets[c]
		t.counts[c] += o.counts[c]
	}
	t.perSKU = append(t.perSKU, o.perSKU...)
}

// fill puts the tally into the simulation: targets become means.
func (t *simTally) fill(res *Simulation) {
	res.ByClass, res.Overall, res.AtScale = t.byClass, t.overall, t.atScale
	res.PerSKU = t.perSKU
	sum := 0.0
	for c := range 3 {
		res.SKUs += t.counts[c]
		sum += t.targets[c]
		if t.counts[c] > 0 {
			res.Target[c] = t.targets[c] / float64(t.counts[c])
		}
	}
	if res.SKUs > 0 {
		res.TargetAll = sum / float64(res.SKUs)
	}
}

// policiesFor is a row's planned policy (toolPolicy) and the two
// baselines, with its supplier terms (basePolicy).
func policiesFor(r *Row, asOf model.Day, set model.Settings, history []float64, censored []bool, spread bool) [len(SimulationPolicies)]sim.Policy {
	base := basePolicy(r, set, spread)
	tool := toolPolicy(r, set, asOf, spread)
	cover := r.Plan.OrderUpTo - float64(r.Plan.ReorderPoint)
	return [...]sim.Policy{
		tool,
		sim.MinMaxPolicy(history, censored, base),
		sim.NormalPolicy(history, censored, r.ServiceLevel, cover, base),
	}
}

// dailySeries lays a SKU's stored days out as n days from first: units
// sold, and whether the day was (partly) out of stock. A day without a row
// sold nothing and is taken as in stock.
func dailySeries(days []model.DailySale, first model.Day, n int) ([]float64, []bool) {
	units, censored := make([]float64, n), make([]bool, n)
	for _, d := range days {
		i := int(d.Day - first)
		if i < 0 || i >= n {
			continue
		}
		units[i] = float64(d.Units)
		censored[i] = d.InStock < 1 // NaN (unknown) compares false: in stock
	}
	return units, censored
}
