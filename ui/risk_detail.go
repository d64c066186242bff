package ui

import (
	"fmt"
	"math"

	"stockroom/model"
	"stockroom/planner"
)

// riskInput is what the detail pane needs on the Risk pane: the view, the
// cursor's row in it and the totals of the selection.
type riskInput struct {
	rv        *planner.RiskView
	row       int
	selection planner.RiskTotals
	marked    bool               // the selection is the marked rows, not the cursor's
	shown     planner.RiskTotals // every row that passes the filter
}

// riskFacts shows how a SKU's risk and markdown are worked out, and what
// the markdown in use is projected to do for the selection.
func (d detailPane) riskFacts(in detailInput, w int) []string {
	r, k := in.Row, in.Risk
	a := r.Risk
	s := d.styles
	set := in.Snap.Catalogue.Settings
	p := in.Snap.RiskParams()
	cost := r.Item.Product.UnitCost
	f := &factList{styles: s, labelW: 12, w: w}
	add := f.addWrapped
	mu := r.Forecast.Level()

	why := map[model.Risk]string{
		model.RiskDead:      fmt.Sprintf("%s (dead after %d days without one)", lastSaleAgo(in.Snap, r), set.DeadStockDays),
		model.RiskExcess:    fmt.Sprintf("available above S %s + %s days of demand", formatQty(r.Plan.OrderUpTo), trimFloat(set.ExcessCoverDays)),
		model.RiskDeclining: fmt.Sprintf("chance of a sale in a week fell from %.0f%% to %.0f%% in 26 weeks", 100*r.Cached.Stats.SaleProbBefore, 100*r.Cached.Stats.SaleProb),
		model.RiskSlow:      slowWhy(r.Plan.DaysOfCover, set.SlowCoverDays),
	}[a.Risk]
	add("Risk", s.RiskStyle(a.Risk).Render(a.Risk.String())+" · "+why)
	add("At risk", fmt.Sprintf("%s × %.2f = %s", count(a.Units, "unit"), cost, formatMoney(a.Value, "")))
	if math.IsInf(a.WeeksToClear, 1) {
		add("Velocity", fmt.Sprintf("%s/wk: never clears at this rate", formatQty(mu)))
	} else {
		add("Velocity", fmt.Sprintf("%s/wk → %s weeks to clear", formatQty(mu), formatQty(a.WeeksToClear)))
	}
	switch {
	case a.Markdown == 0:
		add("Markdown", fmt.Sprintf("none: clears within the %d-week window", set.ClearanceWeeks))
	case math.IsInf(a.WeeksToClear, 1):
		add("Markdown", fmt.Sprintf("%.0f%%, the cap: no demand for a markdown to raise", 100*a.Markdown))
	default:
		k := a.WeeksToClear / p.ClearanceWeeks
		want := 1 - math.Pow(k, 1/p.Elasticity)
		line := fmt.Sprintf("k = %s ÷ %d wks = %.2f; 1 − k^(1/ε) = %.0f%% at ε %s", formatQty(a.WeeksToClear), set.ClearanceWeeks, k, 100*want, trimFloat(p.Elasticity))
		if want > a.Markdown+1e-9 {
			line += fmt.Sprintf(", capped at %.0f%%", 100*a.Markdown)
		}
		add("Markdown", line)
	}
	c := k.rv.Projection(k.row)
	md := k.rv.Value(k.row, planner.RiskPlanMarkdown).Float
	add("Projected", fmt.Sprintf("at %.0f%% off: %s/wk, %s sold in %d wks for %s, %s left",
		md, formatQty(c.WeeklySales), model.GroupThousands(int64(c.Cleared)), set.ClearanceWeeks, formatMoney(c.Revenue, ""), model.GroupThousands(int64(c.Left))))
	add("Liquidate", fmt.Sprintf("%s × %.2f × %s%% recovery = %s", model.GroupThousands(int64(a.Units)), cost, trimFloat(100*p.RecoveryRate), formatMoney(a.Liquidation, "")))

	t := k.selection
	f.line("")
	who := "This SKU"
	if k.marked {
		who = count(t.SKUs, "marked SKU")
	}
	f.line(s.Title.Render(fit(who+" at the markdowns in use", w, false)))
	f.addWrapped("Capital", fmt.Sprintf("%s, %s at cost", count(t.Units, "unit"), formatMoney(t.Value, "")))
	f.addWrapped("Cleared", fmt.Sprintf("%s for %s in %d wks", count(t.Cleared, "unit"), formatMoney(t.Revenue, ""), set.ClearanceWeeks))
	f.addWrapped("Left", fmt.Sprintf("%s, %s if sold off", count(t.Left, "unit"), formatMoney(t.LeftLiquidation, "")))
	f.addWrapped("Recovered", fmt.Sprintf("%s vs %s selling all off now", formatMoney(t.Revenue+t.LeftLiquidation, ""), formatMoney(t.Liquidation, "")))
	all := k.shown
	f.line("")
	f.line(s.Title.Render(fit(fmt.Sprintf("All %s shown", count(all.SKUs, "SKU")), w, false)))
	f.addWrapped("Capital", fmt.Sprintf("%s at cost: dead %s · excess %s · declining %s · slow %s", formatMoney(all.Value, ""),
		compactMoney(all.ByRisk[model.RiskDead].Value), compactMoney(all.ByRisk[model.RiskExcess].Value),
		compactMoney(all.ByRisk[model.RiskDeclining].Value), compactMoney(all.ByRisk[model.RiskSlow].Value)))
	f.add("Liquidation", formatMoney(all.Liquidation, "")+" if all sold off now")
	f.addWrapped("Markdowns", fmt.Sprintf("%s in %d weeks + %s liquidating the rest", formatMoney(all.Revenue, ""), set.ClearanceWeeks, formatMoney(all.LeftLiquidation, "")))
	f.line("")
	f.line(s.Dim.Render(wrap("m what-if markdown (a = suggested) · space marks", w)))
	return f.lines
}

// slowWhy says why a SKU is slow: its cover, or that it has none to speak
// of (no demand, or beyond ten years).
func slowWhy(cover, limit float64) string {
	if math.IsInf(cover, 1) {
		return fmt.Sprintf("cover never runs out: no demand, or over ten years of it (slow beyond %s days)", trimFloat(limit))
	}
	return fmt.Sprintf("%s of cover, more than %s days", formatCover(cover), trimFloat(limit))
}

// lastSaleAgo says how long ago the row last sold.
func lastSaleAgo(s *planner.Snapshot, r *planner.Row) string {
	if !r.LastSale.Valid() {
		return "never sold"
	}
	return "last sale " + model.GroupThousands(int64(s.AsOf-r.LastSale)) + " days ago"
}

// input is the detail pane's view of the selection: the marked rows, or
// the cursor's.
func (p *riskPane) input() *riskInput {
	r, _ := p.table.current()
	rows := p.table.targets()
	return &riskInput{rv: p.rv, row: r, selection: p.rv.Totals(rows), marked: len(p.table.marked) > 0, shown: p.shownTotals()}
}

// shownTotals sums the rows that pass the filter, once per view and
// query result: summing 45,000 rows through their pointers costs
// milliseconds, too much for every frame.
func (p *riskPane) shownTotals() planner.RiskTotals {
	rows := p.table.rows()
	key := shownKey{rv: p.rv, n: len(rows)}
	if len(rows) > 0 {
		key.first = &rows[0]
	}
	if key != p.shownFor {
		p.shownFor, p.shown = key, p.rv.Totals(rows)
	}
	return p.shown
}
