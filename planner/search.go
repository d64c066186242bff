package planner

import (
	"strings"
	"sync"

	"stockroom/model"
)

// searchIndex holds each row's lower-cased search text. It is built on
// first use, in the background after the first frame or by the first filter,
// so start-up does not wait for 100,000 strings nobody has searched yet.
// The snapshots an edit, a forecast or a settings change derives share it;
// once built it lets the rows it read go, or it would keep the first
// snapshot's plan alive beside every later one.
type searchIndex struct {
	once  sync.Once
	rows  []*Row // until built
	texts []string
}

func (x *searchIndex) get(i int) string {
	x.build()
	return x.texts[i]
}

func (x *searchIndex) build() {
	x.once.Do(func() {
		x.texts = make([]string, len(x.rows))
		parallel(len(x.rows), func(lo, hi int) {
			for k := lo; k < hi; k++ {
				x.texts[k] = searchText(x.rows[k].Item, x.rows[k].Supplier)
			}
		})
		x.rows = nil
	})
}

// WarmSearch builds the search texts now; call it off the UI loop.
func (s *Snapshot) WarmSearch() { s.search.build() }

// searchColumns are the stock view's columns searchText joins, in its
// order: the ? screen names what the filter looks in from them.
var searchColumns = []int{StockSKU, StockName, StockCategory, StockSubcategory, StockBrand, StockSupplier}

// SearchColumns are the columns the filter looks in, as the stock view
// declares them.
func SearchColumns() []Column {
	out := make([]Column, len(searchColumns))
	for i, c := range searchColumns {
		out[i] = stockColumns[c]
	}
	return out
}

func searchText(it *model.Item, supplier string) string {
	p := it.Product
	return strings.ToLower(p.SKU + "\x00" + p.Name + "\x00" + p.Category + "\x00" + p.Subcategory + "\x00" + p.Brand + "\x00" + supplier)
}
