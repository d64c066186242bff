package planner

import (
	"context"
	"slices"

	"stockroom/model"
	"stockroom/store"
)

// Outside is what other processes (another dashboard, `stockroom set`, an
// import) committed since the dashboard last looked, and what to read
// again for it. The dashboard words it for the status bar (ui/outside_note.go)
// from Entries, showing values as its panes do.
type Outside struct {
	// Any is true when another process committed anything.
	Any bool
	// ProductIDs are the SKUs to read again; Orders says purchase orders
	// changed, so the suppliers' order activity is read again too.
	ProductIDs []int64
	Orders     bool
	// Everything is true when the catalogue has to be loaded again: a
	// settings change (every SKU plans differently), an import, or a
	// commit without audit rows (forecasts cached by another process).
	Everything bool
	// Entries are the audit rows of the others' changes, oldest first.
	Entries []model.AuditEntry
	// Unaudited is true when a commit had no audit rows (forecasts cached
	// by another process) or there were more rows than one look reads:
	// Entries do not tell all of it.
	Unaudited bool
}

// Outside reports what other processes committed since the last call, or
// since Load began reading.
func (b Backend) Outside(ctx context.Context) (Outside, error) {
	ch, err := b.Store.Changes(ctx)
	if err != nil {
		return Outside{}, err
	}
	return outsideOf(ch), nil
}

// outsideOf reads the audit rows of other processes' commits.
func outsideOf(ch store.Changes) Outside {
	if !ch.Any || (len(ch.Entries) == 0 && ch.Superseded > 0 && !ch.More) {
		return Outside{} // nothing, or only what this dashboard has written over since
	}
	o := Outside{Any: true, ProductIDs: ch.Products, Entries: ch.Entries, Unaudited: len(ch.Entries) == 0 || ch.More}
	o.judge()
	return o
}

// judge sets what to read again from the entries.
func (o *Outside) judge() {
	o.Everything, o.Orders = o.Unaudited, false
	for _, e := range o.Entries {
		switch e.Entity {
		case "policy", "product":
		case "purchase_order":
			o.Orders = true
		default:
			o.Everything = true // settings, an import, or a kind this build does not know
		}
	}
}

// Merge adds what a later look found.
func (o Outside) Merge(b Outside) Outside {
	if !o.Any {
		return b
	}
	if !b.Any {
		return o
	}
	m := Outside{Any: true, ProductIDs: slices.Clone(o.ProductIDs), Entries: slices.Concat(o.Entries, b.Entries),
		Unaudited: o.Unaudited || b.Unaudited}
	for _, id := range b.ProductIDs {
		if !slices.Contains(m.ProductIDs, id) {
			m.ProductIDs = append(m.ProductIDs, id)
		}
	}
	m.judge()
	return m
}

// Without leaves out the entries drop names: changes the dashboard has
// shown the PM or written over since (it read them before its own save,
// so the store could not tell). Nothing is left when they were all of it.
// The SKUs are read again all the same: reading one more is harmless.
func (o Outside) Without(drop func(model.AuditEntry) bool) Outside {
	if !o.Any {
		return o
	}
	kept := slices.DeleteFunc(slices.Clone(o.Entries), drop)
	if len(kept) == 0 && !o.Unaudited {
		return Outside{}
	}
	o.Entries = kept
	o.judge()
	return o
}
