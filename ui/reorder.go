package ui

import (
	"strings"

	"stockroom/planner"
)

// reorderPane is tab 3: the SKUs to order now, under a heading line per
// supplier with the totals of its shown suggestions.
type reorderPane struct {
	pane
	snap   *planner.Snapshot
	rv     *planner.ReorderView
	styles *Styles
	keys   reorderKeys
	// totals of each group's shown rows, by group, for the headings
	totals map[int]planner.ReorderTotals
}

// Reorder pane column positions in reorderPane.table.cols.
const (
	rcolSKU = iota
	rcolName
	rcolABC
	rcolAvail
	rcolIP
	rcolROP
	rcolUpTo
	rcolNeed
	rcolQty
	rcolValue
	rcolOrderBy
	rcolCover
	rcolWhy
)

func newReorderPane(styles *Styles) *reorderPane {
	p := &reorderPane{styles: styles, keys: defaultReorderKeys(), pane: pane{tab: reorderTab}}
	p.table = newTable([]tableColumn{
		rcolSKU:     {title: reorderTitles[planner.ReorderSKU], viewCol: planner.ReorderSKU, min: 9, max: 12, priority: 0, grow: 1},
		rcolName:    {title: reorderTitles[planner.ReorderName], viewCol: planner.ReorderName, min: 12, max: 30, priority: 2, grow: 2},
		rcolABC:     {title: reorderTitles[planner.ReorderABC], viewCol: planner.ReorderABC, min: 3, max: 3, priority: 4},
		rcolAvail:   {title: reorderTitles[planner.ReorderAvailable], viewCol: planner.ReorderAvailable, min: 6, max: 7, right: true, priority: 1},
		rcolIP:      {title: reorderTitles[planner.ReorderPosition], viewCol: planner.ReorderPosition, min: 6, max: 7, right: true, priority: 2},
		rcolROP:     {title: reorderTitles[planner.ReorderPoint], viewCol: planner.ReorderPoint, min: 7, max: 8, right: true, priority: 2, render: p.renderROP},
		rcolUpTo:    {title: reorderTitles[planner.ReorderOrderUpTo], viewCol: planner.ReorderOrderUpTo, min: 6, max: 7, right: true, priority: 3},
		rcolNeed:    {title: reorderTitles[planner.ReorderNeed], viewCol: planner.ReorderNeed, min: 6, max: 7, right: true, priority: 3},
		rcolQty:     {title: reorderTitles[planner.ReorderSuggested], viewCol: planner.ReorderSuggested, min: 8, max: 9, right: true, priority: 0, render: p.renderQty},
		rcolValue:   {title: reorderTitles[planner.ReorderValue], viewCol: planner.ReorderValue, min: 8, max: 10, right: true, priority: 1},
		rcolOrderBy: {title: reorderTitles[planner.ReorderOrderBy], viewCol: planner.ReorderOrderBy, min: 10, max: 10, priority: 0, render: p.renderOrderBy},
		rcolCover:   {title: reorderTitles[planner.ReorderCover], viewCol: planner.ReorderCover, min: 5, max: 6, right: true, priority: 4, render: p.renderCover},
		rcolWhy:     {title: reorderTitles[planner.ReorderReason], viewCol: planner.ReorderReason, min: 8, max: 9, priority: 5, render: p.renderWhy},
	})
	p.table.heading = p.renderHeading
	p.table.groups = func() int { return len(p.rv.Groups()) }
	p.follow.key = func(row int) int64 {
		if row < 0 { // a heading: its supplier, kept apart from product ids
			return -1 - p.rv.Groups()[-1-row].SupplierID
		}
		return p.rv.Row(row).Item.Product.ID
	}
	return p
}

// setSnapshot builds the reorder view of a new snapshot.
func (p *reorderPane) setSnapshot(s *planner.Snapshot, rv *planner.ReorderView) {
	p.remember()
	p.snap = s
	p.rv = rv
	p.replaceView(rv, nil)
}

// addHeadings puts a heading entry (−1 − group) before each group's
// first shown row and adds up each group's shown rows.
func (p *reorderPane) addHeadings() {
	t := p.table
	rows := t.rows()
	index := make([]int, 0, len(rows)+len(p.rv.Groups()))
	shown := map[int][]int{} // each group's shown rows, for its totals
	last := -1
	for _, r := range rows {
		g := p.rv.GroupOf(r)
		if g != last {
			index = append(index, -1-g)
			last = g
		}
		index = append(index, r)
		shown[g] = append(shown[g], r)
	}
	p.totals = make(map[int]planner.ReorderTotals, len(shown))
	for g, rs := range shown {
		p.totals[g] = p.rv.Totals(rs)
	}
	clear(t.cache)
	first := t.index == nil
	t.setIndex(index)
	if cur, ok := t.current(); ok && cur < 0 && first && t.cursor+1 < len(t.index) {
		t.move(1) // start on the first SKU, not its supplier's heading
	}
}

// currentRow is the SKU under the cursor, nil on a heading.
func (p *reorderPane) currentRow() *planner.Row {
	if i, ok := p.table.current(); ok && i >= 0 {
		return p.rv.Row(i)
	}
	return nil
}

// currentGroup is the supplier group of the cursor's row or heading.
func (p *reorderPane) currentGroup() (int, bool) {
	i, ok := p.table.current()
	switch {
	case !ok:
		return 0, false
	case i < 0:
		return -1 - i, true
	}
	return p.rv.GroupOf(i), true
}

// groupRows are the shown view rows of a group; marked ones only when any
// of the group is marked.
func (p *reorderPane) groupRows(g int) []int {
	var shown, marked []int
	for _, r := range p.table.rows() {
		if p.rv.GroupOf(r) != g {
			continue
		}
		shown = append(shown, r)
		if p.table.marked[r] {
			marked = append(marked, r)
		}
	}
	if len(marked) > 0 {
		return marked
	}
	return shown
}

func (p *reorderPane) renderHeading(entry, w int, cursor bool) string {
	g := -1 - entry
	grp := p.rv.Groups()[g]
	tot := p.totals[g]
	name := clean(grp.Supplier)
	if name == "" {
		name = "No supplier"
	}
	parts := []string{count(tot.SKUs, "SKU"), count(tot.Units, "unit"), formatMoney(tot.Value, grp.Currency)}
	warn := ""
	if grp.BelowMinimum(tot.Value) {
		warn = "⚠ below minimum order " + formatMoney(grp.MinOrderValue, grp.Currency)
	}
	text := "▸ " + name + " · " + strings.Join(parts, " · ")
	if cursor {
		if warn != "" {
			text += " · " + warn
		}
		return p.styles.Cursor.Render(fit(text, w, false))
	}
	out := p.styles.Title.Render("▸ "+name) + p.styles.Dim.Render(" · "+strings.Join(parts, " · "))
	if warn != "" {
		out += " · " + p.styles.Error.Render(warn)
	}
	return fit(out, w, false)
}

func (p *reorderPane) row(i int) *planner.Row { return p.rv.Row(i) }

func (p *reorderPane) renderROP(i, w int, plain bool) string {
	pl := p.row(i).Plan
	return markedNumber(pl.ReorderPoint, pl.ReorderPointManual, "m", w, plain, p.styles)
}

// renderQty shows the quantity to order; the PM's own one carries a *.
func (p *reorderPane) renderQty(i, w int, plain bool) string {
	pl := p.row(i).Plan
	return markedNumber(pl.SuggestedQty, pl.QtyManual, "*", w, plain, p.styles)
}

// renderOrderBy shows the order-by day, "overdue" words it when past.
func (p *reorderPane) renderOrderBy(i, w int, plain bool) string {
	ob := p.row(i).Plan.OrderBy
	switch {
	case !ob.Valid():
		return fit("–", w, false)
	case ob < p.snap.AsOf && !plain:
		return p.styles.Error.Render(fit(ob.String(), w, false))
	}
	return fit(ob.String(), w, false)
}

func (p *reorderPane) renderCover(i, w int, _ bool) string {
	return fit(formatCover(p.row(i).Plan.DaysOfCover), w, true)
}

// reasonWords are the Why column's words for each reason.
var reasonWords = map[planner.Reason]string{planner.ReasonBelowROP: "≤ ROP", planner.ReasonOrderBy: "due soon", planner.ReasonOwnQty: "own qty"}

func (p *reorderPane) renderWhy(i, w int, _ bool) string {
	return fit(reasonWords[planner.ReasonOf(p.row(i))], w, false)
}
