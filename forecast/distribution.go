package forecast

import (
	"fmt"
	"math"
)

// DistKind names the family of a demand distribution.
type DistKind uint8

const (
	// Normal is for smooth or erratic demand. Demand below zero is read as
	// zero (the distribution is censored at zero), so quantiles are never
	// negative.
	Normal DistKind = iota
	// Poisson is for intermittent or lumpy demand whose variance <= mean.
	Poisson
	// NegBinomial is for intermittent or lumpy demand whose variance > mean.
	NegBinomial
)

func (k DistKind) String() string {
	switch k {
	case Normal:
		return "normal"
	case Poisson:
		return "poisson"
	case NegBinomial:
		return "negative binomial"
	}
	return fmt.Sprintf("DistKind(%d)", uint8(k))
}

// Distribution is the distribution of total demand over some weeks.
//
// Any field values are accepted; the methods read them as follows, so they
// never panic and never return NaN for a finite argument:
//   - a mean that is <= 0, NaN or ±Inf means no demand: a point mass at 0;
//   - a variance that is negative, NaN or ±Inf is unusable and read as 0;
//   - Normal with variance 0 is a point mass at the mean;
//   - Poisson ignores Variance (it is the mean by definition);
//   - NegBinomial with variance not above the mean is read as Poisson.
//
// The upper bound of every distribution is mean + 40·sd (rounded up for the
// count kinds): Quantile(1) returns it and CDF is 1 from there on. A finite
// bound keeps an impossible 100 % service level from turning into an
// infinite order. Cantelli's inequality leaves at most 1/1601 ≈ 0.06 % of
// any distribution above it, so the cap never changes a quantile for
// p <= 0.9993; only a very skewed negative binomial comes near that.
type Distribution struct {
	Kind     DistKind
	Mean     float64
	Variance float64
}

const (
	// boundSDs places the upper bound of the distribution, see Distribution.
	boundSDs = 40
	// exactMeanLimit: above this mean the count kinds use the normal
	// approximation with continuity correction, which is accurate there and
	// saves walking thousands of pmf terms.
	exactMeanLimit = 1000
	// maxSteps caps the pmf walk so that a count distribution with an absurd
	// variance still answers quickly; beyond it the CDF is taken as flat up
	// to the upper bound.
	maxSteps = 1 << 20
)

// CountDistribution picks Poisson when variance <= mean (or exceeds it by a
// negligible amount, where the negative binomial degenerates to Poisson
// anyway), else NegBinomial. A Poisson's variance is set to its mean, since
// that is the variance of the distribution actually used.
func CountDistribution(mean, variance float64) Distribution {
	if overdispersed(mean, variance) {
		return Distribution{Kind: NegBinomial, Mean: mean, Variance: variance}
	}
	return Distribution{Kind: Poisson, Mean: mean, Variance: mean}
}

// overdispersed reports whether variance exceeds mean by more than rounding
// noise. NaN gives false.
func overdispersed(mean, variance float64) bool {
	return variance-mean > 1e-9*math.Max(mean, 1)
}

// SD is the standard deviation of the distribution as the methods read it
// (see Distribution).
func (d Distribution) SD() float64 {
	_, _, sd := d.clean()
	return sd
}

// clean returns the kind, mean and standard deviation the methods use, after
// the degenerate inputs are mapped as documented on Distribution.
func (d Distribution) clean() (kind DistKind, mean, sd float64) {
	m, v := d.Mean, d.Variance
	if !(m > 0) || math.IsInf(m, 1) {
		return Normal, 0, 0 // point mass at zero
	}
	if !(v >= 0) || math.IsInf(v, 1) {
		v = 0
	}
	switch {
	case d.Kind == NegBinomial && overdispersed(m, v):
		return NegBinomial, m, math.Sqrt(v)
	case d.Kind == Poisson || d.Kind == NegBinomial:
		return Poisson, m, math.Sqrt(m)
	}
	return Normal, m, math.Sqrt(v)
}

// upper is the upper bound of the distribution, see Distribution.
func upper(kind DistKind, mean, sd float64) float64 {
	b := math.Min(mean+boundSDs*sd, math.MaxFloat64)
	if kind != Normal {
		b = math.Ceil(b)
	}
	return b
}

// Quantile returns the smallest x >= 0 with CDF(x) >= p: for the count kinds
// an integer, for Normal max(0, mean + z·sd). p <= 0 (and NaN) gives 0;
// p >= 1 gives the finite upper bound mean + 40·sd (see Distribution).
func (d Distribution) Quantile(p float64) float64 {
	kind, m, sd := d.clean()
	top := upper(kind, m, sd)
	switch {
	case !(p > 0):
		return 0
	case p >= 1:
		return top
	case kind == Normal:
		return math.Min(math.Max(0, m+NormalQuantile(p)*sd), top)
	case m > exactMeanLimit:
		// smallest integer k with Φ((k + 0.5 − m)/sd) >= p
		k := math.Ceil(m + NormalQuantile(p)*sd - 0.5)
		return math.Min(math.Max(0, k), top)
	}
	c := newPMF(kind, m, sd)
	// far below the mean the mass is negligible (under e^-50 ten sd below
	// it): a large mean's walk starts there, which makes a reorder point of
	// a SKU selling hundreds over its lead time several times cheaper
	if start := math.Floor(m - 10*sd); start > 16 {
		k, cdf := c.walkFrom(start, p, math.Min(top, maxSteps))
		if cdf >= p {
			return k
		}
		return top
	}
	k, cdf := c.walk(p, math.Min(top, maxSteps))
	if cdf >= p {
		return k
	}
	return top // the walk gave up: the CDF is flat up to the bound
}

// CDF returns P(X <= x). It is 0 below zero and 1 from the upper bound on
// (see Distribution); NaN gives NaN.
func (d Distribution) CDF(x float64) float64 {
	kind, m, sd := d.clean()
	switch {
	case math.IsNaN(x):
		return x
	case x < 0:
		return 0
	case x >= upper(kind, m, sd):
		return 1
	case kind == Normal:
		return NormalCDF((x - m) / sd) // a point mass below its mean: −Inf → 0
	case m > exactMeanLimit:
		return NormalCDF((math.Floor(x) + 0.5 - m) / sd)
	}
	_, cdf := newPMF(kind, m, sd).walk(math.Inf(1), math.Min(math.Floor(x), maxSteps))
	return cdf
}

// pmf is a count distribution written for the recurrence
// pmf(k+1) = pmf(k)·(a + b·k)/(k + 1), starting from log pmf(0) = log0.
// Poisson(μ): a = μ, b = 0, pmf(0) = e^−μ.
// Negative binomial with p = μ/v, r = μ²/(v−μ): a = r(1−p), b = 1−p,
// pmf(0) = p^r.
type pmf struct{ log0, a, b float64 }

// newPMF takes a clean count distribution (0 < mean <= exactMeanLimit).
func newPMF(kind DistKind, mean, sd float64) pmf {
	if kind == Poisson {
		return pmf{log0: -mean, a: mean}
	}
	v := sd * sd
	excess := v - mean
	r := mean * mean / excess
	// log p = −log(v/μ): log1p keeps precision when v is close to μ; the
	// difference of logs cannot overflow when μ is tiny and v is not.
	logP := -math.Log1p(excess / mean)
	if excess > mean {
		logP = ln(mean) - ln(v)
	}
	return pmf{log0: r * logP, a: mean * (mean / v), b: excess / v}
}

// walk sums the pmf from k = 0 upward and stops at the first k whose CDF
// reaches p, or at k = last. It returns that k and the CDF there.
// The pmf is carried in log space: e^−μ underflows for μ > 745, but the
// terms near the mode are ordinary numbers and the underflowed ones are
// negligible.
func (c pmf) walk(p, last float64) (k, cdf float64) {
	if c.log0 > -700 {
		// pmf(0) is an ordinary number: the recurrence needs no exp or log
		// per step, which is most of the cost of a reorder point
		f := math.Exp(c.log0)
		cdf = f
		for k = 0; cdf < p && k < last; k++ {
			f *= (c.a + c.b*k) / (k + 1)
			cdf += f
		}
		return k, math.Min(cdf, 1)
	}
	logPMF := c.log0
	cdf = math.Exp(logPMF)
	for k = 0; cdf < p && k < last; k++ {
		logPMF += ln((c.a + c.b*k) / (k + 1))
		cdf += math.Exp(logPMF)
	}
	return k, math.Min(cdf, 1)
}

// logAt is log pmf(k) in closed form: Poisson k·log μ − μ − log k!, and the
// negative binomial's log Γ(k+r) − log Γ(r) − log k! + r·log p + k·log(1−p)
// with r = a/b and 1−p = b.
func (c pmf) logAt(k float64) float64 {
	lk, _ := math.Lgamma(k + 1)
	if c.b == 0 {
		return c.log0 + k*math.Log(c.a) - lk
	}
	r := c.a / c.b
	lkr, _ := math.Lgamma(k + r)
	lr, _ := math.Lgamma(r)
	return c.log0 + lkr - lr - lk + k*math.Log(c.b)
}

// walkFrom is walk starting at k = start, counting the mass below it as 0.
func (c pmf) walkFrom(start, p, last float64) (k, cdf float64) {
	logPMF := c.logAt(start)
	if logPMF < -700 {
		return c.walk(p, last) // the start is not in the bulk after all
	}
	f := math.Exp(logPMF)
	cdf = f
	for k = start; cdf < p && k < last; k++ {
		f *= (c.a + c.b*k) / (k + 1)
		cdf += f
	}
	return k, math.Min(cdf, 1)
}

// Acklam's rational approximation to the standard normal inverse CDF.
var (
	acklamA = [6]float64{-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00}
	acklamB = [5]float64{-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01}
	acklamC = [6]float64{-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00}
	acklamD = [4]float64{7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00}
)

// NormalQuantile is the standard normal inverse CDF: Acklam's rational
// approximation (relative error 1.15e-9) polished by one Halley step, so
// |error| < 1e-9. p <= 0 gives −Inf, p >= 1 gives +Inf, NaN gives NaN.
func NormalQuantile(p float64) float64 {
	switch {
	case math.IsNaN(p):
		return p
	case p <= 0:
		return math.Inf(-1)
	case p >= 1:
		return math.Inf(1)
	case p > 0.5:
		// 1−p is exact here, and the lower tail is where erfc is accurate
		// enough for the Halley step.
		return -NormalQuantile(1 - p)
	}
	a, b, c, d := acklamA, acklamB, acklamC, acklamD
	var x float64
	if p < 0.02425 {
		q := math.Sqrt(-2 * ln(p))
		x = (((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q + c[5]) /
			((((d[0]*q+d[1])*q+d[2])*q+d[3])*q + 1)
	} else {
		q := p - 0.5
		r := q * q
		x = (((((a[0]*r+a[1])*r+a[2])*r+a[3])*r+a[4])*r + a[5]) * q /
			(((((b[0]*r+b[1])*r+b[2])*r+b[3])*r+b[4])*r + 1)
	}
	// Halley step on Φ(x) − p. Far in the tail (p near the smallest
	// float) e^{x²/2} overflows; the step is skipped there.
	e := NormalCDF(x) - p
	u := e * math.Sqrt(2*math.Pi) * math.Exp(x*x/2)
	if step := u / (1 + x*u/2); !math.IsNaN(step) && !math.IsInf(step, 0) {
		x -= step
	}
	return x
}

// NormalCDF is the standard normal CDF Φ(x), via math.Erfc, which stays
// accurate deep in the lower tail where 1 + erf would cancel.
func NormalCDF(x float64) float64 {
	return 0.5 * math.Erfc(-x/math.Sqrt2)
}

// ln is math.Log made exact for subnormal x, which math.Log on amd64 gets
// wrong (golang/go#56600: log(5e-324) comes out as −709 instead of −744).
func ln(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		return math.Log(x*0x1p54) - 54*math.Ln2
	}
	return math.Log(x)
}
