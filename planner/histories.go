package planner

import (
	"context"

	"stockroom/model"
	"stockroom/store"
)

// eachHistoryChunk reads the weekly histories of rows refreshChunk at a
// time, into copies of their items so that nothing shared is written and
// a catalogue's whole history is never in memory at once, and calls each
// with the chunk's offset in rows and the copies (in rows' order). It
// stops at the first error, or when ctx is done; progress, when set,
// hears of every chunk read. A command reads the next chunk while each
// works on this one, so the cores do not wait for SQLite between chunks
// (`forecast --all` on 100,000 SKUs: 6.9–7.4 s → 6.6–7.2 s); background
// work reads in turn, so one core stays free for the keys
// (Options.Background).
func (s *Snapshot) eachHistoryChunk(ctx context.Context, st *store.Store, rows []int, progress func(done, total int),
	each func(lo int, tmp *model.Catalogue) error) error {
	return s.histories(rows).each(ctx, st, progress, each)
}

// historyReader is what reading some rows' histories needs of a
// snapshot, without the snapshot: a background run that holds it while
// its forecasts land in steps would keep every row and forecast they
// replace alive until it ends.
type historyReader struct {
	items      []*model.Item // the rows', in their order: items are shared by every snapshot
	settings   model.Settings
	asOf       model.Day
	background bool
}

func (s *Snapshot) histories(rows []int) historyReader {
	items := make([]*model.Item, len(rows))
	for k, i := range rows {
		items[k] = s.Rows[i].Item
	}
	return historyReader{items: items, settings: s.Catalogue.Settings, asOf: s.AsOf, background: s.opt.Background}
}

// each is eachHistoryChunk over the reader's items; lo is an offset in them.
func (h historyReader) each(ctx context.Context, st *store.Store, progress func(done, total int),
	each func(lo int, tmp *model.Catalogue) error) error {
	n := len(h.items)
	type chunk struct {
		lo  int
		tmp *model.Catalogue
		err error
	}
	read := func(lo int) chunk {
		if err := ctx.Err(); err != nil {
			return chunk{lo: lo, err: err}
		}
		tmp, err := h.read(ctx, st, h.items[lo:min(lo+refreshChunk, n)])
		return chunk{lo, tmp, err}
	}
	readAhead := !h.background
	var next chan chunk
	for lo := 0; lo < n; lo += refreshChunk {
		var c chunk
		if next != nil {
			c = <-next
		} else {
			c = read(lo)
		}
		next = nil
		if c.err != nil {
			return c.err
		}
		if after := lo + refreshChunk; readAhead && after < n {
			ahead := make(chan chunk, 1)
			go func() { ahead <- read(after) }()
			next = ahead
		}
		err := each(lo, c.tmp)
		if err != nil {
			if next != nil {
				<-next // the read ahead ends before its catalogue may close
			}
			return err
		}
		if progress != nil {
			progress(lo+len(c.tmp.Items), n)
		}
	}
	return nil
}

// read reads the weekly histories of some items into copies of them.
func (h historyReader) read(ctx context.Context, st *store.Store, items []*model.Item) (*model.Catalogue, error) {
	tmp := &model.Catalogue{Items: make([]model.Item, len(items)), Settings: h.settings}
	for k, it := range items {
		tmp.Items[k] = *it
		tmp.Items[k].Sales = model.WeeklySales{}
	}
	if err := st.FillSales(ctx, tmp, all(len(items))); err != nil {
		return nil, err
	}
	return tmp, cutWeekInProgress(ctx, st, tmp, h.asOf)
}

// cutWeekInProgress cuts, at asOf, the rollups of the SKUs that sold in
// asOf's unfinished week and in none of the forecast.SellingWeeks whole weeks
// before it, when the rollup
// holds days of that week after asOf (a plan of a past day): their
// forecast reads that week up to asOf (model.WeeklySales.AppendForecastDemand),
// which only the daily rows tell. Other SKUs' forecasts read whole weeks.
func cutWeekInProgress(ctx context.Context, st *store.Store, c *model.Catalogue, asOf model.Day) error {
	var ids []int64
	at := map[int64]int{}
	for i := range c.Items {
		w := c.Items[i].Sales
		if _, known := w.WeekInProgress(asOf); !known && !w.SoldRecently(asOf) {
			ids = append(ids, c.Items[i].Product.ID)
			at[c.Items[i].Product.ID] = i
		}
	}
	if len(ids) == 0 {
		return nil
	}
	days, err := st.DailySalesBetween(ctx, ids, asOf.WeekStart(), asOf)
	if err != nil {
		return err
	}
	for id, i := range at {
		c.Items[i].Sales = c.Items[i].Sales.CutAt(asOf, days[id])
	}
	return nil
}
