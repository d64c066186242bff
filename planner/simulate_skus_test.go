package planner

import (
	"bytes"
	"context"
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"stockroom/demo"
	"stockroom/model"
	"stockroom/sim"
	"stockroom/store"
)

func replayDemo(t *testing.T) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(context.Background(), path, demo.Options{SKUs: 150, Seed: 5, End: demo.DefaultEnd}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Each SKU's result under the tool's policy is what sim.Replay gives the
// SKU's policy over its own sales (set up here from the store, not by the
// runner), the results add up to the tool's pooled lines, and the view
// lists the SKU that lost the most units first. Progress goes reading →
// planning → replaying and ends with every SKU replayed.
func TestPerSKUResultsAreTheToolsReplays(t *testing.T) {
	ctx := context.Background()
	st := replayDemo(t)
	var stages []ReplayProgress
	res, err := RunReplay(ctx, st, ReplayRequest{AsOf: model.NoDay, Weeks: 8, WarmupWeeks: 4}, func(p ReplayProgress) {
		stages = append(stages, p)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.PerSKU) != res.SKUs || res.SKUs == 0 {
		t.Fatalf("%d per-SKU results for %d SKUs", len(res.PerSKU), res.SKUs)
	}
	last := stages[len(stages)-1]
	if stages[0].Stage != ReplayReading || last.Stage != ReplayReplaying || last.Done != last.Total || last.Total != res.SKUs {
		t.Errorf("progress: first %+v, last %+v, want reading … replaying %d of %d", stages[0], last, res.SKUs, res.SKUs)
	}
	for i := 1; i < len(stages); i++ {
		if stages[i].Stage < stages[i-1].Stage {
			t.Errorf("progress went back: %+v after %+v", stages[i], stages[i-1])
		}
	}

	// the pooled lines are the per-SKU results added up
	var byClass [3]sim.Summary
	var all sim.Summary
	for _, k := range res.PerSKU {
		byClass[k.Result.Class].Add(k.Result)
		all.Add(k.Result)
	}
	same := func(a, b sim.Summary) bool {
		near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-6*math.Max(1, math.Abs(y)) }
		return a.SKUs == b.SKUs && a.Cycles == b.Cycles && a.Failed == b.Failed && a.Orders == b.Orders &&
			near(a.Demanded, b.Demanded) && near(a.Served, b.Served) && near(a.AvgInventoryCost, b.AvgInventoryCost) &&
			near(a.HoldingCost, b.HoldingCost) && near(a.OrderingCost, b.OrderingCost)
	}
	if !same(all, res.Overall[0]) {
		t.Errorf("per-SKU results add up to %+v, the tool's overall line is %+v", all, res.Overall[0])
	}
	for c := range 3 {
		if !same(byClass[c], res.ByClass[0][c]) {
			t.Errorf("class %d: per-SKU %+v, pooled %+v", c, byClass[c], res.ByClass[0][c])
		}
	}

	// most units lost first; ties by SKU
	v := res.SKUView()
	for i := 1; i < v.Len(); i++ {
		a, b := v.SKU(i-1), v.SKU(i)
		if a.Lost() < b.Lost() || (a.Lost() == b.Lost() && a.SKU > b.SKU) {
			t.Fatalf("row %d (%s, %v lost) before row %d (%s, %v lost)", i-1, a.SKU, a.Lost(), i, b.SKU, b.Lost())
		}
	}
	if v.SKU(0).Lost() <= 0 {
		t.Fatal("no SKU lost a sale: the check below would compare trivial replays")
	}

	// the first, a middle and the last SKU of the list, replayed by hand
	snap, err := Load(ctx, st, Options{AsOf: res.AsOf})
	if err != nil {
		t.Fatal(err)
	}
	set := snap.Catalogue.Settings
	warmup := 7 * 4
	for _, i := range []int{0, v.Len() / 2, v.Len() - 1} {
		k := v.SKU(i)
		r := snap.Rows[snap.RowOf(k.ProductID)]
		p := r.Item.Product
		if k.SKU != p.SKU || k.Name != p.Name || k.Target != r.ServiceLevel {
			t.Errorf("%s: kept as %q %q target %v, planned as %q %q %v", p.SKU, k.SKU, k.Name, k.Target, p.SKU, p.Name, r.ServiceLevel)
		}
		start := res.AsOf + 1 - model.Day(warmup)
		from := min(res.AsOf-simHistoryDays+1, start-model.Day(set.DeadStockDays))
		sales, err := st.DailySalesBetween(ctx, []int64{p.ID}, from, res.AsOf+model.Day(res.Days))
		if err != nil {
			t.Fatal(err)
		}
		n := warmup + res.Days
		demand, censored := make([]float64, n), make([]bool, n)
		for _, d := range sales[p.ID] {
			if day := int(d.Day - start); day >= 0 && day < n {
				demand[day] = float64(d.Units)
				censored[day] = d.InStock < 1
			}
		}
		// the tool's policy as the planner hands it to the replay: its s
		// and S, supplier terms and the dead-stock and order-by rules
		pol := toolPolicy(r, set, res.AsOf, false)
		if pol.ReorderPoint != float64(r.Plan.ReorderPoint) || pol.OrderUpTo != r.Plan.OrderUpTo {
			t.Fatalf("%s: tool policy s %v S %v, planned %d %v", p.SKU, pol.ReorderPoint, pol.OrderUpTo, r.Plan.ReorderPoint, r.Plan.OrderUpTo)
		}
		sp, _ := snap.Supplier(p.SupplierID)
		want := sim.Replay(sim.SKU{
			Class: min(r.ABC, model.ClassC), UnitCost: p.UnitCost,
			Demand: demand, Censored: censored, WeeklyMean: r.Forecast.Level(),
			Available: int(math.Ceil(math.Max(r.Plan.OrderUpTo, 0) - 1e-9)), Warmup: warmup,
			Start: start, LastSale: lastSaleBefore(sales[p.ID], from, start, r.LastSale), Launched: p.LaunchedOn,
		}, pol, sim.Costs{HoldingRate: set.HoldingRate, OrderCost: set.OrderCostFor(sp)}, uint64(p.ID))
		// the runner imputes censored days once, before its replays, and
		// puts what that added over the measured days into each result
		got := k.Result
		if got != want {
			t.Errorf("%s: per-SKU result %+v, replayed by hand %+v", p.SKU, k.Result, want)
		}
		// the view's cells are that result
		if got := v.Value(i, SimLost).Float; got != want.Demanded-want.Served {
			t.Errorf("%s: units_lost %v, want %v", p.SKU, got, want.Demanded-want.Served)
		}
		if got := v.Value(i, SimFill).Float; got != 100*want.Fill() {
			t.Errorf("%s: fill_pct %v, want %v", p.SKU, got, 100*want.Fill())
		}
		if got := v.Value(i, SimImputed).Float; got != want.Imputed {
			t.Errorf("%s: units_imputed %v, want %v", p.SKU, got, want.Imputed)
		}
	}
	sumImputed := 0.0
	for _, k := range res.PerSKU {
		sumImputed += k.Result.Imputed
	}
	if !(sumImputed > 0) {
		t.Error("no SKU had an out-of-stock day imputed: the imputed units go unchecked")
	}
}

// A window the history cannot give is refused, naming why.
func TestRunReplayRefusesImpossibleWindows(t *testing.T) {
	st := replayDemo(t)
	for _, c := range []struct {
		req  ReplayRequest
		want string
	}{
		{ReplayRequest{AsOf: model.NoDay, Weeks: 0}, "weeks must be from 1 to 520"},
		{ReplayRequest{AsOf: model.NoDay, Weeks: 26, WarmupWeeks: 53}, "warm-up must be from 0 to 52 weeks"},
		{ReplayRequest{AsOf: model.NoDay, Weeks: 520}, "before the first week with sales"},
		{ReplayRequest{AsOf: model.NoDay, Weeks: 520}, "weeks can be replayed"},
		{ReplayRequest{AsOf: demo.DefaultEnd - 52*7, Weeks: 26, ReplanWeeks: 26}, "replan must be 0 (never) or fewer weeks than the 26 replayed"},
		{ReplayRequest{AsOf: demo.DefaultEnd - 14, Weeks: 26, ReplanWeeks: 2}, "so it would never plan again"},
		{ReplayRequest{AsOf: demo.DefaultEnd - 52*7, Weeks: 26, ReplanWeeks: -1}, "replan must be 0"},
		{ReplayRequest{AsOf: demo.DefaultEnd, Weeks: 4}, "no sales after it to replay"},
	} {
		_, err := RunReplay(context.Background(), st, c.req, nil)
		var bad *ReplayRequestError
		if err == nil || !strings.Contains(err.Error(), c.want) || !errors.As(err, &bad) {
			t.Errorf("%+v: %v, want a ReplayRequestError saying %q", c.req, err, c.want)
		}
	}
}

// The simulation view writes the table as simulate's CSV: shares as
// fractions with four decimals, units with one, money with two, an empty
// fill@tool for the tool, counts whole. One SKU of class A, worked by
// hand: 19 of 20 cycles, 990 of 1,000 units, 300 units at 2 on hand over
// 182 days (1,000 ÷ 26 = 38.46 a week: 600 ÷ 76.92 = 7.80 weeks).
func TestSimulationViewWritesSimulateCSV(t *testing.T) {
	res := &Simulation{Days: 182, SKUs: 1, Target: [3]float64{0.98}, TargetAll: 0.98}
	r := sim.Result{Class: model.ClassA, UnitCost: 2, Days: 182, Demanded: 1000, Served: 990, Cycles: 20, Failed: 1, Orders: 20, AvgInventory: 300, HoldingCost: 75, OrderingCost: 800}
	for p := range SimulationPolicies {
		res.ByClass[p][0].Add(r)
		res.Overall[p].Add(r)
	}
	var b bytes.Buffer
	if err := WriteSimulationCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	want := strings.Join(SimulationCSVHeader, ",") + "\n" +
		"A,stockroom,1,0.9800,0.9500,0.9900,,20,1,1000.0,990.0,600.00,7.80,20,75.00,800.00\n" +
		"A,min/max 13w,1,0.9800,0.9500,0.9900,,20,1,1000.0,990.0,600.00,7.80,20,75.00,800.00\n" +
		"A,normal 52w,1,0.9800,0.9500,0.9900,,20,1,1000.0,990.0,600.00,7.80,20,75.00,800.00\n" +
		"all,stockroom,1,0.9800,0.9500,0.9900,,20,1,1000.0,990.0,600.00,7.80,20,75.00,800.00\n" +
		"all,min/max 13w,1,0.9800,0.9500,0.9900,,20,1,1000.0,990.0,600.00,7.80,20,75.00,800.00\n" +
		"all,normal 52w,1,0.9800,0.9500,0.9900,,20,1,1000.0,990.0,600.00,7.80,20,75.00,800.00\n"
	if b.String() != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", b.String(), want)
	}
}
