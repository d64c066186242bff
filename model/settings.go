package model

// Settings are the catalogue-wide planning defaults. Each one is stored in the
// settings table under the name in its comment.
type Settings struct {
	HoldingRate     float64 // holding_rate: yearly holding cost as a share of unit cost
	ServiceLevelA   float64 // service_level_a: default cycle service level of class A SKUs
	ServiceLevelB   float64 // service_level_b: of class B
	ServiceLevelC   float64 // service_level_c: of class C
	ABCCutA         float64 // abc_cut_a: cumulative revenue share that A SKUs make up
	ABCCutB         float64 // abc_cut_b: cumulative share that A and B SKUs make up
	ReviewDays      int     // review_days: how often the PM reorders
	DeadStockDays   int     // dead_stock_days: no sale for this long = dead
	ExcessCoverDays float64 // excess_cover_days: cover beyond the order-up-to level that is still fine
	ForecastWeeks   int     // forecast_weeks: forecast horizon
}

// DefaultSettings are the values a new catalogue starts with.
func DefaultSettings() Settings {
	return Settings{
		HoldingRate:     0.25,
		ServiceLevelA:   0.98,
		ServiceLevelB:   0.95,
		ServiceLevelC:   0.90,
		ABCCutA:         0.80,
		ABCCutB:         0.95,
		ReviewDays:      7,
		DeadStockDays:   90,
		ExcessCoverDays: 180,
		ForecastWeeks:   26,
	}
}
