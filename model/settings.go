package model

// Settings are the catalogue-wide planning defaults. Each one is stored in the
// settings table under the name in its comment.
type Settings struct {
	HoldingRate     float64 // holding_rate: yearly holding cost as a share of unit cost
	ServiceLevel    float64 // service_level: used until ABC classes exist
	ReviewDays      int     // review_days: how often the PM reorders
	DeadStockDays   int     // dead_stock_days: no sale for this long = dead
	ExcessCoverDays float64 // excess_cover_days: cover beyond the order-up-to level that is still fine
	ForecastWeeks   int     // forecast_weeks: forecast horizon
}

// DefaultSettings are the values a new catalogue starts with.
func DefaultSettings() Settings {
	return Settings{
		HoldingRate:     0.25,
		ServiceLevel:    0.95,
		ReviewDays:      7,
		DeadStockDays:   90,
		ExcessCoverDays: 180,
		ForecastWeeks:   26,
	}
}
