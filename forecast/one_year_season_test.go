package forecast

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// oneYearIndices takes a yearly wave out of a rising line in 80 weeks, and
// gives nothing under a year, from two years on (seasonalIndices' span) or
// with a tenth of the weeks missing.
func TestOneYearIndices(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 1))
	y := make([]float64, 80)
	for i := range y {
		y[i] = 100 + 0.5*float64(i) + 20*math.Sin(2*math.Pi*float64(i)/season) + r.NormFloat64()
	}
	s := oneYearIndices(y)
	if s == nil {
		t.Fatal("no pattern in a yearly wave")
	}
	// the line through 80 weeks of a wave absorbs a little of it, and the
	// five-week smoothing shrinks it by about 3 %: within 4 of the wave
	for i, v := range s {
		if want := 20 * math.Sin(2*math.Pi*float64(i)/season); math.Abs(v-want) > 4 {
			t.Errorf("week %d: %.2f, want %.2f ± 4", i, v, want)
		}
	}
	sum := 0.0
	for _, v := range s {
		sum += v
	}
	if math.Abs(sum) > 1e-9 {
		t.Errorf("pattern sums to %g, want 0", sum)
	}
	if oneYearIndices(y[:season-1]) != nil {
		t.Error("a pattern from under a year")
	}
	long := make([]float64, 2*season)
	for i := range long {
		long[i] = 100 + 20*math.Sin(2*math.Pi*float64(i)/season)
	}
	if oneYearIndices(long) != nil {
		t.Error("a one-year pattern from two years, which seasonalIndices judges")
	}
	gappy := append([]float64(nil), y...)
	for i := 0; i < len(gappy); i += 9 {
		gappy[i] = math.NaN()
	}
	if oneYearIndices(gappy) != nil {
		t.Error("a pattern with a tenth of the weeks missing")
	}
}

// The automatic choice on 91 weeks of a smooth seasonal series (an
// aggregate, or a steady seller, with too little history for
// seasonalIndices) follows the wave through the next quarter, where without
// the pattern it stays near the last level as the season turns; on a
// sporadic series and on a series without a season it takes no pattern.
func TestAutoUsesOneYearPattern(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 2))
	wave := func(t int) float64 { return 100 + 30*math.Cos(2*math.Pi*float64(t-100)/season) }
	y := make([]float64, 91)
	for i := range y {
		y[i] = wave(i) + 4*r.NormFloat64()
	}
	res := Forecast(y, 13)
	for _, part := range strings.Split(res.Method, " + ") {
		if !strings.HasPrefix(part, "seasonal ") {
			t.Errorf("automatic choice %s on a seasonal series", res.Method)
		}
	}
	// weeks 91–103 rise toward the peak at week 100 (wave 104 → 130)
	for j, m := range res.Mean {
		if want := wave(91 + j); math.Abs(m-want) > 12 {
			t.Errorf("week %d: %.1f, want %.1f ± 12", j+1, m, want)
		}
	}

	flat := make([]float64, 91)
	for i := range flat {
		flat[i] = 100 + 4*r.NormFloat64()
	}
	if m := Forecast(flat, 13).Method; strings.Contains(m, "seasonal") {
		t.Errorf("automatic choice %s on a series without a season", m)
	}

	sporadic := make([]float64, 91)
	for i := range sporadic {
		if r.Float64() < 0.3 {
			sporadic[i] = math.Max(1, math.Round(wave(i)/20))
		}
	}
	c, _, _ := Classify(sporadic)
	if !c.Sporadic() {
		t.Fatalf("test series is %s, want intermittent or lumpy", c)
	}
	if m := Forecast(sporadic, 13).Method; strings.HasPrefix(m, "seasonal ") || strings.Contains(m, "+ seasonal ") {
		t.Errorf("automatic choice %s on a sporadic series", m)
	}
}
