package cli

import (
	"context"
	"os"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// planCatalogue opens a catalogue and plans it as of asOf, forecasting the
// SKUs whose cached forecast is not current with progress on stderr, and
// caches what it forecast (when asOf is the latest sales day and the
// catalogue can be written).
func planCatalogue(ctx context.Context, path string, asOf model.Day) (*store.Store, *planner.Snapshot, error) {
	st, err := openReadable(path)
	if err != nil {
		return nil, nil, err
	}
	snap, err := planStore(ctx, st, asOf)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, snap, nil
}

// planStore plans an open catalogue as planCatalogue does.
func planStore(ctx context.Context, st *store.Store, asOf model.Day) (*planner.Snapshot, error) {
	return planner.Refresh(ctx, st, planner.Options{AsOf: asOf}, progressPrinter(os.Stderr, "forecasting"))
}
