package planner

import (
	"slices"

	"stockroom/store"
)

// RowOf finds the row of a product, or -1. Rows are in product-id order, as
// the store loads them.
func (s *Snapshot) RowOf(productID int64) int {
	i, ok := slices.BinarySearchFunc(s.Rows, productID, func(r *Row, id int64) int {
		switch {
		case r.Item.Product.ID < id:
			return -1
		case r.Item.Product.ID > id:
			return 1
		}
		return 0
	})
	if !ok {
		return -1
	}
	return i
}

// WithReorderPoints returns a snapshot in which the changed products carry
// their new reorder-point setting, and the indexes of the rows that changed.
// Only those rows are recomputed; the receiver is left as it was.
func (s *Snapshot) WithReorderPoints(changes []store.ReorderPointChange) (*Snapshot, []int) {
	next := *s
	next.Rows = slices.Clone(s.Rows)
	var changed []int
	for _, c := range changes {
		i := next.RowOf(c.ProductID)
		if i < 0 {
			continue
		}
		item := *next.Rows[i].Item
		item.Policy.Manual = c.Manual
		item.Policy.ReorderPoint = 0
		if c.Manual {
			item.Policy.ReorderPoint = c.Value
		}
		row := *next.Rows[i]
		row.Item = &item
		next.plan(&row)
		next.statusCounts[next.Rows[i].Plan.Status]--
		next.statusCounts[row.Plan.Status]++
		next.Rows[i] = &row
		changed = append(changed, i)
	}
	return &next, changed
}
