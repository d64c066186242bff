package main

import (
	"context"
	"math"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/sim"
	"stockroom/store"
)

// The policies a simulation replays, in print order.
var simPolicies = [...]string{"stockroom", "min/max 13w", "normal 52w"}

// simHistoryDays is the history before as-of the baselines read: 52 weeks.
const simHistoryDays = 52 * 7

// simChunk is how many SKUs' daily sales are read and replayed at a time,
// so a large catalogue's history is never held whole.
const simChunk = 2000

// simulation is a replay's pooled results.
type simulation struct {
	AsOf    model.Day
	Days    int // replayed, from the day after AsOf
	Warmup  int // days before AsOf+1 replayed but not measured
	SKUs    int
	Skipped int // discontinued: not replenished, so not replayed
	ByClass [len(simPolicies)][3]sim.Summary
	Overall [len(simPolicies)]sim.Summary
	// Target is the mean service level of the class's SKUs (its default
	// unless the PM set some), TargetAll of all.
	Target    [3]float64
	TargetAll float64
	// AtScale holds each baseline's replays with s and S scaled by
	// sim.EqualInventoryFactors: [policy][factor][class], class 3 overall.
	// The tool's entry is empty.
	AtScale [len(simPolicies)][][4]sim.Summary
}

// FillAtToolInventory is a baseline's fill, interpolated, at the tool's
// average inventory of the class (3: overall); ok false when out of range.
func (s *simulation) FillAtToolInventory(policy, class int) (float64, bool) {
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

// simulate replays each active SKU's planned policy and the two baselines
// over the days after the snapshot's as-of day. Each policy starts with
// its own order-up-to level on hand and nothing on order, warmup days
// (at most simHistoryDays) before the day after as-of, over the sales of
// those days, which are not measured; spread draws each order's lead time
// with the SKU's σ_L.
func simulate(ctx context.Context, st *store.Store, snap *planner.Snapshot, days, warmup int, spread bool) (*simulation, error) {
	warmup = min(max(warmup, 0), simHistoryDays)
	res := &simulation{AsOf: snap.AsOf, Days: days, Warmup: warmup}
	for p := 1; p < len(simPolicies); p++ {
		res.AtScale[p] = make([][4]sim.Summary, len(sim.EqualInventoryFactors))
	}
	set := snap.Catalogue.Settings
	from := snap.AsOf - simHistoryDays + 1
	var targets [3]float64
	var counts [3]int
	rows := make([]*planner.Row, 0, len(snap.Rows))
	for _, r := range snap.Rows {
		if r.Item.Product.Status == model.Discontinued {
			res.Skipped++
			continue
		}
		rows = append(rows, r)
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
		for _, r := range chunk {
			history, histCensored := dailySeries(sales[r.Item.Product.ID], from, simHistoryDays)
			future, censored := dailySeries(sales[r.Item.Product.ID], snap.AsOf+1-model.Day(warmup), warmup+days)
			sp, _ := snap.Supplier(r.Item.Product.SupplierID)
			costs := sim.Costs{HoldingRate: set.HoldingRate, OrderCost: set.OrderCostFor(sp)}
			pols := simPoliciesFor(r, set, history, histCensored, spread)
			for p, pol := range pols {
				sku := sim.SKU{
					Class: r.ABC, UnitCost: r.Item.Product.UnitCost,
					Demand: future, Censored: censored, WeeklyMean: r.Forecast.Level(),
					Available: int(math.Ceil(math.Max(pol.OrderUpTo, 0) - 1e-9)),
					Warmup:    warmup,
				}
				out := sim.Replay(sku, pol, costs, uint64(r.Item.Product.ID))
				res.ByClass[p][min(r.ABC, model.ClassC)].Add(out)
				res.Overall[p].Add(out)
				for f, k := range sim.EqualInventoryFactors {
					if p == 0 {
						break
					}
					scaled := sim.Scaled(pol, k)
					sku.Available = int(math.Ceil(math.Max(scaled.OrderUpTo, 0) - 1e-9))
					out := sim.Replay(sku, scaled, costs, uint64(r.Item.Product.ID))
					res.AtScale[p][f][min(r.ABC, model.ClassC)].Add(out)
					res.AtScale[p][f][3].Add(out)
				}
			}
			c := min(r.ABC, model.ClassC)
			targets[c] += r.ServiceLevel
			counts[c]++
			res.TargetAll += r.ServiceLevel
			res.SKUs++
		}
	}
	for c := range targets {
		if counts[c] > 0 {
			res.Target[c] = targets[c] / float64(counts[c])
		}
	}
	if res.SKUs > 0 {
		res.TargetAll /= float64(res.SKUs)
	}
	return res, nil
}

// simPoliciesFor is a row's planned policy and the two baselines, with
// its supplier terms: review days, lead time (rounded to days), case pack,
// MOQ and rounding rule.
func simPoliciesFor(r *planner.Row, set model.Settings, history []float64, censored []bool, spread bool) [len(simPolicies)]sim.Policy {
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
	tool := base
	tool.ReorderPoint, tool.OrderUpTo = float64(r.Plan.ReorderPoint), r.Plan.OrderUpTo
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
