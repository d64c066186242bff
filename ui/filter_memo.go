package ui

import (
	"strings"

	"stockroom/planner"
)

// filterMemo remembers the rows each filter gave since the pane's rows were
// last sorted, so erasing what was typed shows them again at once instead
// of scanning every row: a backspace at a million SKUs took 81 ms (median)
// to 330 ms (issue 15), as widening a filter cannot start from the rows
// shown. It is a few slices of row numbers, dropped with the sort.
type filterMemo struct {
	sorted []int // the order the rows were filtered from
	group  planner.Group
	rows   map[string][]int // by the filter's terms
}

// filterMemoSize bounds what one typing session keeps.
const filterMemoSize = 64

// memoKey reads a filter as Filter does: "Kettle  red" is "kettle red".
func memoKey(filter string) string { return strings.Join(planner.FilterTerms(filter), " ") }

// remember keeps rows as filter's result over sorted within group.
func (f *filterMemo) remember(sorted []int, group planner.Group, filter string, rows []int) {
	if f.rows == nil || !sameRows(f.sorted, sorted) || f.group != group || len(f.rows) >= filterMemoSize {
		f.sorted, f.group, f.rows = sorted, group, map[string][]int{}
	}
	f.rows[memoKey(filter)] = rows
}

// recall returns filter's result over sorted within group, if remembered.
func (f *filterMemo) recall(sorted []int, group planner.Group, filter string) ([]int, bool) {
	if f.rows == nil || !sameRows(f.sorted, sorted) || f.group != group {
		return nil, false
	}
	rows, ok := f.rows[memoKey(filter)]
	return rows, ok
}

// forget drops everything: the rows or their order changed.
func (f *filterMemo) forget() { *f = filterMemo{} }

// sameRows says whether a and b are one slice (not merely equal): a new
// sort or a new view makes a new one.
func sameRows(a, b []int) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
