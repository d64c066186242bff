package planner

import (
	"slices"
	"strings"
)

// Source is where `stockroom export` reads a view from.
type Source uint8

const (
	FromPlan   Source = iota // a planned catalogue (Snapshot)
	FromStore                // the store, without planning: purchase orders
	FromReplay               // a replay of the weeks after an as-of day
)

// ViewOptions are the export flags that shape a view rather than filter it.
type ViewOptions struct {
	By GroupBy // the assortment's breakdown
}

// ViewSpec is one view `stockroom export` and the dashboard's x write,
// declared once: its name, what its rows are, its columns (the titles the
// panes show and the meanings docs/EXPORTS.md lists) and where it is read
// from.
type ViewSpec struct {
	Name    string
	About   string // what a row is, and the flags that shape the view
	Columns []Column
	// Metrics, for a view whose rows are named figures (overview), declare
	// those rows in order.
	Metrics []Column
	Source  Source
	plan    func(*Snapshot, ViewOptions) View // FromPlan views
}

// Plan builds a FromPlan view of a planned catalogue.
func (v ViewSpec) Plan(s *Snapshot, o ViewOptions) View { return v.plan(s, o) }

// views are every exportable view, in the order docs/EXPORTS.md
// describes them: the panes' order, then the detail views.
var views = []ViewSpec{
	{Name: "stock", About: "The Stock pane's rows: every SKU.", Columns: stockColumns,
		plan: func(s *Snapshot, _ ViewOptions) View { return s.Stock() }},
	{Name: "reorder", About: "The Reorder pane: SKUs to order now, each supplier's together.", Columns: reorderColumns,
		plan: func(s *Snapshot, _ ViewOptions) View { return s.Reorder() }},
	{Name: "assortment", About: "`--by category|subcategory|brand|supplier`, default `category`; one row per group, largest revenue first; shares are in percent, 0–100, of the whole catalogue.",
		Columns: assortmentColumns,
		plan:    func(s *Snapshot, o ViewOptions) View { return s.Assortment(o.By) }},
	{Name: "matrix", About: "The nine cells of the ABC × XYZ matrix of the whole catalogue (the Assortment pane's detail).", Columns: matrixColumns,
		plan: func(s *Snapshot, _ ViewOptions) View { return s.Assortment(ByCategory).MatrixView() }},
	{Name: "risk", About: "Every SKU with stock at risk: dead, then excess, declining and slow, each by `excess_value`, largest first; from the command line at the suggested markdowns, from the dashboard's `x` with your what-ifs.",
		Columns: riskColumns,
		plan:    func(s *Snapshot, _ ViewOptions) View { return s.Risk(nil) }},
	{Name: "suppliers", About: "The Suppliers pane: one row per supplier.", Columns: supplierColumns,
		plan: func(s *Snapshot, _ ViewOptions) View { return s.Suppliers(s.Reorder()) }},
	{Name: "po", About: "`--id N`: one purchase order as a supplier reads it.", Columns: poColumns, Source: FromStore},
	{Name: "pos", About: "Every purchase order.", Columns: poListColumns, Source: FromStore},
	{Name: "simulation", About: "The Replay pane's table; one row per class `A`, `B`, `C`, `all` and policy `stockroom`, `min/max 13w`, `normal 52w`. The shares and amounts are written as text (in JSON too), as `stockroom simulate --format csv` writes them.",
		Columns: simulationColumns, Source: FromReplay},
	{Name: "simulation_skus", About: "Each SKU replayed, under the tool's policy, most units lost first.", Columns: simulationSKUColumns, Source: FromReplay},
	{Name: "forecast", About: "One row per SKU and future week, 26 weeks.", Columns: forecastColumns,
		plan: func(s *Snapshot, _ ViewOptions) View { return s.Forecasts() }},
	{Name: "overview", About: "The Overview's figures, one a row, in the order of the metrics below.", Columns: overviewColumns, Metrics: overviewMetrics,
		plan: func(s *Snapshot, _ ViewOptions) View { return s.Overview().View() }},
}

// Views lists every exportable view, in the order docs/EXPORTS.md
// describes them.
func Views() []ViewSpec { return slices.Clone(views) }

// LookupView finds an exportable view by name.
func LookupView(name string) (ViewSpec, bool) {
	i := slices.IndexFunc(views, func(v ViewSpec) bool { return v.Name == name })
	if i < 0 {
		return ViewSpec{}, false
	}
	return views[i], true
}

// ViewNames lists the exportable views' names, sorted, for messages.
func ViewNames() string {
	names := make([]string, len(views))
	for i, v := range views {
		names[i] = v.Name
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}
