package demo

import (
	"math"
	"math/rand/v2"

	"stockroom/model"
)

// demand describes how one SKU sells; sales() turns it into daily rows.
type demand struct {
	pattern Pattern
	cat     int
	price   float64

	from, to int // first and last day index (into the calendar) it can sell

	rate  float64 // units per day at the reference point of the pattern
	shape float64 // day-to-day noise: Gamma shape, lower is more erratic
	amp   float64 // seasonal amplitude, weekly-profile strength or trend growth per year
	norm  float64 // yearly-seasonal: I0(amp), the mean of exp(amp·cos θ) over a year
	curve float64 // decline exponent or launch ramp-up in days

	occur      float64 // intermittent and lumpy: chance of an order per day
	sizeMedian float64 // and its size
	sizeSigma  float64

	promos []promo
	// inStock[t] < 1 marks a (partial) stockout day; nil means never out.
	inStock []float64
}

// promo is a discount period that lifts demand.
type promo struct {
	from, to int
	discount float64
	lift     float64
}

// Day-of-week profiles (Monday first) for weekly-seasonal products.
var (
	weekendProfile = [7]float64{0.75, 0.75, 0.8, 0.85, 1.05, 1.45, 1.35}
	weekdayProfile = [7]float64{1.3, 1.25, 1.2, 1.15, 1.0, 0.5, 0.6}
)

// multiplier is the pattern's share of the base rate on day t.
func (d *demand) multiplier(c *calendar, t int) float64 {
	switch d.pattern {
	case WeeklySeasonal:
		p := weekdayProfile
		if categories[d.cat].Weekend {
			p = weekendProfile
		}
		return 1 + d.amp*(p[c.weekday[t]]-1)
	case YearlySeasonal:
		// Dividing by the yearly mean of exp(a·cos θ) keeps the base rate
		// the yearly average.
		return math.Exp(d.amp*c.season[d.cat][t]) / d.norm
	case TrendingUp:
		return math.Exp(d.amp * float64(t-d.to) / 365)
	case Declining:
		return math.Pow(float64(d.to+1-t)/float64(d.to+1-d.from), d.curve)
	case NewLaunch:
		return 1 - math.Exp(-float64(t-d.from+1)/d.curve)
	}
	return 1
}

// expected is the mean units the SKU sells on day t (which may lie past
// the end) when in stock: what a good forecast knows, with the shop's
// own promotions.
func (d *demand) expected(c *calendar, t int) float64 {
	if t < d.from || t > d.to && d.pattern == Declining {
		return 0
	}
	switch d.pattern {
	case Intermittent, Lumpy:
		// a lognormal's mean; the rounding to whole units, at least one,
		// adds a little that does not matter here
		return d.occur * d.sizeMedian * math.Exp(d.sizeSigma*d.sizeSigma/2)
	}
	lift := 1.0
	for _, p := range d.promos {
		if t >= p.from && t <= p.to {
			lift = p.lift
		}
	}
	return d.rate * d.multiplier(c, t) * lift
}

// weeklySD is the sd of a week's units when mean units are expected on
// each day of it: a compound Poisson of order sizes for sporadic SKUs,
// else the gamma-Poisson day-to-day noise of sales().
func (d *demand) weeklySD(mean float64) float64 {
	switch d.pattern {
	case Intermittent, Lumpy:
		// E[size²] of the lognormal
		return math.Sqrt(7 * d.occur * d.sizeMedian * d.sizeMedian * math.Exp(2*d.sizeSigma*d.sizeSigma))
	}
	return math.Sqrt(7 * (mean + mean*mean/d.shape))
}

// expectedWeekly is the mean weekly units expected over the days days
// from day t on.
func (d *demand) expectedWeekly(c *calendar, t, days int) float64 {
	sum := 0.0
	for i := range days {
		sum += d.expected(c, t+i)
	}
	return 7 * sum / float64(max(days, 1))
}

// sales draws the SKU's daily rows: days with units and stockout days,
// never plain zero days. It also returns the units sold.
func (d *demand) sales(r *rand.Rand, c *calendar) ([]model.DailySale, int) {
	expected := float64(d.to-d.from+1) * math.Min(1, 1.3*d.rate+d.occur)
	rows := make([]model.DailySale, 0, int(expected)+8)
	total := 0
	for t := d.from; t <= d.to; t++ {
		in := 1.0
		if d.inStock != nil {
			in = d.inStock[t]
		}
		discount, lift := 0.0, 1.0
		for _, p := range d.promos {
			if t >= p.from && t <= p.to {
				discount, lift = p.discount, p.lift
			}
		}
		units := 0
		switch d.pattern {
		case Intermittent, Lumpy:
			if r.Float64() < d.occur*in {
				units = max(1, int(math.Round(lognormal(r, d.sizeMedian, d.sizeSigma))))
				if d.pattern == Lumpy && chance(r, 0.5) {
					discount = float64(between(r, 1, 3)) * 0.05 // a volume discount
				}
			}
		default:
			mean := d.rate * d.multiplier(c, t) * lift * in
			if mean > 0 {
				units = poisson(r, mean*gammaMeanOne(r, d.shape))
			}
		}
		if units == 0 && in >= 1 {
			continue
		}
		s := model.DailySale{Day: c.day(t), Units: units, InStock: math.NaN()}
		if in < 1 {
			s.InStock = in
		}
		if units > 0 {
			s.Revenue = roundCents(float64(units) * d.price * (1 - discount))
			total += units
		}
		rows = append(rows, s)
	}
	return rows, total
}

// addStockouts marks n stockout stretches inside the selling period: the
// day it ran out is partial, then whole days out, and sometimes a partial
// day when the delivery came in.
func (d *demand) addStockouts(r *rand.Rand, n int) {
	for range n {
		length := 1 + int(r.ExpFloat64()*5)
		length = min(length, 28)
		start := between(r, d.from, d.to-length)
		d.markOut(start, partialDay(r))
		for t := start + 1; t < start+length && t <= d.to; t++ {
			d.markOut(t, 0)
		}
		if end := start + length; length > 1 && end <= d.to && chance(r, 0.5) {
			d.markOut(end, partialDay(r))
		}
	}
}

// addOutTail makes the SKU run out days before the end and stay out: the
// last days are whole stockout days after one partial day.
func (d *demand) addOutTail(r *rand.Rand, days int) {
	first := d.to - days + 1
	if first-1 >= d.from {
		d.markOut(first-1, partialDay(r))
	}
	for t := max(first, d.from); t <= d.to; t++ {
		d.markOut(t, 0)
	}
}

// partialDay is the in-stock share of a day the SKU ran out or came back,
// to the hundredth.
func partialDay(r *rand.Rand) float64 { return math.Round(uniform(r, 0.1, 0.9)*100) / 100 }

func (d *demand) markOut(t int, in float64) {
	if d.inStock == nil {
		d.inStock = make([]float64, d.to+1)
		for i := range d.inStock {
			d.inStock[i] = 1
		}
	}
	d.inStock[t] = min(d.inStock[t], in)
}

// besselI0 is the modified Bessel function I0 by its power series, which
// converges fast for the small amplitudes used here.
func besselI0(x float64) float64 {
	sum, term := 1.0, 1.0
	for k := 1; k < 30; k++ {
		term *= (x / 2) * (x / 2) / float64(k*k)
		sum += term
		if term < 1e-12*sum {
			break
		}
	}
	return sum
}
