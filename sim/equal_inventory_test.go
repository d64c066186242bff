package sim

import "testing"

func TestScaled(t *testing.T) {
	p := Scaled(Policy{ReorderPoint: 10, OrderUpTo: 30, LeadDays: 7, CasePack: 6}, 1.5)
	if p.ReorderPoint != 15 || p.OrderUpTo != 45 || p.LeadDays != 7 || p.CasePack != 6 {
		t.Errorf("%+v", p)
	}
}

// Three replays at inventory 100, 200, 400 with fills 80 %, 90 %, 95 %
// (served of 100 demanded), given out of order:
//
//	at 150: halfway from 100 to 200 → 80 + 0.5·10 = 85 %
//	at 300: halfway from 200 to 400 → 90 + 0.5·5 = 92.5 %
//	at 200: 90 %;  at 100: 80 %;  at 50 or 500: outside, not ok
func TestFillAtInventory(t *testing.T) {
	at := func(inv, served float64) Summary {
		return Summary{AvgInventoryCost: inv, Demanded: 100, Served: served}
	}
	replays := []Summary{at(400, 95), at(100, 80), at(200, 90)}
	for _, c := range []struct {
		inv, fill float64
		ok        bool
	}{
		{150, 0.85, true}, {300, 0.925, true}, {200, 0.90, true}, {100, 0.80, true},
		{50, 0, false}, {500, 0, false},
	} {
		fill, ok := FillAtInventory(replays, c.inv)
		if ok != c.ok || !near(fill, c.fill) {
			t.Errorf("at %v: %v %v, want %v %v", c.inv, fill, ok, c.fill, c.ok)
		}
	}
	if _, ok := FillAtInventory(replays[:1], 100); ok {
		t.Error("one replay cannot be interpolated")
	}
}
