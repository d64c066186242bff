package ui

import (
	"testing"
)

// Round 2 of issue 12: e 9999 on a SKU whose forecast is all but 0 asked
// "… 1,013,826,410,982 years of forecast demand?". Less than half a unit a
// year is no demand: with no suggestion either, only the range applies.
func TestNearZeroDemandIsOnlyRangeChecked(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	press(t, m, "/")
	typeText(t, m, "SKU-008") // no sale for 120 days: a forecast of 0.00005 a week
	press(t, m, "enter")
	r := m.stock.currentRow()
	if r.Item.Product.SKU != "SKU-008" || r.Forecast.Level()*52 >= 0.5 || r.Plan.AutoReorderPoint != 0 {
		t.Fatalf("fixture: %s forecasts %v a week, reorder point %d", r.Item.Product.SKU, r.Forecast.Level(), r.Plan.AutoReorderPoint)
	}
	enterValue(t, m, "e", "9999")
	if m.confirm != nil {
		t.Fatalf("asked %q", m.confirm.question)
	}
	if p := policyOf(t, st, "SKU-008"); p.ReorderPoint != 9999 {
		t.Errorf("saved %+v, want 9,999", p)
	}
}
