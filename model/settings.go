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
	// default_lead_time_days: the lead time of a SKU without a supplier,
	// which would otherwise be planned as if orders arrived at once
	DefaultLeadTimeDays int
	// max_cover_weeks: the most weeks of demand one order may add above
	// the reorder point, whatever the EOQ says
	MaxCoverWeeks int

	OrderCost      float64 // order_cost: cost of placing one order (K) for a supplier whose own is 0
	Elasticity     float64 // elasticity: constant price elasticity of demand ε used for markdowns
	RecoveryRate   float64 // recovery_rate: share of unit cost recovered when liquidating
	MaxMarkdown    float64 // max_markdown: the deepest suggested markdown, a share of price
	ClearanceWeeks int     // clearance_weeks: the window a markdown aims to clear excess stock in
	SlowCoverDays  float64 // slow_cover_days: more cover than this (not excess or dead) = slow mover
	DeclineDrop    float64 // decline_drop: fall in weekly sale probability over 26 weeks that = declining
	XYZCutX        float64 // xyz_cut_x: CV of weekly demand below this is class X
	XYZCutY        float64 // xyz_cut_y: below this class Y, else Z
}

// DefaultSettings are the values a new catalogue starts with.
func DefaultSettings() Settings {
	return Settings{
		HoldingRate:         0.25,
		ServiceLevelA:       0.98,
		ServiceLevelB:       0.95,
		ServiceLevelC:       0.90,
		ABCCutA:             0.80,
		ABCCutB:             0.95,
		ReviewDays:          7,
		DeadStockDays:       90,
		ExcessCoverDays:     180,
		ForecastWeeks:       26,
		DefaultLeadTimeDays: 14,
		MaxCoverWeeks:       26,
		OrderCost:           50,
		Elasticity:          -2,
		RecoveryRate:        0.3,
		MaxMarkdown:         0.5,
		ClearanceWeeks:      12,
		SlowCoverDays:       180,
		DeclineDrop:         0.5,
		XYZCutX:             0.5,
		XYZCutY:             1.0,
	}
}

// Validate says what is wrong with settings a PM set, in one line: a
// service level under 50 % would plan less stock than the mean demand, and
// ABC cut-offs out of order would leave a class empty by accident. The
// checks are written so that NaN fails them. Numbers are written as a
// person would (FormatNumber): 0.0099, not 0.009899999999999999.
func (s Settings) Validate() error {
	n := FormatNumber
	for _, sl := range []struct {
		name string
		v    float64
	}{{"service_level_a", s.ServiceLevelA}, {"service_level_b", s.ServiceLevelB}, {"service_level_c", s.ServiceLevelC}} {
		if !validServiceLevel(sl.v) {
			return fmt.Errorf("%s %s: want a service level from 0.5 to below 1 (50 %% to below 100 %%)", sl.name, n(sl.v))
		}
	}
	switch {
	case !(s.HoldingRate >= 0 && s.HoldingRate <= 5):
		return fmt.Errorf("holding_rate %s: want a yearly share of unit cost from 0 to 5 (e.g. 0.25)", n(s.HoldingRate))
	case !(s.ABCCutA > 0 && s.ABCCutA < s.ABCCutB && s.ABCCutB <= 1):
		return fmt.Errorf("abc_cut_a %s and abc_cut_b %s: want 0 < a < b ≤ 1 (e.g. 0.8 and 0.95)", n(s.ABCCutA), n(s.ABCCutB))
	case s.ReviewDays < 1 || s.ReviewDays > 365:
		return fmt.Errorf("review_days %d: want 1 to 365", s.ReviewDays)
	case s.DeadStockDays < 1 || s.DeadStockDays > 3650:
		return fmt.Errorf("dead_stock_days %d: want 1 to 3650", s.DeadStockDays)
	case !(s.ExcessCoverDays >= 0 && s.ExcessCoverDays <= 3650):
		return fmt.Errorf("excess_cover_days %s: want 0 to 3650", n(s.ExcessCoverDays))
	case s.ForecastWeeks < 1 || s.ForecastWeeks > 104:
		return fmt.Errorf("forecast_weeks %d: want 1 to 104", s.ForecastWeeks)
	case s.DefaultLeadTimeDays < 1 || s.DefaultLeadTimeDays > 365:
		return fmt.Errorf("default_lead_time_days %d: want 1 to 365", s.DefaultLeadTimeDays)
	case s.MaxCoverWeeks < 1 || s.MaxCoverWeeks > 104:
		return fmt.Errorf("max_cover_weeks %d: want 1 to 104", s.MaxCoverWeeks)
	case !(s.OrderCost >= 0 && s.OrderCost <= 1e6):
		return fmt.Errorf("order_cost %s: want a cost per order from 0 to 1000000", n(s.OrderCost))
	case !(s.Elasticity >= -10 && s.Elasticity <= -0.1):
		// ε ≥ 0 would mean a lower price sells no more: no markdown helps
		return fmt.Errorf("elasticity %s: want a negative price elasticity from -10 to -0.1 (e.g. -2)", n(s.Elasticity))
	case !(s.RecoveryRate >= 0 && s.RecoveryRate <= 1):
		return fmt.Errorf("recovery_rate %s: want a share of unit cost from 0 to 1 (e.g. 0.3)", n(s.RecoveryRate))
	case !(s.MaxMarkdown >= 0 && s.MaxMarkdown <= 0.95):
		return fmt.Errorf("max_markdown %s: want a share of price from 0 to 0.95 (e.g. 0.5)", n(s.MaxMarkdown))
	case s.ClearanceWeeks < 1 || s.ClearanceWeeks > 104:
		return fmt.Errorf("clearance_weeks %d: want 1 to 104", s.ClearanceWeeks)
	case !(s.SlowCoverDays >= 1 && s.SlowCoverDays <= 3650):
		return fmt.Errorf("slow_cover_days %s: want 1 to 3650", n(s.SlowCoverDays))
	case !(s.DeclineDrop >= 0.05 && s.DeclineDrop <= 0.95):
		return fmt.Errorf("decline_drop %s: want a share from 0.05 to 0.95 (e.g. 0.5)", n(s.DeclineDrop))
	case !(s.XYZCutX > 0 && s.XYZCutX < s.XYZCutY && s.XYZCutY <= 10):
		return fmt.Errorf("xyz_cut_x %s and xyz_cut_y %s: want 0 < x < y ≤ 10 (e.g. 0.5 and 1)", n(s.XYZCutX), n(s.XYZCutY))
	}
	return nil
}

func validServiceLevel(p float64) bool { return p >= 0.5 && p < 1 }

// Fields maps each setting's stored name to its field (*float64 or *int),
// so storing, loading and the settings view share one table.
func (s *Settings) Fields() map[string]any {
	return map[string]any{
		"holding_rate":           &s.HoldingRate,
		"service_level_a":        &s.ServiceLevelA,
		"service_level_b":        &s.ServiceLevelB,
		"service_level_c":        &s.ServiceLevelC,
		"abc_cut_a":              &s.ABCCutA,
		"abc_cut_b":              &s.ABCCutB,
		"review_days":            &s.ReviewDays,
		"dead_stock_days":        &s.DeadStockDays,
		"excess_cover_days":      &s.ExcessCoverDays,
		"forecast_weeks":         &s.ForecastWeeks,
		"default_lead_time_days": &s.DefaultLeadTimeDays,
		"max_cover_weeks":        &s.MaxCoverWeeks,
		"order_cost":             &s.OrderCost,
		"elasticity":             &s.Elasticity,
		"recovery_rate":          &s.RecoveryRate,
		"max_markdown":           &s.MaxMarkdown,
		"clearance_weeks":        &s.ClearanceWeeks,
		"slow_cover_days":        &s.SlowCoverDays,
		"decline_drop":           &s.DeclineDrop,
		"xyz_cut_x":              &s.XYZCutX,
		"xyz_cut_y":              &s.XYZCutY,
	}
}

// Value is a setting's value as a number; false for an unknown name.
func (s Settings) Value(name string) (float64, bool) {
	switch f := s.Fields()[name].(type) {
	case *float64:
		return *f, true
	case *int:
		return float64(*f), true
	}
	return 0, false
}

// SettingInfo describes a setting for people: the settings view lists
// them in SettingsInfo's order under their groups.
type SettingInfo struct {
	Name  string // stored name, as `stockroom set --setting` takes it
	Group string
	Title string // a few words
	Help  string // one line: what it changes
	// Percent: a share, shown and typed in the dashboard as a percentage
	// (0.95 is shown 95 %) but stored as the fraction.
	Percent bool
	Whole   bool   // a whole number
	Unit    string // "days", "weeks" or "" (shares, money, ratios)
}

// Setting groups, in display order.
const (
	GroupClasses   = "Service levels & classes"
	GroupReplenish = "Replenishment"
	GroupRisk      = "Risk & liquidation"
)

// SettingsInfo lists every setting in display order: service levels and
// ABC/XYZ classes, replenishment, then risk.
func SettingsInfo() []SettingInfo {
	return []SettingInfo{
		{Name: "service_level_a", Group: GroupClasses, Title: "Service level A", Percent: true, Help: "chance of not running out in a cycle, default for class A SKUs"},
		{Name: "service_level_b", Group: GroupClasses, Title: "Service level B", Percent: true, Help: "the same for class B SKUs"},
		{Name: "service_level_c", Group: GroupClasses, Title: "Service level C", Percent: true, Help: "the same for class C SKUs"},
		{Name: "abc_cut_a", Group: GroupClasses, Title: "ABC cut A", Percent: true, Help: "A = the top SKUs making up this share of 52-week revenue"},
		{Name: "abc_cut_b", Group: GroupClasses, Title: "ABC cut B", Percent: true, Help: "A and B together make up this share; the rest is C"},
		{Name: "xyz_cut_x", Group: GroupClasses, Title: "XYZ cut X", Help: "CV of weekly demand below this is class X (steady)"},
		{Name: "xyz_cut_y", Group: GroupClasses, Title: "XYZ cut Y", Help: "below this class Y, else Z (erratic)"},

		{Name: "holding_rate", Group: GroupReplenish, Title: "Holding rate", Percent: true, Help: "yearly cost of holding stock as a share of unit cost (EOQ)"},
		{Name: "order_cost", Group: GroupReplenish, Title: "Order cost", Help: "cost of placing one order (EOQ), for suppliers without their own"},
		{Name: "review_days", Group: GroupReplenish, Title: "Review period", Whole: true, Unit: "days", Help: "how often you reorder; orders cover at least this long"},
		{Name: "forecast_weeks", Group: GroupReplenish, Title: "Forecast horizon", Whole: true, Unit: "weeks", Help: "weeks forecast ahead; a change forecasts every SKU again"},
		{Name: "max_cover_weeks", Group: GroupReplenish, Title: "Most cover per order", Whole: true, Unit: "weeks", Help: "an order tops up at most this many weeks of demand, whatever the EOQ"},
		{Name: "default_lead_time_days", Group: GroupReplenish, Title: "Default lead time", Whole: true, Unit: "days", Help: "lead time of SKUs without a supplier (never 0: orders take time)"},

		{Name: "dead_stock_days", Group: GroupRisk, Title: "Dead stock after", Whole: true, Unit: "days", Help: "stock on hand and no sale for this long is dead"},
		{Name: "excess_cover_days", Group: GroupRisk, Title: "Excess cover", Unit: "days", Help: "cover beyond the order-up-to level that is still fine; more is excess"},
		{Name: "slow_cover_days", Group: GroupRisk, Title: "Slow cover", Unit: "days", Help: "more days of cover than this (not excess or dead) is a slow mover"},
		{Name: "decline_drop", Group: GroupRisk, Title: "Decline drop", Percent: true, Help: "weekly sale probability down this share over 26 weeks is declining"},
		{Name: "clearance_weeks", Group: GroupRisk, Title: "Clearance window", Whole: true, Unit: "weeks", Help: "a markdown aims to clear the excess within this many weeks"},
		{Name: "elasticity", Group: GroupRisk, Title: "Price elasticity", Help: "demand change per price change (ε < 0) used to size markdowns"},
		{Name: "max_markdown", Group: GroupRisk, Title: "Max markdown", Percent: true, Help: "the deepest markdown suggested, as a share of price"},
		{Name: "recovery_rate", Group: GroupRisk, Title: "Recovery rate", Percent: true, Help: "share of unit cost recovered when liquidating"},
	}
}

// OrderCostFor is the cost of placing an order with a supplier (K in the
// EOQ): its own, or the catalogue's order_cost when it has none, since a
// zero K would make every EOQ zero.
func (s Settings) OrderCostFor(sp Supplier) float64 {
	if sp.OrderCost > 0 {
		return sp.OrderCost
	}
	return s.OrderCost
}
