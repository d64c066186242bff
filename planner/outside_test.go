package planner

import (
	"slices"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

func TestOutsideSaysWhatOthersChanged(t *testing.T) {
	row := func(who, entity, id, field, old, new string) model.AuditEntry {
		return model.AuditEntry{Who: who, Entity: entity, EntityID: id, Field: field, Old: old, New: new}
	}
	for _, c := range []struct {
		name       string
		ch         store.Changes
		everything bool
		orders     bool
		note       string
	}{
		{"nothing", store.Changes{}, false, false, ""},
		{"one value", store.Changes{Any: true, Products: []int64{7},
			Entries: []model.AuditEntry{row("alice", "policy", "FW-000123", "reorder_point", "30", "40")}},
			false, false, "FW-000123: reorder point changed to 40 by alice (another process)"},
		{"back to automatic", store.Changes{Any: true, Products: []int64{7},
			Entries: []model.AuditEntry{row("alice", "policy", "FW-1", "reorder_point", "30", "auto")}},
			false, false, "FW-1: reorder point changed to auto by alice (another process)"},
		{"case pack", store.Changes{Any: true, Products: []int64{7},
			Entries: []model.AuditEntry{row("bob", "product", "FW-1", "case_pack", "6", "12")}},
			false, false, "FW-1: case pack changed to 12 by bob (another process)"},
		{"several SKUs, two people", store.Changes{Any: true, Products: []int64{1, 2, 3, 4},
			Entries: []model.AuditEntry{
				row("alice", "policy", "A", "moq", "", "5"), row("bob", "policy", "B", "moq", "", "5"),
				row("bob", "policy", "C", "moq", "", "5"), row("bob", "policy", "D", "moq", "", "5")}},
			false, false, "A, B, C and 1 more changed by alice, bob (another process)"},
		{"two fields of one SKU", store.Changes{Any: true, Products: []int64{1},
			Entries: []model.AuditEntry{row("alice", "policy", "A", "moq", "", "5"), row("alice", "product", "A", "case_pack", "1", "5")}},
			false, false, "A changed by alice (another process)"},
		{"settings", store.Changes{Any: true,
			Entries: []model.AuditEntry{row("carol", "setting", "abc_cut_a", "value", "0.8", "0.85")}},
			true, false, "Settings changed by carol (another process): abc_cut_a 0.8 → 0.85"},
		{"import", store.Changes{Any: true,
			Entries: []model.AuditEntry{row("dan", "import", "orders.csv", "orders", "", "1,200 rows")}},
			true, false, "Imported orders.csv by dan (another process)"},
		{"purchase order", store.Changes{Any: true, Products: []int64{3},
			Entries: []model.AuditEntry{row("erin", "purchase_order", "12", "status", "draft", "sent")}},
			false, true, "PO #12 changed by erin (another process)"},
		{"no audit rows", store.Changes{Any: true},
			true, false, "The catalogue was changed by another process (forecasts, or data without audit rows)"},
		{"only what this dashboard saved over", store.Changes{Any: true, Superseded: 2}, false, false, ""},
		{"too many rows", store.Changes{Any: true, More: true,
			Entries: []model.AuditEntry{row("alice", "policy", "A", "moq", "", "5")}},
			true, false, "The catalogue was changed by another process"},
	} {
		o := outsideOf(c.ch)
		if o.Any != (c.note != "") || o.Everything != c.everything || o.Orders != c.orders || o.Note != c.note ||
			!slices.Equal(o.ProductIDs, c.ch.Products) {
			t.Errorf("%s: %+v, want everything %v, orders %v, note %q", c.name, o, c.everything, c.orders, c.note)
		}
	}
}
