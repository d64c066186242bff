package model

import (
	"math"
	"slices"
	"testing"
)

func TestClassifyABC(t *testing.T) {
	cases := []struct {
		name    string
		revenue []float64
		want    []ABC
	}{
		// total 100; revenue ranked above each: 0, 50, 80, 90, 96, –
		{"textbook", []float64{50, 30, 10, 6, 4, 0}, []ABC{ClassA, ClassA, ClassB, ClassB, ClassC, ClassC}},
		// the same, shuffled: classes follow the SKU, not the position
		{"input order kept", []float64{4, 50, 0, 10, 30, 6}, []ABC{ClassC, ClassA, ClassC, ClassB, ClassA, ClassB}},
		{"one SKU is A", []float64{7}, []ABC{ClassA}},
		// the best seller is A even when it alone is 95 % of revenue
		{"dominant best seller", []float64{95, 4, 1}, []ABC{ClassA, ClassC, ClassC}},
		{"ties in input order", []float64{10, 10}, []ABC{ClassA, ClassA}},
		{"no revenue at all", []float64{0, 0}, []ABC{ClassC, ClassC}},
		{"negative revenue (returns) is C", []float64{-5, 10}, []ABC{ClassC, ClassA}},
		{"empty", nil, []ABC{}},
	}
	for _, c := range cases {
		if got := ClassifyABC(c.revenue, 0.80, 0.95); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestServiceLevelForClass(t *testing.T) {
	s := DefaultSettings()
	if s.ServiceLevelFor(ClassA) != 0.98 || s.ServiceLevelFor(ClassB) != 0.95 || s.ServiceLevelFor(ClassC) != 0.90 {
		t.Errorf("defaults %v %v %v", s.ServiceLevelFor(ClassA), s.ServiceLevelFor(ClassB), s.ServiceLevelFor(ClassC))
	}
}

func TestSettingsValidate(t *testing.T) {
	ok := DefaultSettings()
	if err := ok.Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	cases := []struct {
		name string
		edit func(*Settings)
	}{
		{"service level under 50 %", func(s *Settings) { s.ServiceLevelC = 0.4 }},
		{"service level of 100 %", func(s *Settings) { s.ServiceLevelA = 1 }},
		{"cut-offs out of order", func(s *Settings) { s.ABCCutA, s.ABCCutB = 0.95, 0.8 }},
		{"cut-off above 1", func(s *Settings) { s.ABCCutB = 1.2 }},
		{"negative holding rate", func(s *Settings) { s.HoldingRate = -0.1 }},
		{"NaN holding rate", func(s *Settings) { s.HoldingRate = math.NaN() }},
		{"review of 0 days", func(s *Settings) { s.ReviewDays = 0 }},
		{"forecast horizon of 0", func(s *Settings) { s.ForecastWeeks = 0 }},
	}
	for _, c := range cases {
		s := DefaultSettings()
		c.edit(&s)
		if s.Validate() == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
	edge := DefaultSettings()
	edge.ServiceLevelC, edge.ABCCutB, edge.ExcessCoverDays = 0.5, 1, 0
	if err := edge.Validate(); err != nil {
		t.Errorf("edges: %v", err)
	}
}
