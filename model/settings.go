package model

import "fmt"

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

// Validate says what is wrong with settings a PM set, in one line: a
// service level under 50 % would plan less stock than the mean demand, and
// ABC cut-offs out of order would leave a class empty by accident.
func (s Settings) Validate() error {
	switch {
	case !(s.HoldingRate >= 0 && s.HoldingRate <= 5):
		return fmt.Errorf("holding_rate %v: want a yearly share of unit cost from 0 to 5 (e.g. 0.25)", s.HoldingRate)
	case !validServiceLevel(s.ServiceLevelA), !validServiceLevel(s.ServiceLevelB), !validServiceLevel(s.ServiceLevelC):
		return fmt.Errorf("service levels %v/%v/%v: want each from 0.5 to below 1", s.ServiceLevelA, s.ServiceLevelB, s.ServiceLevelC)
	case !(s.ABCCutA > 0 && s.ABCCutA < s.ABCCutB && s.ABCCutB <= 1):
		return fmt.Errorf("abc_cut_a %v and abc_cut_b %v: want 0 < a < b ≤ 1 (e.g. 0.8 and 0.95)", s.ABCCutA, s.ABCCutB)
	case s.ReviewDays < 1 || s.ReviewDays > 365:
		return fmt.Errorf("review_days %d: want 1 to 365", s.ReviewDays)
	case s.DeadStockDays < 1 || s.DeadStockDays > 3650:
		return fmt.Errorf("dead_stock_days %d: want 1 to 3650", s.DeadStockDays)
	case !(s.ExcessCoverDays >= 0 && s.ExcessCoverDays <= 3650):
		return fmt.Errorf("excess_cover_days %v: want 0 to 3650", s.ExcessCoverDays)
	case s.ForecastWeeks < 1 || s.ForecastWeeks > 104:
		return fmt.Errorf("forecast_weeks %d: want 1 to 104", s.ForecastWeeks)
	}
	return nil
}

func validServiceLevel(p float64) bool { return p >= 0.5 && p < 1 }
