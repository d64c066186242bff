package ui

// The ? screen, generated from the bindings: the shared keys' grid
// (KeyMap.FullHelp), the editors, then each pane's own paragraph
// (tabPane.help, naming its keys from its bindings), the settings view,
// the statuses and the columns. help keys scroll and close it.

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"stockroom/planner"
)

// helpKey scrolls the help screen, which is taller than a small terminal,
// and closes it.
func (m *Model) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Help, k.ClearFilter, k.Quit):
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
	k := m.keys
	more := hintOf("more", k.Down, k.PageDown)
	if m.helpOffset+page >= len(lines) {
		more = hintOf("back", k.Up, k.PageUp)
	}
	return clip(strings.Join(shown, "\n"), w, page) + "\n" + m.styles.Dim.Render(fit(keyList(more)+" · "+m.helpCloses(), w, false))
}

// longHelp replaces a binding's short description (the status bar's) on
// the help screen, by that description: the keys stay in their bindings.
var longHelp = map[string]string{
	"sort":     "sort by the next column",
	"edit ROP": "edit the reorder point",
	"mark":     "mark a row for a bulk edit",
	"export":   "export the view to CSV",
	"filter":   "filter the rows",
	"settings": "catalogue settings",
}

// helpCloses says how the help screen closes: "? or esc closes".
func (m *Model) helpCloses() string {
	return keyName(m.keys.Help) + " or " + keyName(m.keys.ClearFilter) + " closes"
}

// helpScreen is the full help: every key, the statuses and the columns.
func (m *Model) helpScreen() string {
	s := m.styles
	var b strings.Builder
	b.WriteString(s.Title.Render("Stockroom — keys") + s.Dim.Render("   ("+m.helpCloses()+")") + "\n\n")
	groups := m.keys.FullHelp()
	colW := max(m.width/len(groups), 24)
	rows := 0
	for _, g := range groups {
		rows = max(rows, len(g))
	}
	cols := make([]string, len(groups))
	for i, g := range groups {
		var lines []string
		for _, k := range g {
			desc := k.Help().Desc
			if long, ok := longHelp[desc]; ok {
				desc = long
			}
			lines = append(lines, fit(s.Key.Render(k.Help().Key), 11, false)+desc)
		}
		cols[i] = clip(strings.Join(lines, "\n"), colW, rows)
	}
	grid := cols[0]
	for _, c := range cols[1:] {
		grid = joinColumns(grid, c, "")
	}
	b.WriteString(grid + "\n\n")
	b.WriteString(s.Title.Render("Editing") + "\n")
	k := m.keys
	save, cancel := keyName(k.Save), keyName(k.Cancel)
	b.WriteString("Every editor opens holding the value, selected: typing or a paste replaces it, backspace clears it,\n" +
		"←/→/home/end move the cursor to change it. Numbers take 1,200 and 10.5; 4,0 or a number out of the field's range\n" +
		fmt.Sprintf("is refused in place. %s opens the reorder point of the row (or of every marked row): 0 to 10,000,000, or %s for\n",
			keyName(k.Edit), keyName(k.Auto)) +
		fmt.Sprintf("automatic; %s saves (one transaction, recorded in the audit log), %s cancels, %s undoes. %s on a field you\n",
			save, cancel, keyName(k.Undo), save) +
		"have not changed saves nothing. Marked SKUs open on the value they share, or empty when their values differ.\n" +
		fmt.Sprintf("While a save runs, %s queues the next behind it. A reorder point or quantity over 10× the suggestion or a\n", save) +
		fmt.Sprintf("year of forecast demand asks %s first; any other key goes back to edit it.\n", keyName(k.Yes)) +
		"A manual reorder point shows an m beside it; the detail pane shows the automatic value too.\n\n")
	for i, p := range m.panes {
		if text := p.help(m); text != "" {
			b.WriteString(s.Title.Render(fmt.Sprintf("%d %s", i+1, tabNames[i])) + "\n" + text + "\n\n")
		}
	}
	b.WriteString(s.Title.Render("Settings") + "\n" + m.settingsHelp() + "\n\n")
	b.WriteString(s.Title.Render("Status") + "\n")
	b.WriteString(s.Status(0).Render("out") + "     nothing available to sell (on hand − committed ≤ 0)\n")
	b.WriteString(s.Status(1).Render("low") + "     inventory position (available + on order + drafts) at or below the reorder point\n")
	b.WriteString(s.Status(2).Render("dead") + "    stock on hand and no sale for the dead-stock period (default 90 days)\n")
	b.WriteString(s.Status(3).Render("excess") + "  more available than the order-up-to level plus the cover target (default 180 days)\n")
	b.WriteString(s.Status(4).Render("ok") + "      none of the above\n\n")
	b.WriteString(s.Title.Render("Columns") + "\n")
	b.WriteString(m.columnsHelp() + "\n" +
		keyName(k.Filter) + " filters on " + searchedFields() + "; several words must all match.\n" +
		keyName(k.Export) + " writes every row that passes the filter, in the current sort, to a CSV file in the current directory.")
	return b.String()
}

// helpProseWidth is where the help screen's generated paragraphs wrap, as
// its written ones do.
const helpProseWidth = 112

// columnsHelp explains the Stock pane's shortened column titles in the
// pane's order, a line each as the statuses above are, by the title and
// meaning the stock view declares: "Avail   Available: on_hand − committed".
func (m *Model) columnsHelp() string {
	spec, _ := planner.LookupView("stock")
	var cols []planner.Column
	indent := 0
	for _, tc := range m.stock.table.cols {
		if c := spec.Columns[tc.viewCol]; c.Short != "" {
			cols = append(cols, c)
			indent = max(indent, ansi.StringWidth(c.Short)+2)
		}
	}
	lines := make([]string, len(cols))
	for i, c := range cols {
		text := wrapWords(c.Title+": "+c.ScreenHelp(), helpProseWidth-indent)
		lines[i] = fit(c.Short, indent, false) + strings.ReplaceAll(text, "\n", "\n"+strings.Repeat(" ", indent))
	}
	return strings.Join(lines, "\n")
}

// searchedFields names what the filter looks in, by the titles of the
// columns it searches: "SKU, name, category, … and supplier".
func searchedFields() string {
	var names []string
	for _, c := range planner.SearchColumns() {
		if t := c.Title; t != strings.ToUpper(t) { // an acronym keeps its capitals
			names = append(names, strings.ToLower(t))
		} else {
			names = append(names, t)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// wrapWords breaks plain text at spaces only, never inside a word such as
// trailing-52-week, into lines of at most w cells (a longer word stands
// alone).
func wrapWords(s string, w int) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Split(s, " ") {
		ww := ansi.StringWidth(word)
		switch {
		case i == 0:
		case line+1+ww > w:
			b.WriteByte('\n')
			line = 0
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += ww
	}
	return b.String()
}
