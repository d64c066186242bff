package forecast

import (
	"math"
	"testing"
)

var nan = math.NaN()

// finalPath is a fitted method's forecast from the end of y.
func finalPath(f fitted, y []float64, h int) []float64 {
	var out []float64
	f.paths(y, len(y), h, func(_ int, p []float64) { out = append([]float64(nil), p...) })
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkPath(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d weeks, want %d", name, len(got), len(want))
	}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("%s: week %d = %.10g, want %.10g", name, i+1, got[i], want[i])
		}
	}
}

// Each method with its parameters fixed, on a short series worked by hand.
func TestMethodsByHand(t *testing.T) {
	year := make([]float64, 53) // 0, 1, …, 52
	for i := range year {
		year[i] = float64(i)
	}
	ramp := make([]float64, 20) // 1 … 20
	for i := range ramp {
		ramp[i] = float64(i + 1)
	}
	s0 := make([]float64, season)
	s0[0], s0[1] = 2, -2
	cases := []struct {
		name string
		f    fitted
		y    []float64
		h    int
		want []float64
	}{
		// the last known week, skipping the missing one
		{"naive", naive, []float64{1, 2, 3, nan}, 2, []float64{3, 3}},
		// week 53 repeats week 1 (1), week 54 repeats week 2 (2)
		{"seasonal naive", seasonalNaive, year, 2, []float64{1, 2}},
		// mean of the last 13 weeks, 8 … 20 = 14
		{"moving average", movingAverage, ramp, 1, []float64{14}},
		// SES α 0.5 from 10: 12 → 11, 8 → 9.5, 10 → 9.75
		{"SES", &ets{alpha: 0.5, phi: 1, l0: 10}, []float64{12, 8, 10}, 2, []float64{9.75, 9.75}},
		// a missing week changes nothing in SES
		{"SES missing week", &ets{alpha: 0.5, phi: 1, l0: 10}, []float64{12, nan}, 1, []float64{11}},
		// damped Holt α .5 β .1 φ .9 from l 10, b 1: f = 10.9, e = 1.1,
		// l = 10.9 + .55 = 11.45, b = .9 + .11 = 1.01;
		// then 11.45 + .9·1.01 = 12.359 and 11.45 + 1.71·1.01 = 13.1771
		{"damped Holt", &ets{trend: true, alpha: 0.5, beta: 0.1, phi: 0.9, l0: 10, b0: 1}, []float64{12}, 2, []float64{12.359, 13.1771}},
		// Holt-Winters α .5 γ .5, no trend, season +2 in week 0 and −2 in
		// week 1: f = 12, e = 1, l = 10.5, s0 = 2.5; next week 10.5 − 2 =
		// 8.5, and a year after week 0 10.5 + 2.5 = 13
		{"Holt-Winters", &ets{trend: true, seasonal: true, alpha: 0.5, gamma: 0.5, phi: 0.95, l0: 10, s0: s0}, []float64{13}, 52,
			append(append([]float64{8.5}, repeat(10.5, 50)...), 13)},
		// Croston α .5 from z 2, p 2: a zero, then 4 after an interval of
		// 2: z = 3, p = 2 → 1.5; SBA × (1 − .25) = 1.125
		{"Croston", &crostonFit{alpha: 0.5, z0: 2, p0: 2, factor: 1}, []float64{0, 4}, 1, []float64{1.5}},
		{"SBA", &crostonFit{alpha: 0.5, z0: 2, p0: 2, factor: 0.75}, []float64{0, 4}, 1, []float64{1.125}},
		// a missing week does not count as an interval week: still 1.5
		{"Croston missing week", &crostonFit{alpha: 0.5, z0: 2, p0: 2, factor: 1}, []float64{0, nan, 4}, 1, []float64{1.5}},
		// TSB α .5 β .5 from z 2, π .5: a zero → π .25 (forecast .5); then
		// 4 → z 3, π .625 → 1.875
		{"TSB after a zero", &tsbFit{alpha: 0.5, beta: 0.5, z0: 2, pi0: 0.5}, []float64{0}, 1, []float64{0.5}},
		{"TSB after a sale", &tsbFit{alpha: 0.5, beta: 0.5, z0: 2, pi0: 0.5}, []float64{0, 4}, 1, []float64{1.875}},
		// ADIDA buckets of 2: [1 0] [3 0] [2 2] = 1, 3, 4; SES α .5: 1 → 2
		// → 3, spread over 2 weeks = 1.5
		{"ADIDA", &adidaFit{alpha: 0.5, k: 2}, []float64{1, 0, 3, 0, 2, 2}, 2, []float64{1.5, 1.5}},
	}
	for _, c := range cases {
		checkPath(t, c.name, finalPath(c.f, c.y, c.h), c.want)
	}
}

func repeat(v float64, n int) []float64 {
	out := make([]float64, n)
	fill(out, v)
	return out
}

// ψ weights by hand: SES α; damped Holt α + β(φ + … + φ^k); Holt-Winters
// adds γ a whole season later; a random walk keeps every error.
func TestPsi(t *testing.T) {
	dh := &ets{trend: true, alpha: 0.5, beta: 0.1, phi: 0.9}
	hw := &ets{trend: true, seasonal: true, alpha: 0.2, beta: 0.05, gamma: 0.3, phi: 0.95}
	cases := []struct {
		name string
		got  float64
		want float64
	}{
		{"SES", (&ets{alpha: 0.3, phi: 1}).psi(5), 0.3},
		{"damped Holt k=1", dh.psi(1), 0.5 + 0.1*0.9},
		{"damped Holt k=2", dh.psi(2), 0.5 + 0.1*(0.9+0.81)},
		{"Holt-Winters k=52", hw.psi(52), 0.2 + 0.05*dampedSum(0.95, 52) + 0.3},
		{"Holt-Winters k=51", hw.psi(51), 0.2 + 0.05*dampedSum(0.95, 51)},
		{"naive", naive.psi(3), 1},
		{"seasonal naive k=52", seasonalNaive.psi(52), 1},
		{"seasonal naive k=3", seasonalNaive.psi(3), 0},
	}
	for _, c := range cases {
		if !near(c.got, c.want) {
			t.Errorf("%s: ψ %v, want %v", c.name, c.got, c.want)
		}
	}
}

// The distributions a Result gives, by hand: weekly means 2, SD 1, ψ .5.
func TestResultDistributions(t *testing.T) {
	r := Result{Class: Smooth, Mean: []float64{2, 2, 2}, SD: 1, Psi: []float64{0.5, 0.5}}
	// week 3: 1 + .25 + .25 = 1.5
	if d := r.Week(2); d.Kind != Normal || !near(d.Mean, 2) || !near(d.Variance, 1.5) {
		t.Errorf("week 3: %+v", d)
	}
	// total of 3 weeks: shocks reach the later weeks, 1² + 1.5² + 2² = 7.25
	if d := r.Total(3); !near(d.Mean, 6) || !near(d.Variance, 7.25) {
		t.Errorf("total: %+v", d)
	}
	// beyond the horizon the last week's mean and ψ hold: 4 weeks 8, and
	// 1 + 2.25 + 4 + 6.25 = 13.5
	if d := r.Total(4); !near(d.Mean, 8) || !near(d.Variance, 13.5) {
		t.Errorf("total beyond horizon: %+v", d)
	}
	// sporadic demand is counted: negative binomial when over-dispersed
	r.Class = Lumpy
	if d := r.Total(3); d.Kind != NegBinomial {
		t.Errorf("lumpy total is %v", d.Kind)
	}
	r.SD = 0.5 // variance 1.8125 < mean 6: Poisson
	if d := r.Total(3); d.Kind != Poisson {
		t.Errorf("under-dispersed lumpy total is %v", d.Kind)
	}
	// the band is the 10th and 90th percentile: 2 ± 1.2816 for week 1
	r = Result{Class: Smooth, Mean: []float64{2}, SD: 1}
	if lo, hi := r.Band(0); !near(math.Round(lo*1e4)/1e4, 0.7184) || !near(math.Round(hi*1e4)/1e4, 3.2816) {
		t.Errorf("band %v %v", lo, hi)
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		name string
		y    []float64
		want Class
		adi  float64
	}{
		// every week sells, sizes 9–11: CV² tiny
		{"smooth", []float64{10, 9, 11, 10}, Smooth, 1},
		// every week sells, 1 or 20: CV² = (90.25)/(10.5²) ≈ .82
		{"erratic", []float64{1, 20, 1, 20}, Erratic, 1},
		// a sale every other week, always 3: ADI 2, CV² 0
		{"intermittent", []float64{3, 0, 3, 0}, Intermittent, 2},
		{"lumpy", []float64{1, 0, 20, 0}, Lumpy, 2},
		// missing weeks do not count: 4 known weeks, 2 sales
		{"missing not counted", []float64{3, nan, 0, 3, nan, 0}, Intermittent, 2},
		{"never sold", []float64{0, 0}, NoDemand, math.Inf(1)},
	}
	for _, c := range cases {
		got, adi, _ := Classify(c.y)
		if got != c.want || adi != c.adi {
			t.Errorf("%s: %v (ADI %v), want %v (ADI %v)", c.name, got, adi, c.want, c.adi)
		}
	}
	// leading weeks before the first sale are dropped before classifying
	if y := trimStart([]float64{0, 0, nan, 0, 5, 0, 5}, nil); len(y) != 3 {
		t.Errorf("trimmed to %v", y)
	}
}
