package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// Smallest terminal the dashboard draws into; below it a notice says so.
const (
	minWidth  = 50
	minHeight = 10
	// wideWidth is where the detail pane moves from below the table to beside it.
	wideWidth = 120
)

// rect is a pane's place on screen.
type rect struct{ x, y, w, h int }

// layoutRects splits the body (between tab bar and status bar) into the
// table and detail rectangles. Wide terminals put the detail on the right;
// narrow ones put it below, or drop it when there is no room.
func layoutRects(w, h int) (table, detail rect, side bool) {
	body := h - 2
	if w >= wideWidth {
		dw := min(60, max(40, (w-40)/3))
		return rect{0, 1, w - dw - 1, body}, rect{w - dw, 1, dw, body}, false
	}
	if body < 14 {
		return rect{0, 1, w, body}, rect{}, true
	}
	dh := min(12, body/2)
	return rect{0, 1, w, body - dh - 1}, rect{0, 1 + body - dh, w, dh}, true
}

// tooSmall says the terminal shows only the "needs at least" page.
func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

func (m *Model) layout() {
	if m.tooSmall() {
		return
	}
	for _, p := range m.panes {
		if l, ok := p.(layoutPane); ok {
			l.layout(m.width, m.height)
		}
	}
}

// View draws the whole screen.
func (m *Model) View() tea.View {
	frame := m.render()
	m.traceFrame(frame)
	v := tea.NewView(frame)
	if !m.traced && m.snap != nil && m.showsCatalogue() {
		m.traced = true
		if m.opt.FirstFrame != nil {
			m.opt.FirstFrame()
		}
	}
	if m.opt.Trace != nil && m.traced && !m.traceWritten {
		m.traceWritten = true
		m.keyTrace.printf("first frame (%s) of %d SKUs: %s after start (catalogue load and plan %s)\n",
			tabNames[m.tab], len(m.snap.Rows), time.Since(m.opt.Started).Round(time.Millisecond), m.loadTook.Round(time.Millisecond))
	}
	v.AltScreen = true
	v.WindowTitle = "Stockroom"
	return v
}

// showsCatalogue says the frame shows the catalogue, not a spinner: the
// overview has its figures, or a table pane its rows.
func (m *Model) showsCatalogue() bool {
	if len(m.snap.Rows) == 0 {
		return true
	}
	if r, ok := m.current().(readyPane); ok {
		return r.ready()
	}
	p := m.active()
	return p != nil && len(p.table.index) > 0
}

func (m *Model) render() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.tooSmall() {
		msg := fmt.Sprintf("Stockroom needs at least %d×%d; this terminal is %d×%d. Enlarge it or press %s.", minWidth, minHeight, w, h, keyName(m.keys.Quit))
		if c := m.confirm; c != nil && c.quit {
			what, it := m.unsavedText()
			msg = fmt.Sprintf("Stockroom needs at least %d×%d; this terminal is %d×%d. %s. %s again quits and loses %s; enlarge it to keep %s.",
				minWidth, minHeight, w, h, what, keyName(m.keys.Quit), it, it)
		}
		return clip(wrap(msg, w), w, h)
	}
	if m.mode == modeHelp {
		if m.confirm != nil { // the question over the help's last line
			return m.scrolledHelp(w, h-1) + "\n" + m.questionLine()
		}
		return m.scrolledHelp(w, h)
	}
	if m.mode == modeSettings {
		return clip(m.settingsScreen(), w, h)
	}
	body := m.body()
	return m.tabBar() + "\n" + clip(body, w, h-2) + "\n" + m.statusBar()
}

func (m *Model) body() string {
	w, h := m.width, m.height-2
	switch {
	case m.loading:
		return center(m.spin.View()+" Loading "+clean(m.opt.Source)+"…", w, h)
	case m.loadErr != nil:
		return center(m.styles.Error.Render("Could not open the catalogue: ")+clean(m.loadErr.Error()), w, h)
	case m.snap == nil || len(m.snap.Rows) == 0:
		return center(m.emptyHelp(), w, h)
	}
	return m.current().body(m, w, h)
}

// tableBody draws a table pane with its detail beside or below it.
func (m *Model) tableBody(tbl *table, drawDetail func(d rect, side bool) string) string {
	t, d, side := layoutRects(m.width, m.height)
	m.placeEditor()
	table := tbl.render(&m.styles)
	var detail string
	if d.w > 0 && d.h > 0 {
		detail = drawDetail(d, side)
	}
	if d.w == 0 {
		return table
	}
	if side {
		rule := m.styles.Border.Render(strings.Repeat("─", m.width))
		return table + "\n" + rule + "\n" + detail
	}
	sep := strings.TrimSuffix(strings.Repeat(m.styles.Border.Render("│")+"\n", t.h), "\n")
	return joinColumns(joinColumns(clip(table, t.w, t.h), sep, ""), detail, "")
}

// detailKey is what the detail pane's drawing depends on; a frame with the
// same key reuses the last drawing instead of plotting the chart again.
type detailKey struct {
	row   *planner.Row // a new row (an edit) is a new pointer
	extra bool
	risk  riskInput // on the Risk pane: its view (a what-if is a new one) and selection
	w, h  int
	side  bool
	tab   int
}

// skuDetail draws the detail of a SKU: its chart and facts, or the last
// drawing when nothing it shows changed.
func (m *Model) skuDetail(in detailInput, d rect, side bool) string {
	key := detailKey{row: in.Row, extra: in.Extra != nil, w: d.w, h: d.h, side: side, tab: m.tab}
	if in.Risk != nil {
		key.risk = *in.Risk
	}
	if key != m.detailKey || m.detailOut == "" {
		m.detailKey, m.detailOut = key, m.detail.render(in, d.w, d.h, side)
	}
	return m.detailOut
}

// detailInput is what the detail of the pane on screen shows: the
// cursor's SKU, what the pane adds to it, and its locations and orders
// once read.
func (m *Model) detailInput() detailInput {
	in := detailInput{Snap: m.snap}
	if p, ok := m.current().(skuPane); ok {
		in.Row = p.currentRow()
		p.decorate(&in)
	}
	if in.Row != nil {
		if d, ok := m.details[in.Row.Item.Product.ID]; ok {
			in.Extra = &d
		}
	}
	return in
}

// placeEditor puts the text field in the reorder-point cell of the cursor
// row while editing, so the edit happens in place; when that column is
// hidden the status bar carries the field alone.
func (m *Model) placeEditor() {
	p, ok := m.current().(cellEditorPane)
	if !ok {
		return
	}
	t, col, here := p.editedCell(m.field)
	if !here {
		t.clearOverlay()
		return
	}
	if m.mode != modeEdit || !t.shows(col) {
		t.clearOverlay()
		return
	}
	w := t.widths[slices.Index(t.shown, col)]
	m.input.SetWidth(max(w-3, 1))
	field := m.input
	if field.Placeholder == valuesDiffer && width(valuesDiffer) > w-3 {
		field.Placeholder = "mixed" // "value" would read as a value; the status bar says it whole
	}
	t.setOverlay(col, "["+fit(field.View(), max(w-2, 1), false)+"]")
}

func (m *Model) tabBar() string {
	mark := m.readOnlyMark() // never cut: the tabs and counts give way to it
	w := m.width - width(mark)
	var b strings.Builder
	for i, name := range tabNames {
		label := fmt.Sprintf(" %d %s ", i+1, name)
		if i == m.tab {
			b.WriteString(m.styles.TabActive.Render("[" + label[1:len(label)-1] + "]"))
		} else {
			b.WriteString(m.styles.TabInactive.Render(label))
		}
	}
	left := b.String()
	var right string
	if m.snap != nil {
		asOf := "no sales yet"
		if m.snap.AsOf.Valid() {
			asOf = "as of " + m.snap.AsOf.String()
		}
		right = fmt.Sprintf("%s · %s ", count(len(m.snap.Rows), "SKU"), asOf)
		if m.width >= 130 {
			right = statusSummary(m.snap, &m.styles) + "  " + right
		}
	}
	gap := w - width(left) - width(right)
	if gap < 1 {
		return fit(left, w, false) + mark
	}
	return left + strings.Repeat(" ", gap) + m.styles.Dim.Render(right) + mark
}

// emptyHelp is the page of a catalogue without products: the imports
// that fill it (as `stockroom import --help` names them, with this
// catalogue's path ready to paste) and the demo.
func (m *Model) emptyHelp() string {
	db := " --db " + shellWord(clean(m.opt.Source))
	return m.styles.Title.Render("This catalogue is empty") + "\n\n" +
		"Stockroom has no products in " + clean(m.opt.Source) + " yet. Load your shop's CSV exports " +
		"(Shopify and WooCommerce files are recognised; name other files' columns with --map), " +
		"then open it again:\n\n" +
		"  stockroom import products products.csv" + db + "\n" +
		"  stockroom import stock inventory.csv" + db + "\n" +
		"  stockroom import orders orders.csv" + db + "\n\n" +
		"Suppliers, sales, purchase-orders and policies import the same way: " +
		"stockroom import --help lists every kind and its columns. Or look around with demo data:\n\n" +
		"  stockroom --demo               the demo catalogue, written on first use\n" +
		"  stockroom demo --db demo.db    a demo catalogue in demo.db\n\n" +
		"Press " + keyName(m.keys.Quit) + " to quit."
}

// shellWord quotes a path for a shell command line when it needs it.
func shellWord(s string) string {
	plain := func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+,:@%=", r)
	}
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !plain(r) }) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
