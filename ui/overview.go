package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// overviewPane is tab 1, where the dashboard opens: the catalogue's key
// figures and short lists of the most urgent SKUs, each a jump to the pane
// that deals with it.
type overviewPane struct {
	ov      *planner.Overview     // the urgent lists
	figures *planner.OverviewView // the figures, as the overview export writes them
	built
	cursor int // into items()
	styles *Styles
	keys   overviewKeys
}

// overviewItem is one SKU of the urgent lists and the pane it opens.
type overviewItem struct {
	list int // 0 order, 1 at risk, 2 dead
	row  int // snapshot row
}

var overviewLists = []struct {
	title string
	tab   int
}{
	{"Order first", reorderTab},
	{"At risk", riskTab},
	{"Dead stock", riskTab},
}

// overviewMsg brings an overview summed off the loop.
type overviewMsg struct {
	snap *planner.Snapshot
	ov   *planner.Overview
}

func overviewCmd(s *planner.Snapshot) tea.Cmd {
	return func() tea.Msg { return overviewMsg{snap: s, ov: s.Overview()} }
}

// show takes the overview of a snapshot.
func (p *overviewPane) show(s *planner.Snapshot, ov *planner.Overview) {
	if ov == nil {
		return
	}
	p.builtFrom(s)
	p.ov, p.figures = ov, ov.View()
	p.move(0)
}

func (p *overviewPane) items() []overviewItem {
	if p.ov == nil {
		return nil
	}
	var out []overviewItem
	for k, rows := range [][]int{p.ov.UrgentOrders, p.ov.AtRisk, p.ov.Dead} {
		for _, r := range rows {
			out = append(out, overviewItem{k, r})
		}
	}
	return out
}

func (p *overviewPane) move(delta int) {
	n := len(p.items())
	p.cursor = max(min(p.cursor+delta, n-1), 0)
}

// open jumps to the pane of the item under the cursor, its SKU selected.
func (m *Model) openOverviewItem() tea.Cmd {
	items := m.overview.items()
	if m.overview.cursor >= len(items) {
		return nil
	}
	it := items[m.overview.cursor]
	p := m.snap.Rows[it.row].Item.Product
	return m.jumpTo(overviewLists[it.list].tab, p.ID, p.SKU)
}

// render draws the overview in w × h.
func (m *Model) renderOverview(w, h int) string {
	p := m.overview
	if p.ov == nil {
		return center(m.spin.View()+" Summing the catalogue…", w, h)
	}
	f := p.figures
	money := func(metric int) string { return formatMoney(f.Figure(metric).Float, "") }
	compact := func(metric int) string { return compactMoney(f.Figure(metric).Float) }
	skus := func(metric int) string { return count(int(f.Figure(metric).Float), "SKU") }
	rate := func(metric int) string { return formatCell(planner.Percent, f.Figure(metric)) }
	ratio := func(metric int) string { return formatCell(planner.Decimal, f.Figure(metric)) }
	risk := func(value, n int) string { return compact(value) + " · " + skus(n) }
	blocks := [][]string{
		m.kpiBlock("Inventory", [][2]string{
			{overviewLabel(planner.MetricStockCost), money(planner.MetricStockCost)},
			{overviewLabel(planner.MetricStockRetail), money(planner.MetricStockRetail)},
			{overviewLabel(planner.MetricSKUs), model.GroupThousands(int64(f.Figure(planner.MetricSKUs).Float))},
			{overviewLabel(planner.MetricTurnover), ratio(planner.MetricTurnover) + "× a year"},
			{overviewLabel(planner.MetricGMROI), ratio(planner.MetricGMROI)},
		}),
		m.kpiBlock("Availability", [][2]string{
			{overviewLabel(planner.MetricOutOfStock), skus(planner.MetricOutOfStock)},
			{overviewLabel(planner.MetricBelowROP), skus(planner.MetricBelowROP)},
			{overviewLabel(planner.MetricStockoutSoon), skus(planner.MetricStockoutSoon)},
			{overviewLabel(planner.MetricToOrder), skus(planner.MetricToOrder) + " · " + compact(planner.MetricOrderValue)},
			{overviewLabel(planner.MetricStockoutRate), rate(planner.MetricStockoutRate) + " of days, 52w"},
		}),
		m.kpiBlock("Capital at risk", [][2]string{
			{overviewLabel(planner.MetricExcessValue), risk(planner.MetricExcessValue, planner.MetricExcessSKUs)},
			{overviewLabel(planner.MetricDeadValue), risk(planner.MetricDeadValue, planner.MetricDeadSKUs)},
			{overviewLabel(planner.MetricDecliningValue), risk(planner.MetricDecliningValue, planner.MetricDecliningSKUs)},
			{overviewLabel(planner.MetricSlowValue), risk(planner.MetricSlowValue, planner.MetricSlowSKUs)},
			{overviewLabel(planner.MetricLiquidation), compact(planner.MetricLiquidation) + " of " + compact(planner.MetricCapitalAtRisk) + " at cost"},
		}),
		m.kpiBlock("Revenue", [][2]string{
			{overviewLabel(planner.MetricForecastRevenue), money(planner.MetricForecastRevenue) + " forecast"},
			{overviewLabel(planner.MetricRevenue), money(planner.MetricRevenue)},
			{overviewLabel(planner.MetricMargin), money(planner.MetricMargin)},
			{overviewLabel(planner.MetricSellThrough), rate(planner.MetricSellThrough)},
		}),
	}
	perRow := 4
	if w < 160 {
		perRow = 2
	}
	colW := w / perRow
	var lines []string
	for i := 0; i < len(blocks); i += perRow {
		cols := make([]string, 0, perRow)
		for _, b := range blocks[i:min(i+perRow, len(blocks))] {
			cols = append(cols, clip(strings.Join(b, "\n"), colW-2, len(b)))
		}
		row := cols[0]
		for _, c := range cols[1:] {
			row = joinColumns(row, c, "  ")
		}
		lines = append(lines, strings.Split(row, "\n")...)
		lines = append(lines, "")
	}
	lines = append(lines, m.urgentLists(w, max(h-len(lines), 0))...)
	return clip(strings.Join(lines, "\n"), w, h)
}

// kpiBlock is a titled column of label–value lines.
func (m *Model) kpiBlock(title string, facts [][2]string) []string {
	s := m.styles
	lines := []string{s.Title.Render(title)}
	for _, f := range facts {
		lines = append(lines, s.Dim.Render(fit(f[0], 16, false))+f[1])
	}
	return lines
}

// urgentLists draws the three lists side by side when there is room,
// else one under another, each with as many SKUs as fit.
func (m *Model) urgentLists(w, h int) []string {
	p := m.overview
	items := p.items()
	side := w >= 120
	per := h - 2 // title and a blank line
	listW := w
	if side {
		listW = (w - 4) / 3
	} else {
		per = max(h/3-1, 1)
	}
	blocks := make([][]string, len(overviewLists))
	for k, l := range overviewLists {
		blocks[k] = []string{m.styles.Title.Render(fit(fmt.Sprintf("%s  (%d → %s)", l.title, 1+l.tab, tabNames[l.tab]), listW, false))}
	}
	for pos, it := range items {
		b := &blocks[it.list]
		if len(*b) > per {
			continue
		}
		*b = append(*b, m.overviewLine(it, listW, pos == p.cursor))
	}
	for k := range blocks {
		if len(blocks[k]) == 1 {
			blocks[k] = append(blocks[k], m.styles.Dim.Render("  nothing here"))
		}
	}
	if !side {
		var out []string
		for _, b := range blocks {
			out = append(out, b...)
		}
		return out
	}
	joined := clip(strings.Join(blocks[0], "\n"), listW, per+1)
	for _, b := range blocks[1:] {
		joined = joinColumns(joined, clip(strings.Join(b, "\n"), listW, per+1), "  ")
	}
	return strings.Split(joined, "\n")
}

// overviewLine is one SKU of a list: the cursor marker, SKU, name and the
// figure that ranks it.
func (m *Model) overviewLine(it overviewItem, w int, cursor bool) string {
	s := m.styles
	r := m.snap.Rows[it.row]
	var figure string
	overdue := false
	switch it.list {
	case 0:
		by := "–"
		if r.Plan.OrderBy.Valid() {
			by = r.Plan.OrderBy.String()
		}
		figure = fmt.Sprintf("%s by %s", model.GroupThousands(int64(r.Plan.SuggestedQty)), by)
		overdue = r.Plan.OrderBy.Valid() && r.Plan.OrderBy < m.snap.AsOf
	default:
		figure = fmt.Sprintf("%s %s", r.Risk.Risk, formatMoney(r.Risk.Value, ""))
	}
	marker := "  "
	if cursor {
		marker = "▶ "
	}
	sku := fit(clean(r.Item.Product.SKU), 11, false)
	nameW := max(w-width(marker)-12-width(figure)-1, 0)
	text := marker + sku + " " + fit(clean(r.Item.Product.Name), nameW, false) + " "
	if cursor {
		return s.Cursor.Render(fit(text+figure, w, false))
	}
	if overdue { // the order-by day has passed: as the Reorder pane shows it
		figure = s.Error.Render(figure)
	}
	return fit(text+figure, w, false)
}
