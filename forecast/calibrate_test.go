package forecast

import (
	"math"
	"testing"
)

// By hand, SD 2, ψ = 0.5 and a level variance of 0.1 (in SD² units):
// week 0 has 4·(1 + 0.1) = 4.4, week 2 4·(1 + 0.25 + 0.25 + 0.1) = 6.4;
// the total of 3 weeks 4·(1² + 1.5² + 2² + 0.1·3²) = 32.6, of one week
// the first week's 4.4. Without the level variance, 29 and 4.
func TestVarianceWithLevel(t *testing.T) {
	r := Result{Class: Smooth, Mean: []float64{10}, SD: 2, Psi: []float64{0.5}, LevelVar: 0.1}
	cases := []struct {
		name      string
		got, want float64
	}{
		{"week 0", r.Week(0).Variance, 4.4},
		{"week 2", r.Week(2).Variance, 6.4},
		{"total of 1", r.Total(1).Variance, 4.4},
		{"total of 3", r.Total(3).Variance, 32.6},
		{"TotalVariance(3)", r.TotalVariance(3), 32.6},
		{"TotalVariance(0)", r.TotalVariance(0), 0},
		{"cumulative through week 2", r.Cumulative(2).Variance, 32.6},
	}
	for _, c := range cases {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	// the whole horizon at once agrees with one week at a time
	_, lo, hi := r.CumulativeBands(3)
	_, wantLo, wantHi := r.CumulativeBand(2)
	if math.Abs(lo[2]-wantLo) > 1e-9 || math.Abs(hi[2]-wantHi) > 1e-9 {
		t.Errorf("CumulativeBands week 2 %v–%v, CumulativeBand %v–%v", lo[2], hi[2], wantLo, wantHi)
	}
	for _, bad := range []float64{-1, math.NaN(), math.Inf(1)} {
		r.LevelVar = bad
		if got := r.Total(3).Variance; math.Abs(got-29) > 1e-9 {
			t.Errorf("level variance %v: total of 3 has %v, want 29 (read as 0)", bad, got)
		}
	}
}

// totalErrors by hand, naive on 1, 2, 4, ?, 5 from origin 1, two weeks:
// from 1 it forecasts 1, 1: the one-week total errs by 1, the two-week by
// 1 + 3 = 4; from 2 it forecasts 2: errs by 2, then a missing week stops
// it; from 3 the first week is missing; from 4 (last known 4) it errs by
// 1 and the series ends. One-week MSE (1 + 4 + 1)/3 = 2 over 3 origins,
// two-week 16 over 1.
func TestTotalErrors(t *testing.T) {
	y := []float64{1, 2, 4, math.NaN(), 5}
	ms, n := totalErrors(naive.fit(y), y, 1, 2)
	if math.Abs(ms[0]-2) > 1e-12 || math.Abs(ms[1]-16) > 1e-12 || n[0] != 3 || n[1] != 1 {
		t.Errorf("ms %v n %v, want [2 16] [3 1]", ms, n)
	}
}

// fitLevelVar by hand, ψ = 0 and sd 1, so the ψ variance of h weeks is h:
// mean squared totals 1.5, 4, 3 exceed it by 0.5, 2, 0, and the
// least-squares v of x_h = v·h² is (1·0.5 + 4·2 + 9·0)/(1 + 16 + 81).
// Totals exactly h + h² give 1; totals below the ψ variance give 0; a
// horizon with under minCalibrationOrigins origins does not count.
func TestFitLevelVar(t *testing.T) {
	r := Result{SD: 1}
	cases := []struct {
		name string
		ms   []float64
		n    []int
		want float64
	}{
		{"least squares", []float64{1.5, 4, 3}, []int{9, 9, 9}, 8.5 / 98},
		{"exact", []float64{2, 6, 12}, []int{9, 9, 9}, 1},
		{"narrower than ψ", []float64{0.5, 1, 2}, []int{9, 9, 9}, 0},
		{"too few origins", []float64{1.5, 4, 300}, []int{9, 9, minCalibrationOrigins - 1}, 8.5 / 17},
		{"none", []float64{5}, []int{0}, 0},
	}
	for _, c := range cases {
		if got := r.fitLevelVar(c.ms, c.n, 1); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	// ψ = 1 (naive): the ψ variance of two weeks is 1 + 2² = 5
	walk := Result{SD: 1, Psi: []float64{1}}
	if got := walk.fitLevelVar([]float64{1, 9}, []int{9, 9}, 1); math.Abs(got-16.0/17) > 1e-12 {
		t.Errorf("naive: %v, want (0 + 4·4)/17", got)
	}
}

// The level prior of each method by hand: a 13-week mean errs by 1/13 of a
// week's variance; SES with α = 0.2 by 0.2/1.8; Croston with α = 0.1 and
// a sale every 4 weeks by 0.1/1.9/4; ADIDA with α = 0.5 on 3-week
// buckets by 0.5/1.5/3; naive, damped Holt none. TSB with α = 1/3 and
// β = 0.2 (a = 0.2, b = 1/9) on sales of 2 and 4 in half the weeks
// (z = 3, s² = 1, π = 0.5): (0.5·0.2·1 + (1/9)·0.5·9)/(1 + 0.5·9) = 0.6/5.5;
// on a SKU that sells 5 every week only sizes vary, never: a·0/0 is no
// level error from the probability, so 0; and 2 and 4 every week: a.
func TestLevelPrior(t *testing.T) {
	cases := []struct {
		name string
		f    fitted
		want float64
	}{
		{"moving average", movingAverage, 1.0 / 13},
		{"SES", &ets{alpha: 0.2, phi: 1}, 0.2 / 1.8},
		{"Croston", &crostonFit{alpha: 0.1, p0: 4, factor: 1}, 0.1 / 1.9 / 4},
		{"TSB", &tsbFit{alpha: 1.0 / 3, beta: 0.2}, 0.6 / 5.5},
		{"ADIDA", &adidaFit{alpha: 0.5, k: 3}, 0.5 / 1.5 / 3},
		{"naive", naive, 0},
		{"damped Holt", &ets{alpha: 0.2, beta: 0.05, phi: 0.9, trend: true}, 0},
		{"Theta: its SES level", &thetaFit{ses: &ets{alpha: 0.2, phi: 1}}, 0.2 / 1.8},
		{"seasonally adjusted SES", adjustedFit{f: &ets{alpha: 0.2, phi: 1}}, 0.2 / 1.8},
		{"moving average + naive: the mean", combine(movingAverage, naive), 1.0 / 26},
	}
	for _, c := range cases {
		if got := levelPrior(c.f, []float64{2, 0, 4, 0, math.NaN()}); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	tsb := &tsbFit{alpha: 1.0 / 3, beta: 0.2}
	if got := levelPrior(tsb, []float64{5, 5, 5}); got != 0 {
		t.Errorf("TSB on a constant series: %v, want 0", got)
	}
	if got := levelPrior(tsb, []float64{2, 4, 2, 4}); math.Abs(got-0.2) > 1e-12 {
		t.Errorf("TSB selling every week: %v, want a = 0.2", got)
	}
}

// A moving average's level is the mean of 13 weeks and is off by 1/13 of
// a week's variance in every week ahead, so over 26 weeks its total
// varies by at least SD²·(26 + 26²/13) = 78·SD², three times the 26·SD²
// of independent weeks (ψ = 0), and each week by SD²·(1 + 1/13).
func TestMovingAverageVarianceGrowsWithItsLevel(t *testing.T) {
	y := make([]float64, 104)
	for i := range y {
		y[i] = 20 + float64(i%5) - 2 // a stable series: 18 … 22
	}
	r, err := ForecastWith(y, 26, NameMovingAverage)
	if err != nil {
		t.Fatal(err)
	}
	sd2 := r.SD * r.SD
	if !(sd2 > 0) || r.LevelVar < 1.0/13-1e-12 {
		t.Fatalf("SD %v, level variance %v", r.SD, r.LevelVar)
	}
	if got := r.Total(26).Variance; got < 78*sd2*(1-1e-12) {
		t.Errorf("26 weeks: variance %v = %.1f·SD², want at least 78·SD²", got, got/sd2)
	}
	if got := r.Week(5).Variance; got < sd2*(1+1.0/13)*(1-1e-12) {
		t.Errorf("week 5: variance %v, want at least SD²·14/13", got)
	}
}

// A combination holding seasonal naive measures its errors only once the
// year it repeats is there, as seasonal naive alone does: in its first
// year it repeats the last week, which read as a wandering level.
func TestHistoryStartWaitsForTheYearSeasonalNaiveRepeats(t *testing.T) {
	y := make([]float64, 104)
	cases := []struct {
		name string
		m    method
		want int
	}{
		{"seasonal naive", seasonalNaive, season},
		{"seasonal naive + damped Holt", combination{seasonalNaive, dampedHolt{}}, season},
		{"SES + seasonal naive", combination{sesMethod{}, seasonalNaive}, season},
		{"SES + Theta", combination{sesMethod{}, theta{}}, movingAverageWindow},
		{"moving average", movingAverage, movingAverageWindow},
	}
	for _, c := range cases {
		if got := historyStart(c.m, y); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
