package planner

import (
	"cmp"
	"slices"
	"testing"
)

// topN keeps what a full sort would put first, ties in the order offered.
func TestTopNKeepsTheFirstInOrder(t *testing.T) {
	values := []int{5, 3, 9, 3, 1, 7, 3, 8, 0, 6}
	byValue := func(a, b int) int { return cmp.Compare(values[a], values[b]) }
	for _, n := range []int{1, 3, 4, 10, 20} {
		top := topN{n: n, cmp: byValue}
		for i := range values {
			top.offer(i)
		}
		all := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
		slices.SortStableFunc(all, byValue)
		if want := all[:min(n, len(all))]; !slices.Equal(top.kept, want) {
			t.Errorf("n=%d: kept %v, want %v", n, top.kept, want)
		}
	}
}
