package planner

import (
	"math"

	"stockroom/forecast"
	"stockroom/model"
)

// RiskDemand is a SKU's demand over its risk period P = L + R (lead time
// plus review period, model.RiskPeriod), the span its reorder point has to
// cover: its mean and 80 % band. It is drawn from the distribution whose
// service-level quantile is the automatic reorder point (model.Compute),
// so the band and the reorder point beside it in the detail pane agree.
type RiskDemand struct {
	Lead, Review       float64 // L and R, in weeks
	Weeks              float64 // P = L + R
	Mean, Lower, Upper float64
}

// RiskDemand works out the row's demand over its risk period and its band.
func (r *Row) RiskDemand() RiskDemand {
	lo, hi := (1-forecast.BandLevel)/2, (1+forecast.BandLevel)/2
	return RiskDemand{Lead: r.leadWeeks(), Review: r.reviewWeeks(), Weeks: r.riskWeeks(), Mean: r.riskMean(),
		Lower: r.RiskDemandQuantile(lo), Upper: r.RiskDemandQuantile(hi)}
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

// RiskDemandQuantile is the p-quantile of demand over the risk period, as
// model.Compute takes it for the reorder point: for intermittent and lumpy
// SKUs the forecast's count distribution over P weeks; for the others a
// normal with mean μ_w·P and variance V_P + μ_w²·σ_L² (the safety stock's:
// V_P is the forecast's variance of demand over P weeks,
// model.LeadTimeDemandVariance), read as zero below zero.
func (r *Row) RiskDemandQuantile(p float64) float64 {
	if r.Forecast.Class.Sporadic() {
		return model.LeadTimeDemandQuantile(&r.Forecast, r.riskWeeks(), p)
	}
	return r.riskNormal().Quantile(p)
}

func (r *Row) riskNormal() forecast.Distribution {
	P, mu := r.riskWeeks(), math.Max(r.Forecast.Level(), 0)
	sdL := math.Max(r.LeadTimeSDWeeks, 0)
	v := model.LeadTimeDemandVariance(&r.Forecast, r.Forecast.SD, P)
	return forecast.Distribution{Kind: forecast.Normal, Mean: mu * P, Variance: v + mu*mu*sdL*sdL}
}

// riskMean is the mean of that distribution: the count distribution's
// over whole weeks, interpolated for a fractional risk period as its
// quantiles are.
func (r *Row) riskMean() float64 {
	P := r.riskWeeks()
	if !r.Forecast.Class.Sporadic() {
		return r.riskNormal().Mean
	}
	whole := math.Floor(P)
	mean := func(weeks float64) float64 { return r.Forecast.Total(int(weeks)).Mean }
	return mean(whole) + (P-whole)*(mean(whole+1)-mean(whole))
}
