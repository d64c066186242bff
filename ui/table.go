package ui

import (
	"maps"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"stockroom/planner"
)

// tableColumn is one on-screen column of a table pane. Plain columns show a
// view column formatted by kind; a column with render draws its own cells
// (sparklines, status words).
type tableColumn struct {
	title    string
	viewCol  int  // planner view column shown, or sorted by when render is set
	min, max int  // cell width range
	pref     int  // width wanted before columns of lower priority are shown (0 = min)
	grow     int  // spare width goes to the highest grow first
	right    bool // right-aligned (numbers)
	priority int  // lower survives longer when the terminal is narrow
	// render draws row's cell exactly width cells wide; plain drops colour
	// (for the highlighted cursor row).
	render func(row, width int, plain bool) string
}

// table renders the visible rows of a view through an index (the filtered,
// sorted row order). It keeps rendered rows in a cache keyed by view row, so
// moving the cursor re-renders only the two rows whose highlight changed.
type table struct {
	cols []tableColumn
	view planner.View

	index  []int // view rows in display order
	cursor int   // position in index
	offset int   // first position shown
	marked map[int]bool

	width, height int
	shown         []int // cols on screen, in order
	widths        []int // width of each shown col
	cache         map[int]string
	sortCol       int // index into cols of the sort key, -1 = none
	sortDesc      bool
	// overlay, when set, replaces one cell of the cursor row (an editor)
	overlayCol  int
	overlayText string
	overlayOn   bool
	// heading draws an index entry below 0, a group's heading line (the
	// reorder pane's suppliers), exactly width cells wide.
	heading func(entry, width int, cursor bool) string
	// groups is how many headings the view has (entries −1 … −groups)
	groups func() int
}

const markerWidth = 2 // "▶" for the cursor, "●" for a marked row

func newTable(cols []tableColumn) *table {
	return &table{cols: cols, marked: map[int]bool{}, cache: map[int]string{}, sortCol: -1}
}

// setView replaces the data; rows listed in changed are re-rendered, or all
// of them when changed is nil (a new view, which may have fewer rows).
func (t *table) setView(v planner.View, changed []int) {
	t.view = v
	if changed == nil {
		clear(t.cache)
		t.dropMissing()
		return
	}
	for _, r := range changed {
		delete(t.cache, r)
	}
}

// dropMissing takes the rows and headings a new view does not have out of
// the index: the index is the old view's until the new one's query
// returns, and a frame drawn meanwhile must not read past its end.
func (t *table) dropMissing() {
	n, groups := t.view.Len(), 0
	if t.groups != nil {
		groups = t.groups()
	}
	valid := func(r int) bool { return r < n && -1-r < groups }
	if !slices.ContainsFunc(t.index, func(r int) bool { return !valid(r) }) {
		return
	}
	cur, _ := t.current()
	kept := make([]int, 0, len(t.index))
	for _, r := range t.index {
		if valid(r) {
			kept = append(kept, r)
		}
	}
	t.index = kept
	t.cursor = max(slices.Index(kept, cur), 0)
	t.clamp()
}

// setIndex replaces the display order, keeping the cursor on the same row
// when it is still shown.
func (t *table) setIndex(index []int) {
	cur, ok := t.current()
	t.index = index
	t.cursor = 0
	if ok {
		for i, r := range index {
			if r == cur {
				t.cursor = i
				break
			}
		}
	}
	t.clamp()
}

// rows is the index without group headings: the view rows shown.
func (t *table) rows() []int {
	if t.heading == nil {
		return t.index
	}
	out := make([]int, 0, len(t.index))
	for _, r := range t.index {
		if r >= 0 {
			out = append(out, r)
		}
	}
	return out
}

// targets are the rows an action applies to: every marked row, also those
// the filter hides (the status bar counts them all), in view order; else
// the cursor's row, unless it is a heading.
func (t *table) targets() []int {
	rows := slices.Sorted(maps.Keys(t.marked))
	if len(rows) == 0 {
		if r, ok := t.current(); ok && r >= 0 {
			rows = append(rows, r)
		}
	}
	return rows
}

// current is the view row under the cursor.
func (t *table) current() (int, bool) {
	if t.cursor < 0 || t.cursor >= len(t.index) {
		return 0, false
	}
	return t.index[t.cursor], true
}

func (t *table) move(delta int) {
	t.cursor += delta
	t.clamp()
}

func (t *table) moveTo(pos int) {
	t.cursor = pos
	t.clamp()
}

// pageRows is how many rows one screen holds.
func (t *table) pageRows() int { return max(t.height-1, 1) }

func (t *table) clamp() {
	t.cursor = max(0, min(t.cursor, len(t.index)-1))
	rows := t.pageRows()
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+rows {
		t.offset = t.cursor - rows + 1
	}
	t.offset = max(0, min(t.offset, len(t.index)-rows))
}

// resize lays the columns out for a new rectangle: columns are taken in
// priority order at their preferred width, or their minimum when that is
// all that fits, then the spare width grows them towards their maximum.
func (t *table) resize(w, h int) {
	if w == t.width && h == t.height && t.shown != nil {
		return
	}
	t.width, t.height = w, h
	t.clamp()
	t.layoutColumns()
}

// setSort sorts by another column (-1 = none); the columns are laid out
// again so the new one has a cell for its arrow.
func (t *table) setSort(col int) {
	t.sortCol = col
	if t.shown != nil {
		t.layoutColumns()
	}
}

// layoutColumns chooses the columns that fit the width, by priority, and
// gives the spare cells to the growable ones.
func (t *table) layoutColumns() {
	w := t.width
	order := make([]int, len(t.cols))
	for i := range order {
		order[i] = i
	}
	keep := map[int]int{} // column → width
	used := markerWidth
	for p := 0; p <= maxPriority(t.cols); p++ {
		for i, c := range t.cols {
			if c.priority != p {
				continue
			}
			gap := 0
			if len(keep) > 0 {
				gap = 1
			}
			for _, cw := range []int{max(c.pref, c.min), c.min} {
				if used+gap+cw <= w {
					keep[i] = cw
					used += gap + cw
					break
				}
			}
		}
	}
	t.shown = t.shown[:0]
	t.widths = t.widths[:0]
	for i := range t.cols {
		if cw, ok := keep[i]; ok {
			t.shown = append(t.shown, i)
			t.widths = append(t.widths, cw)
		}
	}
	// spare width: one cell at a time to the growable columns of the highest
	// grow level, round robin, before lower levels get any
	spare := w - used
	for level := maxGrow(t.cols); level >= 0 && spare > 0; level-- {
		for spare > 0 {
			grew := false
			for k, i := range t.shown {
				if spare > 0 && t.cols[i].grow == level && t.widths[k] < t.cols[i].max {
					t.widths[k]++
					spare--
					grew = true
				}
			}
			if !grew {
				break
			}
		}
	}
	t.roomForArrow(spare)
	clear(t.cache)
}

// roomForArrow gives the sort column a cell for its arrow when its title
// fills it and no gap follows it (the last column, the width all used):
// one cell from a growable column that can spare it without cutting its
// own title (above its minimum if one is; a name column one cell shorter
// otherwise), so the title is not cut to "Statu▲".
func (t *table) roomForArrow(spare int) {
	k := slices.Index(t.shown, t.sortCol)
	if k < 0 || k+1 < len(t.shown) || spare > 0 || width(t.cols[t.sortCol].title) < t.widths[k] {
		return
	}
	from, best := -1, 0
	for j, i := range t.shown {
		c := t.cols[i]
		room := t.widths[j] - width(c.title) // cells beyond its own title
		if j == k || c.grow == 0 || room < 1 {
			continue
		}
		score := room
		if t.widths[j] > c.min {
			score += 1000 // above its minimum first; else a name one cell shorter
		}
		if score > best {
			from, best = j, score
		}
	}
	if from >= 0 {
		t.widths[from]--
		t.widths[k]++
	}
}

func maxGrow(cols []tableColumn) int {
	g := 0
	for _, c := range cols {
		g = max(g, c.grow)
	}
	return g
}

func maxPriority(cols []tableColumn) int {
	p := 0
	for _, c := range cols {
		p = max(p, c.priority)
	}
	return p
}

// render draws the header and the visible rows, exactly width × height.
func (t *table) render(s *Styles) string {
	if t.width <= 0 || t.height <= 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(t.header(s))
	end := min(t.offset+t.pageRows(), len(t.index))
	for pos := t.offset; pos < end; pos++ {
		b.WriteByte('\n')
		b.WriteString(t.line(s, pos))
	}
	for n := end - t.offset; n < t.pageRows(); n++ {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat(" ", t.width))
	}
	return b.String()
}

func (t *table) header(s *Styles) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", markerWidth))
	used := markerWidth
	for k := range t.shown {
		used += t.widths[k]
		if k > 0 {
			used++
		}
	}
	gapArrow := "" // the sort arrow, drawn in the gap after its column
	for k, i := range t.shown {
		if k > 0 {
			if gapArrow != "" {
				b.WriteString(gapArrow)
				gapArrow = ""
			} else {
				b.WriteByte(' ')
			}
		}
		c := t.cols[i]
		title := c.title
		if i == t.sortCol {
			arrow := "▲"
			if t.sortDesc {
				arrow = "▼"
			}
			// the arrow always shows: beside the title where the column has
			// room, else in the gap after it (the next column's, or the
			// table's spare cells), and only failing both does it shorten
			// the title ("Statu▲" read as a cut name)
			switch {
			case width(title) < t.widths[k]:
				title += arrow
			case k+1 < len(t.shown) || used < t.width:
				gapArrow = arrow
			default:
				title = ansi.Truncate(title, t.widths[k]-1, "") + arrow
			}
		}
		b.WriteString(fit(title, t.widths[k], c.right))
	}
	b.WriteString(gapArrow) // after the last column, in the spare cells
	return s.Header.Render(fit(b.String(), t.width, false))
}

func (t *table) line(s *Styles, pos int) string {
	row := t.index[pos]
	isCursor := pos == t.cursor
	if row < 0 && t.heading != nil {
		marker := " "
		if isCursor {
			marker = "▶"
		}
		return marker + " " + t.heading(row, t.width-markerWidth, isCursor)
	}
	marker := " "
	if isCursor {
		marker = "▶"
	}
	mark := " "
	if t.marked[row] {
		mark = "●"
	}
	if isCursor {
		if t.overlayOn && t.shows(t.overlayCol) {
			// the editor's cell keeps its own look inside the highlighted
			// row: a selected value in reverse video would vanish in it
			left, field, right := t.cellsAround(row)
			return s.Cursor.Render(marker+mark+left) + field + s.Cursor.Render(right)
		}
		return s.Cursor.Render(marker + mark + t.cells(row, true))
	}
	body, ok := t.cache[row]
	if !ok {
		body = t.cells(row, false)
		t.cache[row] = body
	}
	if mark != " " {
		mark = s.Marked.Render(mark)
	}
	return marker + mark + body
}

// cells renders a row's cells; the result is width − markerWidth wide.
func (t *table) cells(row int, plain bool) string {
	var b strings.Builder
	for k, i := range t.shown {
		if k > 0 {
			b.WriteByte(' ')
		}
		c := t.cols[i]
		w := t.widths[k]
		if plain && t.overlayOn && i == t.overlayCol {
			b.WriteString(fit(t.overlayText, w, false))
			continue
		}
		if c.render != nil {
			b.WriteString(c.render(row, w, plain))
			continue
		}
		kind := t.view.Columns()[c.viewCol].Kind
		b.WriteString(fit(formatCell(kind, t.view.Value(row, c.viewCol)), w, c.right))
	}
	return fit(b.String(), t.width-markerWidth, false)
}

// cellsAround renders the cursor row in three parts: the plain cells
// before the overlaid column, the overlay (fitted to its cell), and the
// plain cells after it; together they are as wide as cells.
func (t *table) cellsAround(row int) (left, field, right string) {
	full := ansi.Strip(t.cells(row, true))
	start := 0
	for k, i := range t.shown {
		w := t.widths[k]
		if i == t.overlayCol {
			field = fit(t.overlayText, w, false)
			left = ansi.Cut(full, 0, start)
			right = ansi.Cut(full, start+w, ansi.StringWidth(full))
			return left, field, right
		}
		start += w + 1 // the cell and the space after it
	}
	return full, "", ""
}

// setOverlay draws text in place of a column's cell on the cursor row;
// clearOverlay removes it.
func (t *table) setOverlay(col int, text string) {
	t.overlayCol, t.overlayText, t.overlayOn = col, text, true
}

func (t *table) clearOverlay() { t.overlayOn = false }

// shows reports whether a column is on screen.
func (t *table) shows(col int) bool {
	for _, i := range t.shown {
		if i == col {
			return true
		}
	}
	return false
}
