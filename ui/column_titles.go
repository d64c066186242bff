package ui

import "stockroom/planner"

// The on-screen titles of the views' columns, by column index, as planner
// declares them once (Column.ScreenTitle: the short title, else the
// title): a pane's column declarations read their titles here.
var (
	stockTitles      = screenTitles("stock")
	reorderTitles    = screenTitles("reorder")
	riskTitles       = screenTitles("risk")
	assortmentTitles = screenTitles("assortment")
	supplierTitles   = screenTitles("suppliers")
	poListTitles     = screenTitles("pos")
	poTitles         = screenTitles("po")
	replayTitles     = screenTitles("simulation_skus")
)

// screenTitles are a view's columns' on-screen titles; a name planner
// does not know stops every test of this package.
func screenTitles(view string) []string {
	spec, ok := planner.LookupView(view)
	if !ok {
		panic("ui: planner has no view " + view)
	}
	titles := make([]string, len(spec.Columns))
	for i, c := range spec.Columns {
		titles[i] = c.ScreenTitle()
	}
	return titles
}

// overviewLabel is the Overview pane's label of one of its figures (a
// planner.Metric… index), as the overview view declares it.
func overviewLabel(metric int) string { return planner.OverviewMetric(metric).ScreenTitle() }
