package sim

import "stockroom/model"

// Summary pools the replays of a group of SKUs.
type Summary struct {
	SKUs             int
	Demanded, Served float64 // units
	Cycles, Failed   int
	Orders           int
	AvgInventory     float64 // units, the sum of the SKUs' averages
	AvgInventoryCost float64 // at cost
	WeeklyDemandCost float64 // the SKUs' average weekly demand at cost
	HoldingCost      float64
	OrderingCost     float64
}

// Add pools one SKU's replay into the summary.
func (s *Summary) Add(r Result) {
	s.SKUs++
	s.Demanded += r.Demanded
	s.Served += r.Served
	s.Cycles += r.Cycles
	s.Failed += r.Failed
	s.Orders += r.Orders
	s.AvgInventory += r.AvgInventory
	s.AvgInventoryCost += r.AvgInventory * r.UnitCost
	s.WeeklyDemandCost += r.WeeklyDemand() * r.UnitCost
	s.HoldingCost += r.HoldingCost
	s.OrderingCost += r.OrderingCost
}

// Merge adds another group's pooled figures to the summary.
func (s *Summary) Merge(o Summary) {
	s.SKUs += o.SKUs
	s.Demanded += o.Demanded
	s.Served += o.Served
	s.Cycles += o.Cycles
	s.Failed += o.Failed
	s.Orders += o.Orders
	s.AvgInventory += o.AvgInventory
	s.AvgInventoryCost += o.AvgInventoryCost
	s.WeeklyDemandCost += o.WeeklyDemandCost
	s.HoldingCost += o.HoldingCost
	s.OrderingCost += o.OrderingCost
}

// Fill is served ÷ demanded over all units of the group.
func (s Summary) Fill() float64 { return ratio(s.Served, s.Demanded) }

// CSL is the share of all the group's cycles without a lost sale.
func (s Summary) CSL() float64 { return cycleServiceLevel(s.Cycles, s.Failed) }

// MinCycles is the fewest replenishment cycles whose share without a lost
// sale is worth reading as a service level: a replay shorter than most
// cycles counts mainly the open spans that already failed (a 12-day
// replay of the demo's class A: 0 %), and one SKU's cycle moves a share of
// twenty by five points.
const MinCycles = 20

// FewCycles reports whether the group ran fewer than MinCycles cycles.
func (s Summary) FewCycles() bool { return s.Cycles < MinCycles }

// WeeksOfStock is inventory at cost ÷ weekly demand at cost: units of
// different SKUs are not added, their value is.
func (s Summary) WeeksOfStock() float64 { return weeks(s.AvgInventoryCost, s.WeeklyDemandCost) }

// Aggregate pools results per ABC class and overall.
func Aggregate(results []Result) (byClass [3]Summary, overall Summary) {
	for _, r := range results {
		byClass[min(r.Class, model.ClassC)].Add(r)
		overall.Add(r)
	}
	return byClass, overall
}
