package cli

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

// export simulation writes what simulate --format csv writes (same
// defaults, same bytes); export simulation_skus one row per SKU replayed,
// sortable like any view.
func TestExportSimulationIsSimulatesCSV(t *testing.T) {
	path := demoDB(t)
	want, err := executeOut(t, "simulate", "--db", path, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := executeOut(t, "export", "simulation", "--db", path)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("export simulation:\n%s\nsimulate --format csv:\n%s", got, want)
	}
	out, err := executeOut(t, "export", "simulation_skus", "--db", path, "--sort", "units_lost:desc")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	table, _ := csv.NewReader(strings.NewReader(want)).ReadAll()
	var skus string
	for _, r := range table {
		if r[0] == "all" && r[1] == "stockroom" {
			skus = r[2]
		}
	}
	if skus == "" || len(recs)-1 != int(num(t, skus)) {
		t.Fatalf("simulation_skus has %d rows, the table's all line %q SKUs", len(recs)-1, skus)
	}
	col := slices.Index(recs[0], "units_lost")
	if col < 0 {
		t.Fatalf("no units_lost column: %v", recs[0])
	}
	lost := -1.0
	for i, r := range recs[1:] {
		v := num(t, r[col])
		if i > 0 && v > lost {
			t.Fatalf("row %d: units_lost %v after %v, not sorted", i+1, v, lost)
		}
		lost = v
	}
}
