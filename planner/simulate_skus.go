package planner

import (
	"cmp"
	"slices"

	"stockroom/sim"
)

// SKUReplay is one SKU's replay under the tool's policy: the row it was
// planned as on the simulation's as-of day, and what the replay measured.
type SKUReplay struct {
	Row    *Row
	Result sim.Result
}

// Lost is the demand the policy could not serve, in units.
func (s SKUReplay) Lost() float64 { return max(s.Result.Demanded-s.Result.Served, 0) }

// SimulationSKUView is the "simulation_skus" view: every SKU replayed, the
// one that lost the most units under the tool's policy first, so a PM sees
// where the promised service was not delivered.
type SimulationSKUView struct {
	skus   []SKUReplay
	search []string
}

// SimulationSKU column indexes, in export order.
const (
	SimSKU = iota
	SimName
	SimCategory
	SimSupplier
	SimClass
	SimTargetCSL
	SimCSL
	SimFill
	SimDemanded
	SimLost
	SimLostRevenue
	SimCycles
	SimFailed
	SimOrders
	SimAvgInventory
	SimAvgInventoryCost
	SimWeeksOfStock
	SimHoldingCost
	SimOrderingCost
)

var simulationSKUColumns = []Column{
	SimSKU:              {"sku", "SKU", Text, ""},
	SimName:             {"name", "Name", Text, ""},
	SimCategory:         {"category", "Category", Text, ""},
	SimSupplier:         {"supplier", "Supplier", Text, ""},
	SimClass:            {"class", "Class", Enum, "ABC class on the as-of day"},
	SimTargetCSL:        {"target_csl_pct", "Target", Percent, "the SKU's service level: the share of cycles meant to pass without a lost sale"},
	SimCSL:              {"csl_pct", "CSL", Percent, "achieved: share of replenishment cycles (arrival to arrival) without a lost sale"},
	SimFill:             {"fill_pct", "Fill", Percent, "units served ÷ units demanded"},
	SimDemanded:         {"units_demanded", "Demand", Decimal, "units demanded over the window, out-of-stock days imputed"},
	SimLost:             {"units_lost", "Lost", Decimal, "units demanded that stock could not serve"},
	SimLostRevenue:      {"lost_revenue", "Lost rev", Money, "units lost × price"},
	SimCycles:           {"cycles", "Cycles", Integer, "replenishment cycles measured"},
	SimFailed:           {"failed_cycles", "Failed", Integer, "cycles with a lost sale"},
	SimOrders:           {"orders", "Orders", Integer, "orders placed in the window"},
	SimAvgInventory:     {"avg_inventory", "Avg inv", Decimal, "mean end-of-day stock on hand, units"},
	SimAvgInventoryCost: {"avg_inventory_cost", "Inv cost", Money, "mean stock on hand at cost"},
	SimWeeksOfStock:     {"weeks_of_stock", "Weeks", Decimal, "mean stock ÷ weekly demand; empty without demand"},
	SimHoldingCost:      {"holding_cost", "Holding", Money, "holding cost over the window"},
	SimOrderingCost:     {"ordering_cost", "Ordering", Money, "ordering cost over the window"},
}

// SKUView lists the simulation's SKUs, most units lost first (then by
// SKU, so the order is the same whichever worker replayed which SKU).
func (s *Simulation) SKUView() *SimulationSKUView {
	skus := slices.Clone(s.PerSKU)
	slices.SortFunc(skus, func(a, b SKUReplay) int {
		if c := cmp.Compare(b.Lost(), a.Lost()); c != 0 {
			return c
		}
		return cmp.Compare(a.Row.Item.Product.SKU, b.Row.Item.Product.SKU)
	})
	v := &SimulationSKUView{skus: skus, search: make([]string, len(skus))}
	for i, k := range skus {
		v.search[i] = searchText(k.Row.Item, k.Row.Supplier)
	}
	return v
}

func (v *SimulationSKUView) Name() string            { return "simulation_skus" }
func (v *SimulationSKUView) Columns() []Column       { return simulationSKUColumns }
func (v *SimulationSKUView) Len() int                { return len(v.skus) }
func (v *SimulationSKUView) SearchText(i int) string { return v.search[i] }

// SKU is the replay shown in view row i.
func (v *SimulationSKUView) SKU(i int) SKUReplay { return v.skus[i] }

func (v *SimulationSKUView) Value(i, col int) Value {
	k := v.skus[i]
	r, res, p := k.Row, k.Result, &k.Row.Item.Product
	switch col {
	case SimSKU:
		return Value{Text: p.SKU}
	case SimName:
		return Value{Text: p.Name}
	case SimCategory:
		return Value{Text: p.Category}
	case SimSupplier:
		return Value{Text: r.Supplier}
	case SimClass:
		return Value{Int: int64(res.Class), Text: res.Class.String()}
	case SimTargetCSL:
		return Value{Float: 100 * r.ServiceLevel}
	case SimCSL:
		return Value{Float: 100 * res.CSL()}
	case SimFill:
		return Value{Float: 100 * res.Fill()}
	case SimDemanded:
		return Value{Float: res.Demanded}
	case SimLost:
		return Value{Float: k.Lost()}
	case SimLostRevenue:
		return Value{Float: k.Lost() * p.Price}
	case SimCycles:
		return Value{Int: int64(res.Cycles)}
	case SimFailed:
		return Value{Int: int64(res.Failed)}
	case SimOrders:
		return Value{Int: int64(res.Orders)}
	case SimAvgInventory:
		return Value{Float: res.AvgInventory}
	case SimAvgInventoryCost:
		return Value{Float: res.AvgInventory * res.UnitCost}
	case SimWeeksOfStock:
		if res.Demanded <= 0 {
			return Value{Null: true}
		}
		return finite(res.WeeksOfStock())
	case SimHoldingCost:
		return Value{Float: res.HoldingCost}
	case SimOrderingCost:
		return Value{Float: res.OrderingCost}
	}
	return Value{Null: true}
}

var _ View = (*SimulationSKUView)(nil)
