package forecast

import (
	"math"
	"sort"
)

// Auto is the name under which accuracy tables report the automatic
// choice of method.
const Auto = "auto"

// Holdout scores forecasts of a series' last h weeks made from the weeks
// before them: the test behind `stockroom backtest` and the accuracy
// figures in docs/BENCHMARKS.md.
type Holdout struct {
	Train, Test []float64
	Class       Class // of the training weeks
	Eligible    bool  // enough history since the first sale to be scored
}

// Split cuts a series into training weeks and its last h weeks.
func Split(demand []float64, h int) Holdout {
	if h <= 0 || len(demand) <= h {
		return Holdout{Train: demand}
	}
	ho := Holdout{Train: demand[:len(demand)-h], Test: demand[len(demand)-h:]}
	y := trimStart(ho.Train, nil)
	ho.Class, _, _ = Classify(y)
	ho.Eligible = countKnown(y) >= minHistory && countKnown(ho.Test) > 0
	return ho
}

// Forecast forecasts the test weeks from the training weeks with the named
// method, or the automatic choice for Auto.
func (ho Holdout) Forecast(methodName string) (Result, error) {
	if methodName == Auto {
		return Forecast(ho.Train, len(ho.Test)), nil
	}
	return forecastWith(ho.Train, len(ho.Test), methodName, false)
}

// Errors are one forecast's errors over the test weeks, in sums that add
// up across series into the accuracy table.
type Errors struct {
	Series         int
	RMSSE, MASE    float64 // sums over series; divide by Series
	AbsErr, Actual float64 // for WAPE = Σ|e| / Σ actual
	Err            float64 // Σ(forecast − actual), for bias
	Weeks          int     // known test weeks
	BandWeeks      int     // of those, weeks with a band
	Covered        int     // of those, weeks inside the 80 % band
}

// Score measures a forecast of the test weeks.
func (ho Holdout) Score(r Result) Errors {
	mean, lower, upper := make([]float64, len(ho.Test)), make([]float64, len(ho.Test)), make([]float64, len(ho.Test))
	for j := range ho.Test {
		mean[j] = r.mean(j)
		lower[j], upper[j] = r.Band(j)
	}
	return ho.ScorePaths(mean, lower, upper)
}

// ScorePaths measures forecasts given week by week, for example another
// tool's. A week whose band edges are NaN does not count toward coverage.
func (ho Holdout) ScorePaths(mean, lower, upper []float64) Errors {
	train := trimStart(ho.Train, nil)
	var sq, abs float64
	e := Errors{Series: 1}
	for j, y := range ho.Test {
		if math.IsNaN(y) || y < 0 || math.IsInf(y, 0) || j >= len(mean) || math.IsNaN(mean[j]) {
			continue
		}
		d := mean[j] - y
		sq += d * d
		abs += math.Abs(d)
		e.AbsErr += math.Abs(d)
		e.Actual += y
		e.Err += d
		e.Weeks++
		if j < len(lower) && j < len(upper) && !math.IsNaN(lower[j]) && !math.IsNaN(upper[j]) {
			e.BandWeeks++
			if y >= lower[j] && y <= upper[j] {
				e.Covered++
			}
		}
	}
	if e.Weeks == 0 {
		return Errors{}
	}
	e.RMSSE = math.Sqrt(sq / float64(e.Weeks) / naiveScale(train))
	e.MASE = abs / float64(e.Weeks) / naiveAbsScale(train)
	return e
}

// naiveAbsScale is MASE's denominator: the mean absolute change between
// consecutive known training weeks (the squared mean's root if flat).
func naiveAbsScale(train []float64) float64 {
	_, abs, n := naiveChanges(train)
	if n > 0 && abs > 0 {
		return abs / float64(n)
	}
	return math.Sqrt(naiveScale(train))
}

// Add accumulates another series' errors.
func (e *Errors) Add(o Errors) {
	e.Series += o.Series
	e.RMSSE += o.RMSSE
	e.MASE += o.MASE
	e.AbsErr += o.AbsErr
	e.Actual += o.Actual
	e.Err += o.Err
	e.Weeks += o.Weeks
	e.BandWeeks += o.BandWeeks
	e.Covered += o.Covered
}

// Accuracy is the summary a table row shows. RMSSE and MASE are means
// over series (each series weighs the same, as in the M5 competition);
// WAPE, bias and coverage pool every week, so big sellers weigh more.
type Accuracy struct {
	Series                            int
	RMSSE, MASE, WAPE, Bias, Coverage float64
}

func (e Errors) Accuracy() Accuracy {
	a := Accuracy{Series: e.Series, RMSSE: math.NaN(), MASE: math.NaN(), WAPE: math.NaN(), Bias: math.NaN(), Coverage: math.NaN()}
	if e.Series > 0 {
		a.RMSSE, a.MASE = e.RMSSE/float64(e.Series), e.MASE/float64(e.Series)
	}
	if e.Actual > 0 {
		a.WAPE, a.Bias = e.AbsErr/e.Actual, e.Err/e.Actual
	}
	if e.BandWeeks > 0 {
		a.Coverage = float64(e.Covered) / float64(e.BandWeeks)
	}
	return a
}

// Table accumulates errors per method and demand class.
type Table struct {
	cells map[tableKey]*Errors
}

type tableKey struct {
	Method string
	Class  Class
	All    bool // every class together
}

// Add records a series' errors for a method under its class and overall.
func (t *Table) Add(methodName string, c Class, e Errors) {
	if t.cells == nil {
		t.cells = map[tableKey]*Errors{}
	}
	for _, k := range []tableKey{{methodName, c, false}, {methodName, 0, true}} {
		if t.cells[k] == nil {
			t.cells[k] = &Errors{}
		}
		t.cells[k].Add(e)
	}
}

// Merge adds another table's cells, for tables filled in parallel.
func (t *Table) Merge(o *Table) {
	for k, e := range o.cells {
		if t.cells == nil {
			t.cells = map[tableKey]*Errors{}
		}
		if t.cells[k] == nil {
			t.cells[k] = &Errors{}
		}
		t.cells[k].Add(*e)
	}
}

// Row is one line of an accuracy table; Class is "all" for the overall
// row.
type Row struct {
	Method, Class string
	Accuracy
}

// Rows lists the table by method (in the order given, then any others by
// name) and class, each method's overall row last.
func (t *Table) Rows(methodOrder []string) []Row {
	rank := map[string]int{}
	for i, m := range methodOrder {
		rank[m] = i
	}
	keys := make([]tableKey, 0, len(t.cells))
	for k := range t.cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		ra, oka := rank[a.Method]
		rb, okb := rank[b.Method]
		switch {
		case oka != okb:
			return oka
		case ra != rb:
			return ra < rb
		case a.Method != b.Method:
			return a.Method < b.Method
		case a.All != b.All:
			return b.All
		}
		return a.Class < b.Class
	})
	out := make([]Row, len(keys))
	for i, k := range keys {
		class := k.Class.String()
		if k.All {
			class = "all"
		}
		out[i] = Row{Method: k.Method, Class: class, Accuracy: t.cells[k].Accuracy()}
	}
	return out
}

// Overall is a method's accuracy over every class.
func (t *Table) Overall(methodName string) Accuracy {
	if e := t.cells[tableKey{methodName, 0, true}]; e != nil {
		return e.Accuracy()
	}
	return Errors{}.Accuracy()
}
