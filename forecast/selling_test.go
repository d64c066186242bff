package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// A SKU that sold in the last 26 weeks never gets a zero week in its
// forecast, whichever method wins (issue 13: the 13-week moving average
// forecast nothing after 13 quiet weeks, and a falling trend is clipped at
// zero), and one that sold only longer ago may.
func TestSellingSKUNeverForecastZero(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 1))
	every := func(n, k int, size float64) []float64 {
		y := make([]float64, n)
		for i := 0; i < n; i += k {
			y[i] = size
		}
		return y
	}
	falling := make([]float64, 70)
	for i := range falling {
		falling[i] = max(0, 40-float64(i)+2*r.NormFloat64())
	}
	falling[len(falling)-3] = 1
	noisy := make([]float64, 104)
	for i := range noisy {
		if r.Float64() < 0.3 {
			noisy[i] = float64(1 + r.IntN(4))
		}
	}
	cases := []struct {
		name string
		y    []float64
	}{
		{"quiet for 13 weeks after steady sales", append(every(90, 2, 1), make([]float64, 13)...)},
		{"quiet for 20 weeks after steady sales", append(every(90, 3, 2), make([]float64, 20)...)},
		{"quiet for 24 weeks after steady sales", append(every(90, 2, 1), make([]float64, 24)...)},
		{"one late sale after a long silence", append(append(every(60, 4, 3), make([]float64, 40)...), append([]float64{1}, make([]float64, 14)...)...)},
		{"a trend falling to zero", falling},
		{"quiet for 16 weeks after sporadic sales", append(noisy, make([]float64, 16)...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Forecast(c.y, 26)
			for j, m := range res.Mean {
				if !(m > 0) {
					t.Fatalf("%s forecasts %v in week %d: %v", res.Method, m, j+1, fmt.Sprintf("%.3g", res.Mean))
				}
			}
		})
	}
	// a SKU whose last sale was 30 weeks ago may be forecast to sell nothing
	gone := append(every(80, 2, 1), make([]float64, 30)...)
	if res := Forecast(gone, 26); res.Level() > 0.1 {
		t.Errorf("30 weeks after the last sale: level %.3f (%s), want near 0", res.Level(), res.Method)
	}
}

// SaleSize is the mean of the weeks that sold, from the first sale on,
// whatever the path the forecast takes: 20 weeks selling 3 or 5 in turn
// among zeros (mean 4), a short history (2 and 6: 4), and none for a SKU
// that never sold.
func TestSaleSizeIsTheMeanOfWeeksThatSold(t *testing.T) {
	long := make([]float64, 40)
	for i := 0; i < len(long); i += 2 {
		long[i] = float64(3 + 2*(i/2%2))
	}
	cases := []struct {
		name   string
		demand []float64
		want   float64
	}{
		{"alternating 3 and 5 among zeros", long, 4},
		{"short history", []float64{0, 0, 2, 0, 6, 0}, 4},
		{"missing weeks ignored", []float64{2, math.NaN(), 6, 0}, 4},
		{"never sold", []float64{0, 0, 0}, 0},
	}
	for _, c := range cases {
		if got := Forecast(c.demand, 4).SaleSize; math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
