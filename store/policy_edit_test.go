package store

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	"stockroom/model"
)

// rawPolicy reads a SKU's policies row as stored, NULLs included.
func rawPolicy(t *testing.T, s *Store, id int64) (lead, level sql.NullFloat64, review, orderQty sql.NullInt64, rounding sql.NullString, exists bool) {
	t.Helper()
	err := s.db.QueryRow(`SELECT lead_time_days, service_level, review_days, order_qty, rounding
		FROM policies WHERE product_id = ?`, id).Scan(&lead, &level, &review, &orderQty, &rounding)
	if errors.Is(err, sql.ErrNoRows) {
		return
	}
	must(t, err)
	exists = true
	return
}

func auditCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	must(t, s.db.QueryRow("SELECT count(*) FROM audit_log").Scan(&n))
	return n
}

func TestSetPoliciesWritesAuditsLoadsAndUndoes(t *testing.T) {
	s := openTemp(t)
	a, b := fixture(t, s)
	changes := []model.PolicyChange{
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldLeadTime, Value: "3w"},
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldServiceLevel, Value: "97.5%"},
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldRounding, Value: "Nearest"},
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldReviewDays, Value: "14"},
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldOrderQty, Value: "1,200"},
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldCasePack, Value: "12"},
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldMOQ, Value: "24"},
		{SKU: b.SKU, Field: model.FieldServiceLevel, Value: "95"}, // found by SKU
		{ProductID: b.ID, SKU: b.SKU, Field: model.FieldOrderQty, Value: "0"},
	}
	prev, err := s.SetPolicies(ctx, changes)
	must(t, err)
	wantPrev := []string{"", "", "", "", "", "6", "0", "0.9", ""}
	if len(prev) != len(changes) {
		t.Fatalf("%d previous values for %d changes", len(prev), len(changes))
	}
	for i, p := range prev {
		if p.Value != wantPrev[i] || p.Field != changes[i].Field || p.SKU != changes[i].SKU {
			t.Errorf("previous[%d] = %+v, want %s %s %q", i, p, changes[i].SKU, changes[i].Field, wantPrev[i])
		}
	}
	if prev[7].ProductID != b.ID {
		t.Errorf("lookup by SKU gave product %d, want %d", prev[7].ProductID, b.ID)
	}

	c, err := s.LoadCatalogue(ctx, LoadOptions{})
	must(t, err)
	byID := map[int64]model.Item{}
	for _, it := range c.Items {
		byID[it.Product.ID] = it
	}
	pa, pb := byID[a.ID], byID[b.ID]
	if p := pa.Policy; p.LeadTimeDays != 21 || p.ServiceLevel != 0.975 || p.Rounding != model.RoundNearest ||
		p.ReviewDays != 14 || !p.HasOrderQty || p.OrderQty != 1200 || p.Manual {
		t.Errorf("A-1 policy %+v", p)
	}
	if pa.Product.CasePack != 12 || pa.Product.MOQ != 24 {
		t.Errorf("A-1 case pack %d moq %d", pa.Product.CasePack, pa.Product.MOQ)
	}
	// untouched fields keep their values: B-2's manual reorder point survives
	if p := pb.Policy; p.ServiceLevel != 0.95 || !p.HasOrderQty || p.OrderQty != 0 || !p.Manual || p.ReorderPoint != 4 {
		t.Errorf("B-2 policy %+v", p)
	}

	log, err := s.AuditLog(ctx, 100)
	must(t, err)
	if len(log) != len(changes) {
		t.Fatalf("%d audit rows, want %d", len(log), len(changes))
	}
	wantLog := []struct{ entity, id, field, old, new string }{
		{"policy", "A-1", "lead_time_days", "auto", "21"},
		{"policy", "A-1", "service_level", "auto", "0.975"},
		{"policy", "A-1", "rounding", "auto", "nearest"},
		{"policy", "A-1", "review_days", "auto", "14"},
		{"policy", "A-1", "order_qty", "auto", "1200"},
		{"product", "A-1", "case_pack", "6", "12"},
		{"product", "A-1", "moq", "0", "24"},
		{"policy", "B-2", "service_level", "0.9", "0.95"},
		{"policy", "B-2", "order_qty", "auto", "0"},
	}
	for i, w := range wantLog {
		e := log[len(log)-1-i] // newest first
		if e.Entity != w.entity || e.EntityID != w.id || e.Field != w.field || e.Old != w.old || e.New != w.new || e.Who == "" {
			t.Errorf("audit %d = %+v, want %+v", i, e, w)
		}
	}

	// undo: every policy column of A-1 back to NULL, not to zero
	if _, err := s.SetPolicies(ctx, prev); err != nil {
		t.Fatal(err)
	}
	lead, level, review, orderQty, rounding, exists := rawPolicy(t, s, a.ID)
	if !exists || lead.Valid || level.Valid || review.Valid || orderQty.Valid || rounding.Valid {
		t.Errorf("A-1 after undo: lead %v level %v review %v order %v rounding %v", lead, level, review, orderQty, rounding)
	}
	_, level, _, orderQty, _, _ = rawPolicy(t, s, b.ID)
	if !level.Valid || level.Float64 != 0.9 || orderQty.Valid {
		t.Errorf("B-2 after undo: level %v order %v", level, orderQty)
	}
	c, err = s.LoadCatalogue(ctx, LoadOptions{})
	must(t, err)
	for _, it := range c.Items {
		if it.Product.ID == a.ID && (it.Product.CasePack != 6 || it.Product.MOQ != 0) {
			t.Errorf("A-1 after undo: case pack %d moq %d", it.Product.CasePack, it.Product.MOQ)
		}
	}
	if n := auditCount(t, s); n != 2*len(changes) {
		t.Errorf("%d audit rows after undo, want %d", n, 2*len(changes))
	}
}

func TestSetPoliciesWritesNothingWhenAnyChangeIsBad(t *testing.T) {
	s := openTemp(t)
	a, b := fixture(t, s)
	before := auditCount(t, s)
	for name, batch := range map[string][]model.PolicyChange{
		"bad value": {
			{ProductID: a.ID, SKU: a.SKU, Field: model.FieldLeadTime, Value: "10"},
			{ProductID: b.ID, SKU: b.SKU, Field: model.FieldServiceLevel, Value: "120%"},
		},
		"unknown field": {
			{ProductID: a.ID, SKU: a.SKU, Field: model.FieldCasePack, Value: "12"},
			{ProductID: a.ID, SKU: a.SKU, Field: "colour", Value: "red"},
		},
		// only found inside the transaction, after the first change is written
		"unknown SKU": {
			{ProductID: a.ID, SKU: a.SKU, Field: model.FieldMOQ, Value: "5"},
			{SKU: "NOPE", Field: model.FieldMOQ, Value: "5"},
		},
	} {
		_, err := s.SetPolicies(ctx, batch)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if name == "unknown SKU" && (!errors.Is(err, ErrUnknownSKU) || !strings.Contains(err.Error(), "NOPE")) {
			t.Errorf("%s: err %v, want ErrUnknownSKU naming the SKU", name, err)
		}
	}
	if n := auditCount(t, s); n != before {
		t.Errorf("%d audit rows written", n-before)
	}
	if _, _, _, _, _, exists := rawPolicy(t, s, a.ID); exists {
		t.Error("a policies row was written for A-1")
	}
	var casePack, moq int
	must(t, s.db.QueryRow("SELECT case_pack, moq FROM products WHERE id = ?", a.ID).Scan(&casePack, &moq))
	if casePack != 6 || moq != 0 {
		t.Errorf("A-1 case pack %d moq %d", casePack, moq)
	}
}

func TestSetPoliciesUnchangedValueWritesNoAuditRow(t *testing.T) {
	s := openTemp(t)
	a, b := fixture(t, s)
	before := auditCount(t, s)
	prev, err := s.SetPolicies(ctx, []model.PolicyChange{
		{ProductID: b.ID, SKU: b.SKU, Field: model.FieldServiceLevel, Value: "90%"}, // already 0.9
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldCasePack, Value: "6"},
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldMOQ, Value: "auto"}, // already 0
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldRounding, Value: "auto"},
	})
	must(t, err)
	if n := auditCount(t, s); n != before {
		t.Errorf("%d audit rows for changes that change nothing", n-before)
	}
	if prev[0].Value != "0.9" || prev[1].Value != "6" || prev[2].Value != "0" || prev[3].Value != "" {
		t.Errorf("previous %+v", prev)
	}
	if _, _, _, _, _, exists := rawPolicy(t, s, a.ID); exists {
		t.Error("an unchanged default created a policies row")
	}
}

func TestSetPoliciesSameFieldTwiceUndoesInAnyOrder(t *testing.T) {
	s := openTemp(t)
	a, _ := fixture(t, s)
	prev, err := s.SetPolicies(ctx, []model.PolicyChange{
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldLeadTime, Value: "10"},
		{ProductID: a.ID, SKU: a.SKU, Field: model.FieldLeadTime, Value: "20"},
	})
	must(t, err)
	if prev[0].Value != "" || prev[1].Value != "" {
		t.Fatalf("previous %+v, want the value before the call for both", prev)
	}
	lead, _, _, _, _, _ := rawPolicy(t, s, a.ID)
	if lead.Float64 != 20 {
		t.Errorf("lead time %v, want the last change's 20", lead)
	}
	log, _ := s.AuditLog(ctx, 2)
	if len(log) != 2 || log[1].Old != "auto" || log[1].New != "10" || log[0].Old != "10" || log[0].New != "20" {
		t.Errorf("audit %+v, want each step", log)
	}
	for _, undo := range [][]model.PolicyChange{prev, {prev[1], prev[0]}} {
		_, err := s.SetPolicies(ctx, undo)
		must(t, err)
		if lead, _, _, _, _, _ := rawPolicy(t, s, a.ID); lead.Valid {
			t.Errorf("lead time %v after undo, want NULL", lead)
		}
		// redo for the next order
		_, err = s.SetPolicies(ctx, []model.PolicyChange{{ProductID: a.ID, Field: model.FieldLeadTime, Value: "20"}})
		must(t, err)
	}
}
