package planner

import (
	"math"

	"stockroom/forecast"
	"stockroom/model"
)

// LeadTimeDemand is a SKU's demand over its lead time, the span its
// reorder point has to cover: its mean and 80 % band. It is drawn from
// the distribution whose service-level quantile is the automatic reorder
// point (model.Compute), so the band and the reorder point beside it in
// the detail pane agree.
type LeadTimeDemand struct {
	Weeks              float64 // the lead time L, in weeks
	Mean, Lower, Upper float64
}

// LeadTimeDemand works out the row's lead-time demand and its band.
func (r *Row) LeadTimeDemand() LeadTimeDemand {
	lo, hi := (1-forecast.BandLevel)/2, (1+forecast.BandLevel)/2
	return LeadTimeDemand{Weeks: r.leadWeeks(), Mean: r.leadTimeMean(),
		Lower: r.LeadTimeDemandQuantile(lo), Upper: r.LeadTimeDemandQuantile(hi)}
}

// leadWeeks is L, no demand when it is not a positive number.
func (r *Row) leadWeeks() float64 {
	if !(r.LeadTimeWeeks > 0) || math.IsInf(r.LeadTimeWeeks, 1) {
		return 0
	}
	return r.LeadTimeWeeks
}

// LeadTimeDemandQuantile is the p-quantile of demand over the lead time,
// as model.Compute takes it for the reorder point: for intermittent and
// lumpy SKUs the forecast's count distribution over L weeks; for the
// others a normal with mean μ_w·L and variance V_L + μ_w²·σ_L² (the
// safety stock's: V_L is the forecast's variance of demand over L weeks,
// model.LeadTimeDemandVariance), read as zero below zero.
func (r *Row) LeadTimeDemandQuantile(p float64) float64 {
	L := r.leadWeeks()
	if r.Forecast.Class.Sporadic() {
		return model.LeadTimeDemandQuantile(&r.Forecast, L, p)
	}
	return r.leadTimeNormal().Quantile(p)
}

func (r *Row) leadTimeNormal() forecast.Distribution {
	L, mu := r.leadWeeks(), math.Max(r.Forecast.Level(), 0)
	sdL := math.Max(r.LeadTimeSDWeeks, 0)
	v := model.LeadTimeDemandVariance(&r.Forecast, r.Forecast.SD, L)
	return forecast.Distribution{Kind: forecast.Normal, Mean: mu * L, Variance: v + mu*mu*sdL*sdL}
}

// leadTimeMean is the mean of that distribution: the count distribution's
// over whole weeks, interpolated for a fractional lead time as its
// quantiles are.
func (r *Row) leadTimeMean() float64 {
	L := r.leadWeeks()
	if !r.Forecast.Class.Sporadic() {
		return r.leadTimeNormal().Mean
	}
	whole := math.Floor(L)
	mean := func(weeks float64) float64 { return r.Forecast.Total(int(weeks)).Mean }
	return mean(whole) + (L-whole)*(mean(whole+1)-mean(whole))
}
