package demo

import (
	"math"

	"stockroom/model"
)

// interimWeeks is the window of the dashboard's interim forecast.
const interimWeeks = 8

// interimForecast is the dashboard's stand-in forecast, which the demo
// aims its stock statuses at: the mean and sample sd of stockout-adjusted
// demand over the last 8 complete weeks up to end, skipping weeks with no
// in-stock day. Weeks after the SKU's last stored row are zero-demand
// weeks, not missing ones: sales_daily leaves out days without sales.
func interimForecast(w model.WeeklySales, end model.Day) (mean, sd float64) {
	if w.Weeks() == 0 {
		return 0, 0
	}
	demand := w.Through(end).Demand()
	// The Monday of the last week that ends on or before end.
	last := (end - 6).WeekStart()
	n := int(last-w.FirstWeek)/7 + 1
	var vals [interimWeeks]float64
	k := 0
	for i := max(0, n-interimWeeks); i < n; i++ {
		d := 0.0
		if i < len(demand) {
			d = demand[i]
		}
		if !math.IsNaN(d) {
			vals[k] = d
			k++
		}
	}
	return meanSD(vals[:k])
}

// meanSD is the mean and sample standard deviation (0 for fewer than two values).
func meanSD(xs []float64) (mean, sd float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)-1))
}
