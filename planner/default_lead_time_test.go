package planner

import (
	"testing"

	"stockroom/model"
)

// A SKU without a supplier is planned with the default_lead_time_days
// setting and says so, instead of a silent lead time of 0 days (which made
// its reorder point 0). A.1 sells 10 a week with σ 0 (mean8), reviewed
// weekly: with the 14-day default its reorder point is 10·(2 + 1) = 30, as
// with the 14-day supplier it had; with the setting at 21 days,
// 10·(3 + 1) = 40.
func TestSKUWithoutSupplierUsesTheDefaultLeadTime(t *testing.T) {
	for _, c := range []struct {
		days    int
		weeks   float64
		reorder int
	}{{14, 2, 30}, {21, 3, 40}} {
		cat := testCatalogue()
		cat.Items[0].Product.SupplierID = 0
		cat.Settings.DefaultLeadTimeDays = c.days
		r := Build(cat, mean8).Rows[0]
		if r.LeadTime.Source != model.LeadTimeDefault || r.LeadTimeWeeks != c.weeks || r.Plan.ReorderPoint != c.reorder {
			t.Errorf("default %d days: source %v, L %v weeks, ROP %d; want default, %v, %d",
				c.days, r.LeadTime.Source, r.LeadTimeWeeks, r.Plan.ReorderPoint, c.weeks, c.reorder)
		}
		// A.1 is low (10 available ≤ 30): the reorder view lists it and
		// names where its lead time comes from
		v := Build(cat, mean8).Reorder()
		found := false
		for i := range v.Len() {
			if v.Value(i, ReorderSKU).Text == "A-1" {
				found = true
				if got := v.Value(i, ReorderLeadTimeSource).Text; got != "default" {
					t.Errorf("reorder view's lead_time_source %q, want default", got)
				}
			}
		}
		if !found {
			t.Errorf("default %d days: A-1 is not in the reorder view", c.days)
		}
	}
	// the PM's override still wins over the default
	cat := testCatalogue()
	cat.Items[0].Product.SupplierID = 0
	cat.Items[0].Policy.LeadTimeDays = 7
	if r := Build(cat, mean8).Rows[0]; r.LeadTime.Source != model.LeadTimeOverride || r.LeadTimeWeeks != 1 {
		t.Errorf("override: source %v, L %v weeks", r.LeadTime.Source, r.LeadTimeWeeks)
	}
}
