package planner

import (
	"io"
	"math"
	"strconv"
	"strings"
)

// SimulationCSVHeader names the simulation view's columns: shares as
// fractions (0.953), money in the catalogue's currency, an empty cell for
// what does not apply (the tool's fill at its own inventory, a baseline's
// out of range; weeks of stock without demand).
var SimulationCSVHeader = []string{
	"class", "policy", "skus", "target_csl", "csl", "fill", "fill_at_tool_inventory",
	"cycles", "failed_cycles", "units_demanded", "units_served",
	"avg_inventory_cost", "weeks_of_stock", "orders", "holding_cost", "ordering_cost",
}

// SimulationView is the "simulation" view: one row per class (A, B, C,
// all) and policy, as `stockroom simulate --format csv` writes it. Its
// numbers are text at fixed precision so that every export of it (the
// command, the dashboard's x) writes the same bytes.
type SimulationView struct {
	res   *Simulation
	lines []SimulationLine
	cells [][]Value
}

// View is the simulation's table as a view.
func (s *Simulation) View() *SimulationView {
	v := &SimulationView{res: s, lines: s.Lines()}
	f := func(x float64, prec int) Value {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return Value{Null: true}
		}
		return Value{Text: strconv.FormatFloat(x, 'f', prec, 64)}
	}
	n := func(i int) Value { return Value{Int: int64(i)} }
	for _, l := range v.lines {
		sum := l.Sum
		atTool := Value{Null: true}
		if x, ok := s.FillAtToolInventory(l.PolicyIndex, l.ClassIndex); l.PolicyIndex > 0 && ok {
			atTool = f(x, 4)
		}
		v.cells = append(v.cells, []Value{
			{Text: l.Class}, {Text: l.Policy}, n(sum.SKUs), f(l.Target, 4), f(sum.CSL(), 4), f(sum.Fill(), 4), atTool,
			n(sum.Cycles), n(sum.Failed), f(sum.Demanded, 1), f(sum.Served, 1),
			f(sum.AvgInventoryCost, 2), f(sum.WeeksOfStock(), 2), n(sum.Orders),
			f(sum.HoldingCost, 2), f(sum.OrderingCost, 2),
		})
	}
	return v
}

var simulationColumns = func() []Column {
	ints := map[string]bool{"skus": true, "cycles": true, "failed_cycles": true, "orders": true}
	cols := make([]Column, len(SimulationCSVHeader))
	for i, name := range SimulationCSVHeader {
		cols[i] = Column{Name: name, Title: name, Kind: Text}
		if ints[name] {
			cols[i].Kind = Integer
		}
	}
	return cols
}()

func (v *SimulationView) Name() string                { return "simulation" }
func (v *SimulationView) Columns() []Column           { return simulationColumns }
func (v *SimulationView) Len() int                    { return len(v.lines) }
func (v *SimulationView) Value(row, col int) Value    { return v.cells[row][col] }
func (v *SimulationView) Line(row int) SimulationLine { return v.lines[row] }

// SearchText is the line's class and policy, so a filter of "stockroom"
// keeps the tool's lines.
func (v *SimulationView) SearchText(row int) string {
	return strings.ToLower(v.lines[row].Class + "\x00" + v.lines[row].Policy)
}

// WriteSimulationCSV writes the simulation's table as CSV, a row per
// class (A, B, C, all) and policy.
func WriteSimulationCSV(w io.Writer, res *Simulation) error {
	v := res.View()
	rows := make([]int, v.Len())
	for i := range rows {
		rows[i] = i
	}
	return Export(w, v, rows, CSV)
}

var _ View = (*SimulationView)(nil)
