package model

import "testing"

func TestCheckPlausible(t *testing.T) {
	for _, c := range []struct {
		name string
		in   PlausibilityInput
		ok   bool
		why  string
	}{
		// issue 12: e 3 0 0 appended to 252 saved 252300; 4.6 a week is
		// 239.2 a year: 252300 / 239.2 = 1054.8 years, 252300 / 252 = 1001.2×
		{"the appended order", PlausibilityInput{Value: 252300, Suggestion: 252, WeeklyDemand: 4.6}, false,
			"1,001× the suggestion of 252, over 100 years of forecast demand"},
		{"what was meant", PlausibilityInput{Value: 300, Suggestion: 252, WeeklyDemand: 4.6}, false,
			"1.3 years of forecast demand"}, // 300 / 239.2 = 1.25
		{"within a year", PlausibilityInput{Value: 230, Suggestion: 252, WeeklyDemand: 4.6}, true, ""},
		{"10× is still fine", PlausibilityInput{Value: 2520, Suggestion: 252, WeeklyDemand: 100}, true, ""},
		{"just over 10×", PlausibilityInput{Value: 2521, Suggestion: 252, WeeklyDemand: 100}, false,
			"10.0× the suggestion of 252"},
		{"a year of a fast seller", PlausibilityInput{Value: 5200, Suggestion: 600, WeeklyDemand: 100}, true, ""},
		{"a year and a bit", PlausibilityInput{Value: 5201, Suggestion: 600, WeeklyDemand: 100}, false,
			"1.0 years of forecast demand"},
		// a suggestion of 0 questions nothing by itself: demand decides
		{"nothing suggested, some demand", PlausibilityInput{Value: 40, Suggestion: 0, WeeklyDemand: 2}, true, ""},
		{"nothing suggested, 2 years", PlausibilityInput{Value: 208, Suggestion: 0, WeeklyDemand: 2}, false,
			"2.0 years of forecast demand"},
		// no demand and no suggestion: nothing to compare with
		{"new SKU", PlausibilityInput{Value: 500, Suggestion: 0, WeeklyDemand: 0}, true, ""},
		{"no demand but a suggestion", PlausibilityInput{Value: 500, Suggestion: 20, WeeklyDemand: 0}, false,
			"25.0× the suggestion of 20"},
		// a case pack or MOQ may force more than a year of a slow seller
		{"MOQ of a slow seller", PlausibilityInput{Value: 48, Suggestion: 48, WeeklyDemand: 0.2, Floor: 48}, true, ""},
		{"floor above the value", PlausibilityInput{Value: 24, Suggestion: 0, WeeklyDemand: 0.1, Floor: 24}, true, ""},
		{"above the floor", PlausibilityInput{Value: 96, Suggestion: 0, WeeklyDemand: 0.1, Floor: 24}, false,
			"18 years of forecast demand"}, // 96 / 5.2 = 18.5
		{"zero", PlausibilityInput{Value: 0, Suggestion: 252, WeeklyDemand: 4.6}, true, ""},
		// round 2: a discontinued SKU's forecast of 1e-8 a week made 9999
		// "1,013,826,410,982 years of forecast demand"; less than half a
		// unit a year (shown as 0) is no demand: only the range applies
		{"demand shown as 0", PlausibilityInput{Value: 9999, WeeklyDemand: 1e-8}, true, ""},
		{"0.47 a year", PlausibilityInput{Value: 9999, WeeklyDemand: 0.009}, true, ""}, // 52 × 0.009 = 0.468
		{"0.52 a year", PlausibilityInput{Value: 9999, WeeklyDemand: 0.01}, false,
			"over 100 years of forecast demand"}, // 9999 / 0.52 = 19,229
		{"100 years is said", PlausibilityInput{Value: 5200, WeeklyDemand: 1}, false,
			"100 years of forecast demand"},
		{"a huge multiple", PlausibilityInput{Value: 10_000_000, Suggestion: 3, WeeklyDemand: 0}, false,
			"over 10,000× the suggestion of 3"},
		{"10,000× is said", PlausibilityInput{Value: 30_000, Suggestion: 3}, false,
			"10,000× the suggestion of 3"},
		// a reorder point at the computed one is never questioned, even
		// when a long lead time makes it more than a year of demand
		{"long lead time", PlausibilityInput{Value: 600, Suggestion: 600, WeeklyDemand: 10}, true, ""},
	} {
		imp, ok := CheckPlausible(c.in)
		if !ok && imp.Short() == "" {
			t.Errorf("%s: no short reason", c.name)
		}
		if ok != c.ok || imp.String() != c.why {
			t.Errorf("%s: ok %v %q, want %v %q", c.name, ok, imp.String(), c.ok, c.why)
		}
	}
}

func TestPlannedQty(t *testing.T) {
	auto := Plan{SuggestedQty: 252, Need: 250}
	if q := PlannedQty(auto, 12, 0, RoundUp); q != 252 {
		t.Errorf("automatic row: %d, want its suggestion 252", q)
	}
	// the PM's 50 replaced the suggestion: the need 250 in cases of 12 is 21 cases, 252
	own := Plan{SuggestedQty: 50, QtyManual: true, Need: 250}
	if q := PlannedQty(own, 12, 0, RoundUp); q != 252 {
		t.Errorf("manual row: %d, want 252", q)
	}
	if q := PlannedQty(Plan{SuggestedQty: 50, QtyManual: true, Need: -3}, 12, 0, RoundUp); q != 0 {
		t.Errorf("nothing needed: %d", q)
	}
}

func TestCompactAmount(t *testing.T) {
	for v, want := range map[float64]string{9870.4: "9,870", 252300: "252,300", 3180000: "3.18 M", 1.2e9: "1.20 bn", 0: "0"} {
		if got := CompactAmount(v); got != want {
			t.Errorf("CompactAmount(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestImplausibilityShort(t *testing.T) {
	imp, _ := CheckPlausible(PlausibilityInput{Value: 252300, Suggestion: 252, WeeklyDemand: 4.6})
	if got := imp.Short(); got != "1,001× suggestion, 100+ yrs of demand" {
		t.Errorf("Short() = %q", got)
	}
	if w := imp.Worst(); w < 1054 || w > 1055 {
		t.Errorf("Worst() = %v, want the 1,054.8 years", w)
	}
	huge, _ := CheckPlausible(PlausibilityInput{Value: 10_000_000, Suggestion: 1, WeeklyDemand: 0.05})
	if got := huge.Short(); got != "10,000+× suggestion, 100+ yrs of demand" {
		t.Errorf("Short() of a huge value = %q", got)
	}
}
