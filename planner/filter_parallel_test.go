package planner

import (
	"fmt"
	"slices"
	"testing"
)

// textView is a view of search texts only.
type textView []string

func (textView) Name() string              { return "texts" }
func (textView) Columns() []Column         { return nil }
func (v textView) Len() int                { return len(v) }
func (textView) Value(int, int) Value      { return Value{} }
func (v textView) SearchText(i int) string { return v[i] }

// Filtering a large view on every core keeps exactly the rows, in exactly
// the order, that filtering row by row keeps, whatever order it is given.
func TestFilterOnEveryCoreKeepsTheOrder(t *testing.T) {
	n := 3*parallelFilterRows + 17
	v := make(textView, n)
	for i := range v {
		v[i] = fmt.Sprintf("sku-%07d\x00kettle %d\x00brand-%d", i, i%13, i%7)
	}
	order := make([]int, n)
	for i := range order {
		order[i] = (i * 7919) % n // a shuffled sort order
	}
	for _, f := range []string{"kettle 3", "brand-2 kettle 1", "sku-00000", "nothing", "SKU-0123"} {
		want := filterRows(v, order, FilterTerms(f))
		got := Filter(v, order, f)
		if !slices.Equal(got, want) {
			t.Errorf("filter %q: %d rows on every core, %d row by row (or another order)", f, len(got), len(want))
		}
	}
	if got := Filter(v, order, "kettle 3"); len(got) == 0 {
		t.Error("the test's filter matched nothing")
	}
}
