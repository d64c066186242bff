package ui

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// The settings view (`,`) lists the catalogue-wide settings full screen and
// edits one in place. A share (service level, cut, rate, markdown) is shown
// and typed as a percentage — "30" or "30%" both mean 0.30 — and stored as
// the fraction. A save writes through the backend in one transaction, then
// loads and plans the whole snapshot again, since every SKU may plan
// differently; all of it runs in a command.

// settingsInfo is every setting in display order.
var settingsInfo = model.SettingsInfo()

// settingsView is the settings screen's state.
type settingsView struct {
	keys    settingsKeys
	cursor  int // index into settingsInfo
	top     int // first list line shown
	editing bool
	// undo holds each saved change, newest last; u in the view writes its
	// values from before again if the catalogue still holds those it wrote.
	undo []settingsStep
}

// settingsKeys are the settings view's own keys; it moves, edits (e
// too), undoes and closes with the shared ones.
type settingsKeys struct {
	Open, Default key.Binding
}

func defaultSettingsKeys() settingsKeys {
	return settingsKeys{
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit")),
		Default: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "default")),
	}
}

// settingsStep is a saved settings change: the stored texts before and
// after it, by name.
type settingsStep struct{ before, after map[string]string }

// settingsSavedMsg reports a settings change: before is nil when nothing
// was written; snap and views are the catalogue planned again. A change
// refused because another process changed a setting since brings conflict
// and the values it tried.
type settingsSavedMsg struct {
	before, after map[string]string
	isUndo        bool
	base          *planner.Snapshot // what snap was planned from; nil when read again
	snap          *planner.Snapshot
	views         *paneViews
	conflict      *model.ConflictError
	values        map[string]string
	err           error
}

// saveSettingsCmd writes the values, compare-and-set against seen, and
// plans base again with them off the loop, in memory: reading the whole
// catalogue again cost twice as long (issue 15), and what other processes
// changed meanwhile arrives by the watch as always.
func saveSettingsCmd(b Backend, base *planner.Snapshot, values, seen map[string]string, isUndo bool) tea.Cmd {
	return saveInBackground(func(ctx context.Context) tea.Msg {
		before, after, err := b.SetSettings(ctx, values, seen)
		if err != nil {
			msg := settingsSavedMsg{isUndo: isUndo, values: values, err: err}
			if errors.As(err, &msg.conflict) {
				// the view shows what is stored now while it asks, as the
				// panes do: the catalogue planned with the other value
				if snap, err := b.Load(ctx); err == nil {
					msg.snap, msg.views = snap, buildViews(snap)
					snap.WarmSearch()
				}
			}
			return msg
		}
		msg := settingsSavedMsg{before: before, after: after, isUndo: isUndo}
		set, err := planner.ApplySettings(base.Catalogue.Settings, after)
		if err != nil { // checked before saving: only a value another version wrote
			msg.err = err
			return msg
		}
		msg.base, msg.snap = base, base.WithSettings(set)
		msg.views = buildViews(msg.snap)
		return msg
	})
}

// settingsPlannedMsg is the catalogue planned again with saved settings
// on base, because forecasts landed on the snapshot the save planned.
type settingsPlannedMsg struct {
	base, snap *planner.Snapshot
	views      *paneViews
}

// showSettingsPlan shows snap, planned with new settings from base; when
// forecasts have landed since, it plans the newer snapshot with them
// again, off the loop, and edits wait for it as for a save.
func (m *Model) showSettingsPlan(base, snap *planner.Snapshot, views *paneViews) tea.Cmd {
	if base == nil || base == m.snap {
		return m.showSettingsSnapshot(snap, views)
	}
	m.saving = true
	cur, set := m.snap, snap.Catalogue.Settings
	return func() tea.Msg {
		next := cur.WithSettings(set)
		return settingsPlannedMsg{base: cur, snap: next, views: buildViews(next)}
	}
}

// settingsPlanned shows a settings change planned again on a newer
// snapshot.
func (m *Model) settingsPlanned(msg settingsPlannedMsg) tea.Cmd {
	m.saving = false
	return m.showSettingsPlan(msg.base, msg.snap, msg.views)
}

// openSettings shows the settings view; it needs the loaded catalogue.
func (m *Model) openSettings() tea.Cmd {
	if m.snap == nil {
		m.setInfo("Settings open once the catalogue has loaded")
		return nil
	}
	m.mode = modeSettings
	m.settings.editing = false
	m.message = ""
	return nil
}

// settingsKey handles keys while the settings view is open.
func (m *Model) settingsKey(msg tea.KeyPressMsg) tea.Cmd {
	v := &m.settings
	if v.editing {
		return m.settingsEditKey(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Settings, k.ClearFilter, k.Quit):
		m.mode = modeNormal // q leaves the view, it does not quit
	case key.Matches(msg, k.Up):
		v.cursor = max(v.cursor-1, 0)
	case key.Matches(msg, k.Down):
		v.cursor = min(v.cursor+1, len(settingsInfo)-1)
	case key.Matches(msg, k.PageUp):
		v.cursor = max(v.cursor-8, 0)
	case key.Matches(msg, k.PageDown):
		v.cursor = min(v.cursor+8, len(settingsInfo)-1)
	case key.Matches(msg, k.Top):
		v.cursor = 0
	case key.Matches(msg, k.Bottom):
		v.cursor = len(settingsInfo) - 1
	case key.Matches(msg, v.keys.Open, k.Edit):
		return m.startSettingEdit()
	case key.Matches(msg, v.keys.Default):
		in := settingsInfo[v.cursor]
		def, _ := model.DefaultSettings().Value(in.Name)
		return m.commitSettings(map[string]string{in.Name: strconv.FormatFloat(def, 'f', -1, 64)})
	case key.Matches(msg, k.Undo):
		return m.undoSettings()
	}
	return nil
}

// startSettingEdit opens the text field on the cursor's setting. It opens
// while a save runs, as the pane editors do: enter queues the change.
func (m *Model) startSettingEdit() tea.Cmd {
	if m.writeRefused() {
		return nil
	}
	in := settingsInfo[m.settings.cursor]
	v, _ := m.snap.Catalogue.Settings.Value(in.Name)
	def, _ := model.DefaultSettings().Value(in.Name)
	m.settings.editing = true
	m.input.SetWidth(settingsFieldW(in) - 1) // the cursor takes a cell more
	m.message = ""
	// the value selected, as in every editor: typing replaces it
	return m.input.open(in.Typed(v), in.Typed(def))
}

func (m *Model) settingsEditKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.settings.editing = false
		m.input.Blur()
		m.ownInfo("Edit cancelled")
		return nil
	case key.Matches(msg, k.Save):
		in := settingsInfo[m.settings.cursor]
		if m.input.Untouched() {
			m.settings.editing = false
			m.input.Blur()
			v, _ := m.snap.Catalogue.Settings.Value(in.Name)
			m.ownInfo("Nothing changed: " + in.Name + " stays " + in.Shown(v))
			return nil
		}
		text := strings.TrimSpace(m.input.Value())
		if text == "" {
			m.setError("Type a value, or " + keyName(k.Cancel) + " to cancel")
			return nil
		}
		if in.Percent {
			// typed as a percentage; the store turns "30%" into 0.3
			text = strings.TrimSpace(strings.TrimSuffix(text, "%")) + "%"
		}
		cmd := m.commitSettings(map[string]string{in.Name: text})
		if f, err := model.ReadPercent(text); m.messageErr && in.Percent && err == nil && f > 0 && f <= 1 {
			m.message += " (typed as a percentage here: 95 means 95 %)" // a fraction typed by habit
		}
		return cmd
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// commitSettings checks values against the snapshot's settings at once,
// keeping the editor open on a problem (nothing is written), and saves
// them in a command when they change anything, if the catalogue still
// holds the values the view shows.
func (m *Model) commitSettings(values map[string]string) tea.Cmd {
	cur := m.snap.Catalogue.Settings
	seen := map[string]string{}
	for name := range values {
		seen[name] = planner.SettingText(cur, name)
	}
	return m.saveSettings(values, seen, false)
}

// saveSettings checks values against the settings shown, keeping the
// editor open on a problem, and saves them compare-and-set against seen:
// now, or, while another save runs, queued behind it (ui/queue.go). A
// queued change compares with what the PM saw, updated only by this
// dashboard's own settings saves that land before it.
func (m *Model) saveSettings(values, seen map[string]string, isUndo bool) tea.Cmd {
	if m.writeRefused() {
		return nil
	}
	unchanged, err := m.checkSettings(values)
	if err != nil {
		m.setError(err.Error())
		return nil
	}
	m.settings.editing = false
	m.input.Blur()
	names := strings.Join(slices.Sorted(maps.Keys(values)), ", ")
	if unchanged && !isUndo {
		m.setInfo(names + " unchanged")
		return nil
	}
	since := len(m.ownSettings)
	return m.saveWhenFree(names, func() tea.Cmd {
		if _, err := m.checkSettings(values); err != nil {
			m.notDone("Not saved: " + err.Error())
			return nil
		}
		now := maps.Clone(seen)
		for _, after := range m.ownSettings[min(since, len(m.ownSettings)):] {
			for name := range values {
				if v, ok := after[name]; ok {
					now[name] = v
				}
			}
		}
		m.saving = true
		m.setInfo("Saving and planning every SKU again…")
		return saveSettingsCmd(m.opt.Backend, m.snap, values, now, isUndo)
	})
}

// checkSettings checks values against the settings the dashboard plans
// with; unchanged says they change nothing.
func (m *Model) checkSettings(values map[string]string) (unchanged bool, err error) {
	cur := m.snap.Catalogue.Settings
	next, err := planner.ApplySettings(cur, values)
	if err != nil {
		return false, err
	}
	if next.ForecastWeeks != cur.ForecastWeeks && m.forecast.running {
		// the running forecasts are of the old horizon: they would land
		// out of date with nothing left to redo them
		return false, errors.New("forecast_weeks can change once the forecasts running now are done")
	}
	return next == cur, nil
}

// undoSettings restores the values from before the newest settings
// change, if the catalogue still holds those it wrote; the step leaves
// the stack either way.
func (m *Model) undoSettings() tea.Cmd {
	if m.writeRefused() {
		return nil
	}
	u := m.settings.undo
	if len(u) == 0 {
		m.setInfo("No settings change to undo")
		return nil
	}
	if m.saving || len(m.queue) > 0 {
		m.setError("Nothing undone: your last change is still being saved; press u once it is")
		return nil
	}
	last := u[len(u)-1]
	cmd := m.saveSettings(last.before, last.after, true)
	if !m.messageErr { // on its way: off the stack
		m.settings.undo = u[:len(u)-1]
	}
	return cmd
}

// settingsSaved shows the outcome of a save and the catalogue planned
// with the new settings, on the same tab.
func (m *Model) settingsSaved(msg settingsSavedMsg) tea.Cmd {
	m.saving, m.lockWaiting = false, false
	if msg.conflict != nil {
		m.showedConflicts(msg.conflict)
		var show tea.Cmd
		if msg.snap != nil {
			show = m.showSettingsSnapshot(msg.snap, msg.views)
		}
		return tea.Batch(show, m.askOverSettingsConflict(msg))
	}
	if msg.before == nil {
		m.notDone("Not saved: " + msg.err.Error() + m.dropQueue())
		return nil
	}
	if !msg.isUndo {
		m.settings.undo = append(m.settings.undo, settingsStep{before: msg.before, after: msg.after})
	}
	m.ownSettings = append(m.ownSettings, msg.after)
	m.replayOutdated("the settings changed")
	what := describeSettings(msg.before, msg.after)
	if msg.isUndo {
		what = "Undone: " + what
	}
	if msg.err != nil {
		m.setError(what + " saved, but planning again failed: " + msg.err.Error())
		return nil
	}
	if msg.isUndo {
		m.setInfo(what)
	} else {
		m.setInfo(what + " · " + keyName(m.keys.Undo) + " undoes")
	}
	m.savedOwn(m.message, ownSettings(msg.after))
	return m.showSettingsPlan(msg.base, msg.snap, msg.views)
}

// showSettingsSnapshot shows the catalogue loaded and planned again after
// a settings change, on the same tab.
func (m *Model) showSettingsSnapshot(snap *planner.Snapshot, views *paneViews) tea.Cmd {
	cmds := []tea.Cmd{m.setSnapshot(snap, nil, views), m.wantDetail()}
	if !m.forecast.running {
		// a new horizon makes every cached forecast stale; a running job's
		// results land on this snapshot by product id
		cmds = append(cmds, m.startForecasting(snap))
	}
	return tea.Batch(cmds...)
}

// askOverSettingsConflict asks before saving over another process's
// settings change; an undo is refused, naming who changed the value.
func (m *Model) askOverSettingsConflict(msg settingsSavedMsg) tea.Cmd {
	c := msg.conflict.Conflicts[0]
	if msg.isUndo {
		m.notDone("Not undone: " + m.conflictText(c) + " since your change; it stays")
		return nil
	}
	seen := map[string]string{}
	for _, k := range msg.conflict.Conflicts {
		seen[k.Name] = k.Stored
	}
	values := msg.values
	var shown []string
	for _, name := range slices.Sorted(maps.Keys(values)) {
		shown = append(shown, m.shownSetting(name, settingValueText(name, values[name])))
	}
	m.ask(&confirmation{
		unsaved:  true,
		question: fmt.Sprintf("%s since the view was loaded. Save %s over it?", m.conflictText(c), strings.Join(shown, ", ")),
		no:       fmt.Sprintf("Not saved: %s stays %s", c.Name, m.shownSetting(c.Name, c.Stored)),
		short: m.yes() + fmt.Sprintf(" saves %s over %s (%s now), other key keeps it: %s", strings.Join(shown, ", "),
			m.shownSetting(c.Name, c.Stored), whoShort(c), c.Name),
		run: func() tea.Cmd {
			return m.saveSettings(values, seen, false)
		},
	})
	return nil
}

// settingValueText is what the view typed ("30%") as stored text
// ("0.3"), for showing it.
func settingValueText(name, typed string) string {
	set, err := planner.ApplySettings(model.DefaultSettings(), map[string]string{name: typed})
	if err != nil {
		return typed
	}
	return planner.SettingText(set, name)
}

// describeSettings says what changed: "holding_rate 25% → 30%".
func describeSettings(before, after map[string]string) string {
	var parts []string
	for _, in := range settingsInfo {
		a, ok := after[in.Name]
		if !ok {
			continue
		}
		b, _ := strconv.ParseFloat(before[in.Name], 64)
		v, _ := strconv.ParseFloat(a, 64)
		parts = append(parts, in.Name+" "+in.Shown(b)+" → "+in.Shown(v))
	}
	return strings.Join(parts, ", ")
}

// valueW is the width of the value column.
const valueW = 13

// settingsFieldW is the editor's width in the value column: what the
// brackets and the unit leave.
func settingsFieldW(in model.SettingInfo) int {
	return max(valueW-2-width(in.Suffix()), 4)
}

// settingsLine is one line of the list: a group heading (setting −1) or a
// setting.
type settingsLine struct {
	text    string
	setting int
}

// settingsScreen draws the view: title, the grouped list scrolled to the
// cursor, the cursor's setting in full, and a status line.
func (m *Model) settingsScreen() string {
	s, w, h := m.styles, m.width, m.height
	v := &m.settings
	set, def := m.snap.Catalogue.Settings, model.DefaultSettings()

	title := m.readOnlyPrefix() + s.Title.Render("Settings — catalogue-wide planning defaults") + s.Dim.Render("   ("+keyName(m.keys.Settings)+" or "+keyName(m.keys.ClearFilter)+" closes)")

	const defW = 16
	nameW := 0 // the longest name, which `stockroom set --setting` takes whole
	for _, in := range settingsInfo {
		nameW = max(nameW, len(in.Name))
	}
	var lines []settingsLine
	cursorLine, group := 0, ""
	for i, in := range settingsInfo {
		if in.Group != group {
			if group != "" {
				lines = append(lines, settingsLine{setting: -1})
			}
			group = in.Group
			lines = append(lines, settingsLine{text: s.Header.Render(in.Group), setting: -1})
		}
		val, _ := set.Value(in.Name)
		d, _ := def.Value(in.Name)
		value := fit(in.Shown(val), valueW, false)
		if i == v.cursor && v.editing {
			value = fit("["+fit(m.input.View(), settingsFieldW(in), false)+"]"+in.Suffix(), valueW, false)
		}
		dflt := ""
		if in.Typed(val) != in.Typed(d) {
			dflt = "default " + in.Shown(d)
		}
		marker := "  "
		if i == v.cursor {
			marker = "▶ "
			cursorLine = len(lines)
		}
		plain := marker + fit(in.Name, nameW, false) + " " + value + " " + fit(dflt, defW, false) + " "
		line := plain + s.Dim.Render(in.Help)
		if i == v.cursor && !v.editing {
			line = s.Cursor.Render(plain) + in.Help
		} else if dflt != "" {
			line = marker + fit(in.Name, nameW, false) + " " + s.Manual.Render(value) + " " + s.Dim.Render(fit(dflt, defW, false)) + " " + s.Dim.Render(in.Help)
		}
		lines = append(lines, settingsLine{text: line, setting: i})
	}

	// title and a blank line above, the cursor's setting and the status
	// line below
	listH := max(h-4, 1)
	if cursorLine < v.top {
		v.top = cursorLine
	}
	if cursorLine >= v.top+listH {
		v.top = cursorLine - listH + 1
	}
	if cursorLine > 0 && lines[cursorLine-1].setting < 0 && cursorLine-1 < v.top && cursorLine-v.top+1 < listH {
		v.top = cursorLine - 1 // the group heading with its first setting
	}
	v.top = max(min(v.top, len(lines)-listH), 0)
	shown := make([]string, 0, listH)
	for _, l := range lines[v.top:min(v.top+listH, len(lines))] {
		shown = append(shown, l.text)
	}

	in := settingsInfo[v.cursor]
	d, _ := def.Value(in.Name)
	about := s.Title.Render(in.Title) + ": " + in.Help + s.Dim.Render(" · default "+in.Shown(d))
	switch up, down := v.top > 0, v.top+listH < len(lines); {
	case up && down:
		about = s.Dim.Render("↑↓ more · ") + about
	case up:
		about = s.Dim.Render("↑ more · ") + about
	case down:
		about = s.Dim.Render("↓ more · ") + about
	}
	return clip(title+"\n\n"+strings.Join(shown, "\n"), w, h-2) + "\n" + fit(about, w, false) + "\n" + m.settingsStatus()
}

// settingsStatus is the view's bottom line: the last message and key hints.
func (m *Model) settingsStatus() string {
	if m.confirm != nil {
		return m.questionLine()
	}
	s, w := m.styles, m.width
	var hints []string
	if m.settings.editing {
		in := settingsInfo[m.settings.cursor]
		what := "a number"
		switch {
		case in.Percent:
			what = "a percentage"
		case in.Whole:
			what = "a whole number"
		}
		save := m.keys.Save
		if m.saving || len(m.queue) > 0 {
			save = withDesc(save, "queues it behind the running save")
		}
		hints = []string{"type " + what, keyList(save), keyList(m.keys.Cancel)}
	} else {
		k, own := m.keys, m.settings.keys
		for _, b := range []key.Binding{hintOf("move", k.Up, k.Down), own.Open, own.Default, withDesc(k.Undo, "undo"), withDesc(k.ClearFilter, "back")} {
			hints = append(hints, keyList(b))
		}
	}
	left := ""
	if m.message != "" {
		left = s.Info.Render(m.message)
		if m.messageErr {
			left = s.Error.Render(m.message)
		}
	}
	notes := []string{m.queueNote()}
	if n := len(m.asking); n > 0 && m.settings.editing {
		notes = append(notes, count(n, "question")+" waiting") // asked once the editor closes
	}
	for _, q := range notes {
		if q == "" {
			continue
		}
		if left != "" {
			left += s.Dim.Render(" · ")
		}
		left += s.Info.Render(q)
	}
	if f := m.forecast; f.running && !m.settings.editing {
		// a new horizon forecasts every SKU again: show that it is under way
		bar := s.Info.Render(progressBar(f.done, f.total, w/4))
		if left != "" {
			bar += s.Dim.Render(" · ")
		}
		left = bar + left
	}
	for n := len(hints); n >= 0; n-- {
		h := s.Dim.Render(strings.Join(hints[:n], " · "))
		if gap := w - width(left) - width(h); gap >= 2 || n == 0 {
			if n == 0 {
				return fit(left, w, false)
			}
			return left + strings.Repeat(" ", gap) + h
		}
	}
	return fit(left, w, false)
}

// settingsHelp is the help screen's paragraph on the view.
func (m *Model) settingsHelp() string {
	k, own := m.keys, m.settings.keys
	return keyName(k.Settings) + " opens the catalogue-wide settings: service levels, ABC/XYZ cuts, holding rate, order cost, review\n" +
		fmt.Sprintf("period, horizon, and the risk thresholds. %s or %s edits one in place (shares are typed as percentages),\n",
			keyName(own.Open), keyName(k.Edit)) +
		fmt.Sprintf("%s restores its default, %s undoes; a change is checked, saved with an audit row and every SKU planned again.",
			keyName(own.Default), keyName(k.Undo))
}
