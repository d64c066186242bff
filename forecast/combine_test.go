package forecast

import (
	"math"
	"testing"
)

// A combination forecasts the mean of its parts, each clipped at zero, and
// its ψ is the mean of theirs.
func TestCombinationMeansItsParts(t *testing.T) {
	y := []float64{4, 8, 6, 2}
	clippedNegative := directMethod{label: "minus", at: func(_, path []float64) { fill(path, -6) }, psiK: func(int) float64 { return 0.4 }}
	f := combination{naive, movingAverage, clippedNegative}.fit(y)
	got := map[int]float64{}
	f.paths(y, 2, 2, func(t int, path []float64) {
		if path[0] != path[1] {
			t = -1
		}
		got[t] = path[0]
	})
	// origin 2: naive 8, mean of 4 and 8 = 6, −6 → 0: (8+6+0)/3
	// origin 3: 6, mean 6, 0 → 4; origin 4: 2, mean 5, 0 → 7/3
	want := map[int]float64{2: 14.0 / 3, 3: 4, 4: 7.0 / 3}
	for o, w := range want {
		if math.Abs(got[o]-w) > 1e-12 {
			t.Errorf("origin %d: %v, want %v (all: %v)", o, got[o], w, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("origins %v, want 2, 3, 4", got)
	}
	// ψ: naive 1, moving average 0, the third 0.4
	if p := f.psi(3); math.Abs(p-1.4/3) > 1e-12 {
		t.Errorf("psi %v, want %v", p, 1.4/3)
	}
	if n := (combination{naive, movingAverage}).name(); n != "naive + moving average" {
		t.Errorf("name %q", n)
	}
}

// Theta is SES plus half the history's slope: by hand with α = 0.5 from a
// level of 0 on 2, 4, 6 (slope 2, drift 1) the levels are 1, 2.5, 4.25,
// and after n weeks the drift starts at (1 − 0.5ⁿ)/0.5.
func TestThetaByHand(t *testing.T) {
	f := &thetaFit{ses: &ets{alpha: 0.5, phi: 1}, drift: 1}
	var got [][]float64
	f.paths([]float64{2, 4, 6}, 1, 2, func(_ int, path []float64) {
		got = append(got, append([]float64(nil), path...))
	})
	want := [][]float64{
		{1 + 1, 1 + 2},             // n = 1: lag 1
		{2.5 + 1.5, 2.5 + 2.5},     // n = 2: lag 1.5
		{4.25 + 1.75, 4.25 + 2.75}, // n = 3: lag 1.75
	}
	for i := range want {
		for k := range want[i] {
			if math.Abs(got[i][k]-want[i][k]) > 1e-12 {
				t.Errorf("origin %d step %d: %v, want %v", i+1, k+1, got[i][k], want[i][k])
			}
		}
	}
	if _, slope := lineStart([]float64{2, 4, 6}, 3); slope != 2 {
		t.Errorf("slope %v, want 2", slope)
	}
}

// floorZeros fills a selling SKU's zero weeks with the lower of its
// 26- and 52-week mean rates and leaves the others.
func TestFloorZeros(t *testing.T) {
	y := make([]float64, 60)
	y[10], y[20], y[40] = 13, 13, 2.6 // 52 weeks: 28.6/52 = 0.55; 26 weeks: 2.6/26 = 0.1
	mean := []float64{0, 3, 0}
	floorZeros(mean, y, 10)
	want := []float64{1, 3, 1} // 0.1 × scale 10
	for k := range want {
		if math.Abs(mean[k]-want[k]) > 1e-12 {
			t.Errorf("week %d: %v, want %v", k+1, mean[k], want[k])
		}
	}
}
