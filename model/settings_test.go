package model

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestSettingsValidateEdges pins each new setting's range at its edges:
// the bound itself is accepted, a step past it (or NaN) refused.
func TestSettingsValidateEdges(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Settings)
		ok   bool
	}{
		{"default lead time 1 day", func(s *Settings) { s.DefaultLeadTimeDays = 1 }, true},
		{"default lead time 365 days", func(s *Settings) { s.DefaultLeadTimeDays = 365 }, true},
		{"default lead time 0: the silent same-day delivery", func(s *Settings) { s.DefaultLeadTimeDays = 0 }, false},
		{"default lead time 366 days", func(s *Settings) { s.DefaultLeadTimeDays = 366 }, false},

		{"order cost 0", func(s *Settings) { s.OrderCost = 0 }, true},
		{"order cost 1e6", func(s *Settings) { s.OrderCost = 1e6 }, true},
		{"order cost negative", func(s *Settings) { s.OrderCost = -0.01 }, false},
		{"order cost above 1e6", func(s *Settings) { s.OrderCost = 1e6 + 1 }, false},
		{"order cost NaN", func(s *Settings) { s.OrderCost = math.NaN() }, false},

		{"elasticity -10", func(s *Settings) { s.Elasticity = -10 }, true},
		{"elasticity -0.1", func(s *Settings) { s.Elasticity = -0.1 }, true},
		{"elasticity 0", func(s *Settings) { s.Elasticity = 0 }, false},
		{"elasticity positive", func(s *Settings) { s.Elasticity = 2 }, false},
		{"elasticity -0.09", func(s *Settings) { s.Elasticity = -0.09 }, false},
		{"elasticity -10.5", func(s *Settings) { s.Elasticity = -10.5 }, false},
		{"elasticity NaN", func(s *Settings) { s.Elasticity = math.NaN() }, false},

		{"recovery 0", func(s *Settings) { s.RecoveryRate = 0 }, true},
		{"recovery 1", func(s *Settings) { s.RecoveryRate = 1 }, true},
		{"recovery negative", func(s *Settings) { s.RecoveryRate = -0.1 }, false},
		{"recovery above 1", func(s *Settings) { s.RecoveryRate = 1.01 }, false},

		{"max markdown 0", func(s *Settings) { s.MaxMarkdown = 0 }, true},
		{"max markdown 0.95", func(s *Settings) { s.MaxMarkdown = 0.95 }, true},
		{"max markdown 0.96", func(s *Settings) { s.MaxMarkdown = 0.96 }, false},
		{"max markdown negative", func(s *Settings) { s.MaxMarkdown = -0.01 }, false},

		{"clearance 1 week", func(s *Settings) { s.ClearanceWeeks = 1 }, true},
		{"clearance 104 weeks", func(s *Settings) { s.ClearanceWeeks = 104 }, true},
		{"clearance 0 weeks", func(s *Settings) { s.ClearanceWeeks = 0 }, false},
		{"clearance 105 weeks", func(s *Settings) { s.ClearanceWeeks = 105 }, false},

		{"slow cover 1 day", func(s *Settings) { s.SlowCoverDays = 1 }, true},
		{"slow cover 3650 days", func(s *Settings) { s.SlowCoverDays = 3650 }, true},
		{"slow cover 0.5 days", func(s *Settings) { s.SlowCoverDays = 0.5 }, false},
		{"slow cover 3651 days", func(s *Settings) { s.SlowCoverDays = 3651 }, false},
		// independent of excess_cover_days: slow beyond excess is allowed
		{"slow cover above excess cover", func(s *Settings) { s.SlowCoverDays, s.ExcessCoverDays = 400, 180 }, true},

		{"decline 0.05", func(s *Settings) { s.DeclineDrop = 0.05 }, true},
		{"decline 0.95", func(s *Settings) { s.DeclineDrop = 0.95 }, true},
		{"decline 0.04", func(s *Settings) { s.DeclineDrop = 0.04 }, false},
		{"decline 0.96", func(s *Settings) { s.DeclineDrop = 0.96 }, false},

		{"xyz cuts 0.01 and 10", func(s *Settings) { s.XYZCutX, s.XYZCutY = 0.01, 10 }, true},
		{"xyz cut x 0", func(s *Settings) { s.XYZCutX = 0 }, false},
		{"xyz cuts equal", func(s *Settings) { s.XYZCutX, s.XYZCutY = 1, 1 }, false},
		{"xyz cuts out of order", func(s *Settings) { s.XYZCutX, s.XYZCutY = 1, 0.5 }, false},
		{"xyz cut y above 10", func(s *Settings) { s.XYZCutY = 10.5 }, false},
		{"xyz cut y NaN", func(s *Settings) { s.XYZCutY = math.NaN() }, false},
	}
	for _, c := range cases {
		s := DefaultSettings()
		c.edit(&s)
		if err := s.Validate(); (err == nil) != c.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", c.name, err, c.ok)
		}
	}
}

func TestNewSettingDefaults(t *testing.T) {
	d := DefaultSettings()
	if d.OrderCost != 50 || d.Elasticity != -2 || d.RecoveryRate != 0.3 || d.MaxMarkdown != 0.5 ||
		d.ClearanceWeeks != 12 || d.SlowCoverDays != 180 || d.DeclineDrop != 0.5 || d.XYZCutX != 0.5 || d.XYZCutY != 1 {
		t.Errorf("defaults %+v", d)
	}
}

// Every stored setting is described once, and every description names a
// stored setting, so the settings view cannot leave one out.
func TestSettingsInfoCoversEveryField(t *testing.T) {
	var s Settings
	fields := s.Fields()
	seen := map[string]bool{}
	groups := []string{}
	for _, in := range SettingsInfo() {
		f, ok := fields[in.Name]
		if !ok || seen[in.Name] {
			t.Errorf("%s: unknown or listed twice", in.Name)
		}
		seen[in.Name] = true
		if _, isInt := f.(*int); isInt != in.Whole {
			t.Errorf("%s: Whole %v but the field is %T", in.Name, in.Whole, f)
		}
		if in.Title == "" || in.Help == "" {
			t.Errorf("%s: no title or help", in.Name)
		}
		if len(groups) == 0 || groups[len(groups)-1] != in.Group {
			groups = append(groups, in.Group)
		}
	}
	if len(seen) != len(fields) {
		t.Errorf("described %v, stored %v", slices.Sorted(maps.Keys(seen)), slices.Sorted(maps.Keys(fields)))
	}
	if want := []string{GroupClasses, GroupReplenish, GroupRisk}; !slices.Equal(groups, want) {
		t.Errorf("groups %v, want each once in the order %v", groups, want)
	}
	d := DefaultSettings()
	if v, ok := d.Value("clearance_weeks"); !ok || v != 12 {
		t.Errorf("Value(clearance_weeks) = %v %v", v, ok)
	}
	if _, ok := d.Value("colour"); ok {
		t.Error("Value of an unknown name")
	}
}

func TestOrderCostFallsBackToTheSetting(t *testing.T) {
	s := DefaultSettings()
	if got := s.OrderCostFor(Supplier{OrderCost: 40}); got != 40 {
		t.Errorf("supplier's own: %v", got)
	}
	if got := s.OrderCostFor(Supplier{}); got != 50 {
		t.Errorf("no own cost: %v, want the setting 50", got)
	}
}

// TestSettingsErrorsWriteNumbersAsPeopleDo: a share typed as 0.99 % is
// 0.009899999999999999 in binary; issue 12 saw that in a settings error.
func TestSettingsErrorsWriteNumbersAsPeopleDo(t *testing.T) {
	noise := regexp.MustCompile(`\d\.\d{11,}|\d{12,}`)
	bad := []func(*Settings){
		func(s *Settings) { s.ServiceLevelA = pct(0.99) },
		func(s *Settings) { s.ServiceLevelC = tenth + 0.2 },
		func(s *Settings) { s.HoldingRate = 5 + tenth + 0.2 },
		func(s *Settings) { s.ABCCutA, s.ABCCutB = 0.9+tenth+0.2, 0.95 },
		func(s *Settings) { s.ExcessCoverDays = 3650 + tenth + 0.2 },
		func(s *Settings) { s.OrderCost = -(tenth + 0.2) },
		func(s *Settings) { s.Elasticity = tenth + 0.2 },
		func(s *Settings) { s.RecoveryRate = 1 + tenth + 0.2 },
		func(s *Settings) { s.MaxMarkdown = 0.96 + tenth + 0.2 },
		func(s *Settings) { s.SlowCoverDays = tenth + 0.2 },
		func(s *Settings) { s.DeclineDrop = pct(0.99) },
		func(s *Settings) { s.XYZCutX, s.XYZCutY = tenth+0.2, tenth+0.2 },
	}
	for i, edit := range bad {
		s := DefaultSettings()
		edit(&s)
		err := s.Validate()
		if err == nil {
			t.Errorf("case %d: accepted", i)
			continue
		}
		if noise.MatchString(err.Error()) {
			t.Errorf("case %d: %q shows binary noise", i, err)
		}
	}
	s := DefaultSettings()
	s.ServiceLevelA = pct(0.99)
	if err := s.Validate(); err == nil || !strings.HasPrefix(err.Error(), "service_level_a 0.0099: ") {
		t.Errorf("error %v, want it to name service_level_a 0.0099", err)
	}
}

// tenth and pct compute at run time: Go folds constant expressions exactly,
// so 0.1 + 0.2 written out is 0.3 with none of the noise a typed value has.
var tenth = 0.1

func pct(v float64) float64 {
	hundred := 100.0
	return v / hundred
}
