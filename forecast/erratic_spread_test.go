package forecast

import (
	"math"
	"testing"
)

// levelGrowth by hand: h² for every class but erratic; for an erratic
// SKU h³/13 up to 13 weeks (1/13, 64/13 ≈ 4.92), then h² (169, 676).
func TestLevelGrowth(t *testing.T) {
	cases := []struct {
		class Class
		h     float64
		want  float64
	}{
		{Smooth, 1, 1}, {Smooth, 4, 16}, {Smooth, 26, 676},
		{Lumpy, 4, 16}, {Intermittent, 13, 169},
		{Erratic, 1, 1.0 / 13}, {Erratic, 4, 64.0 / 13}, {Erratic, 12, 1728.0 / 13},
		{Erratic, 13, 169}, {Erratic, 26, 676},
	}
	for _, c := range cases {
		if got := (Result{Class: c.class}).levelGrowth(c.h); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%v h=%v: %v, want %v", c.class, c.h, got, c.want)
		}
	}
}

// An erratic SKU's total over 4 weeks, SD 2, ψ = 0, level variance 0.5:
// 4·(4 + 0.5·64/13) = 16 + 128/13; a smooth one's 4·(4 + 0.5·16) = 48.
// Over 26 weeks both are 4·(26 + 0.5·676) = 1,456. The cumulative band
// reads the same variance.
func TestErraticLevelErrorRampsIn(t *testing.T) {
	erratic := Result{Class: Erratic, Mean: []float64{10}, SD: 2, LevelVar: 0.5}
	smooth := erratic
	smooth.Class = Smooth
	cases := []struct {
		name      string
		got, want float64
	}{
		{"erratic, 4 weeks", erratic.TotalVariance(4), 16 + 128.0/13},
		{"smooth, 4 weeks", smooth.TotalVariance(4), 48},
		{"erratic, 26 weeks", erratic.TotalVariance(26), 1456},
		{"smooth, 26 weeks", smooth.TotalVariance(26), 1456},
		{"erratic cumulative through week 3", erratic.Cumulative(3).Variance, 16 + 128.0/13},
	}
	for _, c := range cases {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
}

// The erratic fit uses the same growth: totals exactly h + 0.3·h³/13
// (ψ = 0, sd 1) give v = 0.3, where the h² fit would read them as a
// smaller v that overstates the first weeks.
func TestFitLevelVarErratic(t *testing.T) {
	ms, n := make([]float64, 26), make([]int, 26)
	for k := range ms {
		h := float64(k + 1)
		ms[k], n[k] = h+0.3*(Result{Class: Erratic}).levelGrowth(h), 9
	}
	if got := (Result{Class: Erratic, SD: 1}).fitLevelVar(ms, n, 1); math.Abs(got-0.3) > 1e-12 {
		t.Errorf("erratic: %v, want 0.3", got)
	}
	if got := (Result{Class: Smooth, SD: 1}).fitLevelVar(ms, n, 1); !(got < 0.3) {
		t.Errorf("smooth reading of the same errors: %v, want below 0.3", got)
	}
}

// oneStepMSE over the last weeks only: naive on 10, 0, 10, 0, 1, 2, 1, 2
// errs by 10 at each of weeks 1–3, then 1 at weeks 4 (|1 − 0|) … 7: over the
// whole history (7 errors) (3·100 + 4·1)/7, over the last 4 weeks 1. An
// erratic SKU's window is 26 weeks, every other class's 52.
func TestOneStepMSEWindow(t *testing.T) {
	y := []float64{10, 0, 10, 0, 1, 2, 1, 2}
	f := naive.fit(y)
	if got := oneStepMSE(f, y, 52); math.Abs(got-304.0/7) > 1e-12 {
		t.Errorf("whole history: %v, want 304/7", got)
	}
	if got := oneStepMSE(f, y, 4); math.Abs(got-1) > 1e-12 {
		t.Errorf("last 4 weeks: %v, want 1", got)
	}
	if sigmaWindow(Erratic) != 26 || sigmaWindow(Smooth) != 52 || sigmaWindow(Lumpy) != 52 {
		t.Errorf("windows: erratic %d, smooth %d, lumpy %d", sigmaWindow(Erratic), sigmaWindow(Smooth), sigmaWindow(Lumpy))
	}
}
