package planner

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"

	"stockroom/store"
)

// A catalogue open read-only is planned and forecast in memory; its
// forecast cache is left as it is, and the file is not changed.
func TestReadOnlyCatalogueForecastsInMemoryWithoutSaving(t *testing.T) {
	st := smallStore(t)
	path := st.Path()
	st.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	ctx := context.Background()
	snap, err := Refresh(ctx, ro, Options{}, nil)
	if err != nil {
		t.Fatalf("refresh of a read-only catalogue: %v", err)
	}
	if !slices.Equal(snap.Refreshed, []int{0, 1, 2}) || snap.Rows[1].Forecast.Level() != 28 {
		t.Errorf("forecast in memory: refreshed %v, B level %v", snap.Refreshed, snap.Rows[1].Forecast.Level())
	}
	if err := snap.SaveForecasts(ctx, ro); err != nil {
		t.Errorf("saving forecasts of a read-only catalogue: %v, want nothing done", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the read-only catalogue changed")
	}
}
