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
	key  store.StockKey
	qty  store.StockQty
	drop []int64 // the SKU's other locations, when the file gives its whole stock
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
		} else {
			r.key.LocationID = first()
		}
		r.qty.Committed, _ = j.count(rec, line, "committed")
		if onHand, ok := j.signedCount(rec, line, "on_hand"); ok {
			r.qty.OnHand = onHand
		} else if avail, ok := j.signedCount(rec, line, "available"); ok {
			r.qty.OnHand = avail + r.qty.Committed
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
	if len(locs.added) > 0 {
		j.res.Notes = append(j.res.Notes, "new locations: "+locs.list())
	}
	if err := j.errs.Err(); err != nil {
		return err
	}
	levels, err := j.st.StockLevels(j.ctx)
	if err != nil {
		return err
	}
	// without a location column the file gives a SKU's whole stock: its
	// rows at other locations go
	elsewhere := map[int64][]int64{}
	if !j.has("location") {
		home := first()
		for k := range levels {
			if k.LocationID != home {
				elsewhere[k.ProductID] = append(elsewhere[k.ProductID], k.LocationID)
			}
		}
	}
	j.res.Unit = "stock levels"
	var writes []stockRow
	for _, r := range rows {
		r.drop = elsewhere[r.key.ProductID]
		old, ok := levels[r.key]
		switch {
		case !ok:
			j.res.New++
		case old != r.qty || len(r.drop) > 0:
			j.res.Updated++
		default:
			j.res.Unchanged++
			continue
		}
		writes = append(writes, r)
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
