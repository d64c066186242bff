package ui

import (
	"fmt"
	"hash/fnv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// assortmentPane is tab 4: the catalogue broken down by category,
// subcategory, brand or supplier, each group's share of revenue against
// its share of stock, and the ABC × XYZ matrix beside it.
type assortmentPane struct {
	pane
	av  *planner.AssortmentView
	top float64 // the largest share of any group: the bars' full width
	built
	by     planner.GroupBy
	styles *Styles
	keys   assortmentKeys
}

// Assortment pane column positions in assortmentPane.table.cols.
const (
	acolGroup = iota
	acolSKUs
	acolRevenue
	acolRevShare
	acolMarginShare
	acolStockShare
	acolBalance
	acolTurnover
	acolGMROI
	acolSellThrough
	acolStockout
	acolCover
)

func newAssortmentPane(styles *Styles) *assortmentPane {
	p := &assortmentPane{styles: styles, keys: defaultAssortmentKeys(), by: planner.ByCategory, pane: pane{tab: assortmentTab}}
	p.table = newTable([]tableColumn{
		acolGroup:       {title: assortmentTitles[planner.AssortGroup], viewCol: planner.AssortGroup, min: 14, pref: 24, max: 32, priority: 0, grow: 3},
		acolSKUs:        {title: assortmentTitles[planner.AssortSKUs], viewCol: planner.AssortSKUs, min: 6, max: 7, right: true, priority: 2},
		acolRevenue:     {title: assortmentTitles[planner.AssortRevenue], viewCol: planner.AssortRevenue, min: 11, max: 13, right: true, priority: 4},
		acolRevShare:    {title: assortmentTitles[planner.AssortRevenueShare], viewCol: planner.AssortRevenueShare, min: 6, max: 6, right: true, priority: 0},
		acolMarginShare: {title: assortmentTitles[planner.AssortMarginShare], viewCol: planner.AssortMarginShare, min: 6, max: 6, right: true, priority: 3},
		acolStockShare:  {title: assortmentTitles[planner.AssortStockValueShare], viewCol: planner.AssortStockValueShare, min: 6, max: 6, right: true, priority: 0},
		acolBalance:     {title: assortmentTitles[planner.AssortShareGap], viewCol: planner.AssortShareGap, min: 13, pref: 25, max: 31, priority: 1, grow: 2, render: p.renderBalance},
		acolTurnover:    {title: assortmentTitles[planner.AssortTurnover], viewCol: planner.AssortTurnover, min: 5, max: 6, right: true, priority: 2},
		acolGMROI:       {title: assortmentTitles[planner.AssortGMROI], viewCol: planner.AssortGMROI, min: 5, max: 6, right: true, priority: 2},
		acolSellThrough: {title: assortmentTitles[planner.AssortSellThrough], viewCol: planner.AssortSellThrough, min: 8, max: 8, right: true, priority: 3},
		acolStockout:    {title: assortmentTitles[planner.AssortStockoutRate], viewCol: planner.AssortStockoutRate, min: 6, max: 6, right: true, priority: 4},
		acolCover:       {title: assortmentTitles[planner.AssortDaysOfCover], viewCol: planner.AssortDaysOfCover, min: 5, max: 6, right: true, priority: 3, render: p.renderCover},
	})
	// a group is followed by its name: an edit can reorder the groups
	p.follow.key = func(row int) int64 {
		h := fnv.New64a()
		h.Write([]byte(p.av.Group(row).Group.String()))
		return int64(h.Sum64() >> 1)
	}
	return p
}

// setView shows a new breakdown.
func (p *assortmentPane) setView(av *planner.AssortmentView) {
	p.remember()
	another := p.av != nil && p.av.By != av.By
	p.av, p.by = av, av.By
	p.top = 1.0
	for i := range av.Len() {
		p.top = max(p.top, av.Value(i, planner.AssortRevenueShare).Float, av.Value(i, planner.AssortStockValueShare).Float)
	}
	p.replaceView(av, nil)
	if another {
		// the old breakdown's rows mean nothing here: its own order (largest
		// revenue first) from the top until its query returns
		p.follow.armed = false
		p.table.index = make([]int, av.Len())
		for i := range p.table.index {
			p.table.index[i] = i
		}
		p.table.cursor, p.table.offset = 0, 0
	}
	p.stale = true
}

// currentGroup is the group under the cursor.
func (p *assortmentPane) currentGroup() (planner.AssortmentGroup, bool) {
	if p.av == nil {
		return planner.AssortmentGroup{}, false
	}
	if i, ok := p.table.current(); ok && i >= 0 {
		return p.av.Group(i), true
	}
	return planner.AssortmentGroup{}, false
}

func (p *assortmentPane) renderCover(i, w int, _ bool) string {
	return fit(formatCover(p.av.Group(i).KPIs.DaysOfCover()), w, true)
}

// renderBalance draws the group's revenue share and stock-value share as
// two bars on one scale, revenue left of the divider and stock right, so
// a group holding more stock than it earns shows a longer right bar
// without relying on colour.
func (p *assortmentPane) renderBalance(i, w int, plain bool) string {
	half := (w - 1) / 2
	rev := p.av.Value(i, planner.AssortRevenueShare).Float
	stk := p.av.Value(i, planner.AssortStockValueShare).Float
	top := p.top
	a := fit(barLeft(rev, top, half), half, true)
	b := fit(bar(stk, top, w-1-half), w-1-half, false)
	if !plain {
		a, b = p.styles.Hist.Render(a), p.styles.Fcst.Render(b)
	}
	return a + "▕" + b
}

// bar is a horizontal bar of value/top of w cells in eighths.
func bar(value, top float64, w int) string {
	if w <= 0 || top <= 0 || value <= 0 {
		return ""
	}
	eighths := int(value/top*float64(w*8) + 0.5)
	eighths = max(min(eighths, w*8), 1)
	s := strings.Repeat("█", eighths/8)
	if r := eighths % 8; r > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[r-1])
	}
	return s
}

// barLeft is a bar that grows leftwards from the divider, in half cells:
// the only partial block anchored on the right is the half block ▐.
func barLeft(value, top float64, w int) string {
	if w <= 0 || top <= 0 || value <= 0 {
		return ""
	}
	halves := max(min(int(value/top*float64(w*2)+0.5), w*2), 1)
	s := strings.Repeat("█", halves/2)
	if halves%2 == 1 {
		s = "▐" + s
	}
	return s
}

// assortmentViewMsg brings a breakdown built off the loop.
type assortmentViewMsg struct {
	snap *planner.Snapshot
	av   *planner.AssortmentView
}

func assortmentViewCmd(s *planner.Snapshot, by planner.GroupBy) tea.Cmd {
	return func() tea.Msg { return assortmentViewMsg{snap: s, av: s.Assortment(by)} }
}

// nextBreakdown switches to the next grouping, built in the background.
func (m *Model) nextBreakdown() tea.Cmd {
	p := m.assortment
	next := planner.GroupBys[0]
	for k, g := range planner.GroupBys {
		if g == p.by {
			next = planner.GroupBys[(k+1)%len(planner.GroupBys)]
		}
	}
	p.by = next
	m.setInfo("Breakdown by " + next.String())
	return assortmentViewCmd(m.snap, next)
}

// showGroup filters the Stock pane to the group under the cursor.
func (m *Model) showGroup() tea.Cmd {
	g, ok := m.assortment.currentGroup()
	if !ok {
		return nil
	}
	p := &m.stock.pane
	p.query.Group = g.Group
	p.query.Filter = ""
	clear(p.table.marked)
	m.tab = stockTab
	m.setInfo(keyName(m.keys.ClearFilter) + " shows every SKU again")
	p.stale = false
	return p.runQuery()
}

// matrixLines draws the ABC × XYZ matrix in w cells: per class pair its
// SKUs, then its revenue and stock value at cost with their shares.
func (m *Model) matrixLines(av *planner.AssortmentView, w int) []string {
	s := m.styles
	t := av.Total
	const labelW = 9
	cellW := max((w-labelW)/3, 9)
	head := fit("", labelW, false)
	for _, n := range []string{"X steady", "Y varies", "Z erratic"} {
		head += fit(n, cellW, true)
	}
	lines := []string{s.Title.Render(fit("ABC × XYZ", w, false)), s.Header.Render(fit(head, w, false))}
	for a := model.ClassA; a <= model.ClassC; a++ {
		skus := s.Header.Render(fit(" "+a.String(), 3, false)) + s.Dim.Render(fit("SKUs", labelW-3, false))
		rev, stk := s.Dim.Render(fit("   rev", labelW, false)), s.Dim.Render(fit("   stock", labelW, false))
		for x := model.ClassX; x <= model.ClassZ; x++ {
			c := av.Matrix[a][x]
			skus += fit(model.GroupThousands(int64(c.SKUs)), cellW, true)
			rev += fit(compactMoney(c.Revenue)+" "+pct0(model.Share(c.Revenue, t.Revenue)), cellW, true)
			stk += fit(compactMoney(c.StockValue)+" "+pct0(model.Share(c.StockValue, t.StockCost)), cellW, true)
		}
		lines = append(lines, fit(skus, w, false), fit(rev, w, false), fit(stk, w, false))
	}
	return lines
}

// renderAssortmentDetail draws the matrix and the group under the cursor:
// stacked beside the table, side by side below it.
func (m *Model) renderAssortmentDetail(d rect, side bool) string {
	p := m.assortment
	if p.av == nil {
		return ""
	}
	if !side {
		lines := append(m.matrixLines(p.av, min(d.w, 64)), "")
		lines = append(lines, m.groupFacts(d.w)...)
		return clip(strings.Join(lines, "\n"), d.w, d.h)
	}
	leftW := min(d.w/2, 60)
	left := clip(strings.Join(m.matrixLines(p.av, leftW), "\n"), leftW, d.h)
	right := clip(strings.Join(m.groupFacts(d.w-leftW-2), "\n"), d.w-leftW-2, d.h)
	return clip(joinColumns(left, right, "  "), d.w, d.h)
}

// groupFacts are the figures of the group under the cursor, w wide.
func (m *Model) groupFacts(w int) []string {
	p := m.assortment
	s := m.styles
	g, ok := p.currentGroup()
	if !ok {
		return nil
	}
	k, t := g.KPIs, p.av.Total
	f := &factList{styles: &s, labelW: 14, w: w}
	f.line(s.Title.Render(fit(clean(g.Group.String()), w, false)))
	f.add("SKUs", fmt.Sprintf("%s · %s out of stock now", model.GroupThousands(int64(k.SKUs)), model.GroupThousands(int64(k.OutOfStock))))
	f.add("Revenue 52w", fmt.Sprintf("%s · %s of all", formatMoney(k.Revenue, ""), pct1(model.Share(k.Revenue, t.Revenue))))
	f.add("Margin 52w", fmt.Sprintf("%s · %s of all", formatMoney(k.Margin(), ""), pct1(model.Share(k.Margin(), t.Margin()))))
	f.add("Stock at cost", fmt.Sprintf("%s · %s of all", formatMoney(k.StockCost, ""), pct1(model.Share(k.StockCost, t.StockCost))))
	f.addWrapped("Turnover", fmt.Sprintf("%s× a year · COGS %s", formatQty(k.Turnover()), compactMoney(k.COGS)))
	f.addWrapped("GMROI", fmt.Sprintf("%s margin per 1 of stock", formatQty(k.GMROI())))
	f.addWrapped("Sell-through", fmt.Sprintf("%s · %s sold, %s left", pct1(k.SellThrough()), model.GroupThousands(int64(k.UnitsSold)), model.GroupThousands(int64(k.OnHand))))
	f.add("Stockout rate", pct1(k.StockoutRate())+" of SKU-days, 52 weeks")
	f.add("Cover", formatCover(k.DaysOfCover())+" of forecast demand")
	f.line("")
	f.line(s.Dim.Render(wrap(keyName(p.keys.ShowSKUs)+" shows these SKUs on Stock · "+keyName(p.keys.Breakdown)+" breakdown by "+nextName(p.by), w)))
	return f.lines
}

func nextName(by planner.GroupBy) string {
	for k, g := range planner.GroupBys {
		if g == by {
			return planner.GroupBys[(k+1)%len(planner.GroupBys)].String()
		}
	}
	return planner.GroupBys[0].String()
}
