package planner

import (
	"context"

	"stockroom/model"
	"stockroom/store"
)

// ReorderPointChange sets one SKU's reorder point (manual value or automatic).
type ReorderPointChange = store.ReorderPointChange

// Backend is what the dashboard needs from a catalogue: a planned snapshot,
// detail lookups and edits. The UI talks to it only from commands, never
// inside Update.
type Backend struct {
	Store   *store.Store
	Options Options
}

// Load reads and plans the catalogue from its cached forecasts.
func (b Backend) Load(ctx context.Context) (*Snapshot, error) {
	return Open(ctx, b.Store, b.Options)
}

// ForecastStale computes the forecasts of the snapshot's stale rows.
func (b Backend) ForecastStale(ctx context.Context, s *Snapshot, progress func(done, total int)) (Forecasts, error) {
	return s.ForecastStale(ctx, b.Store, progress)
}

// SaveForecasts caches the forecasts a Load computed.
func (b Backend) SaveForecasts(ctx context.Context, s *Snapshot) error {
	return s.SaveForecasts(ctx, b.Store)
}

// ProductDetail reads a SKU's stock by location and open purchase orders.
func (b Backend) ProductDetail(ctx context.Context, productID int64) (model.ProductDetail, error) {
	return b.Store.ProductDetail(ctx, productID)
}

// SetReorderPoints saves reorder-point changes in one transaction with audit
// rows and returns the previous settings, for undo.
func (b Backend) SetReorderPoints(ctx context.Context, changes []ReorderPointChange) ([]ReorderPointChange, error) {
	return b.Store.SetReorderPoints(ctx, changes)
}
