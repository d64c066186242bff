package planner

import (
	"slices"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

func row(who, entity, id, field, old, new string) model.AuditEntry {
	return model.AuditEntry{Who: who, Entity: entity, EntityID: id, Field: field, Old: old, New: new}
}

func TestOutsideSaysWhatToReadAgain(t *testing.T) {
	for _, c := range []struct {
		name                    string
		ch                      store.Changes
		any, everything, orders bool
		unaudited               bool
	}{
		{"nothing", store.Changes{}, false, false, false, false},
		{"one value", store.Changes{Any: true, Products: []int64{7},
			Entries: []model.AuditEntry{row("alice", "policy", "FW-000123", "reorder_point", "30", "40")}},
			true, false, false, false},
		{"case pack", store.Changes{Any: true, Products: []int64{7},
			Entries: []model.AuditEntry{row("bob", "product", "FW-1", "case_pack", "6", "12")}},
			true, false, false, false},
		{"settings", store.Changes{Any: true,
			Entries: []model.AuditEntry{row("carol", "setting", "abc_cut_a", "value", "0.8", "0.85")}},
			true, true, false, false},
		{"import", store.Changes{Any: true,
			Entries: []model.AuditEntry{row("dan", "import", "orders.csv", "orders", "", "1,200 rows")}},
			true, true, false, false},
		{"purchase order", store.Changes{Any: true, Products: []int64{3},
			Entries: []model.AuditEntry{row("erin", "purchase_order", "12", "status", "draft", "sent")}},
			true, false, true, false},
		{"no audit rows", store.Changes{Any: true}, true, true, false, true},
		{"only what this dashboard saved over", store.Changes{Any: true, Superseded: 2}, false, false, false, false},
		{"too many rows", store.Changes{Any: true, More: true,
			Entries: []model.AuditEntry{row("alice", "policy", "A", "moq", "", "5")}},
			true, true, false, true},
	} {
		o := outsideOf(c.ch)
		if o.Any != c.any || o.Everything != c.everything || o.Orders != c.orders || o.Unaudited != c.unaudited ||
			!slices.Equal(o.ProductIDs, c.ch.Products) || len(o.Entries) != len(c.ch.Entries) {
			t.Errorf("%s: %+v, want any %v, everything %v, orders %v, unaudited %v", c.name, o, c.any, c.everything, c.orders, c.unaudited)
		}
	}
}

func TestOutsideMergeAndWithout(t *testing.T) {
	rop := outsideOf(store.Changes{Any: true, Products: []int64{1},
		Entries: []model.AuditEntry{row("bob", "policy", "A", "reorder_point", "", "40")}})
	po := outsideOf(store.Changes{Any: true, Products: []int64{1, 2},
		Entries: []model.AuditEntry{row("bob", "purchase_order", "12", "status", "draft", "sent")}})
	both := rop.Merge(po)
	if !both.Orders || both.Everything || len(both.Entries) != 2 || !slices.Equal(both.ProductIDs, []int64{1, 2}) {
		t.Errorf("merged %+v", both)
	}
	if got := (Outside{}).Merge(rop); len(got.Entries) != 1 || !got.Any {
		t.Errorf("merged into nothing: %+v", got)
	}
	// the reorder point this dashboard wrote over is dropped; the order stays
	ownROP := func(e model.AuditEntry) bool { return e.EntityID == "A" && e.Field == "reorder_point" }
	left := both.Without(ownROP)
	if !left.Any || !left.Orders || len(left.Entries) != 1 || left.Entries[0].Entity != "purchase_order" {
		t.Errorf("without the own value: %+v", left)
	}
	if len(both.Entries) != 2 {
		t.Error("Without changed the Outside it was called on")
	}
	if got := rop.Without(ownROP); got.Any {
		t.Errorf("only the own value: %+v, want nothing", got)
	}
	// a commit without audit rows still reloads everything
	bare := rop.Merge(outsideOf(store.Changes{Any: true}))
	if got := bare.Without(ownROP); !got.Any || !got.Everything {
		t.Errorf("with an unaudited commit: %+v", got)
	}
}
