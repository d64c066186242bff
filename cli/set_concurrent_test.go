package cli

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// `stockroom set` in one process while another holds the catalogue open
// (the dashboard) or sets too: real processes, through main_test.go's
// stockroomProcess and runStockroom.

func TestSetInAnotherProcessReachesAnOpenCatalogue(t *testing.T) {
	path := demoDB(t)
	sku := firstSKU(t, path)
	open, err := store.Open(path) // the dashboard's handle
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	b := planner.Backend{Store: open}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(open.MarkSeen(context.Background()))
	loaded := itemBySKU(t, path, sku)
	if code, out, errOut := runStockroom(t, "bob", "set", sku, "reorder_point=40", "--force", "--db", path); code != 0 || !strings.Contains(out, "reorder_point auto → 40") {
		t.Fatalf("set: exit %d, %q %q", code, out, errOut)
	}
	o, err := b.Outside(context.Background())
	must(err)
	if len(o.Entries) != 1 || len(o.ProductIDs) != 1 || o.ProductIDs[0] != loaded.Product.ID {
		t.Fatalf("outside %+v, want bob's one change of product %d", o, loaded.Product.ID)
	}
	if e := o.Entries[0]; e.Who != "bob" || e.EntityID != sku || e.Field != "reorder_point" || e.New != "40" {
		t.Errorf("outside entry %+v, want bob's reorder point 40 of %s", e, sku)
	}
	// an edit made on the row as loaded before is refused, naming bob
	_, err = b.SetPolicies(context.Background(), nil, []model.PolicyChange{{ProductID: loaded.Product.ID, SKU: sku,
		Field: model.FieldReorderPoint, Value: "55", Seen: model.PolicyValue(&loaded, model.FieldReorderPoint), Check: true}})
	var conflict *model.ConflictError
	if !errors.As(err, &conflict) || conflict.Conflicts[0].Who != "bob" || conflict.Conflicts[0].Stored != "40" {
		t.Fatalf("saving over the other process: %v, want a conflict naming bob's 40", err)
	}
	if p := itemBySKU(t, path, sku).Policy; p.ReorderPoint != 40 {
		t.Errorf("stored %d, want bob's 40", p.ReorderPoint)
	}
}

// TestSettingsRaceBetweenTwoProcesses is the race the issue saw:
// `set --setting abc_cut_a=0.9 & set --setting abc_cut_b=0.85`.
func TestSettingsRaceBetweenTwoProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "race.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for round := range 30 {
		if _, _, err := st.SetSettings(context.Background(), map[string]string{"abc_cut_a": "0.8", "abc_cut_b": "0.95"}, nil); err != nil {
			t.Fatal(err)
		}
		codes := make([]int, 2)
		var wg sync.WaitGroup
		for i, arg := range []string{"abc_cut_a=0.9", "abc_cut_b=0.85"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _, _ = runStockroom(t, "bob", "set", "--setting", arg, "--db", path)
			}()
		}
		wg.Wait()
		set, err := st.Settings(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !(set.ABCCutA < set.ABCCutB) {
			t.Fatalf("round %d: the file holds abc_cut_a %v, abc_cut_b %v", round, set.ABCCutA, set.ABCCutB)
		}
		if (codes[0] == 0) == (codes[1] == 0) {
			t.Fatalf("round %d: exit statuses %v, want exactly one refused", round, codes)
		}
	}
}
