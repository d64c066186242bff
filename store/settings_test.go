package store

import (
	"strings"
	"testing"
)

func TestSetSettingsValidatesAuditsAndUndoes(t *testing.T) {
	s := openTemp(t)
	prev, now, err := s.SetSettings(ctx, map[string]string{"service_level_a": "99%", "review_days": "14", "abc_cut_a": "0.8"})
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
		if _, _, err := s.SetSettings(ctx, bad); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	if _, _, err := s.SetSettings(ctx, map[string]string{"colour": "red"}); err == nil || !strings.Contains(err.Error(), "service_level_a") {
		t.Errorf("unknown setting should list the names: %v", err)
	}
	if log, _ := s.AuditLog(ctx, 10); len(log) != 2 {
		t.Errorf("refused changes wrote %d audit rows", len(log)-2)
	}
	// applying the previous values undoes
	if _, _, err := s.SetSettings(ctx, prev); err != nil {
		t.Fatal(err)
	}
	if set, _ := s.Settings(ctx); set.ServiceLevelA != 0.98 || set.ReviewDays != 7 {
		t.Errorf("after undo %+v", set)
	}
}
