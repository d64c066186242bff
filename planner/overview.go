package planner

import (
	"cmp"

	"stockroom/model"
)

// StockoutSoonDays is how far ahead the overview counts projected
// stockouts: two weeks, about one review period plus a lead time's slack.
const StockoutSoonDays = 14

// urgentListLen is how many SKUs each of the overview's lists shows.
const urgentListLen = 30

// Overview is the catalogue at a glance: the figures a PM checks first and
// the most urgent SKUs. It is summed from the same rows and views as the
// other panes, so its numbers agree with their exports.
type Overview struct {
	AsOf model.Day
	KPIs model.KPIs // every SKU: inventory value, turnover, GMROI
	// OutOfStock is the stock view's status "out"; BelowROP counts SKUs
	// at or below their reorder point; StockoutSoon those with stock now
	// projected to run out within StockoutSoonDays.
	OutOfStock, BelowROP, StockoutSoon int
	ToOrder                            ReorderTotals // the reorder view's rows
	Risk                               RiskTotals    // the risk view's rows, at suggested markdowns
	// ForecastRevenue30 is the forecast demand of the next 30 days at
	// today's prices; a discontinued SKU sells only what it has.
	ForecastRevenue30 float64
	// UrgentOrders (earliest order-by first), AtRisk (excess, declining
	// and slow, largest value first) and Dead (largest value first) are
	// snapshot rows.
	UrgentOrders, AtRisk, Dead []int
}

// Overview sums the snapshot's rows in one pass: the reorder and risk
// views list the same rows (Plan.Reorder, Risk) and sum them the same
// way, so the overview agrees with their exports without waiting for
// them to be built.
func (s *Snapshot) Overview() *Overview {
	o := &Overview{AsOf: s.AsOf}
	soon := s.AsOf + StockoutSoonDays
	params := s.RiskParams()
	// the lists keep their first SKUs as rows go by: sorting every SKU to
	// order or at risk (tens of thousands) for 30 of each cost more than
	// the rest of the overview
	byValue := func(a, b int) int {
		if c := cmp.Compare(s.Rows[b].Risk.Value, s.Rows[a].Risk.Value); c != 0 {
			return c
		}
		return a - b
	}
	orders := topN{n: urgentListLen, cmp: func(a, b int) int {
		pa, pb := &s.Rows[a].Plan, &s.Rows[b].Plan
		if c := compareDays(pa.OrderBy, pb.OrderBy); c != 0 {
			return c
		}
		if c := cmp.Compare(pb.OrderValue, pa.OrderValue); c != 0 {
			return c
		}
		return a - b
	}}
	atRisk, dead := topN{n: urgentListLen, cmp: byValue}, topN{n: urgentListLen, cmp: byValue}
	for i, r := range s.Rows {
		o.KPIs.Add(r.figures())
		p := &r.Plan
		if p.Status == model.StatusOut {
			o.OutOfStock++
		}
		if p.Low {
			o.BelowROP++
		}
		if p.Available > 0 && p.Stockout.Valid() && p.Stockout <= soon {
			o.StockoutSoon++
		}
		units := demandOver(r.Forecast.Mean, 30)
		if r.Item.Product.Status == model.Discontinued {
			units = min(units, float64(max(p.Available, 0))) // no more will come
		}
		o.ForecastRevenue30 += r.Item.Product.Price * units
		if p.Reorder {
			o.ToOrder.add(p)
			orders.offer(i)
		}
		switch r.Risk.Risk {
		case model.RiskNone:
		case model.RiskDead:
			o.Risk.add(&r.Risk, r.clearance(r.Risk.Markdown, params))
			dead.offer(i)
		default:
			o.Risk.add(&r.Risk, r.clearance(r.Risk.Markdown, params))
			atRisk.offer(i)
		}
	}
	o.UrgentOrders, o.AtRisk, o.Dead = orders.kept, atRisk.kept, dead.kept
	return o
}

// demandOver is the forecast demand of the next days, from weekly means:
// whole weeks, then the share of the next week.
func demandOver(weekly []float64, days int) float64 {
	sum := 0.0
	for w := 0; w*7 < days && w < len(weekly); w++ {
		sum += weekly[w] * float64(min(days-w*7, 7)) / 7
	}
	return sum
}
