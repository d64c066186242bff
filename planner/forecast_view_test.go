package planner

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"stockroom/forecast"
	"stockroom/model"
)

// fixedForecaster gives every SKU the same forecast, so that the export's
// figures can be worked out by hand.
type fixedForecaster struct{ r forecast.Result }

func (fixedForecaster) Engine() string { return "test-fixed" }

func (f fixedForecaster) Forecast(_ []float64, horizon int) forecast.Result {
	r := f.r
	r.Mean = make([]float64, horizon)
	for j := range r.Mean {
		r.Mean[j] = f.r.Mean[0]
	}
	return r
}

// The forecast export's cumulative columns by hand. Normal, 10 a week, SD
// 2, ψ = 0.5: through week 0 N(10, 4), band 10 ± 1.2815516·2; through
// week 1 N(20, 4·(1 + 1.5²) = 13), 20 ± 1.2815516·3.6056; through week 2
// N(30, 4·(3.25 + 2²) = 29). Poisson at 0.5 a week: through week 1
// Poisson(1), 10th and 90th percentiles 0 and 2; through week 2
// Poisson(1.5), 0 and 3.
func TestForecastExportCumulativeColumns(t *testing.T) {
	cases := []struct {
		name string
		r    forecast.Result
		want [][4]string // week_start, cum_forecast, cum_lower, cum_upper
	}{
		{"normal", forecast.Result{Method: "fixed", Class: forecast.Smooth, Mean: []float64{10}, SD: 2, Psi: []float64{0.5}},
			[][4]string{{"2026-11-23", "10", "7.44", "12.56"}, {"2026-11-30", "20", "15.38", "24.62"}, {"2026-12-07", "30", "23.1", "36.9"}}},
		{"poisson", forecast.Result{Method: "fixed", Class: forecast.Intermittent, Mean: []float64{0.5}, SD: 0.5},
			[][4]string{{"2026-11-23", "0.5", "0", "1"}, {"2026-11-30", "1", "0", "2"}, {"2026-12-07", "1.5", "0", "3"}}},
	}
	for _, c := range cases {
		v := Build(testCatalogue(), Options{Forecaster: fixedForecaster{c.r}}).Forecasts()
		var buf bytes.Buffer
		if err := Export(&buf, v, Select(v, Query{}), CSV); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		head := recs[0]
		want := "sku,week_start,forecast,lower,upper,cum_forecast,cum_lower,cum_upper,method,demand_class"
		if strings.Join(head, ",") != want {
			t.Fatalf("header %v, want %s", head, want)
		}
		col := func(name string) int { return slices.Index(head, name) }
		for w, exp := range c.want {
			r := recs[1+w] // the first SKU's first weeks
			got := [4]string{r[col("week_start")], r[col("cum_forecast")], r[col("cum_lower")], r[col("cum_upper")]}
			if got != exp {
				t.Errorf("%s week %d: %v, want %v", c.name, w, got, exp)
			}
		}
		// the first week's cumulative band is the week's own band
		if r := recs[1]; r[col("lower")] != r[col("cum_lower")] || r[col("upper")] != r[col("cum_upper")] {
			t.Errorf("%s: first week's band %s–%s, cumulative %s–%s", c.name, r[col("lower")], r[col("upper")], r[col("cum_lower")], r[col("cum_upper")])
		}
	}
}

// Every SKU's cumulative figures grow week by week, and the mean of a
// normal total sits in its band.
func TestForecastExportCumulativeGrows(t *testing.T) {
	v := Build(testCatalogue(), mean8).Forecasts()
	weeks := v.Len() / len(v.snap.Rows)
	for sku := range v.snap.Rows {
		prev := [3]float64{}
		for w := range weeks {
			i := sku*weeks + w
			cur := [3]float64{v.Value(i, ForecastCumMean).Float, v.Value(i, ForecastCumLower).Float, v.Value(i, ForecastCumUpper).Float}
			if cur[0] < prev[0] || cur[1] < prev[1] || cur[2] < prev[2] || cur[1] > cur[0] || cur[0] > cur[2] {
				t.Errorf("SKU %d week %d: %v after %v", sku, w, cur, prev)
			}
			prev = cur
		}
	}
}

// A catalogue without a single sale has no as-of day: its forecast rows
// carry no week date, rather than one computed from the unset day (it
// used to export 5881580-07-11).
func TestForecastExportWithoutSalesHasNoWeekDates(t *testing.T) {
	c := testCatalogue()
	for i := range c.Items {
		c.Items[i].Sales = model.WeeklySales{LastSale: model.NoDay}
	}
	c.LatestSale = model.NoDay
	v := Build(c, Options{}).Forecasts()
	if v.Len() == 0 {
		t.Fatal("no forecast rows")
	}
	var buf bytes.Buffer
	if err := Export(&buf, v, Select(v, Query{}), CSV); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(recs[0], "week_start")
	for _, rec := range recs[1:] {
		if rec[col] != "" {
			t.Fatalf("week_start %q for %s, want empty", rec[col], rec[0])
		}
	}
}
