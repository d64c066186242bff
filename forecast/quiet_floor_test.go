package forecast

import (
	"math"
	"testing"
)

// floorQuiet by hand: 40 known weeks selling 16 units (0.4 a week, one
// missing week not counted) put the floor at 0.3·0.4 = 0.12 units a week,
// ×2.5 when the series was scaled by 2.5; weeks above it stay. Without a
// sale in the last 52 weeks, or with nonsense, nothing changes.
func TestFloorQuiet(t *testing.T) {
	sold := make([]float64, 41)
	for _, i := range []int{0, 6, 12, 18} {
		sold[i] = 4
	}
	sold[30] = math.NaN()
	quiet := append(make([]float64, 52), 0) // a year and a week of nothing
	quiet = append([]float64{9, 9}, quiet...)
	cases := []struct {
		name  string
		y     []float64
		scale float64
		mean  []float64
		want  []float64
	}{
		{"raised to 0.12", sold, 1, []float64{0.01, 0.5, 0}, []float64{0.12, 0.5, 0.12}},
		{"scaled back to units", sold, 2.5, []float64{0.01, 0.5}, []float64{0.3, 0.5}},
		{"no sale in a year", quiet, 1, []float64{0, 0.01}, []float64{0, 0.01}},
		{"NaN scale", sold, math.NaN(), []float64{0.01}, []float64{0.01}},
	}
	for _, c := range cases {
		mean := append([]float64(nil), c.mean...)
		floorQuiet(mean, c.y, c.scale)
		for k := range c.want {
			if math.Abs(mean[k]-c.want[k]) > 1e-12 {
				t.Errorf("%s: week %d = %v, want %v", c.name, k, mean[k], c.want[k])
			}
		}
	}
}

// The automatic choice keeps the floor: a part that sold 4 units every
// six weeks and then nothing for 22 weeks is forecast at least 0.12 a
// week (30 % of its 0.4 over the 40 weeks), every week of the horizon,
// where the methods alone forecast about 0.00006; a forced method is left
// as it forecasts.
func TestQuietPartKeepsAShareOfItsYear(t *testing.T) {
	y := make([]float64, 40)
	for _, i := range []int{0, 6, 12, 18} {
		y[i] = 4
	}
	r := Forecast(y, 26)
	if !r.Class.Sporadic() {
		t.Fatalf("class %v, want a sporadic one", r.Class)
	}
	for k, v := range r.Mean {
		if v < 0.12-1e-9 {
			t.Fatalf("%s: week %d forecast %v, under 0.12", r.Method, k, v)
		}
	}
	// naive repeats the last (quiet) week: the PM asked for it
	forced, err := ForecastWith(y, 26, NameNaive)
	if err != nil {
		t.Fatal(err)
	}
	if forced.Mean[0] != 0 {
		t.Errorf("naive forced forecasts %v, want its own 0", forced.Mean[0])
	}
}
