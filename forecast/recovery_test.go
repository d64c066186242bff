package forecast

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// SES on a level series with noise finds the level and the noise.
func TestSESRecoversLevel(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 1))
	y := make([]float64, 104)
	for i := range y {
		y[i] = 50 + 5*r.NormFloat64()
	}
	res, err := ForecastWith(y, 26, NameSES)
	if err != nil {
		t.Fatal(err)
	}
	if lv := res.Level(); math.Abs(lv-50) > 3 {
		t.Errorf("level %.2f, want 50 ± 3", lv)
	}
	if res.SD < 4 || res.SD > 6.5 {
		t.Errorf("SD %.2f, want about 5", res.SD)
	}
}

// Holt-Winters on three years of a yearly wave follows the wave.
func TestHoltWintersRecoversSeason(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2))
	wave := func(t int) float64 { return 100 + 30*math.Sin(2*math.Pi*float64(t)/52) }
	y := make([]float64, 156)
	for i := range y {
		y[i] = wave(i) + 3*r.NormFloat64()
	}
	res, err := ForecastWith(y, 26, NameHoltWinters)
	if err != nil {
		t.Fatal(err)
	}
	for j, m := range res.Mean {
		if want := wave(156 + j); math.Abs(m-want) > 10 {
			t.Errorf("week %d: %.1f, want %.1f ± 10", j+1, m, want)
		}
	}
	// and the automatic choice prefers seasonal methods to flat ones: a
	// combination's every part is seasonal or seasonally adjusted, and it
	// follows the wave as well
	auto := Forecast(y, 26)
	for _, part := range strings.Split(auto.Method, " + ") {
		if part != NameHoltWinters && part != NameSeasonalNaive && !strings.HasPrefix(part, "seasonal ") {
			t.Errorf("automatic choice %s on a seasonal series", auto.Method)
		}
	}
	for j, m := range auto.Mean {
		if want := wave(156 + j); math.Abs(m-want) > 10 {
			t.Errorf("automatic choice %s, week %d: %.1f, want %.1f ± 10", auto.Method, j+1, m, want)
		}
	}
	if _, err := ForecastWith(y[:100], 26, NameHoltWinters); err == nil {
		t.Error("Holt-Winters fitted on under two years")
	}
}

// TSB's forecast decays through a dying item's run of zeros; Croston's,
// which updates only on sales, does not.
func TestTSBDecaysOnDyingItem(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 3))
	y := make([]float64, 104)
	for i := range 80 {
		if r.Float64() < 0.4 {
			y[i] = float64(1 + r.IntN(3))
		}
	}
	early := 0.0
	for _, v := range y[:80] {
		early += v / 80
	}
	tsbRes, _ := ForecastWith(y, 26, NameTSB)
	crostonRes, _ := ForecastWith(y, 26, NameCroston)
	if tsbRes.Level() > 0.2*early {
		t.Errorf("TSB %.3f after 24 weeks without a sale; early rate %.3f", tsbRes.Level(), early)
	}
	if crostonRes.Level() < 2*tsbRes.Level() {
		t.Errorf("Croston %.3f should stay near the old rate, TSB %.3f", crostonRes.Level(), tsbRes.Level())
	}
}

// Degenerate input returns a finite, non-negative forecast.
func TestDegenerateInput(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		name   string
		y      []float64
		method string
		level  float64 // -1: only finite and non-negative
	}{
		{"empty", nil, NameNoSales, 0},
		{"all zero", make([]float64, 60), NameNoSales, 0},
		{"all missing", []float64{nan, nan, nan}, NameNoSales, 0},
		// one sale in the last week: the mean of the one week since
		{"one sale", append(make([]float64, 50), 5), NameShortHistory, 5},
		{"one sale long ago", append([]float64{5}, make([]float64, 60)...), "", -1},
		{"huge values", repeat(1e300, 60), NameNoSales, 0},
		{"large but possible values", repeat(1e11, 60), "", 1e11},
		{"negative and infinite are missing", append(repeat(4, 30), -3, inf, -inf, 4), "", 4},
		{"constant", repeat(7, 60), "", 7},
	}
	for _, c := range cases {
		for _, h := range []int{0, 1, 26} {
			res := Forecast(c.y, h)
			if len(res.Mean) != h {
				t.Fatalf("%s: %d weeks, want %d", c.name, len(res.Mean), h)
			}
			checkSane(t, c.name, res)
			if h == 0 {
				continue
			}
			if c.method != "" && res.Method != c.method {
				t.Errorf("%s: method %s, want %s", c.name, res.Method, c.method)
			}
			if c.level >= 0 && math.Abs(res.Level()-c.level) > 1e-6*math.Max(1, c.level) {
				t.Errorf("%s: level %v, want %v", c.name, res.Level(), c.level)
			}
		}
	}
	if _, err := ForecastWith([]float64{1, 2}, 4, "crystal ball"); err == nil {
		t.Error("an unknown method was accepted")
	}
}

// checkSane fails unless every number of a result is finite and
// non-negative and its bands are ordered.
func checkSane(t testing.TB, name string, r Result) {
	t.Helper()
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) || v < 0 }
	if bad(r.SD) || bad(r.LevelVar) {
		t.Fatalf("%s: SD %v, level variance %v", name, r.SD, r.LevelVar)
	}
	for j, m := range r.Mean {
		lo, hi := r.Band(j)
		if bad(m) || bad(lo) || bad(hi) || lo > hi {
			t.Fatalf("%s: week %d mean %v band %v–%v", name, j+1, m, lo, hi)
		}
	}
	for _, h := range []int{1, len(r.Mean), 52} {
		d := r.Total(h)
		if q := d.Quantile(0.95); bad(d.Mean) || bad(d.Variance) || bad(q) {
			t.Fatalf("%s: total over %d weeks %+v, q95 %v", name, h, d, q)
		}
	}
}
