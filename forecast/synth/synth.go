// Package synth generates weekly demand series from known processes, so a
// forecasting engine can be scored against the process it should have
// recognised: point accuracy against seasonal naive and moving average, and
// the coverage of its 80 % bands. Output is deterministic given a seed.
//
// It imports only the standard library so it can be used from tests of any
// package, including the forecasting package itself.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Process names a generating process.
//
// The level-based processes use the additive ETS equations with the error
// sd proportional to the current level (formally the M-error variant: the
// same point forecasts, so the same optimal method). That keeps the level
// positive without clipping: one step would need e < −l/α, ten sd or more.
// A level that drifts below a quarter of its start is reflected back
// (floorLevel); 7–10 % of local-level, damped-trend and random-walk series
// ever touch that floor, seasonal ones practically never.
type Process string

const (
	// LocalLevel: y_t = l_{t-1} + e_t, l_t = l_{t-1} + αe_t, sd(e_t) = s·l_{t-1}.
	// SES is optimal. l_0 ∈ [20,200], α ∈ [0.1,0.4], s ∈ [0.10,0.25].
	LocalLevel Process = "local level"
	// DampedTrend, ETS(A,Ad,N): y_t = l_{t-1} + φb_{t-1} + e_t,
	// l_t = l_{t-1} + φb_{t-1} + αe_t, b_t = φb_{t-1} + βe_t,
	// sd(e_t) = s·l_{t-1}. l_0 ∈ [20,200], α ∈ [0.1,0.3], β ∈ [0.02,0.05],
	// φ ∈ [0.85,0.95], s ∈ [0.08,0.12]; b_0 from the trend's stationary
	// distribution. β is large enough that trends recur throughout (an
	// initial slope alone dies within months at these φ); s is lower than
	// elsewhere because the trend multiplies the level's wander by about
	// 1 + β/(α(1−φ)).
	DampedTrend Process = "damped trend"
	// Seasonal, additive Holt-Winters with a fixed yearly pattern (m = 52):
	// y_t = l_{t-1} + S_t + e_t, l_t = l_{t-1} + αe_t, sd(e_t) = s·l_{t-1}.
	// S is a first harmonic plus a second of relative weight [0,0.6], random
	// phases, scaled so max|S| = A·l_0. l_0 ∈ [20,200], α ∈ [0.05,0.2],
	// A ∈ [0.2,0.6], s ∈ [0.10,0.20]. α is small, as fitted Holt-Winters α
	// usually are, so the pattern is not washed out by level drift.
	Seasonal Process = "seasonal"
	// StableNoise: i.i.d. Poisson(μ), μ log-uniform in [3,60]. The long-run
	// mean (and a long moving average) is optimal.
	StableNoise Process = "stable"
	// Intermittent: demand occurs in a week with probability p ∈ [0.15,0.5]
	// (ADI 2–6.7); sizes are 1 + Poisson(λ), λ ∈ [0.5,4], or, for half the
	// series, lognormal with mean [2,10] and CV [0.3,0.6], at least 1. Size
	// CV² stays below 0.49: the Syntetos-Boylan "intermittent" class, where
	// Croston/SBA fit.
	Intermittent Process = "intermittent"
	// Lumpy: demand occurs with probability p ∈ [0.1,0.3]; sizes are
	// lognormal with mean [5,50] and CV [1,2] (CV² 1–4, far above 0.49),
	// at least 1.
	Lumpy Process = "lumpy"
	// Dying: intermittent (p_0 ∈ [0.2,0.5], size 1 + Poisson(λ),
	// λ ∈ [0.5,4]) until the last third, over which p decays as p_0·e^(−kx),
	// x going 0→1, k ∈ [3,6], so the final weeks have p ≈ 0 (0.25–5 % of
	// p_0). TSB, which smooths the probability, suits it; Croston does not.
	Dying Process = "dying"
	// RandomWalk: y_t = y_{t-1} + e_t, sd(e_t) = s·y_{t-1}, y_0 ∈ [50,200],
	// s ∈ [0.03,0.08]. Naive is optimal. The steps are smaller than the
	// other processes' noise because they accumulate: after 156 weeks of
	// 8 % steps the level has spread by a factor e^(±1) at one sd.
	RandomWalk Process = "random walk"
)

// Processes returns every process, in the order Generate emits them.
func Processes() []Process {
	return []Process{LocalLevel, DampedTrend, Seasonal, StableNoise,
		Intermittent, Lumpy, Dying, RandomWalk}
}

// Series is one synthetic SKU.
type Series struct {
	Name    string // e.g. "seasonal-0007"
	Process Process
	// Demand is weekly demand: whole units, never negative, NaN for a
	// missing week (no in-stock day).
	Demand []float64
}

// Options configures Generate. Zero values take the defaults.
type Options struct {
	Seed uint64
	// PerProcess is the number of series per process (default 50).
	PerProcess int
	// Weeks is the length of each series (default 156, three years).
	Weeks int
	// MissingRate is the share of weeks set to NaN (default 0.02; negative
	// for none). The last Holdout weeks are never missing, so a holdout
	// evaluation always has complete actuals.
	MissingRate float64
}

// Holdout is the number of trailing weeks that are never missing.
const Holdout = 13

// Generate returns PerProcess series for each process, grouped by process
// in Processes order.
//
// Series i of process p draws from its own PCG stream seeded with
// (Seed, p<<32 | i), so it does not depend on PerProcess or on the other
// series. Missing weeks come from a separate stream, so the demand of a
// series is the same whatever the MissingRate.
func Generate(opt Options) []Series {
	if opt.PerProcess <= 0 {
		opt.PerProcess = 50
	}
	if opt.Weeks <= 0 {
		opt.Weeks = 156
	}
	if opt.MissingRate == 0 {
		opt.MissingRate = 0.02
	}
	out := make([]Series, 0, opt.PerProcess*len(Processes()))
	for pi, p := range Processes() {
		gen := generators[p]
		slug := strings.ReplaceAll(string(p), " ", "-")
		for i := range opt.PerProcess {
			stream := uint64(pi)<<32 | uint64(i)
			r := rand.New(rand.NewPCG(opt.Seed, stream))
			d := gen(r, opt.Weeks)
			for t, v := range d {
				// Counts: round, and clip the rare negative draw.
				d[t] = math.Max(0, math.Round(v))
			}
			miss := rand.New(rand.NewPCG(opt.Seed, stream|1<<63))
			setMissing(miss, d, opt.MissingRate)
			out = append(out, Series{
				Name:    fmt.Sprintf("%s-%04d", slug, i),
				Process: p,
				Demand:  d,
			})
		}
	}
	return out
}

// setMissing sets round(rate·len(d)) weeks outside the holdout to NaN.
func setMissing(r *rand.Rand, d []float64, rate float64) {
	eligible := len(d) - Holdout
	if rate <= 0 || eligible <= 0 {
		return
	}
	k := min(int(math.Round(rate*float64(len(d)))), eligible)
	// Partial Fisher-Yates: the first k of a shuffled index list.
	idx := make([]int, eligible)
	for i := range idx {
		idx[i] = i
	}
	for i := range k {
		j := i + r.IntN(eligible-i)
		idx[i], idx[j] = idx[j], idx[i]
		d[idx[i]] = math.NaN()
	}
}

var generators = map[Process]func(*rand.Rand, int) []float64{
	LocalLevel:   localLevel,
	DampedTrend:  dampedTrend,
	Seasonal:     seasonal,
	StableNoise:  stable,
	Intermittent: intermittent,
	Lumpy:        lumpy,
	Dying:        dying,
	RandomWalk:   randomWalk,
}

func uniform(r *rand.Rand, lo, hi float64) float64 {
	return lo + (hi-lo)*r.Float64()
}

func localLevel(r *rand.Rand, n int) []float64 {
	l0 := uniform(r, 20, 200)
	alpha := uniform(r, 0.1, 0.4)
	s := uniform(r, 0.10, 0.25)
	l := l0
	d := make([]float64, n)
	for t := range d {
		// Noise proportional to the level means one step practically never
		// takes it below zero (that needs e < −l/α, 10 sd or more); the
		// floor stops a long slide.
		e := r.NormFloat64() * s * l
		d[t] = l + e
		l, _ = floorLevel(l+alpha*e, 0, l0)
	}
	return d
}

func dampedTrend(r *rand.Rand, n int) []float64 {
	l0 := uniform(r, 20, 200)
	alpha := uniform(r, 0.1, 0.3)
	beta := uniform(r, 0.02, 0.05)
	phi := uniform(r, 0.85, 0.95)
	s := uniform(r, 0.08, 0.12)
	// Start the trend in its stationary distribution, sd βσ/√(1−φ²), rather
	// than from a fixed initial slope: with φ ≤ 0.95 a fixed slope is spent
	// within a few months, long before the holdout at the end.
	b := r.NormFloat64() * beta * s * l0 / math.Sqrt(1-phi*phi)
	l := l0
	d := make([]float64, n)
	for t := range d {
		e := r.NormFloat64() * s * l
		d[t] = l + phi*b + e
		l += phi*b + alpha*e
		b = phi*b + beta*e
		l, b = floorLevel(l, b, l0)
	}
	return d
}

// floorLevel keeps a level drifting by trend or random walk well above zero:
// below l0/4 it is reflected (in log terms, so the floor is never crossed)
// and a falling trend turns up, a bounce. Only a minority of series ever
// reach the floor; away from it the process is exactly the documented one.
func floorLevel(l, b, l0 float64) (float64, float64) {
	floor := l0 / 4
	if l >= floor {
		return l, b
	}
	return floor * floor / math.Max(l, floor/4), math.Abs(b)
}

func seasonal(r *rand.Rand, n int) []float64 {
	const m = 52
	l0 := uniform(r, 20, 200)
	alpha := uniform(r, 0.05, 0.2)
	amp := uniform(r, 0.2, 0.6)
	s := uniform(r, 0.10, 0.20)
	w2 := uniform(r, 0, 0.6)
	ph1 := uniform(r, 0, 2*math.Pi)
	ph2 := uniform(r, 0, 2*math.Pi)
	// One year of the pattern: sums to zero over the year (pure harmonics),
	// so l stays the annual mean; scaled so its peak deviation is amp·l0.
	pattern := make([]float64, m)
	peak := 0.0
	for j := range pattern {
		x := 2 * math.Pi * float64(j) / m
		pattern[j] = math.Sin(x+ph1) + w2*math.Sin(2*x+ph2)
		peak = math.Max(peak, math.Abs(pattern[j]))
	}
	for j := range pattern {
		pattern[j] *= amp * l0 / peak
	}
	l := l0
	d := make([]float64, n)
	for t := range d {
		e := r.NormFloat64() * s * l
		d[t] = l + pattern[t%m] + e
		l += alpha * e
	}
	return d
}

func stable(r *rand.Rand, n int) []float64 {
	mu := math.Exp(uniform(r, math.Log(3), math.Log(60)))
	d := make([]float64, n)
	for t := range d {
		d[t] = poisson(r, mu)
	}
	return d
}

// intermittentSize returns a size sampler with CV² < 0.49.
func intermittentSize(r *rand.Rand) func() float64 {
	if r.IntN(2) == 0 {
		// 1 + Poisson(λ): CV² = λ/(1+λ)² ≤ 0.25.
		lambda := uniform(r, 0.5, 4)
		return func() float64 { return 1 + poisson(r, lambda) }
	}
	mean := uniform(r, 2, 10)
	cv := uniform(r, 0.3, 0.6)
	return lognormal(r, mean, cv)
}

func intermittent(r *rand.Rand, n int) []float64 {
	p := uniform(r, 0.15, 0.5)
	size := intermittentSize(r)
	d := make([]float64, n)
	for t := range d {
		if r.Float64() < p {
			d[t] = size()
		}
	}
	return d
}

func lumpy(r *rand.Rand, n int) []float64 {
	p := uniform(r, 0.1, 0.3)
	size := lognormal(r, uniform(r, 5, 50), uniform(r, 1, 2))
	d := make([]float64, n)
	for t := range d {
		if r.Float64() < p {
			d[t] = size()
		}
	}
	return d
}

func dying(r *rand.Rand, n int) []float64 {
	p0 := uniform(r, 0.2, 0.5)
	lambda := uniform(r, 0.5, 4)
	k := uniform(r, 3, 6)
	start := n - n/3
	d := make([]float64, n)
	for t := range d {
		p := p0
		if t >= start {
			x := float64(t-start+1) / float64(n-start)
			p = p0 * math.Exp(-k*x)
		}
		if r.Float64() < p {
			d[t] = 1 + poisson(r, lambda)
		}
	}
	return d
}

func randomWalk(r *rand.Rand, n int) []float64 {
	y0 := uniform(r, 50, 200)
	s := uniform(r, 0.03, 0.08)
	y := y0
	d := make([]float64, n)
	for t := range d {
		y, _ = floorLevel(y+r.NormFloat64()*s*y, 0, y0)
		d[t] = y
	}
	return d
}

// lognormal returns a sampler of lognormal sizes with the given mean and
// coefficient of variation, rounded up to at least one unit (a demand
// occurrence sells something).
func lognormal(r *rand.Rand, mean, cv float64) func() float64 {
	sigma2 := math.Log(1 + cv*cv)
	mu := math.Log(mean) - sigma2/2
	sigma := math.Sqrt(sigma2)
	return func() float64 {
		return math.Max(1, math.Round(math.Exp(mu+sigma*r.NormFloat64())))
	}
}

// poisson draws from Poisson(mu) by Knuth's product method: exact, and
// cheap at the means used here (e^−μ is far from underflow for μ ≤ 60).
func poisson(r *rand.Rand, mu float64) float64 {
	limit := math.Exp(-mu)
	k := 0.0
	for prod := r.Float64(); prod > limit; prod *= r.Float64() {
		k++
	}
	return k
}
