package planner

import (
	"context"
	"errors"

	"stockroom/model"
	"stockroom/store"
)

// PolicyEdit is a saved per-SKU planning edit.
type PolicyEdit struct {
	// Previous holds, for each change in order, its SKU and field with the
	// value from before the edit, to be written only if the value is still
	// the one the edit left: applying it undoes the edit unless someone
	// else has changed the value since.
	Previous []model.PolicyChange
	// Reloaded are the edited SKUs read again; Next is the snapshot the
	// edit was made on with them planned again, and Rows its rows that
	// changed. Both are empty when no snapshot was given.
	Reloaded Reloaded
	Next     *Snapshot
	Rows     []int
}

// Undo is what takes the edit back: the previous values of the fields it
// altered, each written only if it still holds what the edit wrote.
func (e PolicyEdit) Undo() []model.PolicyChange {
	var out []model.PolicyChange
	for _, p := range e.Previous {
		if !model.SamePolicyValue(p.Field, p.Value, p.Seen) {
			out = append(out, p)
		}
	}
	return out
}

// SetPolicies is the one write path of per-SKU planning edits, for the
// dashboard and `stockroom set` alike: it writes the changes in one
// transaction with audit rows — compare-and-set for changes that carry
// what was seen — then reads the SKUs again and plans them again on base
// (when not nil). Refused because values changed meanwhile, it returns a
// *model.ConflictError and still the SKUs read again and planned on base,
// so the caller shows what is stored now.
func (b Backend) SetPolicies(ctx context.Context, base *Snapshot, changes []model.PolicyChange) (PolicyEdit, error) {
	prev, err := b.Store.SetPolicies(ctx, changes)
	var conflict *model.ConflictError
	if err != nil && !errors.As(err, &conflict) {
		return PolicyEdit{}, err
	}
	edit := PolicyEdit{Previous: prev}
	if base != nil {
		ids := make([]int64, 0, len(changes))
		for _, c := range changes {
			if c.ProductID != 0 {
				ids = append(ids, c.ProductID)
			}
		}
		r, rerr := b.Reload(ctx, ids, base.AsOf, false)
		if rerr != nil {
			if err == nil {
				err = rerr
			}
			return edit, err
		}
		edit.Reloaded = r
		edit.Next, edit.Rows = base.WithItems(r.Items, nil)
	}
	return edit, err
}

// WaitForLock makes the writes done with ctx wait as long as it takes for
// another process to finish writing the catalogue — until ctx ends —
// calling waiting once if they have to: the dashboard's saves, which must
// never be dropped.
func WaitForLock(ctx context.Context, waiting func()) context.Context {
	return store.WithLockWait(ctx, store.LockWait{Note: func(string) { waiting() }})
}
