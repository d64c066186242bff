package planner

import (
	"slices"
	"testing"

	"stockroom/model"
	"stockroom/sim"
)

func TestReplanDays(t *testing.T) {
	asOf := model.Day(20598) // 2026-05-25
	cases := []struct {
		days, every int
		want        []model.Day
	}{
		{181, 28, []model.Day{asOf + 28, asOf + 56, asOf + 84, asOf + 112, asOf + 140, asOf + 168}},
		{168, 28, []model.Day{asOf + 28, asOf + 56, asOf + 84, asOf + 112, asOf + 140}}, // the last day is no re-plan
		{28, 28, nil},
		{181, 0, nil},
		{181, -7, nil},
	}
	for _, c := range cases {
		if got := replanDays(asOf, c.days, c.every); !slices.Equal(got, c.want) {
			t.Errorf("replanDays(%d, %d) = %v, want %v", c.days, c.every, got, c.want)
		}
	}
}

// The last sale before the replay's start: from the daily rows read (from
// first), else the planner's when it is older than them, else unknown.
func TestLastSaleBefore(t *testing.T) {
	first, start := model.Day(1000), model.Day(1200)
	sales := []model.DailySale{{Day: 1010, Units: 2}, {Day: 1150, Units: 1}, {Day: 1160, Units: 0}, {Day: 1250, Units: 4}}
	cases := []struct {
		name    string
		sales   []model.DailySale
		planned model.Day
		want    model.Day
	}{
		{"the last day with units before start", sales, 1250, 1150},
		{"none read: the planner's, older", sales[3:], 900, 900},
		{"none read, the planner's within the rows (a warm-up sale): unknown", sales[3:], 1250, model.NoDay},
		{"never sold", nil, model.NoDay, model.NoDay},
	}
	for _, c := range cases {
		if got := lastSaleBefore(c.sales, first, start, c.planned); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// A re-plan's copy of the forecast keeps the weeks its reviews read: 28
// days of reviews, R 7 and L 10 days: 4 + ⌈17/7⌉ + 1 = 8 weeks.
func TestWeeksRead(t *testing.T) {
	if got := weeksRead(sim.Policy{ReviewDays: 7, LeadDays: 10}, 100, 128); got != 8 {
		t.Errorf("weeksRead = %d, want 8", got)
	}
}
