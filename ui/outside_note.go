package ui

import (
	"fmt"
	"slices"
	"strings"

	"stockroom/model"
	"stockroom/planner"
)

// outsideNote says what other processes changed, by whom, with values as
// the panes show them: "FW-000123: service level changed to 97.5% by bob
// (another process)", "Settings changed by carol (another process):
// holding_rate 30% → 35%".
func (m *Model) outsideNote(o planner.Outside) string {
	if o.Unaudited || len(o.Entries) == 0 {
		if len(o.Entries) == 0 {
			return "The catalogue was changed by another process (forecasts, or data without audit rows)"
		}
		return "The catalogue was changed by another process"
	}
	var who, skus, settings, imports, orders []string
	values := 0
	for _, e := range o.Entries {
		if w := clean(e.Who); !slices.Contains(who, w) {
			who = append(who, w)
		}
		switch e.Entity {
		case "policy", "product":
			values++
			if !slices.Contains(skus, clean(e.EntityID)) {
				skus = append(skus, clean(e.EntityID))
			}
		case "setting":
			settings = append(settings, clean(e.EntityID)+" "+m.shownSetting(e.EntityID, e.Old)+" → "+m.shownSetting(e.EntityID, e.New))
		case "purchase_order":
			if po := "PO #" + clean(e.EntityID); !slices.Contains(orders, po) {
				orders = append(orders, po)
			}
		case "import":
			imports = append(imports, clean(e.EntityID))
		}
	}
	by := " by " + strings.Join(who, ", ") + " (another process)"
	last := o.Entries[len(o.Entries)-1]
	switch {
	case len(imports) > 0:
		return "Imported " + listed(imports, 2) + by
	case len(settings) > 0:
		return "Settings changed" + by + ": " + listed(settings, 2)
	case len(skus) == 1 && len(orders) == 0 && values == 1:
		f := model.PolicyField(last.Field)
		v := last.New
		if v == "auto" {
			v = ""
		}
		return fmt.Sprintf("%s: %s changed to %s%s", clean(last.EntityID), fieldLabel(last.Field), changedValueText(f, v), by)
	case len(skus) > 0 && len(orders) == 0:
		return listed(skus, 3) + " changed" + by
	case len(skus) == 0 && len(orders) > 0:
		return listed(orders, 3) + " changed" + by
	case len(skus) > 0:
		return listed(skus, 2) + " and " + listed(orders, 2) + " changed" + by
	}
	return "The catalogue was changed" + by
}

// listed names the first n items and counts the rest: "A, B and 3 more".
func listed(items []string, n int) string {
	if len(items) > n {
		return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
	}
	if len(items) > 1 {
		return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
	}
	return strings.Join(items, "")
}

// ownValues says whether an audit row is about a value in changes: one
// this dashboard has just written over, or shown the PM in a conflict.
func ownValues(changes []model.PolicyChange) func(model.AuditEntry) bool {
	return func(e model.AuditEntry) bool {
		if e.Entity != "policy" && e.Entity != "product" {
			return false
		}
		return slices.ContainsFunc(changes, func(c model.PolicyChange) bool {
			return c.SKU == e.EntityID && string(c.Field) == e.Field
		})
	}
}

// ownSettings says whether an audit row is about one of these settings.
func ownSettings(names map[string]string) func(model.AuditEntry) bool {
	return func(e model.AuditEntry) bool {
		_, ok := names[e.EntityID]
		return e.Entity == "setting" && ok
	}
}
