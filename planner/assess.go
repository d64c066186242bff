package planner

import (
	"math"

	"stockroom/model"
)

// stats is a row's cached demand statistics; a SKU without a forecast yet
// reads as one with no known demand that was never out of stock.
func (r *Row) stats() model.DemandStats {
	if f := r.Cached; f != nil {
		return f.Stats
	}
	return model.DemandStats{CV: math.NaN(), InStockDays: 7 * model.StatsWeeks}
}

// sales52w is the row's revenue and units over the trailing 52 weeks.
func (r *Row) sales52w() (revenue, units float64) {
	if f := r.Cached; f != nil {
		return f.Revenue52w, f.Units52w
	}
	return 0, 0
}

// RiskParams are the snapshot's risk settings.
func (s *Snapshot) RiskParams() model.RiskParams {
	set := &s.Catalogue.Settings
	return model.RiskParams{
		SlowCoverDays:  set.SlowCoverDays,
		DeclineDrop:    set.DeclineDrop,
		ClearanceWeeks: float64(set.ClearanceWeeks),
		Elasticity:     set.Elasticity,
		MaxMarkdown:    set.MaxMarkdown,
		RecoveryRate:   set.RecoveryRate,
	}
}

// assess classifies a planned row by XYZ and by risk.
func (s *Snapshot) assess(r *Row) {
	set := &s.Catalogue.Settings
	st := r.stats()
	r.XYZ = model.ClassifyXYZ(st.CV, set.XYZCutX, set.XYZCutY)
	r.Risk = model.AssessRisk(model.RiskInput{
		Available:      r.Plan.Available,
		Dead:           r.Plan.Status == model.StatusDead,
		ExcessUnits:    r.Plan.ExcessUnits,
		WeeklyDemand:   r.Forecast.Level(),
		SaleProb:       st.SaleProb,
		SaleProbBefore: st.SaleProbBefore,
		UnitCost:       r.Item.Product.UnitCost,
		Price:          r.Item.Product.Price,
	}, s.RiskParams())
}

// figures are the row's numbers that assortment KPIs sum.
func (r *Row) figures() model.SKUFigures {
	revenue, units := r.sales52w()
	return model.SKUFigures{
		OnHand: r.Item.OnHand, Available: r.Plan.Available,
		UnitCost: r.Item.Product.UnitCost, Price: r.Item.Product.Price,
		Revenue52w: revenue, Units52w: units, InStockDays52w: r.stats().InStockDays,
		WeeklyDemand: r.Forecast.Level(),
	}
}
