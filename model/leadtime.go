package model

import "math"

// LeadTimeSource says where a SKU's planning lead time comes from.
type LeadTimeSource uint8

const (
	LeadTimeSupplier LeadTimeSource = iota // the supplier's configured lead time
	LeadTimeMeasured                       // measured from the supplier's received orders
	LeadTimeOverride                       // the PM's per-SKU override
	LeadTimeDefault                        // no supplier: the default_lead_time_days setting
)

func (s LeadTimeSource) String() string {
	return [...]string{"supplier", "measured", "sku", "default"}[min(s, LeadTimeDefault)]
}

// LeadTime is the lead time a SKU is planned with, in days.
type LeadTime struct {
	Days, SDDays float64
	Source       LeadTimeSource
}

// ChooseLeadTime picks a SKU's lead time: the PM's override (> 0) wins,
// then the supplier's measured mean once it has MinReceiptsToMeasure
// received orders, then the supplier's configured lead time. The spread is
// the measured one when trusted (an override changes the mean, not how much
// the supplier varies), else the configured one.
func ChooseLeadTime(sp Supplier, measured LeadTimeStats, overrideDays float64) LeadTime {
	lt := LeadTime{Days: max(sp.LeadTimeDays, 0), SDDays: max(sp.LeadTimeSDDays, 0), Source: LeadTimeSupplier}
	if measured.Measured() {
		lt.Days, lt.Source = measured.MeanDays, LeadTimeMeasured
		if !math.IsNaN(measured.SDDays) {
			lt.SDDays = measured.SDDays
		}
	}
	if overrideDays > 0 {
		lt.Days, lt.Source = overrideDays, LeadTimeOverride
	}
	return lt
}

// DefaultLeadTime is the lead time of a SKU without a supplier: the
// default_lead_time_days setting (days), so that it is never planned as
// if orders arrived the day they are placed, unless the PM set one for
// the SKU (overrideDays > 0).
func DefaultLeadTime(days int, overrideDays float64) LeadTime {
	if overrideDays > 0 {
		return LeadTime{Days: overrideDays, Source: LeadTimeOverride}
	}
	return LeadTime{Days: float64(max(days, 0)), Source: LeadTimeDefault}
}
