package planner

import (
	"math"
	"sync"

	"stockroom/forecast"
)

// ForecastView is the "forecast" view: one row per SKU and future week,
// with the week's forecast and its 80 % band, and the same for the total
// demand from the first forecast week through that week.
type ForecastView struct {
	snap  *Snapshot
	weeks int
	first int64 // Monday of the first forecast week, days since 1970
	cum   *cumulativeRow
}

// cumulativeRow holds one SKU's cumulative bands: an export asks for a
// SKU's weeks in turn, and each week's total costs as much as all the
// weeks before it, so the bands of a whole horizon are worked out once.
type cumulativeRow struct {
	mu                 sync.Mutex
	row                int // index into snap.Rows; -1 for none yet
	mean, lower, upper []float64
}

// bands returns the cumulative mean and band of row r's week.
func (c *cumulativeRow) bands(r int, f *forecast.Result, week int) (mean, lower, upper float64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.row != r {
		c.mean, c.lower, c.upper = f.CumulativeBands(len(f.Mean))
		c.row = r
	}
	return c.mean[week], c.lower[week], c.upper[week]
}

// Forecast column indexes, in export order.
const (
	ForecastSKU = iota
	ForecastWeekStart
	ForecastMean
	ForecastLower
	ForecastUpper
	ForecastCumMean
	ForecastCumLower
	ForecastCumUpper
	ForecastMethod
	ForecastDemandClass
)

var forecastColumns = []Column{
	ForecastSKU:         {"sku", "SKU", "", Text, "stock keeping unit"},
	ForecastWeekStart:   {"week_start", "Week", "", Date, "Monday of the forecast week. The first forecast week is the first week not wholly in the past on the as-of day (a week is past once its Sunday is): the as-of day's own week, or, when the as-of day is a Sunday, the next one"},
	ForecastMean:        {"forecast", "Forecast", "", Decimal, "mean demand in the week"},
	ForecastLower:       {"lower", "Lower", "", Decimal, "10th percentile of the week's demand: the lower edge of its 80 % band"},
	ForecastUpper:       {"upper", "Upper", "", Decimal, "90th percentile of the week's demand: the upper edge of its 80 % band, never below the forecast (for intermittent and lumpy SKUs, the forecast rounded up to a whole unit)"},
	ForecastCumMean:     {"cum_forecast", "Cumulative forecast", "Cum fcst", Decimal, "mean total demand from the first forecast week through this week"},
	ForecastCumLower:    {"cum_lower", "Cumulative lower", "Cum lower", Decimal, "10th percentile of that total: 80 % of the time, total demand from now through this week falls between `cum_lower` and `cum_upper`"},
	ForecastCumUpper:    {"cum_upper", "Cumulative upper", "Cum upper", Decimal, "90th percentile of that total, never below `cum_forecast` (for intermittent and lumpy SKUs, rounded up to a whole unit)"},
	ForecastMethod:      {"method", "Method", "", Text, "forecasting method chosen by backtest"},
	ForecastDemandClass: {"demand_class", "Class", "", Enum, "`smooth`, `erratic`, `intermittent`, `lumpy` or `none`"},
}

// Forecasts returns the snapshot's forecast view. The first week is the
// first one not wholly in the past on AsOf: AsOf's own week, or the next
// when AsOf is a Sunday. A catalogue with no sales has no as-of day and
// so no week dates.
func (s *Snapshot) Forecasts() ForecastView {
	weeks := max(s.Catalogue.Settings.ForecastWeeks, 1)
	v := ForecastView{snap: s, weeks: weeks, first: noWeek, cum: &cumulativeRow{row: -1}}
	if s.AsOf.Valid() {
		v.first = int64((s.AsOf + 1).WeekStart())
	}
	return v
}

// noWeek marks a forecast view without week dates.
const noWeek = math.MinInt64

func (ForecastView) Name() string      { return "forecast" }
func (ForecastView) Columns() []Column { return forecastColumns }
func (v ForecastView) Len() int        { return len(v.snap.Rows) * v.weeks }

// SearchText filters by the SKU's texts, so a filter keeps all of a
// SKU's weeks or none.
func (v ForecastView) SearchText(i int) string { return v.snap.search.get(i / v.weeks) }

func (v ForecastView) Value(i, col int) Value {
	r, week := v.snap.Rows[i/v.weeks], i%v.weeks
	f := r.Forecast
	switch col {
	case ForecastSKU:
		return Value{Text: r.Item.Product.SKU}
	case ForecastWeekStart:
		if v.first == noWeek {
			return Value{Null: true}
		}
		return Value{Int: v.first + 7*int64(week)}
	case ForecastMean, ForecastLower, ForecastUpper, ForecastCumMean, ForecastCumLower, ForecastCumUpper:
		if week >= len(f.Mean) {
			return Value{Null: true}
		}
		switch col {
		case ForecastCumMean, ForecastCumLower, ForecastCumUpper:
			var mean, lower, upper float64
			if v.cum != nil {
				mean, lower, upper = v.cum.bands(i/v.weeks, &f, week)
			} else {
				mean, lower, upper = f.CumulativeBand(week)
			}
			switch col {
			case ForecastCumMean:
				return Value{Float: mean}
			case ForecastCumLower:
				return Value{Float: lower}
			}
			return Value{Float: upper}
		case ForecastMean:
			return Value{Float: f.Mean[week]}
		case ForecastLower:
			lo, _ := f.Band(week)
			return Value{Float: lo}
		default:
			_, hi := f.Band(week)
			return Value{Float: hi}
		}
	case ForecastMethod:
		return Value{Text: f.Method}
	case ForecastDemandClass:
		return Value{Int: int64(f.Class), Text: f.Class.String()}
	}
	return Value{Null: true}
}

var _ View = ForecastView{}
