package model

import "math"

// SKUFigures are one SKU's numbers that assortment KPIs sum over a group.
type SKUFigures struct {
	OnHand, Available int
	UnitCost, Price   float64
	// Revenue52w and Units52w are the trailing 52 complete weeks' sales;
	// InStockDays52w how many of those 364 days the SKU could be bought.
	Revenue52w, Units52w, InStockDays52w float64
	WeeklyDemand                         float64 // μ_w, the forecast mean
}

// daysPerYear is the 52 weeks the KPIs look back over.
const daysPerYear = 52 * 7

// KPIs are a group's assortment figures over the trailing 52 weeks.
//
// Stockroom keeps no history of stock levels, so today's stock at cost
// stands for the average inventory in turnover and GMROI; COGS is units
// sold × today's unit cost for the same reason.
type KPIs struct {
	SKUs         int
	Revenue      float64
	COGS         float64
	UnitsSold    float64
	StockCost    float64 // on hand × unit cost
	StockRetail  float64 // on hand × price
	OnHand       float64
	Available    float64
	WeeklyDemand float64
	InStockDays  float64
	OutOfStock   int // SKUs with nothing available now
}

// Add counts one SKU into the group.
func (k *KPIs) Add(f SKUFigures) {
	k.SKUs++
	k.Revenue += f.Revenue52w
	k.COGS += f.Units52w * f.UnitCost
	k.UnitsSold += f.Units52w
	k.StockCost += float64(f.OnHand) * f.UnitCost
	k.StockRetail += float64(f.OnHand) * f.Price
	k.OnHand += float64(f.OnHand)
	k.Available += float64(max(f.Available, 0))
	k.WeeklyDemand += f.WeeklyDemand
	k.InStockDays += f.InStockDays52w
	if f.Available <= 0 {
		k.OutOfStock++
	}
}

// Merge adds another group's figures, for totals over groups.
func (k *KPIs) Merge(o KPIs) {
	k.SKUs += o.SKUs
	k.Revenue += o.Revenue
	k.COGS += o.COGS
	k.UnitsSold += o.UnitsSold
	k.StockCost += o.StockCost
	k.StockRetail += o.StockRetail
	k.OnHand += o.OnHand
	k.Available += o.Available
	k.WeeklyDemand += o.WeeklyDemand
	k.InStockDays += o.InStockDays
	k.OutOfStock += o.OutOfStock
}

// Margin is gross margin: revenue − COGS.
func (k KPIs) Margin() float64 { return k.Revenue - k.COGS }

// Turnover is COGS ÷ inventory at cost: how many times a year the stock
// sells through. NaN without stock.
func (k KPIs) Turnover() float64 { return ratio(k.COGS, k.StockCost) }

// GMROI is gross margin ÷ inventory at cost: margin earned per unit of
// money held in stock. NaN without stock.
func (k KPIs) GMROI() float64 { return ratio(k.Margin(), k.StockCost) }

// SellThrough is sold ÷ (sold + on hand), 0–1. NaN when neither.
func (k KPIs) SellThrough() float64 { return ratio(k.UnitsSold, k.UnitsSold+k.OnHand) }

// StockoutRate is the share of SKU-days out of stock over the 52 weeks.
func (k KPIs) StockoutRate() float64 {
	days := float64(k.SKUs) * daysPerYear
	if days == 0 {
		return math.NaN()
	}
	return max(1-k.InStockDays/days, 0)
}

// DaysOfCover is available ÷ daily forecast demand; +Inf without demand
// or beyond ten years (CoverDays).
func (k KPIs) DaysOfCover() float64 { return CoverDays(k.Available, k.WeeklyDemand) }

// Share is part ÷ whole, 0 when the whole is 0 (a group of a catalogue
// that sold nothing has no share of nothing).
func Share(part, whole float64) float64 {
	if whole == 0 {
		return 0
	}
	return part / whole
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}
