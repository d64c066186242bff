package forecast

import (
	"math"
	"testing"
)

func TestMovingAverage(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name     string
		demand   []float64
		window   int
		mean, sd float64
	}{
		// last 4 of [1 2 3 4 5 6] = 3 4 5 6: mean 4.5, sd √(5/3)
		{"plain", []float64{1, 2, 3, 4, 5, 6}, 4, 4.5, math.Sqrt(5.0 / 3)},
		// missing weeks are skipped, not zero: 2 4 6 → mean 4, sd 2
		{"missing weeks skipped", []float64{2, nan, 4, nan, 6}, 3, 4, 2},
		// leading zeros before the first sale do not count: 3 and 5
		{"new launch", []float64{0, 0, 0, 3, 5}, 8, 4, math.Sqrt2},
		{"one sale", []float64{0, 7}, 8, 7, 0},
		{"never sold", []float64{0, 0, 0}, 8, 0, 0},
		{"empty", nil, 8, 0, 0},
		{"all missing", []float64{nan, nan}, 8, 0, 0},
		// a dying item: zeros after the last sale are real demand
		{"dying", []float64{8, 0, 0, 0}, 4, 2, 4},
	}
	for _, c := range cases {
		r := MovingAverage(c.demand, c.window, 3)
		if len(r.Mean) != 3 {
			t.Fatalf("%s: horizon %d", c.name, len(r.Mean))
		}
		for _, m := range r.Mean {
			if math.Abs(m-c.mean) > 1e-12 {
				t.Errorf("%s: mean %v, want %v", c.name, m, c.mean)
			}
		}
		if math.Abs(r.SD-c.sd) > 1e-12 {
			t.Errorf("%s: sd %v, want %v", c.name, r.SD, c.sd)
		}
		if math.Abs(r.Level()-c.mean) > 1e-12 {
			t.Errorf("%s: level %v", c.name, r.Level())
		}
	}
}
