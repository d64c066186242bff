package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// helpKey scrolls the help screen, which is taller than a small terminal,
// and closes it.
func (m *Model) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Help, k.ClearFilter) || msg.String() == "q":
		m.mode, m.helpOffset = modeNormal, 0
	case key.Matches(msg, k.Down):
		m.helpOffset++
	case key.Matches(msg, k.Up):
		m.helpOffset--
	case key.Matches(msg, k.PageDown):
		m.helpOffset += m.height - 2
	case key.Matches(msg, k.PageUp):
		m.helpOffset -= m.height - 2
	case key.Matches(msg, k.Top):
		m.helpOffset = 0
	case key.Matches(msg, k.Bottom):
		m.helpOffset = 1 << 20
	}
	return nil
}

// scrolledHelp draws the help screen from the scroll offset, with a last
// line saying where more is when it does not fit.
func (m *Model) scrolledHelp(w, h int) string {
	lines := strings.Split(m.helpScreen(), "\n")
	if len(lines) <= h {
		m.helpOffset = 0
		return clip(strings.Join(lines, "\n"), w, h)
	}
	page := h - 1
	m.helpOffset = max(min(m.helpOffset, len(lines)-page), 0)
	shown := lines[m.helpOffset : m.helpOffset+page]
	more := "↓/pgdn more"
	if m.helpOffset+page >= len(lines) {
		more = "↑/pgup back"
	}
	return clip(strings.Join(shown, "\n"), w, page) + "\n" + m.styles.Dim.Render(fit(more+" · ? or esc closes", w, false))
}
