package model

import "stockroom/forecast"

// RecentWeeks is how many weeks of sales a SKU's cached forecast carries
// for its sparkline.
const RecentWeeks = 26

// SKUForecast is a SKU's forecast as the planner keeps and caches it. A
// cached one is current while DataVersion, AsOf and Engine all match.
type SKUForecast struct {
	DataVersion int64
	AsOf        Day
	Engine      string // the forecaster that made it
	Result      forecast.Result

	// Recent is the units sold in the RecentWeeks complete weeks up to
	// AsOf, oldest first; the first starts on RecentFirstWeek.
	RecentFirstWeek Day
	Recent          []float32
	LastSale        Day // last day with a sale up to AsOf, NoDay if none

	// Revenue52w and Units52w are the sales of the 52 complete weeks up to
	// AsOf: ABC classes rank SKUs by revenue without reading histories.
	Revenue52w, Units52w float64
	// Stats are read from the same history for the Assortment and Risk
	// panes (CV, stockout rate, sale probability); see DemandStatsOf.
	Stats DemandStats
}

// Current reports whether a cached forecast still holds for the product's
// data, the planning day and the forecaster.
func (f *SKUForecast) Current(dataVersion int64, asOf Day, engine string) bool {
	return f != nil && f.DataVersion == dataVersion && f.AsOf == asOf && f.Engine == engine
}

// RecentUnits returns the last n weeks of Recent, oldest first, with zeros
// in front when fewer are known.
func (f *SKUForecast) RecentUnits(n int) []float64 {
	out := make([]float64, n)
	if f == nil {
		return out
	}
	for k := range n {
		if i := len(f.Recent) - n + k; i >= 0 {
			out[k] = float64(f.Recent[i])
		}
	}
	return out
}
