package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
)

// A method run on adjusted demand forecasts its own forecast plus the
// pattern of the weeks it forecasts: naive on 10 + s[t mod 52] forecasts
// exactly that.
func TestAdjustedAddsThePatternBack(t *testing.T) {
	s := make([]float64, season)
	for i := range s {
		s[i] = float64(i%4) - 1.5 // sums to zero over the year
	}
	y := make([]float64, 120)
	for i := range y {
		y[i] = 10 + s[i%season]
	}
	f := adjusted{naive, s}.fit(y)
	f.paths(y, 100, 5, func(o int, path []float64) {
		for k, v := range path {
			if want := 10 + s[(o+k)%season]; math.Abs(v-want) > 1e-12 {
				t.Fatalf("origin %d step %d: %v, want %v", o, k+1, v, want)
			}
		}
	})
	if n := (adjusted{sesMethod{}, s}).name(); n != "seasonal SES" {
		t.Errorf("name %q", n)
	}
}

// seasonalIndices finds a yearly wave in three years and not in a random
// walk, a flat series or two years.
func TestSeasonalIndices(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 2))
	wave := make([]float64, 156)
	walk := make([]float64, 156)
	level := 100.0
	for i := range wave {
		wave[i] = 100 + 20*math.Sin(2*math.Pi*float64(i)/season) + 2*r.NormFloat64()
		level += 5 * r.NormFloat64()
		walk[i] = level
	}
	s := seasonalIndices(wave)
	if s == nil {
		t.Fatal("no pattern in a yearly wave")
	}
	for i, v := range s {
		// five-week smoothing shrinks a sine of period 52 by about 3 %
		if want := 20 * math.Sin(2*math.Pi*float64(i)/season); math.Abs(v-want) > 3 {
			t.Errorf("week %d: %.2f, want %.2f ± 3", i, v, want)
		}
	}
	if seasonalIndices(walk) != nil {
		t.Error("a pattern in a random walk")
	}
	if seasonalIndices(repeat(7, 156)) != nil {
		t.Error("a pattern in a flat series")
	}
	if seasonalIndices(wave[:2*season-1]) != nil {
		t.Error("a pattern in under two years")
	}
}
