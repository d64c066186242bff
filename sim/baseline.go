package sim

import (
	"math"

	"stockroom/forecast"
	"stockroom/model"
)

// The baselines are the simple policies the tool must beat on the same
// replay. Both read the SKU's daily demand before the as-of day (history,
// oldest first, the as-of day last; censored marks stockout days, which
// are left out of the means rather than read as zero demand) and keep the
// supplier terms of base (R, L, σ_L, case pack, MOQ, rounding).

// MinMaxWeeks is the trailing window of the min/max baseline, and the cover
// its maximum adds above its minimum.
const MinMaxWeeks = 13

// MinMaxPolicy is min/max on the trailing 13 weeks: with d̄ the mean daily
// demand of the in-stock days among the last 91,
//
//	s = d̄ · (L + R)       (days)
//	S = s + d̄ · 91        (13 weeks' demand)
func MinMaxPolicy(history []float64, censored []bool, base Policy) Policy {
	from := max(len(history)-MinMaxWeeks*7, 0)
	sum, n := 0.0, 0
	for d := from; d < len(history); d++ {
		if !isCensored(censored, d) {
			sum += history[d]
			n++
		}
	}
	daily := 0.0
	if n > 0 {
		daily = sum / float64(n)
	}
	p := base
	p.ReorderPoint = daily * base.riskDays()
	p.OrderUpTo = p.ReorderPoint + daily*MinMaxWeeks*7
	return p
}

// NormalPolicy is the normal policy on the trailing 52 weeks with the
// tool's lot size: weekly demand μ, σ (sample sd) of the last 52 weeks
// counted back from the as-of day, each week stockout-adjusted as units ×
// 7 / in-stock days (a week with no in-stock day is left out), risk period
// P = (L + R)/7 weeks, z = Φ⁻¹(service level),
//
//	s = μ·P + z·σ·√P
//	S = s + cover,  cover = the tool's S − s (its order quantity above s)
func NormalPolicy(history []float64, censored []bool, serviceLevel, cover float64, base Policy) Policy {
	var weekly []float64
	for end := len(history); end-7 >= 0 && len(weekly) < 52; end -= 7 {
		units, inStock := 0.0, 0
		for d := end - 7; d < end; d++ {
			if !isCensored(censored, d) {
				inStock++
			}
			units += history[d]
		}
		if inStock > 0 {
			weekly = append(weekly, units*7/float64(inStock))
		}
	}
	mu, sd := meanSD(weekly)
	z := 0.0
	if serviceLevel > 0 && serviceLevel < 1 {
		z = math.Max(forecast.NormalQuantile(serviceLevel), 0)
	}
	P := base.riskDays() / 7
	p := base
	p.ReorderPoint = mu*P + z*sd*math.Sqrt(P)
	p.OrderUpTo = p.ReorderPoint + math.Max(cover, 0)
	return p
}

// meanSD is the mean and sample standard deviation (0 under two values).
func meanSD(x []float64) (float64, float64) {
	if len(x) == 0 {
		return 0, 0
	}
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	mean := sum / float64(len(x))
	if len(x) < 2 {
		return mean, 0
	}
	ss := 0.0
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(ss / float64(len(x)-1))
}

// riskDays is the policy's risk period in days, the lead time plus the
// review period, by the planner's own rule (model.RiskPeriod).
func (p Policy) riskDays() float64 {
	return model.RiskPeriod(float64(p.LeadDays), float64(p.ReviewDays))
}
