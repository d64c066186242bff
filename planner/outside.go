package planner

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"stockroom/model"
	"stockroom/store"
)

// Outside is what other processes (another dashboard, `stockroom set`, an
// import) committed since the dashboard last looked, and what to read
// again for it.
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
	// Note says what changed, by whom, for the status bar.
	Note string
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
	o := Outside{Any: true, ProductIDs: ch.Products}
	if len(ch.Entries) == 0 || ch.More {
		o.Everything = true
		o.Note = "The catalogue was changed by another process"
		if len(ch.Entries) == 0 {
			o.Note += " (forecasts, or data without audit rows)"
		}
		return o
	}
	var who []string
	var skus, settings, imports, orders []string
	for _, e := range ch.Entries {
		if !slices.Contains(who, e.Who) {
			who = append(who, e.Who)
		}
		switch e.Entity {
		case "policy", "product":
			if !slices.Contains(skus, e.EntityID) {
				skus = append(skus, e.EntityID)
			}
		case "setting":
			settings = append(settings, e.EntityID+" "+e.Old+" → "+e.New)
			o.Everything = true
		case "purchase_order":
			if po := "PO #" + e.EntityID; !slices.Contains(orders, po) {
				orders = append(orders, po)
			}
			o.Orders = true
		case "import":
			imports = append(imports, e.EntityID)
			o.Everything = true
		default:
			o.Everything = true // a kind of change this build does not know
		}
	}
	by := " by " + strings.Join(who, ", ") + " (another process)"
	last := ch.Entries[len(ch.Entries)-1]
	switch {
	case len(imports) > 0:
		o.Note = "Imported " + list(imports, 2) + by
	case len(settings) > 0:
		o.Note = "Settings changed" + by + ": " + list(settings, 2)
	case len(skus) == 1 && len(orders) == 0 && countEntity(ch.Entries, "policy", "product") == 1:
		o.Note = fmt.Sprintf("%s: %s changed to %s%s", last.EntityID, strings.ReplaceAll(last.Field, "_", " "), last.New, by)
	case len(skus) > 0 && len(orders) == 0:
		o.Note = list(skus, 3) + " changed" + by
	case len(skus) == 0:
		o.Note = list(orders, 3) + " changed" + by
	default:
		o.Note = list(skus, 2) + " and " + list(orders, 2) + " changed" + by
	}
	return o
}

// list names the first n items and counts the rest: "A, B and 3 more".
func list(items []string, n int) string {
	switch {
	case len(items) <= n:
		if len(items) > 1 {
			return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
		}
		return strings.Join(items, "")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}

func countEntity(entries []model.AuditEntry, entities ...string) int {
	n := 0
	for _, e := range entries {
		if slices.Contains(entities, e.Entity) {
			n++
		}
	}
	return n
}
