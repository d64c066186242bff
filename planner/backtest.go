package planner

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"stockroom/forecast"
	"stockroom/model"
	"stockroom/store"
)

// BacktestOptions steer a backtest of the forecasting engine on a
// catalogue's own history.
type BacktestOptions struct {
	// Holdout is how many of the last complete weeks up to the snapshot's
	// day are held out and forecast from the weeks before them.
	Holdout int
	// Methods are scored in this order; forecast.Auto is the automatic
	// choice. Empty: the automatic choice and every method.
	Methods []string
	// Sample, when positive, scores about that many SKUs: every k-th in
	// catalogue order, so repeated runs pick the same ones.
	Sample int
	// Series, when set, receives each scored SKU's history as CSV
	// (sku,class,t,demand,holdout), for another tool to forecast.
	Series io.Writer
	// Progress, when set, is told how many SKUs are done.
	Progress func(done, total int)
}

// CumulativeHorizons are the horizons of the backtest's cumulative table
// that a holdout of that many weeks covers.
func CumulativeHorizons(holdout int) []int {
	var out []int
	for _, h := range forecast.CumulativeHorizons {
		if h <= holdout {
			out = append(out, h)
		}
	}
	return out
}

// BacktestResult is the accuracy table and what went into it.
type BacktestResult struct {
	Table *forecast.Table
	// Cumulative scores the automatic choice's forecasts of total demand
	// over the first 4, 8, 13 and 26 held-out weeks (those the holdout
	// covers, Horizons) per demand class.
	Cumulative *forecast.CumulativeTable
	Horizons   []int
	Scored     int // SKUs with enough history to score
	Skipped    int // SKUs with too little history since their first sale
	// AutoPerSeries is the mean single-core time of one automatic forecast.
	AutoPerSeries time.Duration
	// Holdouts keeps each scored SKU's split by SKU, for scoring another
	// tool's forecasts of the same weeks (ScoreExternal).
	Holdouts map[string]forecast.Holdout
}

// Backtest holds out the last weeks of every SKU's history up to the
// snapshot's day, forecasts them with each method from the weeks before,
// and tabulates accuracy by method and demand class.
func (s *Snapshot) Backtest(ctx context.Context, st *store.Store, opt BacktestOptions) (*BacktestResult, error) {
	run := newBacktestRun(opt)
	rows := s.sampleRows(opt.Sample)
	err := s.eachHistoryChunk(ctx, st, rows, opt.Progress, func(_ int, tmp *model.Catalogue) error {
		holdouts := make([]forecast.Holdout, len(tmp.Items))
		var mu sync.Mutex
		parallel(len(tmp.Items), func(a, b int) {
			var tab forecast.Table
			var cum forecast.CumulativeTable
			var took time.Duration
			for k := a; k < b; k++ {
				demand := tmp.Items[k].Sales.DemandThrough(s.AsOf)
				ho := forecast.Split(demand, opt.Holdout)
				holdouts[k] = ho
				if ho.Eligible {
					took += run.scoreMethods(ho, &tab, &cum)
				}
			}
			mu.Lock()
			run.res.Table.Merge(&tab)
			run.res.Cumulative.Merge(&cum)
			run.autoTime += took
			mu.Unlock()
		})
		for k, ho := range holdouts {
			if !ho.Eligible {
				run.res.Skipped++
				continue
			}
			run.keep(tmp.Items[k].Product.SKU, ho)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return run.finish()
}

// sampleRows is every row, or every k-th for about n of them.
func (s *Snapshot) sampleRows(n int) []int {
	step := 1
	if n > 0 && n < len(s.Rows) {
		step = (len(s.Rows) + n - 1) / n
	}
	var rows []int
	for i := 0; i < len(s.Rows); i += step {
		rows = append(rows, i)
	}
	return rows
}

func writeSeries(w *csv.Writer, sku string, ho forecast.Holdout) {
	t := 0
	for part, ys := range [][]float64{ho.Train, ho.Test} {
		for _, y := range ys {
			v := ""
			if !math.IsNaN(y) {
				v = strconv.FormatFloat(y, 'f', -1, 64)
			}
			w.Write([]string{sku, ho.Class.String(), strconv.Itoa(t), v, strconv.Itoa(part)})
			t++
		}
	}
}

// ScoreExternal scores another tool's forecasts of the held-out weeks,
// read as CSV with columns sku, method, t (the week index of the series
// CSV), forecast, lower and upper (empty when the tool gives no band),
// and adds them to the table under their method names.
func (res *BacktestResult) ScoreExternal(r io.Reader, name string) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 6
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	want := []string{"sku", "method", "t", "forecast", "lower", "upper"}
	for i, h := range want {
		if strings.TrimSpace(strings.ToLower(header[i])) != h {
			return fmt.Errorf("%s:1: column %d is %q, want %q", name, i+1, header[i], h)
		}
	}
	type key struct{ sku, method string }
	paths := map[key][3][]float64{}
	var order []key
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		k := key{rec[0], rec[1]}
		ho, ok := res.Holdouts[k.sku]
		if !ok {
			return fmt.Errorf("%s:%d: SKU %q was not in the backtest", name, line, k.sku)
		}
		t, err := strconv.Atoi(rec[2])
		j := t - len(ho.Train)
		if err != nil || j < 0 || j >= len(ho.Test) {
			return fmt.Errorf("%s:%d: column \"t\": %q is not a held-out week of %s", name, line, rec[2], k.sku)
		}
		p, seen := paths[k]
		if !seen {
			for i := range p {
				p[i] = make([]float64, len(ho.Test))
				for w := range p[i] {
					p[i][w] = math.NaN()
				}
			}
			order = append(order, k)
		}
		for i, col := range []int{3, 4, 5} {
			if rec[col] == "" {
				continue
			}
			v, err := strconv.ParseFloat(rec[col], 64)
			if err != nil {
				return fmt.Errorf("%s:%d: column %q: %q is not a number", name, line, want[col], rec[col])
			}
			p[i][j] = v
		}
		paths[k] = p
	}
	for _, k := range order {
		ho, p := res.Holdouts[k.sku], paths[k]
		res.Table.Add(k.method, ho.Class, ho.ScorePaths(p[0], p[1], p[2]))
	}
	return nil
}
