package synth

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestProcesses(t *testing.T) {
	ps := Processes()
	if len(ps) != 8 {
		t.Fatalf("%d processes, want 8", len(ps))
	}
	seen := map[Process]bool{}
	for _, p := range ps {
		if seen[p] {
			t.Errorf("process %q listed twice", p)
		}
		seen[p] = true
		if generators[p] == nil {
			t.Errorf("process %q has no generator", p)
		}
	}
}

func TestGenerateLayout(t *testing.T) {
	ss := Generate(Options{Seed: 1, PerProcess: 9})
	if len(ss) != 9*len(Processes()) {
		t.Fatalf("%d series, want %d", len(ss), 9*len(Processes()))
	}
	names := map[string]bool{}
	for i, s := range ss {
		p := Processes()[i/9]
		want := fmt.Sprintf("%s-%04d", strings.ReplaceAll(string(p), " ", "-"), i%9)
		if s.Process != p || s.Name != want {
			t.Errorf("series %d is %q/%q, want %q/%q", i, s.Process, s.Name, p, want)
		}
		if names[s.Name] {
			t.Errorf("duplicate name %q", s.Name)
		}
		names[s.Name] = true
	}
	if !names["seasonal-0007"] {
		t.Error("no series named seasonal-0007")
	}
}

// same compares two series bit for bit, so NaN equals NaN.
func same(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func TestDeterminism(t *testing.T) {
	a := Generate(Options{Seed: 42, PerProcess: 20})
	b := Generate(Options{Seed: 42, PerProcess: 20})
	c := Generate(Options{Seed: 43, PerProcess: 20})
	for i := range a {
		if !same(a[i].Demand, b[i].Demand) {
			t.Errorf("%s: same seed, different demand", a[i].Name)
		}
		// 156 weeks of independent draws: equal series from different
		// seeds would mean the seed is ignored.
		if same(a[i].Demand, c[i].Demand) {
			t.Errorf("%s: different seeds, same demand", a[i].Name)
		}
	}
}

// Each series has its own stream, so it does not change with PerProcess,
// and missing weeks have theirs, so the demand does not change with
// MissingRate.
func TestSeriesIndependent(t *testing.T) {
	small := Generate(Options{Seed: 7, PerProcess: 3})
	big := Generate(Options{Seed: 7, PerProcess: 10})
	full := Generate(Options{Seed: 7, PerProcess: 10, MissingRate: -1})
	byName := map[string]Series{}
	for _, s := range big {
		byName[s.Name] = s
	}
	for _, s := range small {
		if !same(s.Demand, byName[s.Name].Demand) {
			t.Errorf("%s changes with PerProcess", s.Name)
		}
	}
	for i, s := range big {
		for w, v := range s.Demand {
			if !math.IsNaN(v) && v != full[i].Demand[w] {
				t.Fatalf("%s week %d: %v with missing weeks, %v without", s.Name, w, v, full[i].Demand[w])
			}
		}
	}
}

func TestShape(t *testing.T) {
	cases := []struct {
		opt         Options
		weeks, nans int
	}{
		// defaults: 156 weeks, round(0.02·156) = 3 missing
		{Options{Seed: 3, PerProcess: 10}, 156, 3},
		{Options{Seed: 3, PerProcess: 10, Weeks: 60, MissingRate: 0.1}, 60, 6},
		{Options{Seed: 3, PerProcess: 10, MissingRate: -1}, 156, 0},
		// more missing than there are weeks outside the holdout: all of them
		{Options{Seed: 3, PerProcess: 2, Weeks: 20, MissingRate: 0.9}, 20, 20 - Holdout},
		// nothing outside the holdout to blank
		{Options{Seed: 3, PerProcess: 2, Weeks: 10, MissingRate: 0.5}, 10, 0},
	}
	for _, c := range cases {
		for _, s := range Generate(c.opt) {
			if len(s.Demand) != c.weeks {
				t.Fatalf("%+v %s: %d weeks, want %d", c.opt, s.Name, len(s.Demand), c.weeks)
			}
			nans := 0
			for w, v := range s.Demand {
				switch {
				case math.IsNaN(v):
					nans++
					if w >= c.weeks-Holdout {
						t.Errorf("%+v %s: week %d missing, inside the holdout", c.opt, s.Name, w)
					}
				case v < 0 || v != math.Round(v) || math.IsInf(v, 0):
					t.Errorf("%+v %s: week %d demand %v, want a whole number ≥ 0", c.opt, s.Name, w, v)
				}
			}
			if nans != c.nans {
				t.Errorf("%+v %s: %d missing weeks, want %d", c.opt, s.Name, nans, c.nans)
			}
		}
	}
}

// Helpers for the statistical test. All skip missing weeks.

func present(d []float64) []float64 {
	var out []float64
	for _, v := range d {
		if !math.IsNaN(v) {
			out = append(out, v)
		}
	}
	return out
}

func meanVar(x []float64) (mean, variance float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		variance += (v - mean) * (v - mean)
	}
	return mean, variance / float64(len(x))
}

// acf is the usual sample autocorrelation at lag k: lagged products about
// the overall mean, over the overall sum of squares.
func acf(d []float64, k int) float64 {
	mean, _ := meanVar(present(d))
	var num, den float64
	for t, v := range d {
		if math.IsNaN(v) {
			continue
		}
		den += (v - mean) * (v - mean)
		if t+k < len(d) && !math.IsNaN(d[t+k]) {
			num += (v - mean) * (d[t+k] - mean)
		}
	}
	return num / den
}

// diffs returns y_t − y_{t−1} where both weeks are present, NaN otherwise
// (so acf skips them).
func diffs(d []float64) []float64 {
	out := make([]float64, len(d)-1)
	for t := range out {
		out[t] = d[t+1] - d[t]
	}
	return out
}

// naiveOverMean is the one-step naive forecast's mean squared error over
// the mean forecast's (the variance).
func naiveOverMean(d []float64) float64 {
	_, v := meanVar(present(d))
	dd := present(diffs(d))
	sq := 0.0
	for _, x := range dd {
		sq += x * x
	}
	return sq / float64(len(dd)) / v
}

// sizeCV2 is the squared coefficient of variation of the non-zero weeks.
func sizeCV2(d []float64) float64 {
	var nz []float64
	for _, v := range present(d) {
		if v > 0 {
			nz = append(nz, v)
		}
	}
	m, v := meanVar(nz)
	return v / (m * m)
}

func nonZero(d []float64) int {
	n := 0
	for _, v := range d {
		if v > 0 {
			n++
		}
	}
	return n
}

// blockCorr is the correlation between consecutive changes in 13-week
// block means: positive when a movement tends to continue into the next
// quarter.
func blockCorr(d []float64) float64 {
	var blocks []float64
	for k := 0; k+13 <= len(d); k += 13 {
		m, _ := meanVar(present(d[k : k+13]))
		blocks = append(blocks, m)
	}
	ch := diffs(blocks)
	x, y := ch[:len(ch)-1], ch[1:]
	mx, vx := meanVar(x)
	my, vy := meanVar(y)
	cov := 0.0
	for i := range x {
		cov += (x[i] - mx) * (y[i] - my)
	}
	return cov / float64(len(x)) / math.Sqrt(vx*vy)
}

// TestStatistics checks each process has the property its matching method
// relies on. Thresholds come from the generating parameters (reasoning at
// each check) and leave at least ~4 standard errors of margin: every
// average is over 100 series, and three seeds must all pass.
func TestStatistics(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		avg := map[Process]map[string]float64{}
		ss := Generate(Options{Seed: seed, PerProcess: 100})
		for _, p := range Processes() {
			avg[p] = map[string]float64{}
		}
		for _, s := range ss {
			d, a := s.Demand, avg[s.Process]
			n := len(d)
			pr := present(d)
			a["zero share"] += float64(len(pr)-nonZero(pr)) / float64(len(pr)) / 100
			a["size cv2"] += sizeCV2(d) / 100
			a["acf52"] += acf(d, 52) / 100
			a["diff acf1"] += acf(diffs(d), 1) / 100
			a["naive/mean"] += naiveOverMean(d) / 100
			a["block corr"] += blockCorr(d) / 100
			a["nz first third"] += float64(nonZero(d[:n/3])) / 100
			a["nz last third"] += float64(nonZero(d[n-n/3:])) / 100
			a["nz holdout"] += float64(nonZero(d[n-Holdout:])) / 100
		}
		check := func(p Process, stat string, lo, hi float64) {
			t.Helper()
			if v := avg[p][stat]; !(v > lo && v < hi) {
				t.Errorf("seed %d %s: mean %s %.3f, want in (%g, %g)", seed, p, stat, v, lo, hi)
			}
		}

		// Intermittent: a week is zero with probability 1 − p, p ~ U(0.15,
		// 0.5), so the share of zeros averages 0.675 (sizes are ≥ 1). Per
		// series sd ≈ 0.11 (mostly the spread of p), so over 100 series
		// the standard error is ≈ 0.011.
		check(Intermittent, "zero share", 0.6, 0.75)
		// Size CV²: 1 + Poisson(λ) has λ/(1+λ)² ≤ 0.25, the lognormal CV
		// ≤ 0.6 has CV² ≤ 0.36; both average ≈ 0.2.
		check(Intermittent, "size cv2", 0, 0.35)
		// Lumpy: true CV² is U(1,2)², mean 2.33. The sample CV² of ~15
		// heavy-tailed sizes is biased low (the tail is rarely drawn), to
		// about 1.7, still far above the 0.49 class boundary.
		check(Lumpy, "size cv2", 1.0, math.Inf(1))

		// Dying: the first third has ≈ 0.35·52 = 18 non-zero weeks; the
		// last third keeps (1 − e^(−k))/k of that, averaging 0.23 over
		// k ~ U(3,6), so ≈ 4. By the holdout p is ≈ p_0·e^(−0.875k),
		// averaging 2.6 % of p_0: ≈ 0.1 non-zero weeks of 13.
		if f, l := avg[Dying]["nz first third"], avg[Dying]["nz last third"]; !(l < 0.5*f) {
			t.Errorf("seed %d dying: %.1f non-zero weeks in the last third, %.1f in the first; want under half", seed, l, f)
		}
		check(Dying, "nz holdout", 0, 1)

		// Seasonal: without level drift, r_52 ≈ (n−52)/n · V_S/(V_S+V_e),
		// V_S = c(A·l_0)² with c ≈ 0.37 the mean square of a unit-peak
		// pattern, V_e = (s·l_0)². Averaged over A ~ U(0.2,0.6),
		// s ~ U(0.1,0.2) that is 2/3 · 0.69 ≈ 0.46; drift lowers it a
		// little. A level process has none: its r_52 is ≤ 0 (a wandering
		// level puts year 1 and year 3 on opposite sides of the mean).
		check(Seasonal, "acf52", 0.3, 1)
		check(LocalLevel, "acf52", -1, 0.1)

		// One-step changes: for a random walk they are the i.i.d. steps,
		// acf 0. For the local level Δy_t = e_t − (1−α)e_{t−1}, acf
		// −(1−α)/(1+(1−α)²), −0.477 on average over α ~ U(0.1,0.4).
		check(RandomWalk, "diff acf1", -0.1, 0.1)
		check(LocalLevel, "diff acf1", -0.54, -0.40)

		// Naive's MSE over the variance: i.i.d. noise gives 2 (the change
		// of two independent draws); a random walk's variance grows to
		// ≈ nσ²/6, so ≈ 6/n = 0.04 (a little more here, with steps
		// proportional to the level); the local level is in between.
		check(StableNoise, "naive/mean", 1.5, 2.5)
		check(RandomWalk, "naive/mean", 0, 0.25)
		check(LocalLevel, "naive/mean", 0.25, 1.5)

		// Damped trend: the trend persists φ^13 ∈ [0.12,0.46] into the next
		// quarter, so consecutive quarterly changes correlate (≈ 0.33). For
		// the local level the level part (+0.25 for block means of a random
		// walk) and the noise part (−0.5) roughly cancel (≈ 0). Per series
		// sd ≈ 0.3 from 10 pairs, standard error ≈ 0.03.
		check(DampedTrend, "block corr", 0.15, 1)
		check(LocalLevel, "block corr", -1, 0.15)
	}
}
