// Package demo writes deterministic demo catalogues: a shop with a dozen
// categories, 25 suppliers, two locations, two years of daily sales in
// typical demand patterns, the stock and open orders that following a
// replenishment policy through those sales leaves (with a few SKUs put in
// trouble on purpose), historical purchase orders, and a few manual
// policies. The same options always give the same data.
package demo

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"stockroom/model"
	"stockroom/store"
)

// Options say what to generate. Zero values mean the defaults.
type Options struct {
	SKUs     int       // default 2000
	Seed     int64     // default 1 (0 means 1)
	End      model.Day // last day of sales; default DefaultEnd
	Progress func(done, total int)
	// Finish, when set, is run by Create on the finished catalogue (a
	// temporary file) before it is moved into place; its error fails
	// Create, which then leaves nothing at the target.
	Finish func(ctx context.Context, path string) error
}

// DefaultEnd is the last sales day of a default demo catalogue, a Sunday.
var DefaultEnd = model.MustDay("2026-11-22")

const (
	DefaultSKUs = 2000
	// MaxSKUs keeps SKU codes (two letters, six digits, seven from a
	// million SKUs on) unique and sortable as text.
	MaxSKUs = 9_999_999
)

func (o Options) withDefaults() Options {
	if o.SKUs <= 0 {
		o.SKUs = DefaultSKUs
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.End == 0 || !o.End.Valid() {
		o.End = DefaultEnd
	}
	return o
}

// generator holds what every SKU worker reads and nobody writes.
type generator struct {
	opt      Options
	cal      *calendar
	sups     *suppliers
	settings model.Settings // the defaults: a demo leaves settings unwritten
	shares   shares
}

func newGenerator(opt Options) *generator {
	return &generator{
		opt:      opt,
		cal:      newCalendar(opt.End),
		sups:     makeSuppliers(opt.Seed),
		settings: model.DefaultSettings(),
		shares:   defaultShares,
	}
}

// Generate writes a whole demo catalogue into an empty store in one
// store.Bulk transaction: all of it or, on error, nothing.
func Generate(ctx context.Context, s *store.Store, opt Options) error {
	opt = opt.withDefaults()
	if opt.SKUs > MaxSKUs {
		return fmt.Errorf("demo: %d SKUs is too many (at most %d)", opt.SKUs, MaxSKUs)
	}
	if err := checkEmpty(ctx, s); err != nil {
		return err
	}
	b, err := s.BeginBulk(ctx)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := newGenerator(opt).write(ctx, b); err != nil {
		b.Rollback()
		return err
	}
	if err := b.Commit(); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}

// checkEmpty refuses a catalogue that already has data: demo rows mixed
// into real ones could not be told apart.
func checkEmpty(ctx context.Context, s *store.Store) error {
	for _, table := range []string{"products", "suppliers", "locations", "purchase_orders"} {
		var n int
		if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			return fmt.Errorf("demo: %s: %w", s.Path(), err)
		}
		if n > 0 {
			return fmt.Errorf("demo: %s is not empty (%d rows in %s); write the demo to a new catalogue", s.Path(), n, table)
		}
	}
	return nil
}

// write is the writer: it adds the suppliers and locations, then every SKU
// in order as the workers finish them, then the purchase orders.
func (g *generator) write(ctx context.Context, b *store.Bulk) error {
	supplierIDs := make([]int64, len(g.sups.list))
	for i, sp := range g.sups.list {
		if err := b.AddSupplier(&sp); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		supplierIDs[i] = sp.ID
	}
	locationIDs := make([]int64, len(locationNames))
	for i, name := range locationNames {
		l := model.Location{Name: name}
		if err := b.AddLocation(&l); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		locationIDs[i] = l.ID
	}

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait() // after cancel: no worker outlives the transaction
	defer cancel()
	book := newOrderBook(len(g.sups.list))
	total, done, reported := g.opt.SKUs, 0, 0
	for c := range g.produce(ctx, &wg) {
		var batch []*skuData
		select {
		case batch = <-c.out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := ctx.Err(); err != nil {
			return err // the batch may be cut short
		}
		for _, d := range batch {
			if err := writeSKU(b, d, supplierIDs, locationIDs); err != nil {
				return err
			}
			book.add(d)
		}
		done += len(batch)
		if g.opt.Progress != nil && (done-reported >= max(total/100, 1) || done == total) {
			g.opt.Progress(done, total)
			reported = done
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return g.writeOrders(b, book, supplierIDs)
}

func writeSKU(b *store.Bulk, d *skuData, supplierIDs, locationIDs []int64) error {
	p := &d.product
	p.SupplierID = supplierIDs[d.supplier]
	if err := b.AddProduct(p); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	err := b.SetStock(p.ID, locationIDs[0], d.stock.main, d.stock.committed)
	if err == nil && d.stock.inShop {
		err = b.SetStock(p.ID, locationIDs[1], d.stock.shop, 0)
	}
	if err == nil && len(d.sales) > 0 {
		err = b.SetSales(p.ID, d.sales)
	}
	if err == nil && d.policy != nil {
		err = b.SetPolicy(p.ID, *d.policy)
	}
	if err != nil {
		return fmt.Errorf("demo: %s: %w", p.SKU, err)
	}
	return nil
}

// chunkSize is how many SKUs a worker makes at a time.
const chunkSize = 64

// chunk is a run of SKUs; out receives them when a worker has made them.
type chunk struct {
	from, to int
	out      chan []*skuData
}

// produce makes SKUs on every core. Chunks come out of the returned
// channel in SKU order, each with its own channel for the finished SKUs,
// so the writer keeps the order while the workers run ahead of it by at
// most a few chunks (which bounds memory). Every SKU draws from its own
// stream, so which worker makes it does not matter.
func (g *generator) produce(ctx context.Context, wg *sync.WaitGroup) <-chan chunk {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan chunk)
	order := make(chan chunk, 4*workers)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		defer close(order)
		for from := 0; from < g.opt.SKUs; from += chunkSize {
			c := chunk{from: from, to: min(from+chunkSize, g.opt.SKUs), out: make(chan []*skuData, 1)}
			select {
			case order <- c:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				batch := make([]*skuData, 0, c.to-c.from)
				for i := c.from; i < c.to && ctx.Err() == nil; i++ {
					batch = append(batch, g.makeSKU(i))
				}
				c.out <- batch
			}
		}()
	}
	return order
}
