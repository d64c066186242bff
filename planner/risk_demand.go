package planner

import (
	"math"

	"stockroom/forecast"
	"stockroom/model"
)

// RiskDemand is a SKU's demand over its risk period P = L + R (lead time
// plus review period, model.RiskPeriod), the span its reorder point has to
// cover: its mean and 80 % band, as the forecast has it. The automatic
// reorder point (model.Compute) is a quantile of the same distribution at
// the level the cycles see (RiskDemandQuantile, model.CycleWeighted), so
// it can sit above the band's top for an uncertain level.
type RiskDemand struct {
	Lead, Review       float64 // L and R, in weeks
	Weeks              float64 // P = L + R
	Mean, Lower, Upper float64
}

// RiskDemand works out the row's demand over its risk period and its band.
func (r *Row) RiskDemand() RiskDemand {
	lo, hi := (1-forecast.BandLevel)/2, (1+forecast.BandLevel)/2
	q := func(p float64) float64 {
		if r.Forecast.Class.Sporadic() {
			return model.LeadTimeDemandQuantile(&r.Forecast, r.riskWeeks(), p)
		}
		return r.riskNormal(&r.Forecast, 1).Quantile(p)
	}
	return RiskDemand{Lead: r.leadWeeks(), Review: r.reviewWeeks(), Weeks: r.riskWeeks(), Mean: r.riskMean(),
		Lower: q(lo), Upper: q(hi)}
}

// leadWeeks is L, 0 when it is not a finite positive number.
func (r *Row) leadWeeks() float64 { return finiteWeeks(r.LeadTimeWeeks) }

// reviewWeeks is R, 0 when it is not a finite positive number.
func (r *Row) reviewWeeks() float64 { return finiteWeeks(r.ReviewWeeks) }

// riskWeeks is P = L + R.
func (r *Row) riskWeeks() float64 { return model.RiskPeriod(r.leadWeeks(), r.reviewWeeks()) }

func finiteWeeks(w float64) float64 {
	if !(w > 0) || math.IsInf(w, 1) {
		return 0
	}
	return w
}

// RiskDemandQuantile is the p-quantile of demand over the risk period at
// the level the cycles see, as model.Compute takes it for the reorder
// point: the forecast weighted by model.CycleWeighted, and for
// intermittent and lumpy SKUs its count distribution over P weeks; for the
// others a normal with mean k·μ_w·P and variance V_P + (k·μ_w)²·σ_L² (the
// safety stock's: V_P is the weighted forecast's variance of demand over P
// weeks, model.LeadTimeDemandVariance), read as zero below zero.
func (r *Row) RiskDemandQuantile(p float64) float64 {
	cw, k := model.CycleWeighted(r.Forecast)
	if r.Forecast.Class.Sporadic() {
		return model.LeadTimeDemandQuantile(&cw, r.riskWeeks(), p)
	}
	return r.riskNormal(&cw, k).Quantile(p)
}

// CycleWeight is the factor k by which the reorder point raises the
// forecast's level (model.CycleWeighted); 1 when it does not.
func (r *Row) CycleWeight() float64 {
	return model.CycleWeight(r.Forecast)
}

// riskNormal is the normal demand over P of the forecast f with its level
// raised k-fold (f itself already raised: k only scales μ_w's lead-time
// spread term).
func (r *Row) riskNormal(f *forecast.Result, k float64) forecast.Distribution {
	P, mu := r.riskWeeks(), math.Max(r.Forecast.Level(), 0)*k
	sdL := math.Max(r.LeadTimeSDWeeks, 0)
	v := model.LeadTimeDemandVariance(f, f.SD, P)
	return forecast.Distribution{Kind: forecast.Normal, Mean: mu * P, Variance: v + mu*mu*sdL*sdL}
}

// riskMean is the mean of that distribution: the count distribution's
// over whole weeks, interpolated for a fractional risk period as its
// quantiles are.
func (r *Row) riskMean() float64 {
	P := r.riskWeeks()
	if !r.Forecast.Class.Sporadic() {
		return r.riskNormal(&r.Forecast, 1).Mean
	}
	whole := math.Floor(P)
	mean := func(weeks float64) float64 { return r.Forecast.Total(int(weeks)).Mean }
	return mean(whole) + (P-whole)*(mean(whole+1)-mean(whole))
}
