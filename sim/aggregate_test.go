package sim

import (
	"math"
	"testing"

	"stockroom/model"
)

// An A SKU (the constant case: 56 of 56 served, 2 cycles none failed,
// average 24.5 units at 10, weekly demand 14) and a C SKU (the lost-sale
// case: 25 of 42 served, 1 cycle failed, average 67/14 units at 4, weekly
// demand 21).
//
//	overall fill  = (56 + 25) / (56 + 42) = 81/98 ≈ 0.8265
//	              (not the mean of fills, (1 + 25/42)/2 ≈ 0.7976)
//	overall CSL   = (3 − 1) / 3 = 2/3   (not the mean of CSLs, 0.5)
//	inventory     = 24.5·10 + 67/14·4 = 245 + 19.142857 = 264.142857 at cost
//	weekly demand = 14·10 + 21·4 = 224 at cost → weeks 264.142857/224 ≈ 1.17921
//	orders        = 3 + 1 = 4
func TestAggregate(t *testing.T) {
	a := Replay(SKU{Class: model.ClassA, UnitCost: 10, Demand: constant(2, 28), Available: 42},
		Policy{ReorderPoint: 28, OrderUpTo: 42, ReviewDays: 7, LeadDays: 7}, Costs{}, 1)
	c := Replay(SKU{Class: model.ClassC, UnitCost: 4, Demand: constant(3, 14), Available: 10},
		Policy{ReorderPoint: 5, OrderUpTo: 20, ReviewDays: 7, LeadDays: 2}, Costs{}, 1)
	byClass, all := Aggregate([]Result{a, c})

	if s := byClass[model.ClassA]; s.SKUs != 1 || s.Fill() != 1 || s.CSL() != 1 || !near(s.AvgInventoryCost, 245) {
		t.Errorf("class A %+v", s)
	}
	if s := byClass[model.ClassB]; s.SKUs != 0 || s.Fill() != 1 || s.CSL() != 1 || s.WeeksOfStock() != 0 {
		t.Errorf("empty class B %+v: fill %v csl %v", s, s.Fill(), s.CSL())
	}
	if s := byClass[model.ClassC]; s.SKUs != 1 || !near(s.Fill(), 25.0/42) || s.CSL() != 0 {
		t.Errorf("class C %+v", s)
	}
	if all.SKUs != 2 || all.Orders != 4 {
		t.Errorf("overall SKUs %d orders %d, want 2 4", all.SKUs, all.Orders)
	}
	if !near(all.Fill(), 81.0/98) {
		t.Errorf("overall fill %v, want %v", all.Fill(), 81.0/98)
	}
	if !near(all.CSL(), 2.0/3) {
		t.Errorf("overall CSL %v, want 2/3", all.CSL())
	}
	if !near(all.AvgInventoryCost, 245+67.0/14*4) {
		t.Errorf("inventory at cost %v, want %v", all.AvgInventoryCost, 245+67.0/14*4)
	}
	if !near(all.WeeksOfStock(), (245+67.0/14*4)/224) {
		t.Errorf("weeks of stock %v, want %v", all.WeeksOfStock(), (245+67.0/14*4)/224)
	}
	// merging the class summaries gives the overall one
	var merged Summary
	for _, s := range byClass {
		merged.Merge(s)
	}
	if merged != all {
		t.Errorf("merged classes %+v, overall %+v", merged, all)
	}
	if w := (Summary{AvgInventoryCost: 5}).WeeksOfStock(); !math.IsInf(w, 1) {
		t.Errorf("stock without demand: %v weeks, want +Inf", w)
	}
}

// Twenty cycles are enough to read a share; nineteen are not.
func TestFewCycles(t *testing.T) {
	for _, c := range []struct {
		cycles int
		few    bool
	}{{0, true}, {19, true}, {20, false}, {500, false}} {
		if got := (Summary{Cycles: c.cycles}).FewCycles(); got != c.few {
			t.Errorf("%d cycles: few %v, want %v", c.cycles, got, c.few)
		}
	}
}
