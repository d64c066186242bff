package forecast

import "math"

// Cumulative is the distribution of total demand from the first forecast
// week through week j (0 = the first week): Total(j+1), the same family
// and variance whose quantile is the reorder point of a sporadic SKU.
// A negative j is no weeks: a point mass at zero.
func (r Result) Cumulative(j int) Distribution {
	return r.Total(j + 1)
}

// CumulativeBand is the mean and the central BandLevel interval of total
// demand from the first forecast week through week j: 80 % of the time
// the demand of those weeks together falls inside [lower, upper]. The
// upper edge is never below the mean (see bandOf).
func (r Result) CumulativeBand(j int) (mean, lower, upper float64) {
	return bandOf(r.Cumulative(j))
}

// CumulativeBands is CumulativeBand for weeks 0 … n−1 at once. It adds
// one week's mean and variance term at a time, so a SKU's whole horizon
// costs n quantiles rather than n² variance terms.
func (r Result) CumulativeBands(n int) (mean, lower, upper []float64) {
	mean, lower, upper = make([]float64, max(n, 0)), make([]float64, max(n, 0)), make([]float64, max(n, 0))
	r.eachCumulative(n, func(j int, d Distribution) {
		mean[j], lower[j], upper[j] = bandOf(d)
	})
	return mean, lower, upper
}

// eachCumulative calls each with Cumulative(j) for j = 0 … n−1. Total's
// variance over h weeks is SD²·Σ_{m<h} c_m², c_m = 1 + ψ_1 + … + ψ_m, so
// week j adds the term c_j² to week j−1's sum.
func (r Result) eachCumulative(n int, each func(j int, d Distribution)) {
	mean, sum, c := 0.0, 0.0, 1.0
	for j := range n {
		if j > 0 {
			c += r.psi(j)
		}
		mean += r.mean(j)
		sum += c * c
		h := float64(j + 1)
		each(j, r.dist(mean, r.SD*r.SD*(sum+r.levelVar()*r.levelGrowth(h))))
	}
}

// weekVariance is the variance of week j's demand (0 = next week):
// SD²·(1 + ψ_1² + … + ψ_j² + LevelVar).
func (r Result) weekVariance(j int) float64 {
	v := 1.0
	for k := 1; k <= j; k++ {
		p := r.psi(k)
		v += p * p
	}
	return r.SD * r.SD * (v + r.levelVar())
}

// totalVariance is the variance of total demand over the next h weeks:
// a one-step shock in week i reaches every later week of the horizon and
// the level error every week, so SD²·(Σ_{m<h} c_m² + LevelVar·g(h)) with
// c_m = 1 + ψ_1 + … + ψ_m and g the level error's growth (levelGrowth).
func (r Result) totalVariance(h int) float64 {
	v, c := 0.0, 1.0
	for m := range h {
		if m > 0 {
			c += r.psi(m)
		}
		v += c * c
	}
	fh := float64(h)
	return r.SD * r.SD * (v + r.levelVar()*r.levelGrowth(fh))
}

// TotalVariance is the variance of total demand over the next h weeks
// under the error model, whatever the family: what the safety stock of a
// smooth or erratic SKU is drawn from. 0 for no weeks.
func (r Result) TotalVariance(h int) float64 {
	if h <= 0 {
		return 0
	}
	return r.totalVariance(h)
}

// levelRampWeeks is how long an erratic SKU's level error takes to act as
// a fixed offset (see levelGrowth).
const levelRampWeeks = 13

// levelGrowth is g(h), what the level variance adds to the total of h
// weeks in units of LevelVar. A level that is merely misjudged is off by
// the same amount every week: h². An erratic SKU's level wanders (a size
// that doubles for a month, then halves), and a wandering level's error
// over h weeks grows like h³ (the sum of h weeks of a random walk) until
// it is a quarter old and the history shows no longer runs: h³/13 up to
// 13 weeks, h² after. With h² alone, fitted over 26 weeks, the erratic
// demo SKUs' one-month bands held 91 % of totals instead of 80 %.
func (r Result) levelGrowth(h float64) float64 {
	if r.Class == Erratic && h < levelRampWeeks {
		return h * h * h / levelRampWeeks
	}
	return h * h
}

// levelVar is LevelVar, 0 when it is not a usable number.
func (r Result) levelVar() float64 {
	if r.LevelVar > 0 && !math.IsInf(r.LevelVar, 1) {
		return r.LevelVar
	}
	return 0
}

// bandOf is a distribution's mean and its central BandLevel interval,
// the upper edge raised to contain the mean as a week's band's is
// (bandTop): a lumpy total whose variance dwarfs its mean has a 90th
// percentile of 0 (most such totals are nothing, a few huge), and [0, 0]
// under a 13-week forecast of 50 units says "sells nothing". Week 0's
// cumulative band is then the week's own band.
func bandOf(d Distribution) (mean, lower, upper float64) {
	return d.Mean, d.Quantile((1 - BandLevel) / 2), bandTop(d)
}
