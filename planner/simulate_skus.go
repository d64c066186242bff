package planner

import (
	"cmp"
	"slices"

	"stockroom/sim"
)

// SKUReplay is one SKU's replay under the tool's policy: what the list
// shows of the SKU as planned on the simulation's as-of day, and what the
// replay measured. It keeps no *Row: a result kept on screen must not keep
// a second plan of the catalogue alive.
type SKUReplay struct {
	ProductID                     int64
	SKU, Name, Category, Supplier string
	Price                         float64
	// Target is the SKU's service level as planned (its cycle service
	// level target).
	Target float64
	Result sim.Result
	search string
}

// SKUReplayOf is a row's replay as the simulation keeps it.
func SKUReplayOf(r *Row, res sim.Result) SKUReplay {
	p := &r.Item.Product
	return SKUReplay{
		ProductID: p.ID, SKU: p.SKU, Name: p.Name, Category: p.Category, Supplier: r.Supplier,
		Price: p.Price, Target: r.ServiceLevel, Result: res,
		search: searchText(r.Item, r.Supplier),
	}
}

// Lost is the demand the policy could not serve, in units.
func (s SKUReplay) Lost() float64 { return max(s.Result.Demanded-s.Result.Served, 0) }

// SimulationSKUView is the "simulation_skus" view: every SKU replayed, the
// one that lost the most units under the tool's policy first, so a PM sees
// where the promised service was not delivered.
type SimulationSKUView struct {
	skus []SKUReplay
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
	SimImputed
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
	SimSKU:              {"sku", "SKU", "", Text, "stock keeping unit"},
	SimName:             {"name", "Name", "", Text, "product name"},
	SimCategory:         {"category", "Category", "", Text, "category"},
	SimSupplier:         {"supplier", "Supplier", "", Text, "supplier name"},
	SimClass:            {"class", "Class", "Cl", Enum, "ABC class on the as-of day"},
	SimTargetCSL:        {"target_csl_pct", "Target", "", Percent, "the SKU's service level: the share of cycles meant to pass without a lost sale"},
	SimCSL:              {"csl_pct", "CSL", "", Percent, "achieved: share of replenishment cycles (arrival to arrival) without a lost sale"},
	SimFill:             {"fill_pct", "Fill", "", Percent, "units served ÷ units demanded"},
	SimDemanded:         {"units_demanded", "Units demanded", "Demand", Decimal, "units demanded over the window, out-of-stock days imputed"},
	SimImputed:          {"units_imputed", "Units imputed", "Imputed", Decimal, "of the demand, units added on out-of-stock days (the mean of the week's in-stock days)"},
	SimLost:             {"units_lost", "Units lost", "Lost", Decimal, "units demanded that stock could not serve"},
	SimLostRevenue:      {"lost_revenue", "Lost revenue", "Lost rev", Money, "units lost × price"},
	SimCycles:           {"cycles", "Cycles", "", Integer, "replenishment cycles measured"},
	SimFailed:           {"failed_cycles", "Failed cycles", "Failed", Integer, "cycles with a lost sale"},
	SimOrders:           {"orders", "Orders", "", Integer, "orders placed in the window"},
	SimAvgInventory:     {"avg_inventory", "Average inventory", "Avg inv", Decimal, "mean end-of-day stock on hand, units"},
	SimAvgInventoryCost: {"avg_inventory_cost", "Average inventory at cost", "Inv cost", Money, "mean stock on hand at cost"},
	SimWeeksOfStock:     {"weeks_of_stock", "Weeks of stock", "Weeks", Decimal, "mean stock ÷ weekly demand; empty without demand"},
	SimHoldingCost:      {"holding_cost", "Holding cost", "Holding", Money, "holding cost over the window"},
	SimOrderingCost:     {"ordering_cost", "Ordering cost", "Ordering", Money, "ordering cost over the window"},
}

// SKUView lists the simulation's SKUs, most units lost first (then by
// SKU, so the order is the same whichever worker replayed which SKU).
func (s *Simulation) SKUView() *SimulationSKUView {
	skus := slices.Clone(s.PerSKU)
	slices.SortFunc(skus, func(a, b SKUReplay) int {
		if c := cmp.Compare(b.Lost(), a.Lost()); c != 0 {
			return c
		}
		return cmp.Compare(a.SKU, b.SKU)
	})
	return &SimulationSKUView{skus: skus}
}

func (v *SimulationSKUView) Name() string            { return "simulation_skus" }
func (v *SimulationSKUView) Columns() []Column       { return simulationSKUColumns }
func (v *SimulationSKUView) Len() int                { return len(v.skus) }
func (v *SimulationSKUView) SearchText(i int) string { return v.skus[i].search }

// SKU is the replay shown in view row i.
func (v *SimulationSKUView) SKU(i int) SKUReplay { return v.skus[i] }

func (v *SimulationSKUView) Value(i, col int) Value {
	k := v.skus[i]
	res := k.Result
	switch col {
	case SimSKU:
		return Value{Text: k.SKU}
	case SimName:
		return Value{Text: k.Name}
	case SimCategory:
		return Value{Text: k.Category}
	case SimSupplier:
		return Value{Text: k.Supplier}
	case SimClass:
		return Value{Int: int64(res.Class), Text: res.Class.String()}
	case SimTargetCSL:
		return Value{Float: 100 * k.Target}
	case SimCSL:
		return Value{Float: 100 * res.CSL()}
	case SimFill:
		return Value{Float: 100 * res.Fill()}
	case SimDemanded:
		return Value{Float: res.Demanded}
	case SimImputed:
		return Value{Float: res.Imputed}
	case SimLost:
		return Value{Float: k.Lost()}
	case SimLostRevenue:
		return Value{Float: k.Lost() * k.Price}
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
