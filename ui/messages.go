package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// Backend is the catalogue behind the dashboard. Every call happens inside a
// tea.Cmd, off the Update loop.
type Backend interface {
	// Load plans the catalogue from cached forecasts, computing none.
	Load(ctx context.Context) (*planner.Snapshot, error)
	// ForecastInSteps computes the forecasts of a snapshot's stale rows
	// (planner.Snapshot.StaleWork) and hands them to land in steps of at
	// least step rows as they are made.
	ForecastInSteps(ctx context.Context, w planner.StaleWork, step int, progress func(done, total int), land func(planner.Forecasts) error) error
	SaveForecasts(ctx context.Context, s *planner.Snapshot) error
	ProductDetail(ctx context.Context, productID int64) (model.ProductDetail, error)
	// SetPolicies writes per-SKU planning edits (compare-and-set where a
	// change carries what was seen), reads the SKUs again and plans them on
	// base; see planner.Backend.SetPolicies.
	SetPolicies(ctx context.Context, base *planner.Snapshot, changes []model.PolicyChange) (planner.PolicyEdit, error)
	// SetSettings changes catalogue-wide settings, compare-and-set against
	// seen; Load plans with them.
	SetSettings(ctx context.Context, values, seen map[string]string) (before, after map[string]string, err error)
	// Reload reads some SKUs and the suppliers' order activity again after
	// a change, so only their rows are planned again.
	Reload(ctx context.Context, productIDs []int64, asOf model.Day, activity bool) (planner.Reloaded, error)
	// Outside reports what other processes committed since the last call
	// or since Load began.
	Outside(ctx context.Context) (planner.Outside, error)

	// Purchase-order actions are compare-and-set against what the PM saw
	// (the lines' Seen, seen): a *model.ConflictError, nothing written, if
	// it changed since; see planner.Backend.
	CreateDraftPO(ctx context.Context, supplierID int64, lines []model.OrderLine, on model.Day) (int64, error)
	PurchaseOrders(ctx context.Context, f model.POFilter) ([]model.POSummary, error)
	PurchaseOrder(ctx context.Context, id int64) (model.PurchaseOrder, error)
	SetPOLineQty(ctx context.Context, poID, productID int64, qty int, seen model.POLineSeen) (int, error)
	SendPO(ctx context.Context, id int64, on model.Day, seen model.POSeen) (model.Day, error)
	ReceivePO(ctx context.Context, id int64, receipts []model.POReceipt, on model.Day) (bool, error)
	ReceivePOInFull(ctx context.Context, id int64, on model.Day, seen model.POSeen) error
	CancelPO(ctx context.Context, id int64, seen model.POSeen) error
}

type loadedMsg struct {
	snap     *planner.Snapshot
	overview *planner.Overview
	err      error
	took     time.Duration
}

// viewsMsg brings the reorder and suppliers views of a snapshot, built
// after the first frame.
type viewsMsg struct {
	snap  *planner.Snapshot
	views *paneViews
}

func viewsCmd(s *planner.Snapshot) tea.Cmd {
	return func() tea.Msg { return viewsMsg{snap: s, views: buildViews(s)} }
}

// queryMsg carries a finished filter/sort; gen tells stale results apart.
type queryMsg struct {
	tab      int
	gen      int
	sorted   []int
	sortedBy string
	desc     bool
	index    []int
	view     planner.View // the view queried, to tell the suppliers tab's screens apart
	// filter and group are what index was filtered by, for the pane's
	// memo of filters (ui/filter_memo.go)
	filter string
	group  planner.Group
}

type detailMsg struct {
	productID int64
	detail    model.ProductDetail
	err       error
}

type exportedMsg struct {
	path string
	rows int
	err  error
}

func loadCmd(b Backend) tea.Cmd {
	return func() tea.Msg {
		start := time.Now()
		snap, err := b.Load(context.Background())
		if err != nil {
			return loadedMsg{err: err, took: time.Since(start)}
		}
		// the overview is the first frame: summed here, it does not wait
		// behind the other panes' views
		return loadedMsg{snap: snap, overview: snap.Overview(), took: time.Since(start)}
	}
}

func detailCmd(b Backend, productID int64) tea.Cmd {
	return func() tea.Msg {
		d, err := b.ProductDetail(context.Background(), productID)
		return detailMsg{productID: productID, detail: d, err: err}
	}
}

// queryCmd filters (and, when sorted is nil, first sorts) the view. When
// the new filter only narrows the old one it filters the rows already shown.
func queryCmd(tab, gen int, v planner.View, q planner.Query, sorted, narrowFrom []int) tea.Cmd {
	return func() tea.Msg {
		if sorted == nil {
			sorted = planner.Sorted(v, q.Sort, q.Desc)
			narrowFrom = nil
		}
		base := sorted
		if narrowFrom != nil {
			base = narrowFrom
		}
		index := planner.Arrange(v, planner.Filter(v, planner.FilterGroup(v, base, q.Group), q.Filter))
		return queryMsg{tab: tab, gen: gen, view: v, sorted: sorted, sortedBy: q.Sort, desc: q.Desc, index: index, filter: q.Filter, group: q.Group}
	}
}

// exportCmd writes every row that passes the query, in its order, to a CSV
// file in dir; it recomputes the selection so the file matches the query
// even while the pane is still catching up with typing.
func exportCmd(v planner.View, q planner.Query, dir string, at time.Time) tea.Cmd {
	return func() tea.Msg {
		rows := planner.Select(v, q)
		path, err := planner.ExportFile(dir, v, rows, at)
		return exportedMsg{path: path, rows: len(rows), err: err}
	}
}
