package ui

import (
	"fmt"
	"math"
	"strings"

	"stockroom/forecast"
	"stockroom/model"
	"stockroom/planner"
)

// orderFacts shows how a SKU's suggestion is worked out, one formula a
// line, with the SKU's own numbers, so a PM can see why it says what it
// says.
func (d detailPane) orderFacts(in detailInput, w int) []string {
	r := in.Row
	it, pl := r.Item, r.Plan
	s := d.styles
	f := &factList{styles: s, labelW: 10, w: w}
	add := f.addWrapped
	why := map[planner.Reason]string{
		planner.ReasonBelowROP: fmt.Sprintf("position %s ≤ reorder point %s", model.GroupThousands(int64(pl.InventoryPosition)), model.GroupThousands(int64(pl.ReorderPoint))),
		planner.ReasonOrderBy:  fmt.Sprintf("order by %s is within the review period", pl.OrderBy),
		planner.ReasonOwnQty:   "you set the quantity",
	}[planner.ReasonOf(r)]
	if planner.ReasonOf(r) == planner.ReasonOrderBy && pl.OrderBy < in.Snap.AsOf {
		why = fmt.Sprintf("order-by day %s has passed: it runs out before an order placed now arrives", pl.OrderBy)
	}
	add("Why", why)
	add("Position", fmt.Sprintf("IP %s = %s avail + %s on order + %s draft", model.GroupThousands(int64(pl.InventoryPosition)),
		model.GroupThousands(int64(pl.Available)), model.GroupThousands(int64(it.OnOrder)), model.GroupThousands(int64(it.InDraft))))
	add("Demand", fmt.Sprintf("μ %s/wk σ %s · %s", formatQty(r.Forecast.Level()), formatQty(r.Forecast.SD), r.Forecast.Class))
	source := r.LeadTime.Source.String()
	if r.LeadTime.Source == model.LeadTimeDefault {
		source = "default: no supplier"
	}
	add("Lead time", fmt.Sprintf("L %s ± %s wk (%s)", trimFloat(r.LeadTimeWeeks), trimFloat(r.LeadTimeSDWeeks), source))
	if r.Cached != nil {
		rd := r.RiskDemand()
		add("", fmt.Sprintf("demand over P = L + R = %s wk: %s", trimFloat(rd.Weeks), riskDemandBand(rd)))
	}
	svc := fmt.Sprintf("%s%% (class %s default)", trimFloat(100*r.ServiceLevel), r.ABC)
	if r.ServiceLevelManual {
		svc = trimFloat(100*r.ServiceLevel) + "% (set for this SKU)"
	}
	add("Service", svc)
	k := r.CycleWeight()
	weighted := k >= 1.005 // shown as × 1.01 or more
	if weighted {
		// why the reorder point can sit above the band: it plans for the
		// level the order cycles see, which an uncertain level raises
		add("Level", fmt.Sprintf("ROP plans for μ × %.2f", k))
	}
	if r.Forecast.Class.Sporadic() {
		q := r.RiskDemandQuantile(r.ServiceLevel)
		at := "demand over L + R"
		if weighted {
			at += " at that level"
		}
		add("ROP", fmt.Sprintf("%s = ⌈q⌉, q %s the %s%% quantile of %s", model.GroupThousands(int64(pl.AutoReorderPoint)), formatQty(q), trimFloat(100*r.ServiceLevel), at))
		add("Safety", fmt.Sprintf("SS %s = max(q − μ·(L + R), 0)", formatQty(pl.SafetyStock)))
	} else {
		z := 0.0
		if r.ServiceLevel > 0 && r.ServiceLevel < 1 {
			z = math.Max(forecast.NormalQuantile(r.ServiceLevel), 0)
		}
		// V_P, the forecast's variance of demand over P = L + R, grows
		// faster than P·σ² where errors carry over and the level is uncertain
		P := model.RiskPeriod(r.LeadTimeWeeks, r.ReviewWeeks)
		cw, _ := model.CycleWeighted(r.Forecast)
		v := model.LeadTimeDemandVariance(&cw, cw.SD, P)
		if weighted {
			add("Safety", fmt.Sprintf("SS %s = (k−1)·μ·P + %.2f·√(V_P + (kμ)²·σL²), V_P %s", formatQty(pl.SafetyStock), z, formatQty(v)))
		} else {
			add("Safety", fmt.Sprintf("SS %s = %.2f·√(V_P + μ²·σL²), V_P %s", formatQty(pl.SafetyStock), z, formatQty(v)))
		}
		add("ROP", fmt.Sprintf("%s = ⌈μ·P + SS⌉", model.GroupThousands(int64(pl.AutoReorderPoint))))
	}
	if pl.ReorderPointManual {
		add("", s.Manual.Render(fmt.Sprintf("manual ROP %s in use", model.GroupThousands(int64(pl.ReorderPoint)))))
	}
	upTo := fmt.Sprintf("S %s = ROP + min(max(EOQ %s, μ·R), μ·%s wk)", formatQty(pl.OrderUpTo), formatQty(pl.EOQ), trimFloat(float64(in.Snap.Catalogue.Settings.MaxCoverWeeks)))
	if size := r.Forecast.SaleSize; r.Forecast.Class.Sporadic() && size > 0 && math.Abs(pl.OrderUpTo-float64(pl.ReorderPoint)-size) < 1e-9 {
		// the floor won: say so, or the formula above would not add up
		upTo = fmt.Sprintf("S %s = ROP + one sale's size %s (more than the cover rule gives)", formatQty(pl.OrderUpTo), formatQty(size))
	}
	add("Up to", upTo)
	rule := string(it.Policy.Rounding)
	if rule == "" {
		rule = "up"
	}
	if pl.QtyManual {
		add("Order", fmt.Sprintf("%s: your quantity (%s changes it, %s undoes)", model.GroupThousands(int64(pl.SuggestedQty)), keyName(d.keys.Edit), keyName(d.keys.Undo)))
	} else {
		add("Need", fmt.Sprintf("S − IP = %s", formatQty(pl.Need)))
		order := fmt.Sprintf("%s: case %d, round %s, MOQ %d", model.GroupThousands(int64(pl.SuggestedQty)), max(it.Product.CasePack, 1), rule, it.Product.MOQ)
		if lift := pl.ReorderPoint - pl.InventoryPosition + 1; pl.Low && model.RoundOrder(pl.Need, 0, it.Product.CasePack, it.Product.MOQ, it.Policy.Rounding) < lift {
			order += fmt.Sprintf(", at least %s to pass the ROP", model.GroupThousands(int64(lift)))
		}
		add("Order", order)
	}
	add("Value", fmt.Sprintf("%s × %.2f = %.2f", model.GroupThousands(int64(pl.SuggestedQty)), it.Product.UnitCost, pl.OrderValue))
	add("Stockout", stockoutFacts(in.Snap, r))
	ob := "–"
	if pl.OrderBy.Valid() {
		ob = pl.OrderBy.String()
		if pl.OrderBy < in.Snap.AsOf {
			ob += s.Error.Render(" overdue")
		}
	}
	add("Order by", ob+" = stockout − L")
	f.line("")
	f.line(s.Dim.Render(fit("e qty · L lead time · c case · M MOQ · v service · r rounding · o draft PO", w, false)))
	return f.lines
}

// groupDetail describes the supplier heading under the cursor.
func (m *Model) groupDetail(w, h int) string {
	p, s := m.reorder, m.styles
	g, ok := p.currentGroup()
	if !ok {
		return ""
	}
	grp := p.rv.Groups()[g]
	tot := p.totals[g]
	sp, _ := m.snap.Supplier(grp.SupplierID)
	f := &factList{styles: &s, labelW: 11, w: w}
	f.line(s.Title.Render(fit(clean(grp.Supplier), w, false)))
	f.line("")
	add := f.add
	add("To order", count(tot.SKUs, "SKU")+" · "+count(tot.Units, "unit"))
	add("Value", formatMoney(tot.Value, grp.Currency))
	if grp.MinOrderValue > 0 {
		mov := formatMoney(grp.MinOrderValue, grp.Currency)
		if grp.BelowMinimum(tot.Value) {
			mov += s.Error.Render(fmt.Sprintf(" ⚠ %s short", formatMoney(grp.MinOrderValue-tot.Value, grp.Currency)))
		}
		add("Min order", mov)
	}
	if grp.FirstOrderBy.Valid() {
		add("Order by", grp.FirstOrderBy.String()+" (most urgent SKU)")
	}
	add("Lead time", fmt.Sprintf("%s ± %s days configured", trimFloat(sp.LeadTimeDays), trimFloat(sp.LeadTimeSDDays)))
	f.line("")
	f.line(s.Dim.Render(fit("o puts these SKUs (or the marked ones) on a draft PO", w, false)))
	return clip(strings.Join(f.lines, "\n"), w, h)
}
