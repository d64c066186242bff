package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/guptarohit/asciigraph"

	"stockroom/forecast"
	"stockroom/model"
	"stockroom/planner"
)

// detailPane draws the selected SKU: a chart of weekly sales and forecast,
// stock by location, open purchase orders, supplier and policy numbers.
type detailPane struct {
	styles *Styles
	keys   *KeyMap // for the keys its facts name
}

// detailInput is what the pane shows; Extra is nil while it is loading.
type detailInput struct {
	Snap  *planner.Snapshot
	Row   *planner.Row
	Extra *model.ProductDetail
	// Reorder shows the working behind the SKU's order suggestion in
	// place of the stock facts; Risk the working behind its risk and
	// markdown.
	Reorder bool
	Risk    *riskInput
}

// render draws the pane in w × h. Beside the table (wide) everything
// stacks; below it (side) the chart and the facts sit next to each other.
func (d detailPane) render(in detailInput, w, h int, side bool) string {
	if in.Row == nil || w <= 0 || h <= 0 {
		return clip(d.styles.Dim.Render("No SKU selected."), w, h)
	}
	head := d.heading(in.Row, w)
	if side {
		factW := min(48, w*11/20)
		chartW := w - factW - 1
		facts := d.facts(in, factW)
		body := max(h-len(head), 1)
		chart := d.chart(in, chartW, body)
		left := clip(chart, chartW, body)
		right := clip(strings.Join(facts, "\n"), factW, body)
		return clip(strings.Join(head, "\n")+"\n"+joinColumns(left, right, " "), w, h)
	}
	facts := d.facts(in, w)
	chartH := h - len(head) - len(facts)
	lines := head
	if in.Reorder || in.Risk != nil {
		chartH = min(chartH, 14) // the working behind the numbers comes first
	}
	if chartH >= 5 {
		lines = append(lines, strings.Split(d.chart(in, w, min(chartH, max(16, h/2))), "\n")...)
	}
	lines = append(lines, facts...)
	return clip(strings.Join(lines, "\n"), w, h)
}

func (d detailPane) heading(r *planner.Row, w int) []string {
	p := r.Item.Product
	title := d.styles.Title.Render(clean(p.SKU)) + "  " + clean(p.Name)
	path := []string{clean(p.Category)}
	if p.Subcategory != "" {
		path = append(path, clean(p.Subcategory))
	}
	sub := strings.Join(path, " › ")
	if p.Brand != "" {
		sub += " · " + clean(p.Brand)
	}
	if p.Status == model.Discontinued {
		sub += " · discontinued"
	}
	return []string{fit(title, w, false), d.styles.Dim.Render(fit(sub, w, false))}
}

// chart plots up to 52 weeks of sales and the forecast, one point a week
// (no interpolation), with a legend line under it.
func (d detailPane) chart(in detailInput, w, h int) string {
	r := in.Row
	if w < 20 || h < 4 {
		return ""
	}
	past := d.history(in, 52)
	_, upper := band(r, 26)
	top, prec := chartScale(peakOf(past, r.Forecast.Mean, upper), max(h-3, 1))
	// the y labels take as much room as the widest one; plot once with a
	// guess, then again with the room that is really left
	points := w - len(fmt.Sprintf("%.*f", prec, top)) - 4
	plot, hist, fc := d.plot(r, past, points, h-2, top, prec)
	if over := maxLineWidth(plot) - w; over > 0 {
		plot, hist, fc = d.plot(r, past, points-over, h-2, top, prec)
	}
	g := d.glyphs()
	legend := d.styles.Hist.Render(g.sales+" sales") + fmt.Sprintf(" %dw  ", hist) +
		d.styles.Fcst.Render(g.forecast+" forecast") + fmt.Sprintf(" %dw  ", fc) + d.styles.Band.Render(g.band+" 80% band")
	axis := "units per week · no sales recorded yet"
	if in.Snap.AsOf.Valid() {
		axis = fmt.Sprintf("units per week, as of %s", in.Snap.AsOf)
	}
	return plot + "\n" + fit(legend, w, false) + "\n" + d.styles.Dim.Render(fit(axis, w, false))
}

// chartScale is the chart's top and its labels' decimals for a peak
// drawn over rows rows. asciigraph labels each row; a label step smaller
// than the labels' precision printed the same tick twice (0.5 and 0.5 on
// a SKU without sales), so the top is raised until each step is at least
// one unit of the last decimal shown.
func chartScale(peak float64, rows int) (float64, uint) {
	top := math.Max(peak, 1)
	if top >= 20 && top/float64(rows) >= 1 {
		return top, 0
	}
	return math.Max(top, float64(rows)/10), 1
}

// plot draws the last weeks of past (as many as fit) and the forecast.
func (d detailPane) plot(r *planner.Row, past []float64, points, h int, top float64, prec uint) (string, int, int) {
	if points < 4 {
		return "", 0, 0
	}
	fc := min(len(r.Forecast.Mean), max(points/3, 1), 26)
	hist := min(points-fc, len(past))
	past = past[len(past)-hist:]
	n := hist + fc
	histSeries, fcSeries := nanSeries(n), nanSeries(n)
	lowSeries, highSeries := nanSeries(n), nanSeries(n)
	lower, upper := band(r, fc)
	for i := range n {
		if i < hist {
			histSeries[i] = past[i]
		} else {
			fcSeries[i] = r.Forecast.Mean[i-hist]
			lowSeries[i], highSeries[i] = lower[i-hist], upper[i-hist]
		}
	}
	if hist > 0 {
		fcSeries[hist-1] = past[hist-1] // join the forecast to the last week
	}
	// the band first, so the forecast line is drawn over it
	opts := []asciigraph.Option{
		asciigraph.Height(max(h-1, 1)), // asciigraph draws Height+1 rows
		asciigraph.LowerBound(0),
		asciigraph.UpperBound(top),
		asciigraph.Precision(prec),
		asciigraph.SeriesColors(asciigraph.DarkGray, asciigraph.DarkGray, asciigraph.Cyan, asciigraph.Orange),
	}
	if g := d.glyphs(); g.sets != nil {
		opts = append(opts, asciigraph.SeriesChars(g.sets...))
	}
	plot := asciigraph.PlotMany([][]float64{lowSeries, highSeries, histSeries, fcSeries}, opts...)
	return plot, hist, fc
}

// chartGlyphs are what the chart draws its series with and the legend
// shows for them; sets, when not nil, are the plot's per series (band
// low, band high, sales, forecast).
type chartGlyphs struct {
	sales, forecast, band string
	sets                  []asciigraph.CharSet
}

// glyphs: with colour every series is a line told apart by its colour;
// without, the sales stay a line and the forecast and its band get dots
// of their own.
func (d detailPane) glyphs() chartGlyphs {
	if !d.styles.NoColor {
		return chartGlyphs{sales: "━", forecast: "━", band: "━"}
	}
	band, fcst := asciigraph.CreateCharSet("·"), asciigraph.CreateCharSet("•")
	return chartGlyphs{sales: "─", forecast: "•", band: "·",
		sets: []asciigraph.CharSet{band, band, asciigraph.DefaultCharSet, fcst}}
}

// band is the 80 % interval of each of the first n forecast weeks.
func band(r *planner.Row, n int) (lower, upper []float64) {
	n = min(n, len(r.Forecast.Mean))
	lower, upper = make([]float64, n), make([]float64, n)
	for j := range n {
		lower[j], upper[j] = r.Forecast.Band(j)
	}
	return lower, upper
}

func nanSeries(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// history is the last n weeks of units: from the full history once the
// detail lookup brought it, from the forecast's recent weeks until then.
func (d detailPane) history(in detailInput, n int) []float64 {
	if in.Extra != nil {
		return in.Extra.Sales.RecentUnits(in.Snap.AsOf, n)
	}
	return in.Row.Cached.RecentUnits(n)
}

func maxLineWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, width(l))
	}
	return w
}

func (d detailPane) facts(in detailInput, w int) []string {
	switch {
	case in.Reorder:
		return d.orderFacts(in, w)
	case in.Risk != nil:
		return d.riskFacts(in, w)
	}
	r := in.Row
	it := r.Item
	s := d.styles
	f := &factList{styles: s, labelW: 10, w: w}
	add := f.add

	st := r.Plan.Status
	add("Status", s.Status(st).Render(strings.ToUpper(st.String()))+"  "+statusReason(r, in.Snap.Catalogue.Settings))
	add("Stock", fmt.Sprintf("%s avail = %s on hand − %s committed", model.GroupThousands(int64(r.Plan.Available)),
		model.GroupThousands(int64(it.OnHand)), model.GroupThousands(int64(it.Committed))))
	if in.Extra == nil {
		add("", s.Dim.Render("loading locations and orders…"))
	} else {
		for _, l := range in.Extra.Stock {
			add("", fmt.Sprintf("%s: %s on hand, %s avail", clean(l.LocationName), model.GroupThousands(int64(l.OnHand)), model.GroupThousands(int64(l.Available()))))
		}
		if len(in.Extra.OpenPOs) == 0 {
			add("On order", "none")
		}
		for k, po := range in.Extra.OpenPOs {
			l := ""
			if k == 0 {
				l = "On order"
			}
			due := "no date"
			if po.ExpectedAt.Valid() {
				due = "due " + po.ExpectedAt.String()
			}
			add(l, fmt.Sprintf("PO #%d %s %s · %s", po.POID, po.Status, due, count(po.Outstanding(), "unit")))
		}
	}
	sp, _ := in.Snap.Supplier(it.Product.SupplierID)
	supplier := fmt.Sprintf("none · default %s d", trimFloat(r.LeadTimeWeeks*7))
	if it.Policy.LeadTimeDays > 0 {
		supplier = fmt.Sprintf("none · %s d (override)", trimFloat(r.LeadTimeWeeks*7))
	}
	if sp.Name != "" {
		supplier = fmt.Sprintf("%s · %s±%s d", clean(sp.Name), trimFloat(r.LeadTimeWeeks*7), trimFloat(r.LeadTimeSDWeeks*7))
		if it.Policy.LeadTimeDays > 0 {
			supplier += " (override)"
		}
	}
	add("Supplier", supplier)
	add("Demand", fmt.Sprintf("%s/wk σ %s · service %s%%", formatQty(r.Forecast.Level()), formatQty(r.Forecast.SD), trimFloat(r.ServiceLevel*100)))
	add("Forecast", forecastFacts(in.Snap, r))
	add("Stockout", stockoutFacts(in.Snap, r))
	rop := model.GroupThousands(int64(r.Plan.ReorderPoint))
	if r.Plan.ReorderPointManual {
		rop += s.Manual.Render(" manual") + fmt.Sprintf(" (auto %s)", model.GroupThousands(int64(r.Plan.AutoReorderPoint)))
	} else {
		rop += " auto"
	}
	add("Reorder", rop)
	lead := "forecasting…"
	if r.Cached != nil {
		// the band is demand over the risk period L + R, the span the
		// reorder point above covers
		rd := r.RiskDemand()
		lead = fmt.Sprintf("%s wk + %s wk review: demand %s", trimFloat(rd.Lead), trimFloat(rd.Review), riskDemandBand(rd))
	}
	f.addWrapped("Lead time", lead)
	add("Policy", fmt.Sprintf("SS %s · EOQ %s · up-to %s", formatQty(r.Plan.SafetyStock), formatQty(r.Plan.EOQ), formatQty(r.Plan.OrderUpTo)))
	pos := fmt.Sprintf("IP %s (on order %s", model.GroupThousands(int64(r.Plan.InventoryPosition)), model.GroupThousands(int64(it.OnOrder)))
	if it.InDraft > 0 {
		pos += fmt.Sprintf(", draft %s", model.GroupThousands(int64(it.InDraft)))
	}
	add("Position", pos+") · cover "+formatCover(r.Plan.DaysOfCover))
	last := "never"
	if r.LastSale.Valid() {
		last = r.LastSale.String()
	}
	add("Last sale", last)
	return f.lines
}

// forecastFacts names the method, the demand class and the backtest error
// the method was chosen on, or says the forecast is being recomputed.
func forecastFacts(s *planner.Snapshot, r *planner.Row) string {
	f := r.Forecast
	if r.Cached == nil {
		return "forecasting…"
	}
	out := clean(f.Method)
	if f.Class != forecast.NoDemand {
		out += " · " + f.Class.String()
	}
	if !math.IsNaN(f.RMSSE) && !math.IsInf(f.RMSSE, 0) {
		out += fmt.Sprintf(" · RMSSE %.2f", f.RMSSE)
	}
	if !s.Current(r) {
		out += " · updating…"
	}
	return out
}

// stockoutFacts is the day the forecast runs the available stock out.
func stockoutFacts(s *planner.Snapshot, r *planner.Row) string {
	switch {
	case r.Plan.Available <= 0:
		return "out now"
	case !r.Plan.Stockout.Valid():
		return fmt.Sprintf("not within %d weeks", len(r.Forecast.Mean))
	}
	return fmt.Sprintf("%s (in %d days)", r.Plan.Stockout, r.Plan.Stockout-s.AsOf)
}

// statusReason says in words why a SKU has its status.
func statusReason(r *planner.Row, set model.Settings) string {
	p := r.Plan
	switch p.Status {
	case model.StatusOut:
		return "nothing available to sell"
	case model.StatusLow:
		return fmt.Sprintf("position %s ≤ reorder point %s", model.GroupThousands(int64(p.InventoryPosition)), model.GroupThousands(int64(p.ReorderPoint)))
	case model.StatusDead:
		return fmt.Sprintf("no sale for %d+ days", set.DeadStockDays)
	case model.StatusExcess:
		return count(p.ExcessUnits, "unit") + " above target"
	}
	return "healthy"
}
