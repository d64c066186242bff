// Package planner is Stockroom's engine: it loads a catalogue snapshot from
// the store, forecasts every SKU, computes each one's plan and builds the
// views that the dashboard renders and the exports write.
package planner

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"stockroom/forecast"
	"stockroom/model"
	"stockroom/store"
)

// Options steer a planning run.
type Options struct {
	// AsOf is "today": only history up to it is used. NoDay (or zero value
	// handled by Load) means the catalogue's latest sales day.
	AsOf       model.Day
	Forecaster Forecaster
}

// HistoryWeeks is how many recent weeks of sales a snapshot keeps per SKU
// for sparklines and charts; the full history is only needed to forecast.
const HistoryWeeks = 52

// Row is one SKU's planning state. Its Item keeps only the last
// HistoryWeeks weeks of sales.
type Row struct {
	Item     *model.Item
	Supplier string
	Forecast forecast.Result
	Plan     model.Plan

	LeadTimeWeeks   float64
	LeadTimeSDWeeks float64
	ServiceLevel    float64
	LastSale        model.Day // last day with a sale up to AsOf, NoDay if none

	search string
}

// Snapshot is an immutable planning state. Edits make a new Snapshot that
// shares unchanged rows, so work started on an older one stays valid.
type Snapshot struct {
	Catalogue *model.Catalogue
	AsOf      model.Day
	Rows      []*Row

	forecaster   Forecaster
	suppliers    map[int64]model.Supplier
	statusCounts [model.StatusCount]int
}

// Load reads the catalogue and plans every SKU.
func Load(ctx context.Context, st *store.Store, opt Options) (*Snapshot, error) {
	c, err := st.LoadCatalogue(ctx)
	if err != nil {
		return nil, err
	}
	return Build(c, opt), nil
}

// Build plans every SKU of a catalogue, forecasting on all cores. It takes
// the catalogue over: each item's sales history is cut to the last
// HistoryWeeks weeks once forecast, to keep 100,000 SKUs small in memory.
func Build(c *model.Catalogue, opt Options) *Snapshot {
	if opt.Forecaster == nil {
		opt.Forecaster = Interim{}
	}
	asOf := opt.AsOf
	if asOf == 0 || !asOf.Valid() {
		asOf = c.LatestSale
	}
	s := &Snapshot{Catalogue: c, AsOf: asOf, Rows: make([]*Row, len(c.Items)), forecaster: opt.Forecaster, suppliers: c.Suppliers}
	rows := make([]Row, len(c.Items)) // one allocation for all rows
	parallel(len(c.Items), func(lo, hi int) {
		var demand []float64 // one scratch buffer per worker
		for i := lo; i < hi; i++ {
			r := &rows[i]
			r.Item = &c.Items[i]
			demand = s.forecast(r, demand)
			s.plan(r)
			// once forecast, only recent weeks are needed: let the rest go
			r.Item.Sales = r.Item.Sales.Tail(asOf, HistoryWeeks)
			s.Rows[i] = r
		}
	})
	s.countStatuses()
	return s
}

// forecast fills a row's search text, last sale and forecast, using demand
// as scratch space; the forecaster must not keep the slice.
func (s *Snapshot) forecast(r *Row, demand []float64) []float64 {
	it := r.Item
	sp := s.suppliers[it.Product.SupplierID]
	r.Supplier = sp.Name
	r.search = searchText(it, sp.Name)
	r.LastSale = lastSale(it.Sales, s.AsOf)
	if s.AsOf.Valid() {
		demand = it.Sales.AppendDemandThrough(demand, s.AsOf)
		r.Forecast = s.forecaster.Forecast(demand, max(s.Catalogue.Settings.ForecastWeeks, 1))
	}
	return demand
}

// plan computes a row's policy numbers and status from its forecast.
func (s *Snapshot) plan(r *Row) {
	it := r.Item
	sp := s.suppliers[it.Product.SupplierID]
	set := s.Catalogue.Settings
	lead := sp.LeadTimeDays
	if it.Policy.LeadTimeDays > 0 {
		lead = it.Policy.LeadTimeDays
	}
	r.LeadTimeWeeks, r.LeadTimeSDWeeks = lead/7, sp.LeadTimeSDDays/7
	r.ServiceLevel = set.ServiceLevel
	if it.Policy.ServiceLevel > 0 {
		r.ServiceLevel = it.Policy.ServiceLevel
	}
	review := set.ReviewDays
	if it.Policy.ReviewDays > 0 {
		review = it.Policy.ReviewDays
	}
	r.Plan = model.Compute(model.PlanInput{
		OnHand: it.OnHand, Committed: it.Committed, OnOrder: it.OnOrder,
		WeeklyDemand: r.Forecast.Level(), DemandSD: r.Forecast.SD,
		LeadTimeWeeks: r.LeadTimeWeeks, LeadTimeSDWeeks: r.LeadTimeSDWeeks,
		ServiceLevel: r.ServiceLevel, ReviewWeeks: float64(review) / 7,
		OrderCost: sp.OrderCost, HoldingRate: set.HoldingRate, UnitCost: it.Product.UnitCost,
		ManualReorderPoint: it.Policy.ReorderPoint, HasManualReorderPoint: it.Policy.Manual,
		Active:          it.Product.Status != model.Discontinued,
		DaysSinceSale:   s.daysSinceSale(r),
		DeadStockDays:   set.DeadStockDays,
		ExcessCoverDays: set.ExcessCoverDays,
	})
}

// daysSinceSale counts from the last sale, or from launch when the SKU has
// not sold since; -1 when neither is known.
func (s *Snapshot) daysSinceSale(r *Row) int {
	since := r.LastSale
	if l := r.Item.Product.LaunchedOn; l.Valid() && l <= s.AsOf && (!since.Valid() || l > since) {
		since = l
	}
	if !since.Valid() || !s.AsOf.Valid() {
		return -1
	}
	return int(s.AsOf - since)
}

// lastSale is the last day with a sale on or before asOf. The rollup knows
// the exact day of the last sale overall; for an earlier asOf it falls back
// to the Sunday of the last week that sold.
func lastSale(w model.WeeklySales, asOf model.Day) model.Day {
	if !w.LastSale.Valid() || w.LastSale <= asOf {
		return w.LastSale
	}
	units := w.Through(asOf).Units
	for i := len(units) - 1; i >= 0; i-- {
		if units[i] > 0 {
			return w.FirstWeek + model.Day(7*i+6)
		}
	}
	return model.NoDay
}

func searchText(it *model.Item, supplier string) string {
	p := it.Product
	return strings.ToLower(p.SKU + "\x00" + p.Name + "\x00" + p.Category + "\x00" + p.Subcategory + "\x00" + p.Brand + "\x00" + supplier)
}

// parallel splits 0..n-1 into one contiguous chunk per core.
func parallel(n int, fn func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/256, 1))
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

// Supplier returns a supplier of the snapshot's catalogue.
func (s *Snapshot) Supplier(id int64) (model.Supplier, bool) {
	sp, ok := s.suppliers[id]
	return sp, ok
}
