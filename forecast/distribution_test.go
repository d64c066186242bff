package forecast

import (
	"math"
	"testing"
	"time"
)

func TestDistKindString(t *testing.T) {
	for k, want := range map[DistKind]string{
		Normal: "normal", Poisson: "poisson", NegBinomial: "negative binomial", 9: "DistKind(9)",
	} {
		if got := k.String(); got != want {
			t.Errorf("DistKind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

func TestNormalQuantile(t *testing.T) {
	// standard normal table
	cases := []struct{ p, z float64 }{
		{0.5, 0},
		{0.8, 0.841621},
		{0.9, 1.281552},
		{0.95, 1.644854},
		{0.975, 1.959964},
		{0.99, 2.326348},
		{0.001, -3.090232},
		{0.2, -0.841621}, // symmetry
	}
	for _, c := range cases {
		if got := NormalQuantile(c.p); math.Abs(got-c.z) > 1e-6 {
			t.Errorf("NormalQuantile(%v) = %.7f, want %v", c.p, got, c.z)
		}
	}
	if got := NormalQuantile(0); !math.IsInf(got, -1) {
		t.Errorf("NormalQuantile(0) = %v, want -Inf", got)
	}
	if got := NormalQuantile(-1); !math.IsInf(got, -1) {
		t.Errorf("NormalQuantile(-1) = %v, want -Inf", got)
	}
	if got := NormalQuantile(1); !math.IsInf(got, 1) {
		t.Errorf("NormalQuantile(1) = %v, want +Inf", got)
	}
	if got := NormalQuantile(math.NaN()); !math.IsNaN(got) {
		t.Errorf("NormalQuantile(NaN) = %v, want NaN", got)
	}
}

// NormalQuantile must invert NormalCDF to 1e-9 everywhere, including both
// tails and the branch points of Acklam's approximation (0.02425, 0.97575).
func TestNormalQuantileInvertsCDF(t *testing.T) {
	ps := []float64{1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.02, 0.02425, 0.025, 0.1, 0.3, 0.4999, 0.5001, 0.7, 0.97575, 0.99, 1 - 1e-10}
	for _, p := range ps {
		z := NormalQuantile(p)
		// |Δz| ≈ |Φ(z) − p| / φ(z); in the upper tail compare 1−p, which is
		// what the code inverts.
		e := NormalCDF(z) - p
		if p > 0.5 {
			e = NormalCDF(-z) - (1 - p)
		}
		phi := math.Exp(-z*z/2) / math.Sqrt(2*math.Pi)
		if dz := math.Abs(e) / phi; dz > 1e-9 {
			t.Errorf("NormalQuantile(%v) = %v is %.2g off", p, z, dz)
		}
	}
	// the smallest float, 2^-1074: e^{z²/2} overflows so the Halley step is
	// skipped, and Acklam alone is still close. z solves
	// z²/2 + ln(−z) + ln√(2π) = 1074·ln 2 = 744.44 → z ≈ −38.4674
	if z := NormalQuantile(5e-324); math.Abs(z+38.4674) > 1e-3 {
		t.Errorf("NormalQuantile(5e-324) = %v, want -38.4674", z)
	}
}

func TestNormalCDF(t *testing.T) {
	cases := []struct{ x, p float64 }{
		{0, 0.5},
		{1, 0.841345},
		{-1, 0.158655},
		{1.96, 0.975002},
		{-2, 0.022750},
		{math.Inf(1), 1},
		{math.Inf(-1), 0},
	}
	for _, c := range cases {
		if got := NormalCDF(c.x); math.Abs(got-c.p) > 1e-6 {
			t.Errorf("NormalCDF(%v) = %.7f, want %v", c.x, got, c.p)
		}
	}
}

func TestNormalDistributionQuantile(t *testing.T) {
	cases := []struct {
		name        string
		mean, sd, p float64
		want        float64
	}{
		// 10 + 2·1.2815516 = 12.563103
		{"mean 10 sd 2 p 0.9", 10, 2, 0.9, 12.563103},
		// 10 − 2·1.6448536 = 6.710293
		{"mean 10 sd 2 p 0.05", 10, 2, 0.05, 6.710293},
		{"median", 10, 2, 0.5, 10},
		// 1 − 5·1.2815516 = −5.41 → truncated at zero
		{"truncated at zero", 1, 5, 0.1, 0},
		// 1 + 5·1.2815516 = 7.407758
		{"wide upper", 1, 5, 0.9, 7.407758},
		{"point mass", 5, 0, 0.9, 5},
		{"p 0", 10, 2, 0, 0},
		// upper bound 10 + 40·2 = 90
		{"p 1", 10, 2, 1, 90},
	}
	for _, c := range cases {
		d := Distribution{Kind: Normal, Mean: c.mean, Variance: c.sd * c.sd}
		if got := d.Quantile(c.p); math.Abs(got-c.want) > 1e-6 {
			t.Errorf("%s: Quantile(%v) = %.7f, want %v", c.name, c.p, got, c.want)
		}
	}
}

func TestNormalDistributionCDF(t *testing.T) {
	d := Distribution{Kind: Normal, Mean: 10, Variance: 4}
	cases := []struct{ x, p float64 }{
		{-1, 0},           // demand is never negative
		{0, 0.0000003},    // Φ(−5) = 2.87e-7: the censored mass at zero
		{10, 0.5},         // Φ(0)
		{12, 0.841345},    // Φ(1)
		{13.92, 0.975002}, // Φ(1.96)
		{90, 1},           // the upper bound
	}
	for _, c := range cases {
		if got := d.CDF(c.x); math.Abs(got-c.p) > 1e-6 {
			t.Errorf("CDF(%v) = %.7f, want %v", c.x, got, c.p)
		}
	}
	// the quantile and the CDF agree: CDF(q(p)) = p above the zero mass
	for _, p := range []float64{0.1, 0.5, 0.8, 0.9, 0.95} {
		if got := d.CDF(d.Quantile(p)); math.Abs(got-p) > 1e-9 {
			t.Errorf("CDF(Quantile(%v)) = %v", p, got)
		}
	}
}

var probes = []float64{0.1, 0.5, 0.8, 0.9, 0.95}

func TestPoissonQuantile(t *testing.T) {
	cases := []struct {
		mean float64
		want []float64 // quantiles at probes
	}{
		// Poisson(0.5): P(0)=e^-0.5=0.6065, P(<=1)=0.6065+0.3033=0.9098,
		// P(<=2)=0.9098+0.0758=0.9856 → q(0.1)=q(0.5)=0, q(0.8)=q(0.9)=1, q(0.95)=2
		{0.5, []float64{0, 0, 1, 1, 2}},
		// Poisson(2): P(0)=e^-2=0.1353, P(<=1)=0.4060, P(<=2)=0.6767,
		// P(<=3)=0.8571, P(<=4)=0.9473, P(<=5)=0.9834
		// → q(0.1)=0, q(0.5)=2, q(0.8)=3, q(0.9)=4, q(0.95)=5
		{2, []float64{0, 2, 3, 4, 5}},
		// Poisson(10): P(<=5)=0.0671, P(<=6)=0.1301, P(<=9)=0.4579,
		// P(<=10)=0.5830, P(<=12)=0.7916, P(<=13)=0.8645, P(<=14)=0.9165,
		// P(<=15)=0.9513 → q(0.1)=6, q(0.5)=10, q(0.8)=13, q(0.9)=14, q(0.95)=15
		{10, []float64{6, 10, 13, 14, 15}},
	}
	for _, c := range cases {
		d := Distribution{Kind: Poisson, Mean: c.mean, Variance: c.mean}
		for i, p := range probes {
			if got := d.Quantile(p); got != c.want[i] {
				t.Errorf("Poisson(%v).Quantile(%v) = %v, want %v", c.mean, p, got, c.want[i])
			}
		}
	}
}

func TestPoissonCDF(t *testing.T) {
	cases := []struct {
		mean, x, p float64
	}{
		{0.5, 0, 0.606531}, // e^-0.5
		{0.5, 1, 0.909796}, // 1.5·e^-0.5
		{0.5, 2, 0.985612}, // 1.625·e^-0.5
		{2, 0, 0.135335},   // e^-2
		{2, 2.7, 0.676676}, // 5·e^-2; a fraction of a unit counts as its floor
		{2, 3, 0.857123},   // 19/3·e^-2
		{10, 0, 0.0000454}, // e^-10
		{10, 10, 0.583040},
		{10, 15, 0.951260},
		{2, -0.5, 0},
		// e^-800 underflows; the log-space walk still finds the mode.
		// Σ_{k<=800} e^-800·800^k/k! = 0.509402, at 750: 0.038979
		{800, 800, 0.509402},
		{800, 750, 0.038979},
	}
	for _, c := range cases {
		d := Distribution{Kind: Poisson, Mean: c.mean}
		if got := d.CDF(c.x); math.Abs(got-c.p) > 1e-4 {
			t.Errorf("Poisson(%v).CDF(%v) = %.6f, want %v", c.mean, c.x, got, c.p)
		}
	}
	// Poisson ignores Variance, it is the mean
	if sd := (Distribution{Kind: Poisson, Mean: 4, Variance: 100}).SD(); sd != 2 {
		t.Errorf("Poisson(4).SD() = %v, want 2", sd)
	}
}

func TestNegBinomialQuantile(t *testing.T) {
	// mean 2 variance 6: p = 2/6 = 1/3, r = 4/(6−2) = 1, a geometric:
	// P(X<=k) = 1 − (2/3)^(k+1): 0.3333, 0.5556, 0.7037, 0.8025, 0.8683,
	// 0.9122, 0.9415, 0.9610
	// → q(0.1)=0, q(0.5)=1, q(0.8)=3, q(0.9)=5, q(0.95)=7
	d := Distribution{Kind: NegBinomial, Mean: 2, Variance: 6}
	want := []float64{0, 1, 3, 5, 7}
	for i, p := range probes {
		if got := d.Quantile(p); got != want[i] {
			t.Errorf("NB(2, 6).Quantile(%v) = %v, want %v", p, got, want[i])
		}
	}
	for k := 0.0; k <= 8; k++ {
		if got, want := d.CDF(k), 1-math.Pow(2.0/3, k+1); math.Abs(got-want) > 1e-12 {
			t.Errorf("NB(2, 6).CDF(%v) = %v, want %v", k, got, want)
		}
	}
}

func TestNegBinomialCDF(t *testing.T) {
	// mean 3 variance 4.5: p = 3/4.5 = 2/3, r = 9/1.5 = 6.
	// pmf(0) = (2/3)^6 = 64/729 = 0.087791
	// pmf(1) = pmf(0)·6/1·1/3 = 128/729  → P(<=1) = 192/729 = 0.263374
	// pmf(2) = pmf(1)·7/2·1/3 = 448/2187 → P(<=2) = 0.468221
	// pmf(3) = pmf(2)·8/3·1/3 = 3584/19683 → P(<=3) = 0.650307
	// pmf(4) = pmf(3)·9/4·1/3 = 896/6561 → P(<=4) = 0.786872
	// pmf(5) = pmf(4)·10/5·1/3 = 1792/19683 → P(<=5) = 0.877915
	d := Distribution{Kind: NegBinomial, Mean: 3, Variance: 4.5}
	want := []float64{0.087791, 0.263374, 0.468221, 0.650307, 0.786872, 0.877915}
	for k, p := range want {
		if got := d.CDF(float64(k)); math.Abs(got-p) > 1e-4 {
			t.Errorf("NB(3, 4.5).CDF(%d) = %.6f, want %v", k, got, p)
		}
	}
	// → q(0.1)=1, q(0.5)=3, q(0.8)=5, q(0.9)=6 (P(<=6)=0.9336), q(0.95)=7 (P(<=7)=0.9653)
	wantQ := []float64{1, 3, 5, 6, 7}
	for i, p := range probes {
		if got := d.Quantile(p); got != wantQ[i] {
			t.Errorf("NB(3, 4.5).Quantile(%v) = %v, want %v", p, got, wantQ[i])
		}
	}
}

// The pmf recovered from CDF differences must have the mean and variance
// the distribution was built from: a check on p, r and the recurrence.
func TestNegBinomialMoments(t *testing.T) {
	cases := []struct {
		kind           DistKind
		mean, variance float64
	}{
		{NegBinomial, 2, 6},
		{NegBinomial, 3, 4.5},
		{NegBinomial, 0.5, 2}, // lumpy: P(0) = 0.25^(1/6) = 0.79
		{NegBinomial, 50, 400},
		{NegBinomial, 900, 5000},   // pmf(0) underflows
		{NegBinomial, 5, 5 + 1e-6}, // nearly Poisson: r = 2.5e7
		{Poisson, 10, 10},
		{Poisson, 800, 800}, // e^-800 underflows
	}
	for _, c := range cases {
		d := Distribution{Kind: c.kind, Mean: c.mean, Variance: c.variance}
		top := d.Quantile(1)
		var prev, m1, m2 float64
		for k := 0.0; k <= top; k++ {
			cdf := d.CDF(k)
			pk := cdf - prev
			prev = cdf
			m1 += k * pk
			m2 += k * k * pk
		}
		mean, variance := m1, m2-m1*m1
		if math.Abs(mean-c.mean) > 1e-6*c.mean || math.Abs(variance-c.variance) > 1e-6*c.variance {
			t.Errorf("%v(%v, %v): pmf mean %v, variance %v", c.kind, c.mean, c.variance, mean, variance)
		}
	}
}

func TestLargeMeanCountsUseNormalApproximation(t *testing.T) {
	cases := []struct {
		name    string
		d       Distribution
		p, want float64
	}{
		// continuity correction: smallest k with Φ((k+0.5−μ)/σ) >= p,
		// k = ⌈μ + zσ − 0.5⌉
		// 1e12 + 1.2815516·1e6 − 0.5 = 1e12 + 1281551.07 → 1000001281552
		{"poisson 1e12 p 0.9", Distribution{Kind: Poisson, Mean: 1e12}, 0.9, 1000001281552},
		// ⌈1e12 − 0.5⌉
		{"poisson 1e12 median", Distribution{Kind: Poisson, Mean: 1e12}, 0.5, 1e12},
		// 2000 + 1.6448536·√2000 − 0.5 = 2000 + 73.56 − 0.5 → 2074
		{"poisson 2000 p 0.95", Distribution{Kind: Poisson, Mean: 2000}, 0.95, 2074},
		// 5000 + 1.2815516·100 − 0.5 = 5127.66 → 5128
		{"negbin 5000 sd 100 p 0.9", Distribution{Kind: NegBinomial, Mean: 5000, Variance: 10000}, 0.9, 5128},
	}
	for _, c := range cases {
		if got := c.d.Quantile(c.p); got != c.want {
			t.Errorf("%s: Quantile = %.0f, want %.0f", c.name, got, c.want)
		}
		// CDF agrees: q is the first count at or above p
		if c.d.CDF(c.want) < c.p || c.d.CDF(c.want-1) >= c.p {
			t.Errorf("%s: CDF(%v) = %v, CDF(%v) = %v around p %v", c.name,
				c.want-1, c.d.CDF(c.want-1), c.want, c.d.CDF(c.want), c.p)
		}
	}
}

func TestCountDistribution(t *testing.T) {
	cases := []struct {
		name           string
		mean, variance float64
		kind           DistKind
		wantVariance   float64
	}{
		{"equal", 2, 2, Poisson, 2},
		{"underdispersed", 2, 1, Poisson, 2},
		{"overdispersed", 2, 6, NegBinomial, 6},
		{"excess is rounding noise", 2, 2 + 1e-12, Poisson, 2},
		{"tiny variance, tiny mean", 1e-12, 1e-11, Poisson, 1e-12},
		{"zero", 0, 0, Poisson, 0},
		{"NaN variance", 3, math.NaN(), Poisson, 3},
	}
	for _, c := range cases {
		d := CountDistribution(c.mean, c.variance)
		if d.Kind != c.kind || d.Mean != c.mean || d.Variance != c.wantVariance {
			t.Errorf("%s: CountDistribution(%v, %v) = %+v, want %v with variance %v",
				c.name, c.mean, c.variance, d, c.kind, c.wantVariance)
		}
	}
}

func TestDistributionDegenerate(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	cases := []struct {
		name string
		d    Distribution
		q    float64 // Quantile for every p in (0, 1]
	}{
		{"normal mean 0", Distribution{Normal, 0, 4}, 0},
		{"normal mean -3", Distribution{Normal, -3, 4}, 0},
		{"normal NaN mean", Distribution{Normal, nan, 4}, 0},
		{"normal +Inf mean", Distribution{Normal, inf, 4}, 0},
		{"normal -Inf mean", Distribution{Normal, -inf, 4}, 0},
		{"normal variance 0", Distribution{Normal, 5, 0}, 5},
		{"normal variance -1", Distribution{Normal, 5, -1}, 5},
		{"normal NaN variance", Distribution{Normal, 5, nan}, 5},
		{"normal Inf variance", Distribution{Normal, 5, inf}, 5},
		{"poisson mean 0", Distribution{Poisson, 0, 0}, 0},
		{"poisson NaN mean", Distribution{Poisson, nan, nan}, 0},
		{"negbin mean 0", Distribution{NegBinomial, 0, 5}, 0},
		{"negbin mean -1", Distribution{NegBinomial, -1, 5}, 0},
		{"negbin +Inf mean", Distribution{NegBinomial, inf, inf}, 0},
		{"unknown kind, no demand", Distribution{7, 0, 0}, 0},
	}
	for _, c := range cases {
		for _, p := range []float64{1e-9, 0.1, 0.5, 0.9, 0.999, 1} {
			if got := c.d.Quantile(p); got != c.q {
				t.Errorf("%s: Quantile(%v) = %v, want %v", c.name, p, got, c.q)
			}
		}
		if got := c.d.Quantile(0); got != 0 {
			t.Errorf("%s: Quantile(0) = %v, want 0", c.name, got)
		}
		if got := c.d.CDF(c.q); got != 1 {
			t.Errorf("%s: CDF(%v) = %v, want 1", c.name, c.q, got)
		}
		if sd := c.d.SD(); sd != 0 {
			t.Errorf("%s: SD = %v, want 0", c.name, sd)
		}
	}
	// a negative binomial that is not overdispersed, or has no usable
	// variance, is read as Poisson
	poisson := Distribution{Kind: Poisson, Mean: 2}
	for _, v := range []float64{2, 1, 0, -1, nan, inf} {
		d := Distribution{Kind: NegBinomial, Mean: 2, Variance: v}
		for _, p := range probes {
			if got, want := d.Quantile(p), poisson.Quantile(p); got != want {
				t.Errorf("NB(2, %v).Quantile(%v) = %v, want Poisson's %v", v, p, got, want)
			}
		}
	}
	// the p = 1 bound is mean + 40·sd, rounded up for counts:
	// Poisson(2): ⌈2 + 40·√2⌉ = ⌈58.57⌉ = 59; NB(2, 6): ⌈2 + 40·√6⌉ = ⌈99.98⌉ = 100
	if got := poisson.Quantile(1); got != 59 {
		t.Errorf("Poisson(2).Quantile(1) = %v, want 59", got)
	}
	if got := (Distribution{NegBinomial, 2, 6}).Quantile(2); got != 100 {
		t.Errorf("NB(2, 6).Quantile(2) = %v, want 100", got)
	}
	if got := poisson.Quantile(nan); got != 0 {
		t.Errorf("Poisson(2).Quantile(NaN) = %v, want 0", got)
	}
	if got := poisson.CDF(nan); !math.IsNaN(got) {
		t.Errorf("Poisson(2).CDF(NaN) = %v, want NaN", got)
	}
}

// Every distribution, sane or not, gives finite, non-negative quantiles
// that never decrease in p, and a CDF in [0, 1] that never decreases in x.
// The absurd variances must still answer quickly.
func TestQuantileMonotoneInP(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	var dists []Distribution
	for _, kind := range []DistKind{Normal, Poisson, NegBinomial} {
		for _, m := range []float64{-1, 0, 1e-300, 1e-6, 0.3, 2, 10, 999, 1000, 1001, 1e6, 1e12, 1e300, math.MaxFloat64, nan, inf} {
			for _, v := range []float64{-1, 0, 1e-300, m / 2, m, m * 1.5, m * m, 1e14, 1e300, math.MaxFloat64, nan, inf} {
				dists = append(dists, Distribution{kind, m, v})
			}
		}
	}
	ps := []float64{-1, 0, 1e-300, 1e-12, 1e-6, 0.001, 0.01, 0.05}
	for p := 0.1; p < 0.95; p += 0.05 {
		ps = append(ps, p)
	}
	ps = append(ps, 0.95, 0.99, 0.999, 1-1e-9, 1-1e-15, 1-1.2e-16, 1, 2)

	start := time.Now()
	for _, d := range dists {
		prev := 0.0
		for _, p := range ps {
			q := d.Quantile(p)
			if math.IsNaN(q) || math.IsInf(q, 0) || q < 0 || q < prev {
				t.Errorf("%+v: Quantile(%v) = %v after %v", d, p, q, prev)
			}
			prev = q
		}
		prevCDF := 0.0
		for _, x := range []float64{-1, 0, 0.5, 1, 3, 10, 1e3, 1e6, 1e12, 1e300, inf} {
			c := d.CDF(x)
			if math.IsNaN(c) || c < 0 || c > 1 || c < prevCDF {
				t.Errorf("%+v: CDF(%v) = %v after %v", d, x, c, prevCDF)
			}
			prevCDF = c
		}
		if sd := d.SD(); math.IsNaN(sd) || math.IsInf(sd, 0) || sd < 0 {
			t.Errorf("%+v: SD = %v", d, sd)
		}
	}
	if el := time.Since(start); el > 20*time.Second {
		t.Errorf("grid took %v", el)
	}
}

// A walk started ten sd below a large mean finds the same quantiles as one
// from zero.
func TestQuantileFromTheBulkMatchesTheFullWalk(t *testing.T) {
	for _, d := range []Distribution{
		{Kind: Poisson, Mean: 400, Variance: 400},
		{Kind: NegBinomial, Mean: 300, Variance: 900},
		{Kind: NegBinomial, Mean: 900, Variance: 1000},
	} {
		_, m, sd := d.clean()
		c := newPMF(d.Kind, m, sd)
		for _, p := range []float64{0.5, 0.9, 0.95, 0.98, 0.999} {
			want, _ := c.walk(p, maxSteps)
			if got := d.Quantile(p); got != want {
				t.Errorf("%v p %v: %v, full walk %v", d, p, got, want)
			}
		}
	}
}
