package planner

import (
	"context"
	"fmt"
	"math"
	"sort"

	"stockroom/forecast"
	"stockroom/model"
	"stockroom/store"
)

// Levels at which a backtest can forecast: each SKU, or the summed demand
// of every SKU of a sub-category or category, where a planner judges
// seasonality and trend and where R's stlf is the usual yardstick.
const (
	LevelSKU         = "sku"
	LevelSubcategory = "subcategory"
	LevelCategory    = "category"
)

// ParseLevel checks a --level value.
func ParseLevel(s string) (string, error) {
	switch s {
	case LevelSKU, LevelSubcategory, LevelCategory:
		return s, nil
	}
	return "", fmt.Errorf("--level must be sku, subcategory or category, not %q", s)
}

// BacktestLevel is Backtest on group series: the weekly demand of every
// SKU of a sub-category (named "category › subcategory") or category,
// summed week by week up to the snapshot's day. A week a SKU was out of
// stock all week adds nothing, as it sold nothing. opt.Sample is ignored:
// a group needs all its SKUs. The result's Holdouts are keyed by group
// name, so --write-series and --score work on groups as on SKUs.
func (s *Snapshot) BacktestLevel(ctx context.Context, st *store.Store, opt BacktestOptions, level string) (*BacktestResult, error) {
	if level == LevelSKU {
		return nil, fmt.Errorf("BacktestLevel: use Backtest for SKUs")
	}
	run := newBacktestRun(opt)
	groups := map[string][]float64{}
	rows := all(len(s.Rows))
	var buf []float64
	err := s.eachHistoryChunk(ctx, st, rows, opt.Progress, func(_ int, tmp *model.Catalogue) error {
		for k := range tmp.Items {
			it := &tmp.Items[k]
			name := it.Product.Category
			if level == LevelSubcategory {
				name += " › " + it.Product.Subcategory
			}
			buf = it.Sales.AppendDemandThrough(buf, s.AsOf)
			groups[name] = addAligned(groups[name], buf)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(groups))
	for name := range groups {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ho := forecast.Split(groups[name], opt.Holdout)
		if !ho.Eligible {
			run.res.Skipped++
			continue
		}
		run.keep(name, ho)
		run.autoTime += run.scoreMethods(ho, run.res.Table, run.res.Cumulative)
	}
	return run.finish()
}

// addAligned adds y to sum week by week, both ending on the same week (the
// last complete one before the snapshot's day), and returns the sum. A
// missing week of y adds nothing; weeks before either series began are 0.
func addAligned(sum, y []float64) []float64 {
	if len(y) > len(sum) {
		grown := make([]float64, len(y))
		copy(grown[len(y)-len(sum):], sum)
		sum = grown
	}
	off := len(sum) - len(y)
	for i, v := range y {
		if !math.IsNaN(v) {
			sum[off+i] += v
		}
	}
	return sum
}
