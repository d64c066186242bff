package ui

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"stockroom/model"
	"stockroom/store"
)

// toSetting opens the settings view and moves the cursor to a setting
// with the arrow keys.
func toSetting(t *testing.T, m *Model, name string) model.SettingInfo {
	t.Helper()
	if m.mode != modeSettings {
		press(t, m, ",")
	}
	if m.mode != modeSettings {
		t.Fatalf(", should open the settings view, mode %v", m.mode)
	}
	i := slices.IndexFunc(settingsInfo, func(in model.SettingInfo) bool { return in.Name == name })
	if i < 0 {
		t.Fatalf("no setting %s", name)
	}
	press(t, m, "g")
	for range i {
		press(t, m, "down")
	}
	if m.settings.cursor != i {
		t.Fatalf("cursor %d, want %d", m.settings.cursor, i)
	}
	return settingsInfo[i]
}

func storedSettings(t *testing.T, st *store.Store) model.Settings {
	t.Helper()
	set, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// firstWithEOQ is a row whose EOQ the holding rate moves.
func firstWithEOQ(m *Model) int {
	for i, r := range m.snap.Rows {
		if r.Plan.EOQ > 0 {
			return i
		}
	}
	return -1
}

func TestSettingsEditSavesReplansAndUndoes(t *testing.T) {
	m, st := newTestModel(t, 160, 45)
	press(t, m, "3") // the tab must survive the reload
	i := firstWithEOQ(m)
	if i < 0 {
		t.Fatal("the fixture should have a SKU with an EOQ")
	}
	eoq := m.snap.Rows[i].Plan.EOQ
	toSetting(t, m, "holding_rate")
	press(t, m, "enter")
	if !m.settings.editing || m.input.Value() != "25" {
		t.Fatalf("editor: editing %v value %q, want 25 (percent)", m.settings.editing, m.input.Value())
	}
	clearInput(t, m)
	typeText(t, m, "30")
	press(t, m, "enter")

	if got := storedSettings(t, st).HoldingRate; got != 0.3 {
		t.Fatalf("stored holding_rate %v, want 0.3", got)
	}
	if m.mode != modeSettings || m.settings.editing || m.saving {
		t.Errorf("after saving: mode %v editing %v saving %v", m.mode, m.settings.editing, m.saving)
	}
	if m.snap.Catalogue.Settings.HoldingRate != 0.3 {
		t.Error("the snapshot was not loaded with the new setting")
	}
	// EOQ ∝ 1/√h: every SKU was planned again
	if got, want := m.snap.Rows[i].Plan.EOQ, eoq*math.Sqrt(0.25/0.3); math.Abs(got-want) > 1e-9*want {
		t.Errorf("EOQ %v, want %v after the holding rate change", got, want)
	}
	if m.reorder.snap != m.snap || m.tab != reorderTab {
		t.Errorf("the reorder pane should show the new snapshot on its tab (tab %d)", m.tab)
	}
	s := screen(m)
	for _, want := range []string{"holding_rate 25% → 30%", "u undoes", "default 25%"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	if !regexp.MustCompile(`holding_rate +30%`).MatchString(s) {
		t.Errorf("the list should show 30%%:\n%s", s)
	}
	log, _ := st.AuditLog(context.Background(), 5)
	if len(log) != 1 || log[0].Entity != "setting" || log[0].EntityID != "holding_rate" || log[0].Old != "0.25" || log[0].New != "0.3" {
		t.Errorf("audit %+v", log)
	}

	press(t, m, "u")
	if got := storedSettings(t, st).HoldingRate; got != 0.25 {
		t.Fatalf("after undo holding_rate %v", got)
	}
	if s := screen(m); !strings.Contains(s, "Undone: holding_rate 30% → 25%") {
		t.Errorf("undo message:\n%s", s)
	}
	if got := m.snap.Rows[i].Plan.EOQ; math.Abs(got-eoq) > 1e-9*eoq {
		t.Errorf("EOQ after undo %v, want %v", got, eoq)
	}
	press(t, m, "u")
	if !strings.Contains(m.message, "No settings change to undo") {
		t.Errorf("second undo: %q", m.message)
	}

	// esc leaves the view on the same tab
	press(t, m, "esc")
	if m.mode != modeNormal || m.tab != reorderTab {
		t.Errorf("esc: mode %v tab %d", m.mode, m.tab)
	}
}

func TestSettingsInvalidValueWritesNothing(t *testing.T) {
	m, st := newTestModel(t, 120, 40)
	snap := m.snap
	for _, c := range []struct{ setting, typed, want string }{
		{"max_markdown", "99", "max_markdown 0.99"}, // typed as a percentage
		{"elasticity", "2", "elasticity 2"},
		{"clearance_weeks", "2.5", "not a whole number"},
		{"xyz_cut_x", "1.5", "xyz_cut_x 1.5 and xyz_cut_y 1"},
		{"order_cost", "lots", "not a number"},
	} {
		toSetting(t, m, c.setting)
		press(t, m, "e")
		clearInput(t, m)
		typeText(t, m, c.typed)
		press(t, m, "enter")
		if !m.messageErr || !strings.Contains(m.message, c.want) {
			t.Errorf("%s=%s: message %q, want an error with %q", c.setting, c.typed, m.message, c.want)
		}
		if !m.settings.editing || m.saving {
			t.Errorf("%s: the editor should stay open, nothing saving", c.setting)
		}
		if s := screen(m); !strings.Contains(s, c.want) {
			t.Errorf("%s: the error is not on screen:\n%s", c.setting, s)
		}
		press(t, m, "esc")
		if m.settings.editing || m.mode != modeSettings {
			t.Errorf("esc should cancel the edit only: editing %v mode %v", m.settings.editing, m.mode)
		}
	}
	if got := storedSettings(t, st); got != model.DefaultSettings() {
		t.Errorf("refused values were written: %+v", got)
	}
	if log, _ := st.AuditLog(context.Background(), 5); len(log) != 0 {
		t.Errorf("audit rows %+v", log)
	}
	if m.snap != snap {
		t.Error("a refused value should not reload the catalogue")
	}
	// an unchanged value writes nothing either: typed again, or untouched
	toSetting(t, m, "review_days")
	press(t, m, "enter", "7", "enter")
	if m.messageErr || !strings.Contains(m.message, "unchanged") || m.snap != snap {
		t.Errorf("unchanged: %q", m.message)
	}
	press(t, m, "enter", "enter")
	if m.messageErr || m.message != "Nothing changed: review_days stays 7 days" || m.snap != snap || m.settings.editing {
		t.Errorf("untouched: %q", m.message)
	}
}

// q leaves the view instead of quitting; , and esc leave it too.
func TestSettingsViewOpensAndCloses(t *testing.T) {
	m, _ := newTestModel(t, 120, 40)
	for _, leave := range []string{"q", ",", "esc"} {
		press(t, m, ",")
		if m.mode != modeSettings {
			t.Fatalf(", should open the settings view")
		}
		_, cmd := m.Update(keyMsg(leave))
		if m.mode != modeNormal {
			t.Errorf("%s should leave the view", leave)
		}
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Errorf("%s in the settings view quits", leave)
			}
		}
	}
	press(t, m, "?", "G") // the settings paragraph is below the first page
	if s := screen(m); !strings.Contains(s, ", opens the catalogue-wide settings") {
		t.Errorf("help should list , settings:\n%s", s)
	}
}

func TestSettingsNeedTheCatalogue(t *testing.T) {
	m := New(Options{Backend: nil, Source: "x.db"})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(keyMsg(","))
	if m.mode != modeNormal || !strings.Contains(m.message, "once the catalogue has loaded") {
		t.Errorf("before loading: mode %v message %q", m.mode, m.message)
	}
}

// d restores the default; a new horizon forecasts every SKU again, and the
// forecasts land with the new length.
func TestSettingsDefaultAndHorizon(t *testing.T) {
	m, st := newTestModel(t, 120, 40)
	toSetting(t, m, "forecast_weeks")
	enterValue(t, m, "enter", "13")
	if got := storedSettings(t, st).ForecastWeeks; got != 13 {
		t.Fatalf("forecast_weeks %d", got)
	}
	if m.forecast.running || len(m.snap.Stale) != 0 {
		t.Fatalf("forecasts of the new horizon did not land: running %v, %d stale", m.forecast.running, len(m.snap.Stale))
	}
	for _, r := range m.snap.Rows {
		if n := len(r.Forecast.Mean); n != 13 {
			t.Fatalf("%s: forecast of %d weeks, want 13", r.Item.Product.SKU, n)
		}
	}
	press(t, m, "d")
	if got := storedSettings(t, st).ForecastWeeks; got != 26 {
		t.Errorf("d: forecast_weeks %d, want the default 26", got)
	}
}

func TestGoldenSettingsView(t *testing.T) {
	m, _ := newTestModel(t, 80, 24)
	toSetting(t, m, "clearance_weeks") // scrolled
	golden(t, "settings_80x24", withProfile(m.render(), colorprofile.ANSI256))
	press(t, m, "enter")
	clearInput(t, m)
	typeText(t, m, "8")
	golden(t, "settings_80x24_edit", withProfile(m.render(), colorprofile.Ascii))

	m, _ = newTestModel(t, 160, 45)
	toSetting(t, m, "service_level_a")
	press(t, m, "enter")
	clearInput(t, m)
	typeText(t, m, "99")
	press(t, m, "enter", "down", "down", "down")
	name := fmt.Sprintf("settings_%dx%d", 160, 45)
	golden(t, name, withProfile(m.render(), colorprofile.ANSI256))
	golden(t, name+"_nocolor", noColorRender(m))
}

// The settings view, browsing and with its editor open, fits every size.
func TestSettingsViewFitsEverySize(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	toSetting(t, m, "recovery_rate")
	t.Run("list", func(t *testing.T) { checkEverySize(t, m) })
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	press(t, m, "g", "enter")
	t.Run("editor", func(t *testing.T) { checkEverySize(t, m) })
	if m.mode != modeSettings || !m.settings.editing {
		t.Errorf("still in the editor: mode %v editing %v", m.mode, m.settings.editing)
	}
}

// A share typed as a fraction by habit is refused with a hint: the view
// takes percentages.
func TestSettingsPercentHint(t *testing.T) {
	m, st := newTestModel(t, 120, 40)
	toSetting(t, m, "service_level_b")
	enterValue(t, m, "enter", "0.97")
	if !m.messageErr || !strings.Contains(m.message, "95 means 95 %") {
		t.Errorf("message %q", m.message)
	}
	clearInput(t, m)
	typeText(t, m, "97%")
	press(t, m, "enter")
	if got := storedSettings(t, st).ServiceLevelB; got != 0.97 {
		t.Errorf("97%% stored as %v", got)
	}
}
