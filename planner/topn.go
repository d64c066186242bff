package planner

import "slices"

// topN keeps the first n items in the order of cmp as they are offered,
// without sorting them all: most of 40,000 candidates are turned away by
// one comparison with the last kept.
type topN struct {
	n    int
	cmp  func(a, b int) int
	kept []int
}

func (t *topN) offer(i int) {
	k := len(t.kept)
	if k == t.n && t.cmp(i, t.kept[k-1]) >= 0 {
		return
	}
	at, _ := slices.BinarySearchFunc(t.kept, i, func(kept, i int) int {
		if c := t.cmp(kept, i); c != 0 {
			return c
		}
		return -1 // after equals: the first offered stays first
	})
	t.kept = slices.Insert(t.kept, at, i)
	if len(t.kept) > t.n {
		t.kept = t.kept[:t.n]
	}
}
