package ui

import (
	"fmt"
	"strings"
	"testing"

	"stockroom/model"
)

// After o y every suggestion of the supplier under the cursor is on its
// draft; none may come back on the Reorder pane as a top-up that rounding
// left over (seen: "1 SKU · 1 units · 13 EUR · ⚠ below minimum order").
func TestDraftedSuggestionsDoNotComeBack(t *testing.T) {
	mk := scripted(t, 160, 45, "3")
	drafted := map[int64]bool{}
	for range 40 { // more than the demo's 25 suppliers
		p := mk.m.reorder
		mk.press("g")
		g, ok := p.currentGroup()
		if !ok {
			break
		}
		rows := p.groupRows(g)
		var ids []int64
		for _, r := range rows {
			if row := p.rv.Row(r); row.Plan.SuggestedQty > 0 {
				ids = append(ids, row.Item.Product.ID)
			}
		}
		if len(ids) == 0 {
			break // only the PM's own zero quantities are left
		}
		for _, id := range ids {
			if drafted[id] {
				row := p.rv.Row(rowOfProduct(p, id))
				t.Fatalf("%s was drafted and is suggested again: %d units (need %.3f, rule %q, case %d)",
					row.Item.Product.SKU, row.Plan.SuggestedQty, row.Plan.Need, row.Item.Policy.Rounding, row.Item.Product.CasePack)
			}
			drafted[id] = true
		}
		mk.press("o")
		mk.press("y")
		mk.drain()
	}
	if len(drafted) == 0 {
		t.Fatal("nothing was drafted")
	}
}

func rowOfProduct(p *reorderPane, id int64) int {
	for r := range p.rv.Len() {
		if p.rv.Row(r).Item.Product.ID == id {
			return r
		}
	}
	return -1
}

// When rounding down would leave a low SKU at or below its reorder point,
// the order is raised to pass it, and the working says so.
func TestOrderWorkingShowsTheLiftOverTheReorderPoint(t *testing.T) {
	m, _ := reorderModel(t, 160, 45)
	p := m.reorder
	pos := -1
	for k, r := range p.table.index {
		if r >= 0 && p.rv.Row(r).Plan.Low && !p.rv.Row(r).Plan.QtyManual {
			pos = k
			break
		}
	}
	if pos < 0 {
		t.Fatal("the fixture should have a SKU below its reorder point")
	}
	p.table.moveTo(pos)
	id := p.currentRow().Item.Product.ID
	press(t, m, "c")
	clearInput(t, m)
	typeText(t, m, "1000") // a case far larger than the need
	press(t, m, "enter", "r", "r")
	row := m.snap.Rows[m.snap.RowOf(id)]
	if row.Item.Policy.Rounding != model.RoundDown || row.Item.Product.CasePack != 1000 {
		t.Fatalf("rounding %q, case %d", row.Item.Policy.Rounding, row.Item.Product.CasePack)
	}
	// ⌊need / 1000⌋ is no case: one case lifts the position over the ROP
	lift := row.Plan.ReorderPoint - row.Plan.InventoryPosition + 1
	if row.Plan.SuggestedQty != 1000 || row.Plan.Need >= 1000 || lift < 1 {
		t.Fatalf("qty %d for need %.1f, lift %d", row.Plan.SuggestedQty, row.Plan.Need, lift)
	}
	if p.currentRow() == nil || p.currentRow().Item.Product.ID != id {
		t.Fatal("the cursor left the SKU")
	}
	want := fmt.Sprintf("at least %s to pass the ROP", model.GroupThousands(int64(lift)))
	working := strings.Join(m.detail.orderFacts(m.detailInput(), 200), "\n")
	if !strings.Contains(working, want) {
		t.Errorf("the working lacks %q:\n%s", want, working)
	}
}
