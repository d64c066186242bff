package forecast

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"stockroom/forecast/synth"
)

// TestAccuracyFile scores the automatic choice and every method on series
// read from files that are not in the repository (real histories), named
// in FORECAST_SERIES, comma-separated. A file is either the long CSV of
// `stockroom backtest --write-series` (sku,class,t,demand,holdout), whose
// holdout column gives the held-out weeks, or a wide CSV with one series
// per row (an id, then one column per period; an empty cell is a missing
// period), such as Hyndman's car parts data, of which the last
// FORECAST_HOLDOUT periods (default 13) are held out. Each period is read
// as one week; the name "synth" is the synthetic set. It prints the accuracy table and the band and zero-forecast
// shares of the automatic choice; it asserts only that the file parsed.
func TestAccuracyFile(t *testing.T) {
	paths := os.Getenv("FORECAST_SERIES")
	if paths == "" {
		t.Skip("FORECAST_SERIES names no series file")
	}
	holdout := 13
	if h := os.Getenv("FORECAST_HOLDOUT"); h != "" {
		var err error
		if holdout, err = strconv.Atoi(h); err != nil || holdout < 1 {
			t.Fatalf("FORECAST_HOLDOUT=%q is not a positive whole number", h)
		}
	}
	for _, path := range strings.Split(paths, ",") {
		series, h, err := readSeriesFile(path, holdout)
		if path == "synth" { // the synthetic set of TestAccuracySynthetic
			series, h, err = synthSeries(holdout)
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(series) == 0 {
			t.Fatalf("%s: no series", path)
		}
		var tab Table
		var st bandStats
		methods := append([]string{Auto}, Methods()...)
		for _, y := range series {
			ho := Split(y, h)
			if !ho.Eligible {
				continue
			}
			for _, m := range methods {
				r, err := ho.Forecast(m)
				if err != nil {
					continue // a method that needs more history
				}
				tab.Add(m, ho.Class, ho.Score(r))
				if m == Auto {
					st.add(ho, r)
				}
			}
		}
		var b strings.Builder
		tab.WriteText(&b, methods)
		t.Logf("%s: %d series, %d held out\n%s\n%s", path, len(series), h, b.String(), st)
	}
}

// synthSeries is the synthetic set of TestAccuracySynthetic, or with
// FORECAST_SYNTH_WEEKS and FORECAST_SYNTH_PROCESS (a process name such as
// "seasonal") longer series of one process, held out over the last
// FORECAST_HOLDOUT weeks: four years of a seasonal process stand in for a
// sub-category's summed demand.
func synthSeries(holdout int) ([][]float64, int, error) {
	weeks, h := 0, holdoutWeeks
	if w := os.Getenv("FORECAST_SYNTH_WEEKS"); w != "" {
		var err error
		if weeks, err = strconv.Atoi(w); err != nil {
			return nil, 0, fmt.Errorf("FORECAST_SYNTH_WEEKS=%q is not a number", w)
		}
		h = holdout
	}
	only := os.Getenv("FORECAST_SYNTH_PROCESS")
	var series [][]float64
	for _, s := range synth.Generate(synth.Options{Seed: 1, PerProcess: 60, Weeks: weeks}) {
		if only == "" || string(s.Process) == only {
			series = append(series, s.Demand)
		}
	}
	return series, h, nil
}

// bandStats measures what issue 13 found wrong with weekly forecasts of
// sporadic SKUs: zero means for SKUs that sell, and bands of [0, 0].
type bandStats struct {
	selling, zeroMean, allZero int     // SKUs with a sale in the last 26 training weeks; of those with a zero week, all zero
	unitsAllZero, units        float64 // held-out units of the all-zero ones, of all
	weeks, zeroBand            int     // held-out weeks, of those with band [0, 0]
	saleWeeks, saleInside      int     // held-out weeks with a sale, of those inside the band
	covered, meanAbove         int     // weeks inside the band; weeks whose mean is above the upper edge
	methods                    map[string]int
}

func (s *bandStats) add(ho Holdout, r Result) {
	if s.methods == nil {
		s.methods = map[string]int{}
	}
	s.methods[r.Method]++
	y := trimStart(ho.Train, nil)
	sold := false
	for i := max(0, len(y)-26); i < len(y); i++ {
		sold = sold || y[i] > 0
	}
	zero, all := false, true
	for _, m := range r.Mean {
		zero = zero || m == 0
		all = all && m == 0
	}
	test := 0.0
	for j, v := range ho.Test {
		if math.IsNaN(v) {
			continue
		}
		test += v
		lo, hi := r.Band(j)
		s.weeks++
		if lo == 0 && hi == 0 {
			s.zeroBand++
		}
		in := v >= lo && v <= hi
		if in {
			s.covered++
		}
		if r.mean(j) > hi {
			s.meanAbove++
		}
		if v > 0 {
			s.saleWeeks++
			if in {
				s.saleInside++
			}
		}
	}
	s.units += test
	if sold {
		s.selling++
		if zero {
			s.zeroMean++
		}
		if all {
			s.allZero++
			s.unitsAllZero += test
		}
	}
}

func (s bandStats) String() string {
	pct := func(a, b float64) float64 { return 100 * a / math.Max(b, 1) }
	type count struct {
		name string
		n    int
	}
	var top []count
	for m, n := range s.methods {
		top = append(top, count{m, n})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].n > top[j].n || top[i].n == top[j].n && top[i].name < top[j].name })
	var chosen strings.Builder
	for i, c := range top[:min(len(top), 8)] {
		if i > 0 {
			chosen.WriteString(", ")
		}
		fmt.Fprintf(&chosen, "%s %d", c.name, c.n)
	}
	return "auto chose: " + chosen.String() + "\n" + fmt.Sprintf("auto: %d SKUs sold in the last 26 weeks; %d have a zero week in the forecast, %d all zero (%.1f %% of held-out units)\n"+
		"auto: %d held-out weeks: band [0,0] %.1f %%, inside the band %.1f %%, mean above the upper edge %.1f %%; weeks with a sale inside the band %.1f %% of %d",
		s.selling, s.zeroMean, s.allZero, pct(s.unitsAllZero, s.units),
		s.weeks, pct(float64(s.zeroBand), float64(s.weeks)), pct(float64(s.covered), float64(s.weeks)),
		pct(float64(s.meanAbove), float64(s.weeks)), pct(float64(s.saleInside), float64(s.saleWeeks)), s.saleWeeks)
}

// readSeriesFile reads a long or a wide series file (see TestAccuracyFile)
// and returns whole series with the number of held-out weeks at their end.
func readSeriesFile(path string, holdout int) ([][]float64, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	long := strings.Join(header, ",") == "sku,class,t,demand,holdout"
	var series [][]float64
	index := map[string]int{}
	h := holdout
	held := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := cr.FieldPos(0)
		cell := func(s string) (float64, error) {
			if strings.TrimSpace(s) == "" {
				return math.NaN(), nil
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil {
				return 0, fmt.Errorf("%s:%d: %q is not a number", path, line, s)
			}
			return v, nil
		}
		if !long {
			y := make([]float64, len(rec)-1)
			for i, s := range rec[1:] {
				if y[i], err = cell(s); err != nil {
					return nil, 0, err
				}
			}
			series = append(series, y)
			continue
		}
		if len(rec) != 5 {
			return nil, 0, fmt.Errorf("%s:%d: want 5 columns", path, line)
		}
		v, err := cell(rec[3])
		if err != nil {
			return nil, 0, err
		}
		k, ok := index[rec[0]]
		if !ok {
			k = len(series)
			index[rec[0]] = k
			series = append(series, nil)
		}
		series[k] = append(series[k], v)
		if rec[4] == "1" {
			held[rec[0]]++
		}
	}
	for _, n := range held {
		h = n
	}
	return series, h, nil
}
