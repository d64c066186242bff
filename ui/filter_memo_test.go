package ui

import (
	"slices"
	"testing"

	"stockroom/planner"
)

// Erasing what was typed into the filter shows the rows that filter gave
// before without filtering again (the remembered slice itself), and they are
// the rows a fresh query gives; a new sort forgets them.
func TestBackspaceShowsTheRememberedRows(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	defer m.Close()
	press(t, m, "2", "/")
	typeText(t, m, "garden")
	p := &m.stock.pane
	afterA := p.table.index
	if len(afterA) == 0 || len(afterA) == len(p.sorted) {
		t.Fatalf("filter garden kept %d of %d rows: the test needs a filter that drops some", len(afterA), len(p.sorted))
	}
	typeText(t, m, " sku-00")
	if len(p.table.index) >= len(afterA) {
		t.Fatalf("filter garden sku-00 kept %d rows, garden %d", len(p.table.index), len(afterA))
	}
	for range len(" sku-00") {
		press(t, m, "backspace")
	}
	if p.query.Filter != "garden" {
		t.Fatalf("filter %q after two backspaces", p.query.Filter)
	}
	if got := p.table.index; len(got) == 0 || &got[0] != &afterA[0] {
		t.Error("backspace filtered the rows again instead of showing the remembered ones")
	}
	fresh := planner.Filter(p.view, p.sorted, "garden")
	if !slices.Equal(p.table.index, fresh) {
		t.Errorf("remembered rows %v differ from a fresh filter's %v", p.table.index, fresh)
	}

	// a new sort: the remembered rows are of the old order
	press(t, m, "esc")
	press(t, m, "s")
	press(t, m, "/")
	typeText(t, m, "garden")
	if got := p.table.index; len(got) > 0 && &got[0] == &afterA[0] {
		t.Error("a filter after a new sort showed the rows remembered from the old order")
	}
	if want := planner.Filter(p.view, p.sorted, "garden"); !slices.Equal(p.table.index, want) {
		t.Errorf("after a new sort, filter garden shows %v, want %v", p.table.index, want)
	}
}

// A pane with no rows yet remembers its (empty) results like any other.
func TestFilterMemoOfNoRows(t *testing.T) {
	var f filterMemo
	f.remember([]int{}, planner.Group{}, "x", []int{})
	if rows, ok := f.recall([]int{}, planner.Group{}, " X "); !ok || len(rows) != 0 {
		t.Errorf("recall of an empty result: %v, %v", rows, ok)
	}
}
