package demo

import (
	"fmt"
	"math"
	"math/rand/v2"

	"stockroom/model"
)

// skuData is one SKU as a worker made it, ready for the writer.
type skuData struct {
	product  model.Product // SupplierID is set by the writer
	index    int           // its position in the catalogue
	supplier int           // index into the supplier table
	pattern  Pattern
	target   model.Status // the status it was aimed at
	// followed says the SKU's stock is what following the replenishment
	// policy through its history left, not a deliberate aim: it nearly
	// always ends ok or low, as a well-run shop's SKUs do
	followed bool
	status   model.Status // the status model.Compute gives it
	sales    []model.DailySale
	stock    stockSplit
	policy   *model.Policy
	sent     []poLine // lines on open, sent purchase orders
	draft    *poLine  // a line on a draft purchase order
	// rate is the mean units per selling day; from and to bound the days it
	// sold. Historical purchase orders are sized and dated by them.
	rate     float64
	from, to model.Day
}

// poLine is a purchase-order line before its order exists; sentOn is
// when its order went out (sent lines only).
type poLine struct {
	qty, received int
	sentOn        model.Day
}

// makeSKU draws SKU i completely from its own random stream.
func (g *generator) makeSKU(i int) *skuData {
	r := skuRand(g.opt.Seed, i)
	id := drawIdentity(r)
	c := &categories[id.cat]
	d := &skuData{index: i, pattern: id.pattern}
	d.product = g.describe(r, i, c)
	d.supplier = g.sups.choose(r, id.cat)

	dem := g.shapeDemand(r, d, id)
	outTail := 0
	if d.pattern != Declining && chance(r, g.shares.out) {
		outTail = between(r, 1, max(1, min(21, (dem.to-dem.from)/3)))
		dem.addOutTail(r, outTail)
	}
	var units int
	d.sales, units = dem.sales(r, g.cal)
	d.from, d.to = g.cal.day(dem.from), g.cal.day(dem.to)
	d.rate = float64(units) / float64(dem.to-dem.from+1)
	g.stockUp(r, d, dem, outTail > 0)
	return d
}

// describe names and prices a product of category c.
func (g *generator) describe(r *rand.Rand, i int, c *category) model.Product {
	sub := pick(r, c.Subs)
	brand, noun, variant := pick(r, c.Brands), pick(r, sub.Nouns), pick(r, c.Variants)
	name := brand + " " + noun + " " + variant
	if chance(r, 0.5) {
		name = brand + " " + pick(r, lines) + " " + noun + " " + variant
	}
	price := shelfPrice(math.Exp(uniform(r, math.Log(c.PriceLo), math.Log(c.PriceHi))))
	casePack := pick(r, c.CasePacks)
	moq := 0
	if chance(r, 0.25) {
		moq = casePack * between(r, 2, 6)
		if casePack == 1 {
			moq = between(r, 3, 20)
		}
	}
	return model.Product{
		SKU:         fmt.Sprintf("%s-%0*d", c.Code, g.skuDigits(), i+1),
		Name:        name,
		Category:    c.Name,
		Subcategory: sub.Name,
		Brand:       brand,
		// Cost is net of 19 % VAT, at a 35–65 % share of the net price.
		UnitCost: roundCents(price / 1.19 * uniform(r, 0.35, 0.65)),
		Price:    price,
		CasePack: casePack,
		MOQ:      moq,
		Status:   model.Active,
	}
}

// shelfPrice turns a drawn price into one a shop would print: x.99 below
// 50 EUR, then whole fives minus a cent.
func shelfPrice(p float64) float64 {
	if p < 50 {
		return math.Max(1, math.Ceil(p)) - 0.01
	}
	return math.Ceil(p/5)*5 - 0.01
}

// shapeDemand sets the SKU's launch and selling period and draws the
// parameters of its pattern, its promotions and its past stockouts.
func (g *generator) shapeDemand(r *rand.Rand, d *skuData, id identity) *demand {
	cal := g.cal
	last := cal.days() - 1
	dem := &demand{pattern: id.pattern, cat: id.cat, price: d.product.Price, from: 0, to: last}
	launched := cal.start - model.Day(between(r, 30, 2000))
	switch id.pattern {
	case NewLaunch:
		launched = cal.end - model.Day(between(r, 7, 140))
	case Smooth, WeeklySeasonal, YearlySeasonal, TrendingUp:
		if chance(r, 0.12) { // launched during the history window
			launched = cal.start + model.Day(between(r, 14, last-150))
		}
	case Declining:
		dem.to = last - between(r, 95, 420)
	}
	d.product.LaunchedOn = launched
	dem.from = max(0, cal.index(launched))

	// Few fast movers, many slow ones; dear items sell a little slower.
	dem.rate = lognormal(r, 0.4, 1.25) * math.Pow(25/d.product.Price, 0.25)
	dem.rate = math.Min(80, math.Max(0.005, dem.rate))
	dem.shape = uniform(r, 2, 25)
	switch id.pattern {
	case WeeklySeasonal:
		dem.amp = uniform(r, 0.6, 1.2)
	case YearlySeasonal:
		dem.amp = uniform(r, 0.7, 1.8)
		dem.norm = besselI0(dem.amp)
	case TrendingUp:
		dem.amp = uniform(r, 0.35, 1.2) // growth per year; rate is the current rate
	case Declining:
		dem.rate *= 2 // it was a good seller once
		dem.curve = uniform(r, 0.6, 2)
	case NewLaunch:
		dem.rate *= 1.3
		dem.curve = uniform(r, 2, 21) // days to ramp up
	case Intermittent:
		// A sale in 10–40 % of weeks, of one or a few units.
		dem.occur = -math.Log(1-uniform(r, 0.1, 0.4)) / 7
		dem.sizeMedian, dem.sizeSigma = uniform(r, 1, 2.5), 0.4
	case Lumpy:
		// An order every 2–6 weeks, of tens of units.
		dem.occur = 1 / (7 * uniform(r, 2, 6))
		dem.sizeMedian, dem.sizeSigma = uniform(r, 6, 50), 0.7
	}

	stockouts := 0.9
	if id.pattern == Intermittent || id.pattern == Lumpy {
		stockouts = 0.4
	} else {
		for range pickWeighted(r, []float64{50, 30, 15, 5}) {
			length := between(r, 7, 14)
			from := between(r, dem.from, dem.to-length)
			discount := 0.05 * float64(between(r, 2, 6))
			dem.promos = append(dem.promos, promo{from, from + length - 1, discount, 1 + discount*uniform(r, 2, 5)})
		}
	}
	dem.addStockouts(r, poisson(r, stockouts))
	return dem
}

// skuDigits is how many digits SKU codes have: six, as every demo up to
// 999,999 SKUs has always had, and seven for larger ones, so codes of one
// catalogue have one width and sort as text in id order.
func (g *generator) skuDigits() int {
	if g.opt.SKUs > 999_999 {
		return 7
	}
	return 6
}
