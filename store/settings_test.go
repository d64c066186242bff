package store

import (
	"strings"
	"testing"

	"stockroom/model"
)

func TestSetSettingsValidatesAuditsAndUndoes(t *testing.T) {
	s := openTemp(t)
	prev, now, err := s.SetSettings(ctx, map[string]string{"service_level_a": "99%", "review_days": "14", "abc_cut_a": "0.8"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if now["service_level_a"] != "0.99" || now["review_days"] != "14" {
		t.Errorf("after %v", now)
	}
	if prev["service_level_a"] != "0.98" || prev["review_days"] != "7" || prev["abc_cut_a"] != "0.8" {
		t.Errorf("previous %v", prev)
	}
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set.ServiceLevelA != 0.99 || set.ReviewDays != 14 {
		t.Errorf("stored %+v", set)
	}
	// one audit row per value that changed: abc_cut_a did not
	log, err := s.AuditLog(ctx, 10)
	if err != nil || len(log) != 2 {
		t.Fatalf("audit %+v %v", log, err)
	}
	for _, e := range log {
		if e.Entity != "setting" || (e.EntityID == "review_days" && (e.Old != "7" || e.New != "14")) {
			t.Errorf("audit row %+v", e)
		}
	}
	// a bad value, or a combination that does not hold, writes nothing
	for _, bad := range []map[string]string{
		{"service_level_b": "30%"},
		{"abc_cut_a": "0.97"}, // above abc_cut_b 0.95
		{"review_days": "two"},
		{"service_level_c": "0.9", "colour": "red"},
	} {
		if _, _, err := s.SetSettings(ctx, bad, nil); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	if _, _, err := s.SetSettings(ctx, map[string]string{"colour": "red"}, nil); err == nil || !strings.Contains(err.Error(), "service_level_a") {
		t.Errorf("unknown setting should list the names: %v", err)
	}
	if log, _ := s.AuditLog(ctx, 10); len(log) != 2 {
		t.Errorf("refused changes wrote %d audit rows", len(log)-2)
	}
	// applying the previous values undoes
	if _, _, err := s.SetSettings(ctx, prev, nil); err != nil {
		t.Fatal(err)
	}
	if set, _ := s.Settings(ctx); set.ServiceLevelA != 0.98 || set.ReviewDays != 7 {
		t.Errorf("after undo %+v", set)
	}
}

// The new settings read back as written, over the defaults, and a
// percentage is stored as its fraction.
func TestNewSettingsRoundTrip(t *testing.T) {
	s := openTemp(t)
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set != model.DefaultSettings() {
		t.Fatalf("a new catalogue should read the defaults: %+v", set)
	}
	values := map[string]string{
		"order_cost": "75.5", "elasticity": "-1.5", "recovery_rate": "25%", "max_markdown": "0.6",
		"clearance_weeks": "8", "slow_cover_days": "120", "decline_drop": "40%", "xyz_cut_x": "0.4", "xyz_cut_y": "1.2",
	}
	_, after, err := s.SetSettings(ctx, values, nil)
	if err != nil {
		t.Fatal(err)
	}
	if after["recovery_rate"] != "0.25" || after["decline_drop"] != "0.4" || after["clearance_weeks"] != "8" {
		t.Errorf("after %v", after)
	}
	got, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultSettings()
	want.OrderCost, want.Elasticity, want.RecoveryRate, want.MaxMarkdown = 75.5, -1.5, 0.25, 0.6
	want.ClearanceWeeks, want.SlowCoverDays, want.DeclineDrop, want.XYZCutX, want.XYZCutY = 8, 120, 0.4, 0.4, 1.2
	if got != want {
		t.Errorf("read back %+v\nwant %+v", got, want)
	}
	for _, bad := range []map[string]string{
		{"elasticity": "2"},
		{"xyz_cut_x": "1.5"}, // above xyz_cut_y 1.2
		{"clearance_weeks": "2.5"},
		{"max_markdown": "96%"},
	} {
		if _, _, err := s.SetSettings(ctx, bad, nil); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	if again, _ := s.Settings(ctx); again != want {
		t.Errorf("refused changes wrote: %+v", again)
	}
}

func TestApplySettingsWritesNothing(t *testing.T) {
	s := openTemp(t)
	cur := model.DefaultSettings()
	next, err := ApplySettings(cur, map[string]string{"holding_rate": "30%", "order_cost": "0"})
	if err != nil || next.HoldingRate != 0.3 || next.OrderCost != 0 {
		t.Fatalf("ApplySettings = %+v, %v", next, err)
	}
	if _, err := ApplySettings(cur, map[string]string{"recovery_rate": "1.5"}); err == nil || !strings.Contains(err.Error(), "recovery_rate") {
		t.Errorf("error should name the setting: %v", err)
	}
	if set, _ := s.Settings(ctx); set != cur {
		t.Errorf("ApplySettings wrote %+v", set)
	}
}

// TestApplySettingsReadsNumbersAsTheEditorsDo: settings take the same
// number text as every other field (issue 12): 1,000 is a thousand, 4,0 and
// 1,2,3 are refused, and an error shows what was typed without binary noise.
func TestApplySettingsReadsNumbersAsTheEditorsDo(t *testing.T) {
	cur := model.DefaultSettings()
	next, err := ApplySettings(cur, map[string]string{"order_cost": "1,000", "service_level_a": " 97.5 % ", "elasticity": "-1.5"})
	if err != nil || next.OrderCost != 1000 || next.ServiceLevelA != 0.975 || next.Elasticity != -1.5 {
		t.Fatalf("ApplySettings = %+v, %v", next, err)
	}
	for _, c := range []struct {
		values map[string]string
		want   string
	}{
		{map[string]string{"order_cost": "4,0"}, "setting order_cost: 4,0: use a point for decimals: 4.0 (commas group thousands: 1,200)"},
		{map[string]string{"order_cost": "1,2,3"}, "setting order_cost: 1,2,3: commas go between groups of three digits"},
		{map[string]string{"order_cost": "1e3"}, "setting order_cost: 1e3: not a number"},
		{map[string]string{"holding_rate": "NaN"}, "not a number"},
		{map[string]string{"review_days": "7.5"}, "setting review_days: 7.5: not a whole number"},
		{map[string]string{"review_days": "99999999999"}, "far out of range"},
		{map[string]string{"service_level_a": "0.99%"}, "service_level_a 0.0099: want a service level from 0.5 to below 1"},
		{map[string]string{"decline_drop": "0.99%"}, "decline_drop 0.0099: "},
	} {
		_, err := ApplySettings(cur, c.values)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.values, err, c.want)
		}
	}
	// a share typed as a percentage is stored without the noise of dividing
	next, err = ApplySettings(cur, map[string]string{"recovery_rate": "0.99%"})
	if err != nil || next.RecoveryRate != 0.0099 {
		t.Errorf("recovery_rate 0.99%% = %v, %v; want 0.0099", next.RecoveryRate, err)
	}
}

// auto or default (any case, with the % the dashboard adds to a share)
// is the default value; nothing is "no value given".
func TestApplySettingsDefaultsAndEmpty(t *testing.T) {
	cur := model.DefaultSettings()
	cur.ServiceLevelA, cur.ReviewDays, cur.OrderCost = 0.99, 14, 80
	next, err := ApplySettings(cur, map[string]string{"service_level_a": "auto%", "review_days": " AUTO ", "order_cost": "default"})
	if err != nil || next != model.DefaultSettings() {
		t.Errorf("%+v %v, want the defaults", next, err)
	}
	for _, v := range []string{"", "  ", "%"} {
		_, err := ApplySettings(cur, map[string]string{"review_days": v})
		if err == nil || err.Error() != "setting review_days: no value given" {
			t.Errorf("%q: %v", v, err)
		}
	}
}
