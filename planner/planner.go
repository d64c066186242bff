// Package planner is Stockroom's engine: it loads a catalogue snapshot from
// the store, forecasts every SKU, computes each one's plan and builds the
// views that the dashboard renders and the exports write.
package planner

import (
	"context"
	"math"
	"runtime"
	"slices"
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
	// Background marks forecasting as background work, as the dashboard
	// does it while the PM uses the keys: on BackgroundWorkers goroutines,
	// whose threads run at a lower OS priority (where the OS allows a
	// thread's own). The commands leave it unset and use every core.
	Background bool

	// weeks is the catalogue's forecast horizon: a cached forecast of
	// another length is out of date (the setting changed)
	weeks int
}

// Row is one SKU's planning state.
type Row struct {
	Item     *model.Item
	Supplier string
	// Cached is the SKU's forecast as the cache holds it (with its recent
	// weeks, 52-week sales and demand statistics), nil until one is made;
	// Forecast is its result, or none. The row holds it, not the item: a
	// forecast that lands replaces rows only, and the items, which do not
	// change, are shared by every snapshot (issue 15: copying them at every
	// landing held 0.4 KB a SKU twice).
	Cached   *model.SKUForecast
	Forecast forecast.Result
	Plan     model.Plan

	// ABC is the SKU's class by trailing-52-week revenue across the
	// catalogue; it sets the default service level.
	ABC             model.ABC
	LeadTime        model.LeadTime
	LeadTimeWeeks   float64
	LeadTimeSDWeeks float64
	// ReviewWeeks is R, the SKU's review period: the reorder point
	// protects the lead time plus it (model.RiskPeriod).
	ReviewWeeks  float64
	ServiceLevel float64
	// ServiceLevelManual is true when the PM set the SKU's service level.
	ServiceLevelManual bool
	LastSale           model.Day // last day with a sale up to AsOf, NoDay if none

	// XYZ is the SKU's class by the steadiness of its weekly demand, and
	// Risk what of its stock may not sell at full price.
	XYZ  model.XYZ
	Risk model.RiskAssessment
}

// Snapshot is an immutable planning state. Edits make a new Snapshot that
// shares unchanged rows, so work started on an older one stays valid.
type Snapshot struct {
	// Catalogue holds the settings, suppliers and activity the rows were
	// planned with. Its Items are nil: a row's item is Rows[i].Item, and
	// a snapshot holding the slice would keep every item it replaced (and
	// its forecast) alive as long as it lives.
	Catalogue *model.Catalogue
	AsOf      model.Day
	Rows      []*Row

	// Stale lists the rows whose forecast is missing or out of date (made
	// for older data, another day or another engine); Refresh recomputes
	// them.
	Stale []int
	// Refreshed lists the rows whose forecast was computed rather than
	// taken from the cache; SaveForecasts caches them.
	Refreshed []int

	opt          Options
	suppliers    map[int64]model.Supplier
	statusCounts [model.StatusCount]int
	search       *searchIndex // shared by the snapshots an edit derives: texts do not change
}

// Open reads the catalogue and plans every SKU from its cached forecast,
// computing none: it is what the dashboard's first frame waits for. Rows
// whose cached forecast is not current are listed in Stale.
func Open(ctx context.Context, st *store.Store, opt Options) (*Snapshot, error) {
	if opt.Forecaster == nil {
		opt.Forecaster = Auto{}
	}
	c, err := st.LoadCatalogue(ctx, store.LoadOptions{Forecasts: store.ForecastKey{AsOf: opt.AsOf, Engine: opt.Forecaster.Engine()}})
	if err != nil {
		return nil, err
	}
	s := build(c, opt.resolve(c))
	// the rows hold the forecasts now (Row.Cached): items that kept them
	// too would keep every forecast a later one replaces alive, as the
	// items outlive them in every snapshot derived from this one
	parallel(len(c.Items), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			c.Items[i].Forecast = nil
		}
	})
	return s, nil
}

// Load reads the catalogue and plans every SKU, forecasting those whose
// cached forecast is not current. SaveForecasts then caches those for the
// next start.
func Load(ctx context.Context, st *store.Store, opt Options) (*Snapshot, error) {
	s, err := Open(ctx, st, opt)
	if err != nil {
		return nil, err
	}
	return s.Refresh(ctx, st, nil)
}

// Refresh brings the catalogue's forecast cache up to date: it plans once
// and caches what had to be forecast, so the next start reads only cached
// forecasts. progress (may be nil) is told how many stale SKUs are done.
func Refresh(ctx context.Context, st *store.Store, opt Options, progress func(done, total int)) (*Snapshot, error) {
	s, err := Open(ctx, st, opt)
	if err != nil {
		return nil, err
	}
	if s, err = s.Refresh(ctx, st, progress); err != nil {
		return nil, err
	}
	return s, s.SaveForecasts(ctx, st)
}

// Refresh forecasts the stale rows and returns the snapshot with them.
func (s *Snapshot) Refresh(ctx context.Context, st *store.Store, progress func(done, total int)) (*Snapshot, error) {
	f, err := s.ForecastStale(ctx, st, progress)
	if err != nil {
		return nil, err
	}
	return s.WithForecasts(f), nil
}

// SaveForecasts caches the forecasts Refresh computed, when they are as of
// the catalogue's latest day (a look at the past must not replace the
// cache). The dashboard does this after its first frame. A catalogue open
// read-only keeps its cache as it is: the forecasts live in memory only.
func (s *Snapshot) SaveForecasts(ctx context.Context, st *store.Store) error {
	if len(s.Refreshed) == 0 || s.AsOf != s.Catalogue.LatestSale || st.ReadOnly() != "" {
		return nil
	}
	rows := make([]store.ForecastRow, len(s.Refreshed))
	for k, i := range s.Refreshed {
		r := s.Rows[i]
		rows[k] = store.ForecastRow{ProductID: r.Item.Product.ID, Forecast: r.Cached}
	}
	return st.SaveForecasts(ctx, rows)
}

// refreshChunk is how many stale SKUs are read and forecast at a time, so a
// catalogue whose every forecast is stale never holds every history at
// once, and progress moves in steps of about a second.
const refreshChunk = 4096

// Forecasts are freshly computed forecasts for rows of a snapshot.
type Forecasts struct {
	Rows       []int
	ProductIDs []int64
	Forecasts  []*model.SKUForecast
}

// ForecastStale reads the histories of the stale rows chunk by chunk and
// forecasts them on all cores, or as background work (Options.Background). It changes nothing of s, so the dashboard
// keeps drawing s meanwhile; WithForecasts applies the result.
func (s *Snapshot) ForecastStale(ctx context.Context, st *store.Store, progress func(done, total int)) (Forecasts, error) {
	var f Forecasts
	err := s.StaleWork().ForecastInSteps(ctx, st, len(s.Stale), progress, func(step Forecasts) error {
		f = step
		return nil
	})
	if err != nil {
		return Forecasts{}, err
	}
	return f, nil
}

// StaleWork is what forecasting a snapshot's stale rows needs of it.
type StaleWork struct {
	rows      []int
	histories historyReader
	opt       Options
}

// StaleWork takes what forecasting the stale rows needs: a background
// run holds this, not the snapshot, whose rows and forecasts the steps
// it lands replace.
func (s *Snapshot) StaleWork() StaleWork {
	return StaleWork{rows: s.Stale, histories: s.histories(s.Stale), opt: s.opt}
}

// ForecastInSteps is ForecastStale handing the forecasts to land as they
// are made, in steps of at least step rows (whole chunks; the last step
// may be smaller). A dashboard that lands each step frees the forecasts
// and rows it replaces as it goes, instead of holding the old and the new
// of every SKU at once (issue 15). It keeps nothing of the snapshot but
// the stale rows' items while it runs, and stops at the first error land
// returns.
func (w StaleWork) ForecastInSteps(ctx context.Context, st *store.Store, step int, progress func(done, total int), land func(Forecasts) error) error {
	size := min(max(step, 1), len(w.rows))
	f := newForecasts(size)
	err := w.histories.each(ctx, st, progress, func(lo int, tmp *model.Catalogue) error {
		forecastItems(tmp, w.opt, all(len(tmp.Items)))
		f.Rows = append(f.Rows, w.rows[lo:lo+len(tmp.Items)]...)
		for k := range tmp.Items {
			f.ProductIDs = append(f.ProductIDs, tmp.Items[k].Product.ID)
			f.Forecasts = append(f.Forecasts, tmp.Items[k].Forecast)
		}
		if len(f.Rows) < size {
			return nil
		}
		done := f
		f = newForecasts(min(size, len(w.rows)-lo-len(tmp.Items)))
		return land(done)
	})
	if err != nil || len(f.Rows) == 0 {
		return err
	}
	return land(f)
}

func newForecasts(n int) Forecasts {
	return Forecasts{Rows: make([]int, 0, n), ProductIDs: make([]int64, 0, n), Forecasts: make([]*model.SKUForecast, 0, n)}
}

// Append adds g's forecasts to f's: steps that arrive while an earlier
// one lands are landed together.
func (f Forecasts) Append(g Forecasts) Forecasts {
	return Forecasts{
		Rows:       append(f.Rows, g.Rows...),
		ProductIDs: append(f.ProductIDs, g.ProductIDs...),
		Forecasts:  append(f.Forecasts, g.Forecasts...),
	}
}

// Landed returns s with Refreshed listing the rows that show f's
// forecasts, for SaveForecasts: a run that lands in steps caches them all
// at its end, in one transaction, as one landing did.
func (s *Snapshot) Landed(f Forecasts) *Snapshot {
	next := *s
	next.Refreshed = nil
	for k, i := range f.Rows {
		if i < len(s.Rows) && s.Rows[i].Cached == f.Forecasts[k] && f.Forecasts[k] != nil {
			next.Refreshed = append(next.Refreshed, i)
		}
	}
	return &next
}

// WithForecasts returns the snapshot with new forecasts for some rows,
// replanning only those rows. Rows are matched by product id, so forecasts
// computed from an older snapshot of the same catalogue apply to a newer
// one that an edit derived.
func (s *Snapshot) WithForecasts(f Forecasts) *Snapshot {
	next := *s
	next.Rows = slices.Clone(s.Rows)
	next.Refreshed = nil
	rows := make([]Row, len(f.Rows))
	parallel(len(f.Rows), func(lo, hi int) {
		for k := lo; k < hi; k++ {
			i := f.Rows[k]
			if i >= len(next.Rows) || next.Rows[i].Item.Product.ID != f.ProductIDs[k] || f.Forecasts[k] == nil {
				continue
			}
			rows[k] = *next.Rows[i]
			rows[k].Cached = f.Forecasts[k]
			next.fillForecast(&rows[k])
			next.Rows[i] = &rows[k]
		}
	})
	replan := make([]int, 0, len(f.Rows))
	for k, i := range f.Rows {
		if rows[k].Item != nil {
			next.Refreshed = append(next.Refreshed, i)
			replan = append(replan, i)
		}
	}
	// new revenue moves SKUs between ABC classes, and with them service
	// levels: those rows are planned again too
	fresh := make([]bool, len(next.Rows)) // a map of a step's rows cost more than the re-plan
	for _, i := range replan {
		fresh[i] = true
	}
	classes := next.classifyABC()
	nMoved := 0
	for i, c := range classes {
		if next.Rows[i].ABC != c && !fresh[i] {
			nMoved++
		}
	}
	// sized first: rows of a slice that grew would keep its old arrays
	moved := make([]Row, 0, nMoved)
	for i, c := range classes {
		if next.Rows[i].ABC == c {
			continue
		}
		if !fresh[i] {
			moved = append(moved, *next.Rows[i])
			next.Rows[i] = &moved[len(moved)-1]
			replan = append(replan, i)
		}
		next.Rows[i].ABC = c
	}
	parallel(len(replan), func(lo, hi int) {
		for _, i := range replan[lo:hi] {
			next.plan(next.Rows[i])
		}
	})
	next.Stale = next.staleRows()
	next.countStatuses()
	return &next
}

// Current reports whether a row's forecast is up to date for the
// snapshot's data, day and engine.
func (s *Snapshot) Current(r *Row) bool { return s.opt.current(r.Cached, r.Item.Product.DataVersion) }

// current reports whether a forecast is up to date for its SKU's data (of
// dataVersion), the planning day and the engine.
func (o Options) current(f *model.SKUForecast, dataVersion int64) bool {
	return f.Current(dataVersion, o.AsOf, o.Forecaster.Engine()) &&
		(o.weeks == 0 || len(f.Result.Mean) == o.weeks)
}

// staleRows lists the rows whose forecast is not current.
func (s *Snapshot) staleRows() []int {
	var stale []int
	for i, r := range s.Rows {
		if !s.Current(r) {
			stale = append(stale, i)
		}
	}
	return stale
}

// staleItems lists the items whose forecast is missing or not current.
func staleItems(c *model.Catalogue, opt Options) []int {
	var stale []int
	for i := range c.Items {
		it := &c.Items[i]
		if !opt.current(it.Forecast, it.Product.DataVersion) {
			stale = append(stale, i)
		}
	}
	return stale
}

// forecastItems forecasts the given items from their Sales on all cores,
// or as background work (Options.Background).
func forecastItems(c *model.Catalogue, opt Options, which []int) {
	workers := 0
	if opt.Background {
		workers = backgroundWorkers()
	}
	parallelOn(workers, len(which), func(a, b int) {
		if opt.Background {
			LowerPriority()
		}
		var demand []float64 // one scratch buffer per worker
		for _, i := range which[a:b] {
			demand = refresh(&c.Items[i], c.Settings, opt, demand)
		}
	})
}

// resolve fills in the defaults: the engine and the planning day.
func (o Options) resolve(c *model.Catalogue) Options {
	if o.Forecaster == nil {
		o.Forecaster = Auto{}
	}
	if o.AsOf == 0 || !o.AsOf.Valid() {
		o.AsOf = c.LatestSale
	}
	o.weeks = max(c.Settings.ForecastWeeks, 1)
	return o
}

// Build plans every SKU of a catalogue held in memory: items whose
// forecast is not current are first forecast from their Sales (on all
// cores), which are then dropped, as the snapshot keeps only what the
// panes show.
func Build(c *model.Catalogue, opt Options) *Snapshot {
	opt = opt.resolve(c)
	stale := staleItems(c, opt)
	forecastItems(c, opt, stale)
	s := build(c, opt)
	s.Refreshed = stale
	return s
}

// build plans every SKU from the forecast it has.
func build(c *model.Catalogue, opt Options) *Snapshot {
	held := *c
	held.Items = nil
	s := &Snapshot{Catalogue: &held, AsOf: opt.AsOf, Rows: make([]*Row, len(c.Items)), opt: opt, suppliers: c.Suppliers}
	rows := rowBlocks(len(c.Items))
	// the ABC ranking reads only the items' forecasts: it runs beside the
	// copying, which leaves cores idle while it waits on memory
	classes := make(chan []model.ABC, 1)
	go func() { classes <- classifyItems(c) }()
	parallel(len(c.Items), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			r := &rows[i/refreshChunk][i%refreshChunk]
			r.Item = &c.Items[i]
			r.Cached = r.Item.Forecast
			r.Supplier = s.suppliers[r.Item.Product.SupplierID].Name
			s.fillForecast(r)
			s.Rows[i] = r
		}
	})
	for i, c := range <-classes {
		s.Rows[i].ABC = c
	}
	parallel(len(c.Items), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s.plan(s.Rows[i])
		}
	})
	s.Stale = s.staleRows()
	s.countStatuses()
	s.search = &searchIndex{rows: s.Rows}
	return s
}

// rowBlocks allocates n rows in blocks of refreshChunk, row i at
// [i/refreshChunk][i%refreshChunk]: forecasts that land in steps
// (StaleWork.ForecastInSteps) replace the rows block by block, and each block
// is freed once its last row is replaced rather than when every row is.
func rowBlocks(n int) [][]Row {
	blocks := make([][]Row, (n+refreshChunk-1)/refreshChunk)
	for b := range blocks {
		blocks[b] = make([]Row, min(refreshChunk, n-b*refreshChunk))
	}
	return blocks
}

// fillForecast copies the row's forecast result into it; a SKU without
// one plans as if it sold nothing until its forecast is computed.
func (s *Snapshot) fillForecast(r *Row) {
	r.Forecast, r.LastSale = forecast.Result{}, model.NoDay
	if f := r.Cached; f != nil {
		r.Forecast, r.LastSale = f.Result, f.LastSale
	}
}

// refresh forecasts an item from its sales history, using demand as
// scratch space, and lets the history go.
func refresh(it *model.Item, set model.Settings, opt Options, demand []float64) []float64 {
	f := &model.SKUForecast{
		DataVersion: it.Product.DataVersion,
		AsOf:        opt.AsOf,
		Engine:      opt.Forecaster.Engine(),
		LastSale:    lastSale(it.Sales, opt.AsOf),
	}
	lastComplete := (opt.AsOf + 1).WeekStart() - 7 // the newest week whose Sunday is on or before AsOf
	f.RecentFirstWeek = lastComplete - 7*(model.RecentWeeks-1)
	f.Recent = make([]float32, model.RecentWeeks)
	for i, u := range it.Sales.RecentUnits(opt.AsOf, model.RecentWeeks) {
		f.Recent[i] = float32(u)
	}
	f.Revenue52w, f.Units52w = it.Sales.Trailing(opt.AsOf, model.StatsWeeks)
	demand = it.Sales.AppendForecastDemand(demand, opt.AsOf)
	f.Stats = model.DemandStatsOf(demand, it.Sales.InStockDaysThrough(opt.AsOf, model.StatsWeeks))
	f.Result = opt.Forecaster.Forecast(demand, max(set.ForecastWeeks, 1))
	it.Forecast = f
	it.Sales = model.WeeklySales{LastSale: model.NoDay, LastDay: model.NoDay}
	return demand
}

// plan computes a row's policy numbers and status from its forecast, its
// ABC class and its supplier's lead time.
func (s *Snapshot) plan(r *Row) {
	it := r.Item
	sp, hasSupplier := s.suppliers[it.Product.SupplierID]
	set := s.Catalogue.Settings
	if hasSupplier {
		r.LeadTime = model.ChooseLeadTime(sp, s.Catalogue.Activity[sp.ID].LeadTime, it.Policy.LeadTimeDays)
	} else {
		r.LeadTime = model.DefaultLeadTime(set.DefaultLeadTimeDays, it.Policy.LeadTimeDays)
	}
	r.LeadTimeWeeks, r.LeadTimeSDWeeks = r.LeadTime.Days/7, r.LeadTime.SDDays/7
	r.ServiceLevel, r.ServiceLevelManual = set.ServiceLevelFor(r.ABC), false
	if it.Policy.ServiceLevel > 0 {
		r.ServiceLevel, r.ServiceLevelManual = it.Policy.ServiceLevel, true
	}
	review := set.ReviewDays
	if it.Policy.ReviewDays > 0 {
		review = it.Policy.ReviewDays
	}
	r.ReviewWeeks = float64(review) / 7
	r.Plan = model.Compute(model.PlanInput{
		// drafts count as on order: the PM has decided to buy them, and
		// suggesting them again would order twice
		OnHand: it.OnHand, Committed: it.Committed, OnOrder: it.OnOrder + it.InDraft,
		Forecast: &r.Forecast, Today: s.AsOf, Incoming: s.incoming(it, r.LeadTime.Days),
		CasePack: it.Product.CasePack, MOQ: it.Product.MOQ, Rounding: it.Policy.Rounding,
		OrderQty: it.Policy.OrderQty, HasOrderQty: it.Policy.HasOrderQty,
		WeeklyDemand: r.Forecast.Level(), DemandSD: r.Forecast.SD,
		LeadTimeWeeks: r.LeadTimeWeeks, LeadTimeSDWeeks: r.LeadTimeSDWeeks,
		ServiceLevel: r.ServiceLevel, ReviewWeeks: r.ReviewWeeks,
		MaxCoverWeeks: float64(set.MaxCoverWeeks),
		OrderCost:     set.OrderCostFor(sp), HoldingRate: set.HoldingRate, UnitCost: it.Product.UnitCost,
		ManualReorderPoint: it.Policy.ReorderPoint, HasManualReorderPoint: it.Policy.Manual,
		Active:          it.Product.Status != model.Discontinued,
		DaysSinceSale:   s.daysSinceSale(r),
		DeadStockDays:   set.DeadStockDays,
		ExcessCoverDays: set.ExcessCoverDays,
	})
	s.assess(r)
}

// daysSinceSale counts from the last sale, or from launch when the SKU has
// not sold since; -1 when neither is known.
func (s *Snapshot) daysSinceSale(r *Row) int {
	return model.DaysSinceSale(s.AsOf, r.LastSale, r.Item.Product.LaunchedOn)
}

// lastSale is the last day with a sale on or before asOf. The rollup knows
// the exact day of the last sale overall; for an earlier asOf it falls back
// to the Sunday of the last week that sold. A SKU without weekly rows never
// sold, whatever LastSale holds: a history read into a zero WeeklySales
// has day 0, which would export as 1970-01-01 and read as dead stock.
func lastSale(w model.WeeklySales, asOf model.Day) model.Day {
	if w.Weeks() == 0 {
		return model.NoDay
	}
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

// all is 0 … n-1.
func all(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// parallel splits 0..n-1 into one contiguous chunk per core.
func parallel(n int, fn func(lo, hi int)) { parallelOn(0, n, fn) }

// BackgroundWorkers is how many goroutines background work may keep busy
// on a machine with cores cores while a PM uses the dashboard: one core
// stays free for the keys and the frames, or else every cursor move waits
// behind a worker (48–60 ms per move on 2 cores, issue 15).
func BackgroundWorkers(cores int) int { return max(1, cores-1) }

// parallelOn splits 0..n-1 into one contiguous chunk per worker; workers
// 0 means one per core.
func parallelOn(workers, n int, fn func(lo, hi int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(n/256, 1))
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

// classifyABC ranks the rows by their forecasts' 52-week revenue.
func (s *Snapshot) classifyABC() []model.ABC {
	return rankABC(len(s.Rows), func(i int) *model.SKUForecast { return s.Rows[i].Cached }, s.Catalogue.Settings)
}

// classifyItems is classifyABC over a catalogue's items, in their order.
func classifyItems(c *model.Catalogue) []model.ABC {
	return rankABC(len(c.Items), func(i int) *model.SKUForecast { return c.Items[i].Forecast }, c.Settings)
}

func rankABC(n int, forecastOf func(int) *model.SKUForecast, set model.Settings) []model.ABC {
	revenue := make([]float64, n)
	for i := range n {
		if f := forecastOf(i); f != nil {
			revenue[i] = f.Revenue52w
		}
	}
	return model.ClassifyABC(revenue, set.ABCCutA, set.ABCCutB)
}

// incoming is what the stockout projection counts as arriving: sent
// orders by their expected day, and draft quantities a lead time from the
// planning day, when they would arrive if sent now. Without the drafts a
// SKU just put on a draft would still look short and be suggested again.
func (s *Snapshot) incoming(it *model.Item, leadDays float64) []model.Receipt {
	if it.InDraft <= 0 || !s.AsOf.Valid() {
		return it.Incoming
	}
	draft := model.Receipt{Day: s.AsOf + model.Day(math.Round(leadDays)), Qty: it.InDraft}
	out := make([]model.Receipt, 0, len(it.Incoming)+1)
	i := 0
	for i < len(it.Incoming) && it.Incoming[i].Day <= draft.Day {
		i++
	}
	out = append(append(append(out, it.Incoming[:i]...), draft), it.Incoming[i:]...)
	return out
}
