package forecast

import (
	"math"
	"strings"
	"testing"
)

func TestPinball(t *testing.T) {
	cases := []struct{ y, q, tau, want float64 }{
		{10, 8, 0.9, 1.8},   // under-forecast: τ·(y − q)
		{6, 8, 0.9, 0.2},    // over-forecast: (1 − τ)·(q − y)
		{6, 8, 0.1, 1.8},    // the 10 % quantile pays for being high
		{10, 8, 0.5, 1},     // half the absolute error
		{8, 8, 0.9, 0},      // exact
		{0, 2.5, 0.1, 2.25}, // nothing sold
	}
	for _, c := range cases {
		if got := Pinball(c.y, c.q, c.tau); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Pinball(%v, %v, %v) = %v, want %v", c.y, c.q, c.tau, got, c.want)
		}
	}
}

// twentyWeeks alternates 10 and 12: every week-to-week change is 2, the
// naive scale the pinball losses are divided by.
func twentyWeeks() []float64 {
	y := make([]float64, 20)
	for i := range y {
		y[i] = 10 + 2*float64(i%2)
	}
	return y
}

// By hand, a normal forecast of 11 a week with SD 1 and ψ = 0: the four
// weeks' total is N(44, 4), band 44 ± 1.2815516·2 = 41.437–46.563. The
// actual total 40 is below it: pinball 10 % = 0.9·1.436897, 50 % = 0.5·4,
// 90 % = 0.1·6.563103, each ÷ 4 weeks ÷ scale 2. A forecast of 10.2 a
// week puts 40 inside 38.237–43.363: 0.1·1.763103, 0.5·0.8, 0.1·3.363103
// over 8. The eight-week total has a missing week and is not scored; 13
// weeks are more than the test holds.
func TestScoreCumulative(t *testing.T) {
	test := []float64{10, 10, 10, 10, 10, math.NaN(), 10, 10}
	ho := Split(append(twentyWeeks(), test...), len(test))
	if !ho.Eligible {
		t.Fatal("holdout not eligible")
	}
	horizons := []int{4, 8, 13}
	cases := []struct {
		weekly                float64
		covered, below, above int
		pinball               [3]float64
	}{
		{11, 0, 1, 0, [3]float64{0.9 * 1.4368969 / 8, 0.5 * 4 / 8, 0.1 * 6.5631031 / 8}},
		{10.2, 1, 0, 0, [3]float64{0.1 * 1.7631031 / 8, 0.5 * 0.8 / 8, 0.1 * 3.3631031 / 8}},
		// 9 a week: band 36 ± 1.2815516·2 = 33.437–38.563, the 40 sold above it
		{9, 0, 0, 1, [3]float64{0.1 * 6.5631031 / 8, 0.5 * 4 / 8, 0.9 * 1.4368969 / 8}},
	}
	for _, c := range cases {
		r := Result{Class: Smooth, Mean: []float64{c.weekly, c.weekly, c.weekly, c.weekly, c.weekly, c.weekly, c.weekly, c.weekly}, SD: 1}
		got := ho.ScoreCumulative(r, horizons)
		if len(got) != 3 {
			t.Fatalf("%d scores", len(got))
		}
		e := got[0]
		if e.Series != 1 || e.Covered != c.covered || e.Below != c.below || e.Above != c.above {
			t.Errorf("%v a week: series %d covered %d below %d above %d, want 1, %d, %d, %d", c.weekly,
				e.Series, e.Covered, e.Below, e.Above, c.covered, c.below, c.above)
		}
		if math.Abs(e.Held-0.8) > 1e-9 { // a normal band clear of zero
			t.Errorf("%v a week: the band holds %v by its own distribution, want 0.8", c.weekly, e.Held)
		}
		for k := range e.Pinball {
			if math.Abs(e.Pinball[k]-c.pinball[k]) > 1e-7 {
				t.Errorf("%v a week: pinball at %v = %v, want %v", c.weekly, PinballLevels[k], e.Pinball[k], c.pinball[k])
			}
		}
		if got[1] != (CumulativeErrors{}) || got[2] != (CumulativeErrors{}) {
			t.Errorf("%v a week: unscorable horizons scored %+v %+v", c.weekly, got[1], got[2])
		}
	}
}

// The table sums series per class and horizon and overall; rows come by
// class, then horizon, "all" last, with means over series.
func TestCumulativeTable(t *testing.T) {
	var a, b CumulativeTable
	horizons := []int{4, 8}
	a.Add(Smooth, horizons, []CumulativeErrors{{Series: 1, Covered: 1, Held: 0.8, Pinball: [3]float64{0.2, 0.4, 0.6}}, {}})
	a.Add(Smooth, horizons, []CumulativeErrors{{Series: 1, Below: 1, Held: 0.8, Pinball: [3]float64{0.4, 0.6, 0.8}}, {Series: 1, Covered: 1, Held: 0.8, Pinball: [3]float64{1, 1, 1}}})
	b.Add(Lumpy, horizons, []CumulativeErrors{{Series: 1, Above: 1, Held: 0.95, Pinball: [3]float64{0.3, 0.2, 0.1}}, {}})
	a.Merge(&b)
	want := []CumulativeRow{
		{Class: "smooth", Weeks: 4, Series: 2, Coverage: 0.5, Below: 0.5, Held: 0.8, Pinball: [3]float64{0.3, 0.5, 0.7}},
		{Class: "smooth", Weeks: 8, Series: 1, Coverage: 1, Held: 0.8, Pinball: [3]float64{1, 1, 1}},
		{Class: "lumpy", Weeks: 4, Series: 1, Above: 1, Held: 0.95, Pinball: [3]float64{0.3, 0.2, 0.1}},
		{Class: "all", Weeks: 4, Series: 3, Coverage: 1.0 / 3, Below: 1.0 / 3, Above: 1.0 / 3, Held: 2.55 / 3, Pinball: [3]float64{0.9 / 3, 1.2 / 3, 1.5 / 3}},
		{Class: "all", Weeks: 8, Series: 1, Coverage: 1, Held: 0.8, Pinball: [3]float64{1, 1, 1}},
	}
	got := a.Rows()
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		same := g.Class == w.Class && g.Weeks == w.Weeks && g.Series == w.Series && math.Abs(g.Coverage-w.Coverage) < 1e-12 &&
			math.Abs(g.Below-w.Below) < 1e-12 && math.Abs(g.Above-w.Above) < 1e-12 && math.Abs(g.Held-w.Held) < 1e-12
		for k := range w.Pinball {
			same = same && math.Abs(g.Pinball[k]-w.Pinball[k]) < 1e-12
		}
		if !same {
			t.Errorf("row %d: %+v, want %+v", i, g, w)
		}
	}
	var text, csv strings.Builder
	if err := a.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "all              4       3    33.3%  33.3%  33.3%   85.0%     0.300     0.400     0.500") {
		t.Errorf("text table:\n%s", text.String())
	}
	if err := a.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(csv.String(), "\n"); lines[0] != "class,weeks,series,coverage80,below80,above80,pinball10,pinball50,pinball90,nominal80" ||
		lines[4] != "all,4,3,0.3333,0.3333,0.3333,0.3000,0.4000,0.5000,0.8500" {
		t.Errorf("csv table:\n%s", csv.String())
	}
}
