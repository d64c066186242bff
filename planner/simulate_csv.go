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
var SimulationCSVHeader = func() []string {
	names := make([]string, len(simulationColumns))
	for i, c := range simulationColumns {
		names[i] = c.Name
	}
	return names
}()

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

// simulationColumns are text at fixed precision but for the counts, as
// `stockroom simulate --format csv` writes them.
var simulationColumns = []Column{
	{"class", "Class", "", Text, "`A`, `B`, `C` or `all`"},
	{"policy", "Policy", "", Text, "`stockroom` (the tool), `min/max 13w` or `normal 52w`"},
	{"skus", "SKUs", "", Integer, "SKUs replayed"},
	{"target_csl", "Target CSL", "", Text, "the target cycle service level (the mean of the SKUs' service levels), a fraction with four decimals"},
	{"csl", "CSL", "", Text, "achieved cycle service level: share of replenishment cycles (arrival to arrival) without a lost sale, a fraction with four decimals"},
	{"fill", "Fill", "", Text, "fill rate: units served ÷ units demanded, a fraction with four decimals"},
	{"fill_at_tool_inventory", "Fill at the tool's inventory", "", Text, "a baseline's fill at the tool's average inventory, a fraction with four decimals; empty for the tool and out of range"},
	{"cycles", "Cycles", "", Integer, "replenishment cycles measured"},
	{"failed_cycles", "Failed cycles", "", Integer, "cycles with a lost sale"},
	{"units_demanded", "Units demanded", "", Text, "units demanded over the window, out-of-stock days imputed"},
	{"units_served", "Units served", "", Text, "units served from stock"},
	{"avg_inventory_cost", "Average inventory at cost", "", Text, "mean end-of-day stock on hand at cost"},
	{"weeks_of_stock", "Weeks of stock", "", Text, "inventory at cost ÷ weekly demand at cost"},
	{"orders", "Orders", "", Integer, "orders placed in the window"},
	{"holding_cost", "Holding cost", "", Text, "holding cost over the window"},
	{"ordering_cost", "Ordering cost", "", Text, "ordering cost over the window"},
}

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
