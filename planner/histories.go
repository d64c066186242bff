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
// hears of every chunk read.
func (s *Snapshot) eachHistoryChunk(ctx context.Context, st *store.Store, rows []int, progress func(done, total int),
	each func(lo int, tmp *model.Catalogue) error) error {
	for lo := 0; lo < len(rows); lo += refreshChunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		chunk := rows[lo:min(lo+refreshChunk, len(rows))]
		tmp, err := s.readHistories(ctx, st, chunk)
		if err != nil {
			return err
		}
		if err := each(lo, tmp); err != nil {
			return err
		}
		if progress != nil {
			progress(lo+len(chunk), len(rows))
		}
	}
	return nil
}

// readHistories reads the weekly histories of some rows into copies of
// their items.
func (s *Snapshot) readHistories(ctx context.Context, st *store.Store, rows []int) (*model.Catalogue, error) {
	tmp := &model.Catalogue{Items: make([]model.Item, len(rows)), Settings: s.Catalogue.Settings}
	for k, i := range rows {
		tmp.Items[k] = *s.Rows[i].Item
		tmp.Items[k].Sales = model.WeeklySales{}
	}
	if err := st.FillSales(ctx, tmp, all(len(rows))); err != nil {
		return nil, err
	}
	return tmp, cutWeekInProgress(ctx, st, tmp, s.AsOf)
}

// cutWeekInProgress cuts, at asOf, the rollups of the SKUs that sold in
// asOf's unfinished week and in none of the model.SellingWeeks whole weeks
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
