package planner

import (
	"context"
	"slices"
	"testing"

	"stockroom/model"
	"stockroom/sim"
	"stockroom/store"
)

func TestReplanDays(t *testing.T) {
	asOf := model.Day(20598) // 2026-05-25
	cases := []struct {
		days, every int
		want        []model.Day
	}{
		{181, 28, []model.Day{asOf + 28, asOf + 56, asOf + 84, asOf + 112, asOf + 140, asOf + 168}},
		{168, 28, []model.Day{asOf + 28, asOf + 56, asOf + 84, asOf + 112, asOf + 140}}, // the last day is no re-plan
		{28, 28, nil},
		{181, 0, nil},
		{181, -7, nil},
	}
	for _, c := range cases {
		if got := replanDays(asOf, c.days, c.every); !slices.Equal(got, c.want) {
			t.Errorf("replanDays(%d, %d) = %v, want %v", c.days, c.every, got, c.want)
		}
	}
}

// The last sale before the replay's start: from the daily rows read (from
// first), else the planner's when it is older than them, else unknown.
func TestLastSaleBefore(t *testing.T) {
	first, start := model.Day(1000), model.Day(1200)
	sales := []model.DailySale{{Day: 1010, Units: 2}, {Day: 1150, Units: 1}, {Day: 1160, Units: 0}, {Day: 1250, Units: 4}}
	cases := []struct {
		name    string
		sales   []model.DailySale
		planned model.Day
		want    model.Day
	}{
		{"the last day with units before start", sales, 1250, 1150},
		{"none read: the planner's, older", sales[3:], 900, 900},
		{"none read, the planner's within the rows (a warm-up sale): unknown", sales[3:], 1250, model.NoDay},
		{"never sold", nil, model.NoDay, model.NoDay},
	}
	for _, c := range cases {
		if got := lastSaleBefore(c.sales, first, start, c.planned); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// A re-plan's copy of the forecast keeps the weeks its reviews read: 28
// days of reviews, R 7 and L 10 days: 4 + ⌈17/7⌉ + 1 = 8 weeks.
func TestWeeksRead(t *testing.T) {
	if got := weeksRead(sim.Policy{ReviewDays: 7, LeadDays: 10}, 100, 128); got != 8 {
		t.Errorf("weeksRead = %d, want 8", got)
	}
}

// At a re-plan the baselines are estimated from the 52 weeks up to its day
// (the day before the step's first): 1 unit a day, 3 a day in the last 13
// weeks. L 7, R 7 (14 days, P = 2 weeks).
//
//	min/max  d̄ = 3: s = 3·14 = 42, S = 42 + 3·91 = 315
//	normal   μ = (13·21 + 39·7)/52 = 10.5 a week, z = 0 (service 50 %):
//	         s = 10.5·2 = 21, S = 21 + the tool's S − s (30 − 10) = 41
func TestBaselineSteps(t *testing.T) {
	start := model.Day(1000)
	tool := []sim.Step{{From: 10, Policy: sim.Policy{ReorderPoint: 10, OrderUpTo: 30, ReviewDays: 7, LeadDays: 7, CasePack: 6, Weekly: []float64{1}, DeadStockDays: 90}}}
	day := start + 9
	var sales []model.DailySale
	for d := day - 363; d <= day; d++ {
		units := 1
		if d > day-91 {
			units = 3
		}
		sales = append(sales, model.DailySale{Day: d, Units: units, InStock: 1})
	}
	// a sale after the re-plan day is not read
	sales = append(sales, model.DailySale{Day: day + 1, Units: 500, InStock: 1})
	minMax, normal := baselineSteps(tool, sales, start, 0.5)
	check := func(name string, got []sim.Step, s, S float64) {
		t.Helper()
		if len(got) != 1 || got[0].From != 10 {
			t.Fatalf("%s: %+v", name, got)
		}
		p := got[0].Policy
		if !near(p.ReorderPoint, s) || !near(p.OrderUpTo, S) || p.LeadDays != 7 || p.ReviewDays != 7 || p.CasePack != 6 || p.Weekly != nil || p.DeadStockDays != 0 {
			t.Errorf("%s: %+v, want s %v, S %v, the tool's terms and none of its rules", name, p, s, S)
		}
	}
	check("min/max", minMax, 42, 315)
	check("normal", normal, 21, 41)
	if got := scaledSteps(minMax, 2); got[0].From != 10 || !near(got[0].Policy.ReorderPoint, 84) || !near(got[0].Policy.OrderUpTo, 630) {
		t.Errorf("scaled by 2: %+v", got)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// risingStore writes one SKU selling 2 units a day, then 10 a day over the
// last 42 days up to asOf.
func risingStore(t *testing.T) *store.Store {
	t.Helper()
	st, b, sp, must := acmeStore(t)
	p := &model.Product{SKU: "R", SupplierID: sp.ID, UnitCost: 1, LaunchedOn: model.NoDay}
	must(b.AddProduct(p))
	var days []model.DailySale
	for d := asOf - 139; d <= asOf; d++ {
		units := 2
		if d > asOf-42 {
			units = 10
		}
		days = append(days, model.DailySale{Day: d, Units: units, InStock: 1})
	}
	must(b.SetSales(p.ID, days))
	must(b.Commit())
	return st
}

// Planned as of 56 days before the last sale and re-planned every 14 days,
// each re-plan's policy is the plan as of its day, from the day after on:
// the SKU's s and S rise with the demand the later plans see. Nothing is
// cached for those days.
func TestReplanStepsAreThePlansOfTheirDays(t *testing.T) {
	st := risingStore(t)
	ctx := context.Background()
	planned := asOf - 56
	snap, err := Load(ctx, st, Options{AsOf: planned})
	if err != nil {
		t.Fatal(err)
	}
	opt := SimulateOptions{Days: 56, Replan: 14}
	days := replanDays(planned, opt.Days, opt.Replan)
	if want := []model.Day{planned + 14, planned + 28, planned + 42}; !slices.Equal(days, want) {
		t.Fatalf("re-plan days %v, want %v", days, want)
	}
	steps, err := replanSteps(ctx, st, snap, snap.Rows, opt, planned+1, days)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 1 || len(steps[0]) != 3 {
		t.Fatalf("steps %+v, want three for the one SKU", steps)
	}
	for k, day := range days {
		plan, err := Load(ctx, st, Options{AsOf: day})
		if err != nil {
			t.Fatal(err)
		}
		got, want := steps[0][k], plan.Rows[0].Plan
		if got.From != 14*(k+1) || got.Policy.PlannedOn != day ||
			got.Policy.ReorderPoint != float64(want.ReorderPoint) || got.Policy.OrderUpTo != want.OrderUpTo {
			t.Errorf("re-plan %d: from %d, planned %s, s %v, S %v; want from %d, %s, s %d, S %v",
				k, got.From, got.Policy.PlannedOn, got.Policy.ReorderPoint, got.Policy.OrderUpTo, 14*(k+1), day, want.ReorderPoint, want.OrderUpTo)
		}
		until := planned + 56
		if k+1 < len(days) {
			until = days[k+1]
		}
		mean := plan.Rows[0].Forecast.Mean
		if n := min(len(mean), weeksRead(got.Policy, day, until)); !slices.Equal(got.Policy.Weekly, mean[:n]) {
			t.Errorf("re-plan %d: forecast weeks %v, want the first %d of %v", k, got.Policy.Weekly, n, mean)
		}
	}
	if first, last := snap.Rows[0].Plan.OrderUpTo, steps[0][2].Policy.OrderUpTo; !(last > first) {
		t.Errorf("S as of %s is %v, as of %s %v: the re-plan did not see the rise", planned, first, days[2], last)
	}
	for _, day := range days {
		again, err := Open(ctx, st, Options{AsOf: day})
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Stale) != 1 {
			t.Errorf("as of %s: a forecast was cached", day)
		}
	}
	res, err := Simulate(ctx, st, snap, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Replans, days) || res.SKUs != 1 {
		t.Errorf("Simulate: re-plans %v, SKUs %d", res.Replans, res.SKUs)
	}
}
