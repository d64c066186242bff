package planner

import (
	"encoding/csv"
	"time"

	"stockroom/forecast"
)

// backtestRun is what Backtest and BacktestLevel share: the result being
// filled, the series file being written and the automatic choice's time.
type backtestRun struct {
	opt      BacktestOptions
	res      *BacktestResult
	series   *csv.Writer // nil without opt.Series
	autoTime time.Duration
}

// newBacktestRun starts a backtest with opt's methods (every one and the
// automatic choice when none are named).
func newBacktestRun(opt BacktestOptions) *backtestRun {
	if len(opt.Methods) == 0 {
		opt.Methods = append([]string{forecast.Auto}, forecast.Methods()...)
	}
	b := &backtestRun{opt: opt, res: &BacktestResult{Table: &forecast.Table{}, Cumulative: &forecast.CumulativeTable{},
		Horizons: CumulativeHorizons(opt.Holdout), Holdouts: map[string]forecast.Holdout{}}}
	if opt.Series != nil {
		b.series = csv.NewWriter(opt.Series)
		b.series.Write([]string{"sku", "class", "t", "demand", "holdout"})
	}
	return b
}

// scoreMethods forecasts one holdout with every method into tab (and the
// automatic choice's cumulative bands into cum), returning the time the
// automatic choice took. It touches nothing shared, so workers can each
// fill their own tables.
func (b *backtestRun) scoreMethods(ho forecast.Holdout, tab *forecast.Table, cum *forecast.CumulativeTable) time.Duration {
	var took time.Duration
	for _, m := range b.opt.Methods {
		start := time.Now()
		r, err := ho.Forecast(m)
		if m == forecast.Auto {
			took += time.Since(start)
		}
		if err != nil {
			continue
		}
		tab.Add(m, ho.Class, ho.Score(r))
		if m == forecast.Auto {
			cum.Add(ho.Class, b.res.Horizons, ho.ScoreCumulative(r, b.res.Horizons))
		}
	}
	return took
}

// keep records a scored series under name and writes it to the series file.
func (b *backtestRun) keep(name string, ho forecast.Holdout) {
	b.res.Scored++
	b.res.Holdouts[name] = ho
	if b.series != nil {
		writeSeries(b.series, name, ho)
	}
}

// finish works out the time per series and flushes the series file.
func (b *backtestRun) finish() (*BacktestResult, error) {
	if b.res.Scored > 0 {
		b.res.AutoPerSeries = b.autoTime / time.Duration(b.res.Scored)
	}
	if b.series != nil {
		b.series.Flush()
		if err := b.series.Error(); err != nil {
			return nil, err
		}
	}
	return b.res, nil
}
