package ui

import (
	"strings"
	"testing"
)

// One unit is "1 unit": a supplier's heading with one SKU of one unit read
// "1 SKU · 1 units".
func TestOneUnitIsSingular(t *testing.T) {
	m, _ := reorderModel(t, 160, 45)
	sku := m.reorder.currentRow().Item.Product.SKU
	press(t, m, "e")
	clearInput(t, m)
	typeText(t, m, "1")
	press(t, m, "enter", "/")
	typeText(t, m, sku)
	press(t, m, "enter")
	s := screen(m)
	if !strings.Contains(s, " · 1 SKU · 1 unit · ") || strings.Contains(s, "1 units") {
		t.Errorf("the heading of one unit:\n%s", s)
	}
	for n, want := range map[int]string{0: "0 units", 1: "1 unit", 1200: "1,200 units"} {
		if got := count(n, "unit"); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}

// A screen of one row counts it in the singular: "1 of 1 line".
func TestOneRowOfOneIsSingular(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "6", "enter", "enter") // the first supplier's first order: one line
	if m.suppliers.screen != screenLines || len(m.suppliers.order.Lines) != 1 {
		t.Fatalf("screen %d with %d lines", m.suppliers.screen, len(m.suppliers.order.Lines))
	}
	if s := screen(m); !strings.Contains(s, "1 of 1 line") || strings.Contains(s, "1 of 1 lines") {
		t.Errorf("status bar of one line:\n%s", s)
	}
}
