package ui

import (
	"strings"

	"stockroom/model"
	"stockroom/planner"
)

// stockPane is tab 2: every SKU with its stock position, a sparkline of
// recent sales and forecast, and its status.
type stockPane struct {
	pane
	snap   *planner.Snapshot
	styles *Styles
}

// Stock pane column positions in stockPane.table.cols.
const (
	colSKU = iota
	colName
	colCategory
	colSupplier
	colOnHand
	colAvailable
	colOnOrder
	colROP
	colCover
	colTrend
	colClass
	colStatus
)

func newStockPane(styles *Styles) *stockPane {
	p := &stockPane{styles: styles, pane: pane{tab: stockTab, query: planner.Query{Sort: "status"}}}
	p.table = newTable([]tableColumn{
		colSKU:       {title: stockTitles[planner.StockSKU], viewCol: planner.StockSKU, min: 9, max: 12, priority: 0, grow: 1},
		colName:      {title: stockTitles[planner.StockName], viewCol: planner.StockName, min: 14, max: 36, priority: 1, grow: 2},
		colCategory:  {title: stockTitles[planner.StockCategory], viewCol: planner.StockCategory, min: 8, max: 14, priority: 5, grow: 1},
		colSupplier:  {title: stockTitles[planner.StockSupplier], viewCol: planner.StockSupplier, min: 8, max: 16, priority: 6, grow: 1},
		colOnHand:    {title: stockTitles[planner.StockOnHand], viewCol: planner.StockOnHand, min: 7, max: 7, right: true, priority: 4},
		colAvailable: {title: stockTitles[planner.StockAvailable], viewCol: planner.StockAvailable, min: 6, max: 7, right: true, priority: 1},
		colOnOrder:   {title: stockTitles[planner.StockOnOrder], viewCol: planner.StockOnOrder, min: 6, max: 6, right: true, priority: 3},
		colROP:       {title: stockTitles[planner.StockReorderPoint], viewCol: planner.StockReorderPoint, min: 7, max: 8, right: true, priority: 2, render: p.renderROP},
		colCover:     {title: stockTitles[planner.StockDaysOfCover], viewCol: planner.StockDaysOfCover, min: 5, max: 6, right: true, priority: 2, render: p.renderCover},
		colTrend:     {title: stockTitles[planner.StockWeeklyDemand], viewCol: planner.StockWeeklyDemand, min: 12, pref: 30, max: 35, priority: 3, grow: 3, render: p.renderTrend},
		colClass:     {title: stockTitles[planner.StockABC], viewCol: planner.StockABC, min: 3, max: 3, priority: 5, render: p.renderClass},
		colStatus:    {title: stockTitles[planner.StockStatus], viewCol: planner.StockStatus, min: 6, max: 6, priority: 0, render: p.renderStatus},
	})
	p.table.sortCol = colStatus
	return p
}

// setSnapshot shows a new snapshot; changed rows (nil = all) are redrawn.
func (p *stockPane) setSnapshot(s *planner.Snapshot, changed []int) {
	p.snap = s
	p.replaceView(s.Stock(), changed)
}

func (p *stockPane) row(i int) *planner.Row { return p.snap.Rows[i] }

// currentRow is the planner row under the cursor, or nil.
func (p *stockPane) currentRow() *planner.Row {
	if i, ok := p.table.current(); ok && i >= 0 {
		return p.row(i)
	}
	return nil
}

func (p *stockPane) renderStatus(i, w int, plain bool) string {
	st := p.row(i).Plan.Status
	word := fit(st.String(), w, false)
	if plain {
		return word
	}
	return p.styles.Status(st).Render(word)
}

// renderClass shows the ABC and XYZ classes together: AX sells most and
// steadiest, CZ least and most erratically.
func (p *stockPane) renderClass(i, w int, _ bool) string {
	r := p.row(i)
	return fit(r.ABC.String()+r.XYZ.String(), w, false)
}

func (p *stockPane) renderROP(i, w int, plain bool) string {
	pl := p.row(i).Plan
	return markedNumber(pl.ReorderPoint, pl.ReorderPointManual, "m", w, plain, p.styles)
}

func (p *stockPane) renderCover(i, w int, _ bool) string {
	return fit(formatCover(p.row(i).Plan.DaysOfCover), w, true)
}

// trendWeeks splits a sparkline of width w into history and forecast weeks
// around the ┊ divider: sales first, up to 26 weeks, keeping at least 3
// weeks of forecast; room beyond 26 weeks of sales goes to the forecast,
// up to 8.
func trendWeeks(w int) (hist, fc int) {
	hist = max(min(26, w-1-3), 0)
	fc = max(min(8, w-1-hist), 0)
	return hist, fc
}

func (p *stockPane) renderTrend(i, w int, plain bool) string {
	r := p.row(i)
	hist, fc := trendWeeks(w)
	past := r.Cached.RecentUnits(hist)
	future := r.Forecast.Mean[:min(fc, len(r.Forecast.Mean))]
	peak := peakOf(past, future)
	a, b := sparkline(past, peak), sparkline(future, peak)
	if !plain {
		a = p.styles.Hist.Render(a)
		b = p.styles.Fcst.Render(b)
	}
	return fit(a+"┊"+b, w, false)
}

// statusSummary is the tab bar's count of SKUs per status.
func statusSummary(s *planner.Snapshot, styles *Styles) string {
	var parts []string
	for _, st := range model.Statuses() {
		if st == model.StatusOK {
			continue
		}
		parts = append(parts, styles.Status(st).Render(st.String())+" "+model.GroupThousands(int64(s.StatusCount(st))))
	}
	return strings.Join(parts, "  ")
}
