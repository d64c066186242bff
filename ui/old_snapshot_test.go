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
// tab changed).
func TestASettingsChangeLetsTheOldPlanGo(t *testing.T) {
	for _, tab := range []string{"1", "2", "3", "4", "5", "6"} {
		m, _ := openTestModel(t, 160, 45)
		press(t, m, tab, "j", "j")
		old := weak.Make(m.snap)
		// and what it planned: its rows and the catalogue it read
		var rows []weak.Pointer[planner.Row]
		var items []weak.Pointer[model.Item]
		for _, r := range m.snap.Rows {
			rows, items = append(rows, weak.Make(r)), append(items, weak.Make(r.Item))
		}
		seen := map[string]string{"service_level_a": planner.SettingText(m.snap.Catalogue.Settings, "service_level_a")}
		run(t, m, saveSettingsCmd(m.opt.Backend, map[string]string{"service_level_a": "97%"}, seen, false))
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
			if rows[i].Value() != nil || items[i].Value() != nil {
				kept++
			}
		}
		if kept > 0 {
			t.Errorf("tab %s: %d of the old plan's %d rows or their SKUs are still reachable", tab, kept, len(rows))
		}
		m.Close()
	}
}
