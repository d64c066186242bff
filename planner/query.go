package planner

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Query is a filter and sort over a view. The pane and the export take the
// same Query, so an export holds exactly the rows the pane shows.
type Query struct {
	Filter string // terms that must all appear in the row's search text
	Sort   string // column name; empty keeps the view's own order
	Desc   bool
	// Group narrows a view of SKUs to one group of the assortment
	// breakdown, matched exactly rather than as text.
	Group Group
}

// ParseSort reads "column" or "column:desc" / "column:asc".
func ParseSort(v View, s string) (col string, desc bool, err error) {
	if s == "" {
		return "", false, nil
	}
	col, dir, _ := strings.Cut(s, ":")
	switch dir {
	case "", "asc":
	case "desc":
		desc = true
	default:
		return "", false, fmt.Errorf("sort direction %q: want asc or desc", dir)
	}
	if ColumnIndex(v, col) < 0 {
		names := make([]string, 0, len(v.Columns()))
		for _, c := range v.Columns() {
			names = append(names, c.Name)
		}
		return "", false, fmt.Errorf("no column %q in the %s view (columns: %s)", col, v.Name(), strings.Join(names, ", "))
	}
	return col, desc, nil
}

// Select returns the rows of v that pass q's filter, in q's order.
func Select(v View, q Query) []int {
	return Arrange(v, Filter(v, FilterGroup(v, Sorted(v, q.Sort, q.Desc), q.Group), q.Filter))
}

// Arranger is a view that keeps rows together in groups whatever the sort,
// as the reorder view keeps each supplier's SKUs together.
type Arranger interface {
	Arrange(rows []int) []int
}

// Arrange applies a view's grouping, if it has one, to rows in sort order.
func Arrange(v View, rows []int) []int {
	if a, ok := v.(Arranger); ok {
		return a.Arrange(rows)
	}
	return rows
}

// Sorted returns every row index of v ordered by the named column. Ties keep
// the view's order, so the result is deterministic. Null values sort as
// larger than any other (no days of cover = endless cover).
func Sorted(v View, column string, desc bool) []int {
	idx := make([]int, v.Len())
	for i := range idx {
		idx[i] = i
	}
	col := ColumnIndex(v, column)
	if col < 0 {
		return idx
	}
	kind := v.Columns()[col].Kind
	keys := make([]Value, len(idx))
	for i := range idx {
		keys[i] = v.Value(i, col)
		if kind == Text {
			keys[i].Text = strings.ToLower(keys[i].Text) // once per row, not per comparison
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		c := compareValues(kind, keys[a], keys[b])
		if desc {
			c = -c
		}
		return c
	})
	return idx
}

func compareValues(kind Kind, a, b Value) int {
	if a.Null || b.Null {
		switch {
		case a.Null && b.Null:
			return 0
		case a.Null:
			return 1
		default:
			return -1
		}
	}
	switch kind {
	case Integer, Bool, Date, Enum:
		return cmp.Compare(a.Int, b.Int)
	case Decimal, Money, Percent:
		return cmp.Compare(nanToInf(a.Float), nanToInf(b.Float))
	default:
		return strings.Compare(a.Text, b.Text)
	}
}

func nanToInf(f float64) float64 {
	if math.IsNaN(f) {
		return math.Inf(1)
	}
	return f
}

// FilterTerms splits a filter into lower-cased terms.
func FilterTerms(filter string) []string {
	return strings.Fields(strings.ToLower(filter))
}

// Filter keeps the rows of order whose search text holds every term of
// filter, preserving order. Narrowing a filter (typing one more character)
// can pass the previous result as order, so each keystroke scans fewer rows.
func Filter(v View, order []int, filter string) []int {
	terms := FilterTerms(filter)
	if len(terms) == 0 {
		return order
	}
	if len(order) < parallelFilterRows {
		return filterRows(v, order, terms)
	}
	// the first keystroke scans every row: at a million SKUs, 0.3 s on one
	// core; the cores mark the rows that match, and they are kept in order
	keep := make([]bool, len(order))
	parallel(len(order), func(lo, hi int) {
		for k := lo; k < hi; k++ {
			keep[k] = matches(v.SearchText(order[k]), terms)
		}
	})
	out := make([]int, 0, len(order)/4)
	for k, i := range order {
		if keep[k] {
			out = append(out, i)
		}
	}
	return out
}

// parallelFilterRows is where filtering on every core starts to pay.
const parallelFilterRows = 50_000

// filterRows keeps the rows of order whose search text holds every term.
func filterRows(v View, order []int, terms []string) []int {
	out := make([]int, 0, len(order)/4)
	for _, i := range order {
		if matches(v.SearchText(i), terms) {
			out = append(out, i)
		}
	}
	return out
}

func matches(text string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(text, t) {
			return false
		}
	}
	return true
}

// Narrows reports whether filter next only removes rows compared to prev,
// so Filter can start from prev's result.
func Narrows(prev, next string) bool {
	pt, nt := FilterTerms(prev), FilterTerms(next)
	if len(pt) == 0 {
		return true
	}
	if len(nt) < len(pt) {
		return false
	}
	// every previous term must be contained in the term at the same place
	for i, t := range pt {
		if !strings.Contains(nt[i], t) {
			return false
		}
	}
	return true
}
