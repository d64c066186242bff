package main

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"stockroom/planner"
)

// simulationCSVHeader names writeSimulationCSV's columns: shares as
// fractions (0.953), money in the catalogue's currency, an empty cell for
// what does not apply (the tool's fill at its own inventory, a baseline's
// out of range; weeks of stock without demand).
var simulationCSVHeader = []string{
	"class", "policy", "skus", "target_csl", "csl", "fill", "fill_at_tool_inventory",
	"cycles", "failed_cycles", "units_demanded", "units_served",
	"avg_inventory_cost", "weeks_of_stock", "orders", "holding_cost", "ordering_cost",
}

// writeSimulationCSV writes one row per class (A, B, C, all) and policy.
func writeSimulationCSV(w io.Writer, res *planner.Simulation) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(simulationCSVHeader); err != nil {
		return err
	}
	f := func(v float64, prec int) string {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return ""
		}
		return strconv.FormatFloat(v, 'f', prec, 64)
	}
	for _, l := range res.Lines() {
		s := l.Sum
		atTool := ""
		if v, ok := res.FillAtToolInventory(l.PolicyIndex, l.ClassIndex); l.PolicyIndex > 0 && ok {
			atTool = f(v, 4)
		}
		err := cw.Write([]string{
			l.Class, l.Policy, strconv.Itoa(s.SKUs), f(l.Target, 4), f(s.CSL(), 4), f(s.Fill(), 4), atTool,
			strconv.Itoa(s.Cycles), strconv.Itoa(s.Failed), f(s.Demanded, 1), f(s.Served, 1),
			f(s.AvgInventoryCost, 2), f(s.WeeksOfStock(), 2), strconv.Itoa(s.Orders),
			f(s.HoldingCost, 2), f(s.OrderingCost, 2),
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
