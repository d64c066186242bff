package planner

import (
	"slices"

	"stockroom/model"
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

// WithItems returns a snapshot in which the given items (read again from
// the store after an edit or a purchase-order change) replace their rows'
// stock, orders, policy and product fields, keeping each row's forecast;
// activity, when not nil, replaces the suppliers' measured lead times and
// open orders, which replans every SKU of a supplier whose lead time
// changed. It returns the indexes of the rows that changed.
func (s *Snapshot) WithItems(items []model.Item, activity map[int64]model.SupplierActivity) (*Snapshot, []int) {
	next := *s
	next.Rows = slices.Clone(s.Rows)
	var changed []int
	if activity != nil {
		cat := *s.Catalogue
		cat.Activity = activity
		next.Catalogue = &cat
		for i, r := range next.Rows {
			id := r.Item.Product.SupplierID
			if !sameStats(s.Catalogue.Activity[id].LeadTime, activity[id].LeadTime) {
				changed = append(changed, i)
			}
		}
	}
	fresh := make([]model.Item, len(items))
	for k, it := range items {
		i := next.RowOf(it.Product.ID)
		if i < 0 {
			continue
		}
		fresh[k] = it
		fresh[k].Forecast = nil                                              // the row keeps its own (Row.Cached)
		fresh[k].Product.DataVersion = next.Rows[i].Item.Product.DataVersion // the forecast's, until it is recomputed
		fresh[k].Sales = model.WeeklySales{LastSale: model.NoDay, LastDay: model.NoDay}
		row := *next.Rows[i]
		row.Item = &fresh[k]
		next.Rows[i] = &row
		changed = append(changed, i)
	}
	slices.Sort(changed)
	changed = slices.Compact(changed)
	for _, i := range changed {
		row := *next.Rows[i]
		next.statusCounts[row.Plan.Status]--
		next.plan(&row)
		next.statusCounts[row.Plan.Status]++
		next.Rows[i] = &row
	}
	return &next, changed
}

// sameStats compares lead-time statistics, NaN equal to NaN.
func sameStats(a, b model.LeadTimeStats) bool {
	eq := func(x, y float64) bool { return x == y || (x != x && y != y) }
	return a.Receipts == b.Receipts && eq(a.MeanDays, b.MeanDays) && eq(a.SDDays, b.SDDays) && eq(a.OnTime, b.OnTime)
}
