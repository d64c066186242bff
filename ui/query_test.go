package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"stockroom/planner"
)

func TestFilterNarrowsAndEscClears(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	press(t, m, "/")
	typeText(t, m, "kitch")
	if n := len(m.stock.table.index); n != 8 {
		t.Errorf("filter kitch: %d rows, want 8", n)
	}
	typeText(t, m, "en acme") // both words must match: Kitchen rows from Acme Tools
	if n := len(m.stock.table.index); n != 4 {
		t.Errorf("filter %q: %d rows, want 4", m.stock.query.Filter, n)
	}
	for _, r := range m.stock.table.index {
		row := m.stock.row(r)
		if row.Item.Product.Category != "Kitchen" || row.Supplier != "Acme Tools" {
			t.Errorf("row %s does not match", row.Item.Product.SKU)
		}
	}
	press(t, m, "backspace", "backspace", "backspace", "backspace", "backspace")
	if n := len(m.stock.table.index); n != 8 {
		t.Errorf("widening the filter again: %d rows, want 8", n)
	}
	press(t, m, "enter")
	if m.mode != modeNormal || !strings.Contains(screen(m), `filter "kitchen"`) {
		t.Errorf("enter should keep the filter:\n%s", screen(m))
	}
	press(t, m, "esc")
	if n := len(m.stock.table.index); n != 24 || m.stock.query.Filter != "" {
		t.Errorf("esc: %d rows, filter %q", n, m.stock.query.Filter)
	}
}

func TestSortCyclesAndReverses(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	if m.stock.query.Sort != "status" {
		t.Fatalf("default sort %q", m.stock.query.Sort)
	}
	press(t, m, "s") // status is the last column; next is the first, SKU
	if m.stock.query.Sort != "sku" {
		t.Fatalf("after s: %q", m.stock.query.Sort)
	}
	first := m.stock.row(m.stock.table.index[0]).Item.Product.SKU
	press(t, m, "S")
	last := m.stock.row(m.stock.table.index[0]).Item.Product.SKU
	if first != "SKU-001" || last != "SKU-024" {
		t.Errorf("sku asc starts %s, desc starts %s", first, last)
	}
	if !strings.Contains(screen(m), "SKU▼") {
		t.Error("header should show the reversed sort")
	}
	press(t, m, "s")
	if m.stock.query.Sort != "name" || !m.stock.query.Desc {
		t.Errorf("next column keeps direction: %q desc=%v", m.stock.query.Sort, m.stock.query.Desc)
	}
}

func TestExportWritesFilteredSortedRows(t *testing.T) {
	m, _ := newTestModel(t, 80, 24) // a small screen: the export still has every row
	press(t, m, "/")
	typeText(t, m, "garden")
	press(t, m, "enter", "s", "s", "S")
	press(t, m, "x")
	files, _ := filepath.Glob(filepath.Join(m.opt.ExportDir, "stockroom-stock-*.csv"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	// "garden" matches the Garden category and the Verde Garden supplier
	if m.message != "Exported 16 rows to "+files[0] {
		t.Errorf("status should name the file and count: %q", m.message)
	}
	f, _ := os.Open(files[0])
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := planner.Select(m.stock.view, m.stock.query)
	if len(recs) != len(want)+1 {
		t.Fatalf("%d records for %d rows", len(recs), len(want))
	}
	for i, r := range want {
		if recs[i+1][0] != m.stock.row(r).Item.Product.SKU {
			t.Errorf("row %d: %s, want %s", i, recs[i+1][0], m.stock.row(r).Item.Product.SKU)
		}
	}
	if !slices.Equal(want, m.stock.table.index) {
		t.Error("export order differs from the pane")
	}
	// the formula-looking product name leaves neutralised
	all, _ := os.ReadFile(files[0])
	if strings.Contains(string(all), ",=HYPERLINK") {
		t.Error("formula cell not neutralised")
	}
}
