package model

import (
	"math"
	"testing"
)

func TestChooseLeadTime(t *testing.T) {
	sp := Supplier{LeadTimeDays: 14, LeadTimeSDDays: 2}
	two := LeadTimeStats{Receipts: 2, MeanDays: 30, SDDays: 5, OnTime: 0.5}
	three := LeadTimeStats{Receipts: 3, MeanDays: 18, SDDays: 4, OnTime: 1}
	oneSD := LeadTimeStats{Receipts: 3, MeanDays: 18, SDDays: math.NaN()}
	cases := []struct {
		name     string
		measured LeadTimeStats
		override float64
		want     LeadTime
	}{
		{"configured", LeadTimeStats{MeanDays: math.NaN()}, 0, LeadTime{14, 2, LeadTimeSupplier}},
		{"two receipts are not enough", two, 0, LeadTime{14, 2, LeadTimeSupplier}},
		{"three receipts are measured", three, 0, LeadTime{18, 4, LeadTimeMeasured}},
		{"override keeps the measured spread", three, 21, LeadTime{21, 4, LeadTimeOverride}},
		{"override over configured", two, 7, LeadTime{7, 2, LeadTimeOverride}},
		{"unknown measured spread keeps configured", oneSD, 0, LeadTime{18, 2, LeadTimeMeasured}},
	}
	for _, c := range cases {
		if got := ChooseLeadTime(sp, c.measured, c.override); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

// A SKU without a supplier is planned with default_lead_time_days (14 by
// default), not the zero lead time of an empty supplier; the PM's
// override still wins.
func TestDefaultLeadTime(t *testing.T) {
	days := DefaultSettings().DefaultLeadTimeDays
	if got := DefaultLeadTime(days, 0); got.Days != 14 || got.SDDays != 0 || got.Source != LeadTimeDefault {
		t.Errorf("no supplier: %+v, want a 14-day lead time", got)
	}
	if got := DefaultLeadTime(30, 0).Days; got != 30 {
		t.Errorf("no supplier with the setting at 30: %v days", got)
	}
	if got := DefaultLeadTime(14, 7); got != (LeadTime{Days: 7, Source: LeadTimeOverride}) {
		t.Errorf("override: %+v", got)
	}
}
