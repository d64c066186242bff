package ui

import (
	"runtime"
	"testing"
	"weak"

	"stockroom/model"
	"stockroom/planner"
)

// A settings change plans the catalogue again into a new snapshot; the old
// one must then be garbage, whichever pane is on screen (issue 15: from the
// Stock pane the old plan stayed alive, doubling the live heap, until the
// tab changed). The SKUs' data is not planning: the new plan shares it.
func TestASettingsChangeLetsTheOldPlanGo(t *testing.T) {
	for _, tab := range []string{"1", "2", "3", "4", "5", "6"} {
		m, _ := openTestModel(t, 160, 45)
		press(t, m, tab, "j", "j")
		old := weak.Make(m.snap)
		// and what it planned: its rows
		var rows []weak.Pointer[planner.Row]
		items := map[*model.Item]bool{}
		for _, r := range m.snap.Rows {
			rows = append(rows, weak.Make(r))
			items[r.Item] = true
		}
		seen := map[string]string{"service_level_a": planner.SettingText(m.snap.Catalogue.Settings, "service_level_a")}
		run(t, m, saveSettingsCmd(m.opt.Backend, m.snap, map[string]string{"service_level_a": "97%"}, seen, false))
		if m.snap == old.Value() {
			t.Fatalf("tab %s: the settings change did not plan again", tab)
		}
		for range 3 {
			runtime.GC()
		}
		if old.Value() != nil {
			t.Errorf("tab %s: the snapshot before the settings change is still reachable", tab)
		}
		kept := 0
		for i := range rows {
			if rows[i].Value() != nil {
				kept++
			}
		}
		if kept > 0 {
			t.Errorf("tab %s: %d of the old plan's %d rows are still reachable", tab, kept, len(rows))
		}
		copied := 0
		for _, r := range m.snap.Rows {
			if !items[r.Item] {
				copied++
			}
		}
		if copied > 0 {
			t.Errorf("tab %s: the new plan copied %d of %d SKUs instead of sharing them", tab, copied, len(rows))
		}
		m.Close()
	}
}

// Forecasts that land while a settings change is planned make a newer
// snapshot than the one it planned from: the change is planned again on
// that one, off the loop, so neither the forecasts nor the settings are
// lost, and edits wait for it as for a save.
func TestASettingsChangePlansAgainOnForecastsThatLanded(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	defer m.Close()
	seen := map[string]string{"service_level_a": planner.SettingText(m.snap.Catalogue.Settings, "service_level_a")}
	msg := saveSettingsCmd(m.opt.Backend, m.snap, map[string]string{"service_level_a": "97%"}, seen, false)()
	for {
		if _, ok := msg.(lockWaitMsg); !ok {
			break
		}
		msg = listen(msg.(lockWaitMsg).events)()
	}
	saved, ok := msg.(settingsSavedMsg)
	if !ok || saved.err != nil {
		t.Fatalf("saving gave %#v", msg)
	}
	// meanwhile a newer snapshot lands: one SKU's stock changed
	it := *m.snap.Rows[0].Item
	it.OnHand += 1000
	newer, _ := m.snap.WithItems([]model.Item{it}, nil)
	run(t, m, m.setSnapshot(newer, nil, nil))

	_, cmd := m.Update(saved)
	if !m.saving {
		t.Error("edits do not wait for the settings planned again")
	}
	run(t, m, cmd)
	if m.saving {
		t.Error("still saving after the plan landed")
	}
	if got := m.snap.Catalogue.Settings.ServiceLevelA; got != 0.97 {
		t.Errorf("service level A %v after the change, want 0.97", got)
	}
	if got := m.snap.Rows[0].Item.OnHand; got != it.OnHand {
		t.Errorf("on hand %v: the snapshot that landed meanwhile was lost (want %v)", got, it.OnHand)
	}
}
