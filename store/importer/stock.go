package importer

import (
	"fmt"
	"strings"

	"stockroom/store"
)

var stockKind = &Kind{
	Name: "stock",
	Help: "units on hand per SKU and location; without a location column a SKU's whole stock is set at the first location",
	Fields: []Field{
		field("sku", true, "stock keeping unit", "Variant SKU"),
		field("location", false, "location name; a new name adds a location", "Warehouse"),
		field("on_hand", false, "units on hand (or give available)", "On hand (current)", "On hand",
			"Inventory quantity", "Variant Inventory Qty", "Stock", "Quantity", "Qty"),
		field("committed", false, "units promised to open orders", "Committed (not editable)"),
		field("available", false, "on hand − committed; read when there is no on_hand column", "Available (not editable)"),
	},
}

func init() { stockKind.run = runStock }

type stockRow struct {
	line int
	// key's LocationID is 0 when the file has no location column: the row
	// gives the SKU's whole stock
	key           store.StockKey
	onHand        int // or available, when fromAvailable
	fromAvailable bool
	committed     int
	hasCommitted  bool // a committed cell: without one the stored value is kept
}

func runStock(j *job) error {
	if !j.has("on_hand") && !j.has("available") {
		return fmt.Errorf("%s: no column for on_hand or available; name one with --map on_hand=\"Your header\"", j.opt.File)
	}
	products, err := j.products()
	if err != nil {
		return err
	}
	locs, first, err := j.locationNames()
	if err != nil {
		return err
	}
	var rows []stockRow
	seen := map[store.StockKey]int{}
	unknown := &unknownSKUs{j: j}
	notStocked, noSKU := 0, 0
	productFile := j.res.Format == ShopifyProducts || j.res.Format == ShopifyLegacy || j.res.Format == WooCommerceExport
	err = j.rows(func(rec []string, line int) {
		if productFile && j.cell(rec, "sku") == "" {
			noSKU++ // a product export's image rows and products without a SKU
			return
		}
		sku, ok := j.required(rec, line, "sku")
		if !ok {
			return
		}
		if isNotStocked(j.cell(rec, "on_hand")) || isNotStocked(j.cell(rec, "available")) {
			notStocked++
			return
		}
		p := products[sku]
		if p == nil {
			unknown.add(line, sku)
			return
		}
		r := stockRow{line: line, key: store.StockKey{ProductID: p.ID}}
		if name := j.cell(rec, "location"); name != "" {
			r.key.LocationID = locs.id(name)
		} else if j.has("location") {
			r.key.LocationID, _ = first() // that location's stock, not the whole
		}
		r.committed, r.hasCommitted = j.count(rec, line, "committed")
		if onHand, ok := j.signedCount(rec, line, "on_hand"); ok {
			r.onHand = onHand
		} else if avail, ok := j.signedCount(rec, line, "available"); ok {
			r.onHand, r.fromAvailable = avail, true
		} else if j.cell(rec, "on_hand") == "" && j.cell(rec, "available") == "" {
			j.bad(line, firstPresent(j, "on_hand", "available"), "empty")
			return
		}
		if at, dup := seen[r.key]; dup {
			j.bad(line, "sku", "SKU %q at this location appears again (first on line %d)", sku, at)
			return
		}
		seen[r.key] = line
		rows = append(rows, r)
	})
	if err != nil {
		return err
	}
	unknown.note()
	if noSKU > 0 {
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s without a SKU left out", nRows(noSKU)))
	}
	if notStocked > 0 {
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s \"not stocked\" at their location left out", nRows(notStocked)))
	}
	if err := j.errs.Err(); err != nil {
		return err
	}
	levels, err := j.st.StockLevels(j.ctx)
	if err != nil {
		return err
	}
	// a SKU's stock over all its locations, for files without a location
	// column, and the locations it is at
	whole := map[int64]store.StockQty{}
	at := map[int64][]int64{}
	for k, q := range levels {
		w := whole[k.ProductID]
		w.OnHand += q.OnHand
		w.Committed += q.Committed
		whole[k.ProductID] = w
		at[k.ProductID] = append(at[k.ProductID], k.LocationID)
	}
	j.res.Unit = "stock levels"
	type write struct {
		key  store.StockKey
		qty  store.StockQty
		drop []int64 // the SKU's rows at other locations
	}
	var writes []write
	home, homeName := int64(0), ""
	for _, r := range rows {
		old, had := levels[r.key]
		if r.key.LocationID == 0 {
			old, had = whole[r.key.ProductID], len(at[r.key.ProductID]) > 0
		}
		qty := store.StockQty{OnHand: r.onHand, Committed: old.Committed}
		if r.hasCommitted {
			qty.Committed = r.committed
		}
		if r.fromAvailable {
			qty.OnHand += qty.Committed
		}
		// no stock row is no stock: a file saying 0 changes nothing
		if qty == old && (had || r.key.LocationID == 0) {
			j.res.Unchanged++
			continue
		}
		w := write{key: r.key, qty: qty}
		if r.key.LocationID == 0 {
			// the whole stock goes to the first location; the SKU's rows
			// elsewhere go, and the summary says how many
			if home == 0 {
				home, homeName = first()
			}
			w.key.LocationID = home
			for _, l := range at[r.key.ProductID] {
				if l != home {
					w.drop = append(w.drop, l)
				}
			}
			j.res.Removed += len(w.drop)
		}
		if had {
			j.res.Updated++
		} else {
			j.res.New++
		}
		writes = append(writes, w)
	}
	if j.res.Removed > 0 {
		j.res.removedOne, j.res.removedMany = "stock row at another location removed", "stock rows at other locations removed"
		j.res.removedWhy = fmt.Sprintf(" (the file has no location column: a SKU's whole stock is set at %s)", printable(homeName))
	}
	if len(locs.added) > 0 {
		j.res.Notes = append(j.res.Notes, "new locations: "+locs.list())
	}
	return j.finish(func(b *store.Bulk) error {
		if err := addLocations(b, locs); err != nil {
			return err
		}
		for _, w := range writes {
			if err := b.SetStock(w.key.ProductID, locs.real(w.key.LocationID), w.qty.OnHand, w.qty.Committed); err != nil {
				return err
			}
			for _, other := range w.drop {
				if err := b.DeleteStock(w.key.ProductID, other); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// isNotStocked reads Shopify's marker for a variant a location does not carry.
func isNotStocked(s string) bool { return strings.EqualFold(s, "not stocked") }

func firstPresent(j *job, names ...string) string {
	for _, n := range names {
		if j.has(n) {
			return n
		}
	}
	return names[0]
}
