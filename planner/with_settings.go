package planner

import (
	"stockroom/model"
)

// WithSettings returns the snapshot planned again with other catalogue
// settings, in memory: stock, orders and forecasts are those s holds, so a
// settings change costs one planning pass instead of reading the whole
// catalogue again (0.9 s at 100,000 SKUs, issue 15). What other processes
// committed since s was read reaches the dashboard through Outside, as
// always. A new forecast horizon leaves every forecast stale, for the
// dashboard to compute in the background.
func (s *Snapshot) WithSettings(set model.Settings) *Snapshot {
	cat := *s.Catalogue
	cat.Settings = set
	next := *s
	next.Catalogue = &cat
	next.opt.weeks = max(set.ForecastWeeks, 1)
	next.Refreshed = nil
	rows := make([]Row, len(s.Rows)) // one allocation, as build does
	next.Rows = make([]*Row, len(s.Rows))
	// ABC cuts are settings: rank before planning, as build does
	classes := rankABC(len(s.Rows), func(i int) *model.SKUForecast { return s.Rows[i].Cached }, set)
	parallel(len(rows), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			rows[i] = *s.Rows[i]
			rows[i].ABC = classes[i]
			next.plan(&rows[i])
			next.Rows[i] = &rows[i]
		}
	})
	next.Stale = next.staleRows()
	next.countStatuses()
	return &next
}
