package planner

import (
	"context"

	"stockroom/model"
	"stockroom/store"
)

// Backend is what the dashboard needs from a catalogue: a planned snapshot,
// detail lookups and edits. The UI talks to it only from commands, never
// inside Update.
type Backend struct {
	Store   *store.Store
	Options Options
}

// Load reads and plans the catalogue from its cached forecasts. What other
// processes commit from the moment it starts reading is reported by
// Outside.
func (b Backend) Load(ctx context.Context) (*Snapshot, error) {
	if err := b.Store.MarkSeen(ctx); err != nil {
		return nil, err
	}
	return Open(ctx, b.Store, b.Options)
}

// ForecastStale computes the forecasts of the snapshot's stale rows.
func (b Backend) ForecastStale(ctx context.Context, s *Snapshot, progress func(done, total int)) (Forecasts, error) {
	return s.ForecastStale(ctx, b.Store, progress)
}

// ForecastInSteps computes the forecasts of stale rows and hands them
// over in steps of at least step rows as they are made
// (StaleWork.ForecastInSteps).
func (b Backend) ForecastInSteps(ctx context.Context, w StaleWork, step int, progress func(done, total int), land func(Forecasts) error) error {
	return w.ForecastInSteps(ctx, b.Store, step, progress, land)
}

// SaveForecasts caches the forecasts a Load computed.
func (b Backend) SaveForecasts(ctx context.Context, s *Snapshot) error {
	return s.SaveForecasts(ctx, b.Store)
}

// ProductDetail reads a SKU's stock by location and open purchase orders.
func (b Backend) ProductDetail(ctx context.Context, productID int64) (model.ProductDetail, error) {
	return b.Store.ProductDetail(ctx, productID)
}

// SetSettings changes catalogue-wide settings (name → value, as `stockroom
// set --setting` takes them) in one transaction with audit rows, reading,
// changing and checking the whole set inside it. seen, when not nil, holds
// the stored text of each named setting as the caller read it
// (compare-and-set: a *model.ConflictError if one changed since). It
// returns each name's stored text before (applying it with after as seen
// undoes the change) and after. Every SKU may plan differently afterwards:
// Load the snapshot again.
func (b Backend) SetSettings(ctx context.Context, values, seen map[string]string) (before, after map[string]string, err error) {
	return b.Store.SetSettings(ctx, values, seen)
}

// SettingText is a setting's value as SetSettings stores and compares it.
func SettingText(set model.Settings, name string) string { return store.SettingText(set, name) }

// ApplySettings checks settings as SetSettings would, writing nothing: the
// settings with values applied, or what is wrong.
func ApplySettings(current model.Settings, values map[string]string) (model.Settings, error) {
	return store.ApplySettings(current, values)
}

// Reloaded is the catalogue state of some SKUs after a change, read again
// so that only their rows are planned again (Snapshot.WithItems).
type Reloaded struct {
	Items    []model.Item
	Activity map[int64]model.SupplierActivity
}

// Reload reads some products' stock, orders and policies again and, after
// a purchase-order change (activity), every supplier's order activity as of
// the planning day; a planning edit leaves the activity as it was.
func (b Backend) Reload(ctx context.Context, productIDs []int64, asOf model.Day, activity bool) (Reloaded, error) {
	items, err := b.Store.LoadItems(ctx, productIDs)
	if err != nil || !activity {
		return Reloaded{Items: items}, err
	}
	act, err := b.Store.SupplierActivity(ctx, asOf)
	return Reloaded{Items: items, Activity: act}, err
}

// CreateDraftPO puts lines on the supplier's draft order (a new one if it
// has none) and returns its id. Lines carrying what they were computed
// from are compare-and-set: a *model.ConflictError, nothing written, if a
// SKU changed since.
func (b Backend) CreateDraftPO(ctx context.Context, supplierID int64, lines []model.OrderLine, on model.Day) (int64, error) {
	return b.Store.CreateDraftPO(ctx, supplierID, lines, on)
}

// PurchaseOrders lists orders.
func (b Backend) PurchaseOrders(ctx context.Context, f model.POFilter) ([]model.POSummary, error) {
	return b.Store.PurchaseOrders(ctx, f)
}

// PurchaseOrder reads one order with its lines.
func (b Backend) PurchaseOrder(ctx context.Context, id int64) (model.PurchaseOrder, error) {
	return b.Store.PurchaseOrder(ctx, id)
}

// The order actions below are compare-and-set against what the PM saw (a
// zero seen checks nothing): a *model.ConflictError, nothing written, if
// the order or line changed since.

// SetPOLineQty changes a line's quantity and returns the previous one.
func (b Backend) SetPOLineQty(ctx context.Context, poID, productID int64, qty int, seen model.POLineSeen) (int, error) {
	return b.Store.SetPOLineQty(ctx, poID, productID, qty, seen)
}

// SendPO marks a draft sent; it is expected a lead time later.
func (b Backend) SendPO(ctx context.Context, id int64, on model.Day, seen model.POSeen) (model.Day, error) {
	return b.Store.SendPO(ctx, id, on, seen)
}

// ReceivePO books received units into stock; complete when nothing is left.
func (b Backend) ReceivePO(ctx context.Context, id int64, receipts []model.POReceipt, on model.Day) (bool, error) {
	return b.Store.ReceivePO(ctx, id, receipts, 0, on)
}

// ReceivePOInFull books every outstanding unit of an order into stock.
func (b Backend) ReceivePOInFull(ctx context.Context, id int64, on model.Day, seen model.POSeen) error {
	return b.Store.ReceivePOInFull(ctx, id, 0, on, seen)
}

// CancelPO cancels a draft or sent order.
func (b Backend) CancelPO(ctx context.Context, id int64, seen model.POSeen) error {
	return b.Store.CancelPO(ctx, id, seen)
}
