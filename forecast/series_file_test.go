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
// as one week; the name "synth" is the synthetic set. It prints the
// accuracy table and the band and zero-forecast shares of the automatic
// choice and its cumulative table (as `stockroom backtest` prints them);
// it asserts only that the files parsed. With one series file,
// FORECAST_WRITE_SERIES writes the scored series in the long format for
// docs/compare-r.R, and FORECAST_SCORE adds that script's forecasts
// (sku,method,t,forecast,lower,upper) to the table.
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
		ids, series, h, err := readSeriesFile(path, holdout)
		if path == "synth" { // the synthetic set of TestAccuracySynthetic
			ids, series, h, err = synthSeries(holdout)
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(series) == 0 {
			t.Fatalf("%s: no series", path)
		}
		var tab Table
		var st bandStats
		var cum CumulativeTable
		var horizons []int
		for _, hz := range CumulativeHorizons {
			if hz <= h {
				horizons = append(horizons, hz)
			}
		}
		methods := append([]string{Auto}, Methods()...)
		holdouts := map[string]Holdout{}
		var scored []string
		for i, y := range series {
			ho := Split(y, h)
			if !ho.Eligible {
				continue
			}
			holdouts[ids[i]] = ho
			scored = append(scored, ids[i])
			for _, m := range methods {
				r, err := ho.Forecast(m)
				if err != nil {
					continue // a method that needs more history
				}
				tab.Add(m, ho.Class, ho.Score(r))
				if m == Auto {
					st.add(ho, r)
					cum.Add(ho.Class, horizons, ho.ScoreCumulative(r, horizons))
				}
			}
		}
		if out := os.Getenv("FORECAST_WRITE_SERIES"); out != "" {
			if err := writeLongSeries(out, scored, holdouts); err != nil {
				t.Fatal(err)
			}
		}
		if in := os.Getenv("FORECAST_SCORE"); in != "" {
			if err := scoreExternal(in, holdouts, &tab); err != nil {
				t.Fatal(err)
			}
		}
		var b strings.Builder
		tab.WriteText(&b, methods)
		b.WriteString("\n")
		cum.WriteText(&b)
		t.Logf("%s: %d series, %d held out\n%s\n%s", path, len(series), h, b.String(), st)
	}
}

// synthSeries is the synthetic set of TestAccuracySynthetic, or with
// FORECAST_SYNTH_WEEKS and FORECAST_SYNTH_PROCESS (a process name such as
// "seasonal") longer series of one process (FORECAST_SYNTH_PER series per
// process, FORECAST_SYNTH_MISSING their share of missing weeks), held out over the last
// FORECAST_HOLDOUT weeks: four years of a seasonal process stand in for a
// sub-category's summed demand.
func synthSeries(holdout int) ([]string, [][]float64, int, error) {
	weeks, h := 0, holdoutWeeks
	if w := os.Getenv("FORECAST_SYNTH_WEEKS"); w != "" {
		var err error
		if weeks, err = strconv.Atoi(w); err != nil {
			return nil, nil, 0, fmt.Errorf("FORECAST_SYNTH_WEEKS=%q is not a number", w)
		}
		h = holdout
	}
	only := os.Getenv("FORECAST_SYNTH_PROCESS")
	opt := synth.Options{Seed: 1, PerProcess: 60, Weeks: weeks}
	if v, err := strconv.Atoi(os.Getenv("FORECAST_SYNTH_PER")); err == nil {
		opt.PerProcess = v
	}
	if v, err := strconv.ParseFloat(os.Getenv("FORECAST_SYNTH_MISSING"), 64); err == nil {
		opt.MissingRate = v
	}
	var ids []string
	var series [][]float64
	for _, s := range synth.Generate(opt) {
		if only == "" || string(s.Process) == only {
			ids = append(ids, s.Name)
			series = append(series, s.Demand)
		}
	}
	return ids, series, h, nil
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
// and returns the series' ids and whole series with the number of
// held-out weeks at their end.
func readSeriesFile(path string, holdout int) ([]string, [][]float64, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, 0, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	long := strings.Join(header, ",") == "sku,class,t,demand,holdout"
	var ids []string
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
			return nil, nil, 0, fmt.Errorf("%s: %w", path, err)
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
					return nil, nil, 0, err
				}
			}
			ids = append(ids, rec[0])
			series = append(series, y)
			continue
		}
		if len(rec) != 5 {
			return nil, nil, 0, fmt.Errorf("%s:%d: want 5 columns", path, line)
		}
		v, err := cell(rec[3])
		if err != nil {
			return nil, nil, 0, err
		}
		k, ok := index[rec[0]]
		if !ok {
			k = len(series)
			index[rec[0]] = k
			ids = append(ids, rec[0])
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
	return ids, series, h, nil
}

// writeLongSeries writes series in the format of `stockroom backtest
// --write-series`, the series' index as its sku.
func writeLongSeries(path string, ids []string, holdouts map[string]Holdout) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write([]string{"sku", "class", "t", "demand", "holdout"})
	for _, id := range ids {
		ho := holdouts[id]
		t := 0
		for part, ys := range [][]float64{ho.Train, ho.Test} {
			for _, y := range ys {
				v := ""
				if !math.IsNaN(y) {
					v = strconv.FormatFloat(y, 'f', -1, 64)
				}
				w.Write([]string{id, ho.Class.String(), strconv.Itoa(t), v, strconv.Itoa(part)})
				t++
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// scoreExternal adds another tool's forecasts of the held-out weeks to tab,
// as planner.ScoreExternal does for a catalogue.
func scoreExternal(path string, holdouts map[string]Holdout, tab *Table) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	if _, err := cr.Read(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	type key struct{ id, method string }
	paths := map[key][3][]float64{}
	var order []key
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		ho, ok := holdouts[rec[0]]
		t, _ := strconv.Atoi(rec[2])
		j := t - len(ho.Train)
		if !ok || j < 0 || j >= len(ho.Test) {
			line, _ := cr.FieldPos(0)
			return fmt.Errorf("%s:%d: not a held-out week of a scored series", path, line)
		}
		k := key{rec[0], rec[1]}
		p, seen := paths[k]
		if !seen {
			for i := range p {
				p[i] = make([]float64, len(ho.Test))
				fill(p[i], math.NaN())
			}
			order = append(order, k)
		}
		for i, col := range rec[3:6] {
			if v, err := strconv.ParseFloat(col, 64); err == nil {
				p[i][j] = v
			}
		}
		paths[k] = p
	}
	for _, k := range order {
		ho, p := holdouts[k.id], paths[k]
		tab.Add(k.method, ho.Class, ho.ScorePaths(p[0], p[1], p[2]))
	}
	return nil
}
