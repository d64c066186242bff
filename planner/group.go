package planner

import (
	"fmt"
	"strings"
)

// GroupBy is the product attribute the assortment breakdown groups by.
type GroupBy uint8

const (
	NoGroup GroupBy = iota
	ByCategory
	BySubcategory
	ByBrand
	BySupplier
)

// GroupBys lists the groupings in the order the assortment key cycles.
var GroupBys = []GroupBy{ByCategory, BySubcategory, ByBrand, BySupplier}

var groupByNames = [...]string{"", "category", "subcategory", "brand", "supplier"}

func (g GroupBy) String() string { return groupByNames[min(int(g), len(groupByNames)-1)] }

// ParseGroupBy reads category, subcategory, brand or supplier.
func ParseGroupBy(s string) (GroupBy, error) {
	for _, g := range GroupBys {
		if g.String() == s {
			return g, nil
		}
	}
	return NoGroup, fmt.Errorf("--by %q: want category, subcategory, brand or supplier", s)
}

// Group is one group of a breakdown. A subcategory is named with its
// category, as two categories may share a subcategory's name.
type Group struct {
	By       GroupBy
	Name     string
	Category string // of a subcategory
}

// Label is how the group reads on screen and in exports.
func (g Group) Label() string {
	name := g.Name
	if name == "" {
		name = "(none)"
	}
	if g.By == BySubcategory {
		cat := g.Category
		if cat == "" {
			cat = "(none)"
		}
		return cat + " / " + name
	}
	return name
}

// String says which group it is, as the stock pane's filter line shows it.
func (g Group) String() string {
	if g.By == NoGroup {
		return ""
	}
	return g.By.String() + " " + g.Label()
}

// groupOf is the group a row belongs to.
func groupOf(r *Row, by GroupBy) Group {
	p := &r.Item.Product
	switch by {
	case ByCategory:
		return Group{By: by, Name: p.Category}
	case BySubcategory:
		return Group{By: by, Name: p.Subcategory, Category: p.Category}
	case ByBrand:
		return Group{By: by, Name: p.Brand}
	case BySupplier:
		return Group{By: by, Name: r.Supplier}
	}
	return Group{}
}

// Grouped is a view whose rows are SKUs, so a group can narrow it.
type Grouped interface {
	Row(i int) *Row
}

// FilterGroup keeps the rows of order in group g; all of them when g is
// no group or the view's rows are not SKUs.
func FilterGroup(v View, order []int, g Group) []int {
	sv, ok := v.(Grouped)
	if g.By == NoGroup || !ok {
		return order
	}
	out := make([]int, 0, len(order)/8)
	for _, i := range order {
		if r := sv.Row(i); r != nil && groupOf(r, g.By) == g {
			out = append(out, i)
		}
	}
	return out
}

// searchLabel is the lower-cased text the filter looks in for a group.
func searchLabel(g Group) string { return strings.ToLower(g.Label()) }
