package ui

// A catalogue open read-only (its file or directory cannot be written, or
// --read-only) is shown with "read-only" in the tab bar and the settings
// view, and every action that would write asks writeRefused first. Reads,
// filters, exports and the Risk pane's what-if (never saved) still work;
// forecasts are made in memory and not cached (planner.SaveForecasts).

// writeRefused says, on a read-only catalogue, that nothing can be changed
// and why, and reports true: the action stops before opening an editor or
// asking a question.
func (m *Model) writeRefused() bool {
	if m.opt.ReadOnly == "" {
		return false
	}
	m.setError("The catalogue is read-only (" + m.opt.ReadOnly + "): nothing can be changed")
	return true
}

// readOnlyMark is drawn at the right end of the tab bar, never cut.
func (m *Model) readOnlyMark() string {
	if m.opt.ReadOnly == "" {
		return ""
	}
	return " " + m.styles.Error.Render("read-only")
}

// readOnlyPrefix starts the settings view's title, which is cut at its end
// on a narrow terminal.
func (m *Model) readOnlyPrefix() string {
	if m.opt.ReadOnly == "" {
		return ""
	}
	return m.styles.Error.Render("read-only") + " "
}
