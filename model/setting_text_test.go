package model

import "testing"

func TestShowSetting(t *testing.T) {
	for _, c := range []struct{ name, stored, want string }{
		{"service_level_b", "0.95", "95%"},
		{"service_level_a", "0.975", "97.5%"},
		{"abc_cut_a", "0.57", "57%"}, // not 56.99999999999999
		{"review_days", "7", "7 days"},
		{"forecast_weeks", "26", "26 weeks"},
		{"forecast_weeks", "1", "1 week"},
		{"review_days", "1", "1 day"},
		{"review_days", "1.5", "1.5 days"},
		{"order_cost", "1000000", "1,000,000"},
		{"order_cost", "1234.5", "1,234.5"},
		{"elasticity", "-2", "-2"},
		{"elasticity", "-0.5", "-0.5"},
		{"xyz_cut_x", "0.5", "0.5"},
		{"order_cost", "abc", "abc"},
		{"no_such_setting", "0.5", "0.5"},
	} {
		if got := ShowSetting(c.name, c.stored); got != c.want {
			t.Errorf("ShowSetting(%s, %s) = %q, want %q", c.name, c.stored, got, c.want)
		}
	}
	in, _ := SettingInfoOf("holding_rate")
	if got := in.Typed(0.25); got != "25" {
		t.Errorf("Typed(0.25) = %q, want 25 (as typed, in percent)", got)
	}
}
