package model

import (
	"math"
	"testing"
)

func TestKPIs(t *testing.T) {
	var k KPIs
	// a: 50 sold for 600 at cost 5; 10 on hand, 8 available; never out
	k.Add(SKUFigures{OnHand: 10, Available: 8, UnitCost: 5, Price: 12, Revenue52w: 600, Units52w: 50, InStockDays52w: 364, WeeklyDemand: 2})
	// b: 20 sold for 1000 at cost 20; out of stock now, 64 days out
	k.Add(SKUFigures{OnHand: 0, Available: 0, UnitCost: 20, Price: 50, Revenue52w: 1000, Units52w: 20, InStockDays52w: 300, WeeklyDemand: 1})
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"revenue", k.Revenue, 1600},
		{"COGS 50·5 + 20·20", k.COGS, 650},
		{"margin", k.Margin(), 950},
		{"stock at cost 10·5", k.StockCost, 50},
		{"stock at retail 10·12", k.StockRetail, 120},
		{"turnover 650/50", k.Turnover(), 13},
		{"GMROI 950/50", k.GMROI(), 19},
		{"sell-through 70/(70+10)", k.SellThrough(), 0.875},
		{"stockout rate 1 − 664/728", k.StockoutRate(), 64.0 / 728},
		{"days of cover 8/(3/7)", k.DaysOfCover(), 56.0 / 3},
		{"out of stock", float64(k.OutOfStock), 1},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}

	var total KPIs
	total.Merge(k)
	total.Merge(k)
	if total.SKUs != 4 || total.Revenue != 3200 || total.Turnover() != 13 {
		t.Errorf("merged twice: %d SKUs, revenue %v, turnover %v; want 4, 3200, 13", total.SKUs, total.Revenue, total.Turnover())
	}
}

func TestKPIsWithoutStockOrDemand(t *testing.T) {
	var k KPIs
	if !math.IsNaN(k.StockoutRate()) || !math.IsNaN(k.Turnover()) {
		t.Errorf("empty group: stockout rate %v, turnover %v; want NaN", k.StockoutRate(), k.Turnover())
	}
	k.Add(SKUFigures{Units52w: 5, Revenue52w: 50, UnitCost: 4, InStockDays52w: 364})
	if !math.IsNaN(k.Turnover()) || !math.IsNaN(k.GMROI()) || !math.IsInf(k.DaysOfCover(), 1) {
		t.Errorf("no stock, no demand: turnover %v, GMROI %v, cover %v; want NaN, NaN, +Inf", k.Turnover(), k.GMROI(), k.DaysOfCover())
	}
	if k.SellThrough() != 1 {
		t.Errorf("sold 5, none left: sell-through %v, want 1", k.SellThrough())
	}
	if Share(3, 0) != 0 || Share(1, 4) != 0.25 {
		t.Errorf("Share(3,0) = %v, Share(1,4) = %v", Share(3, 0), Share(1, 4))
	}
}
