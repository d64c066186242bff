package cli

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// dropForecastCache empties a catalogue's forecast cache, so that every
// SKU's forecast is stale; as a planRequest's check it runs on the
// catalogue the request opened.
func dropForecastCache(st *store.Store) error {
	_, err := st.DB().Exec("DELETE FROM forecasts")
	return err
}

// planOnce runs openAndPlan and closes the catalogue again.
func planOnce(t *testing.T, path string, req planRequest) planned {
	t.Helper()
	p, err := openAndPlan(context.Background(), path, req)
	if err != nil {
		t.Fatal(err)
	}
	p.st.Close()
	return p
}

// The one path forecasts what is stale, caches it, and says how many
// SKUs were current; --all forecasts them all.
func TestOpenAndPlanForecastsTheStaleAndCachesThem(t *testing.T) {
	path := demoDB(t) // 150 SKUs, forecasts cached by demo
	past, err := model.ParseDay("2026-06-28")
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		what              string
		req               planRequest
		current, forecast int
	}{
		{"empty cache", planRequest{asOf: model.NoDay, check: dropForecastCache}, 0, 150},
		{"cache filled by the step before", planRequest{asOf: model.NoDay}, 150, 0},
		{"every SKU", planRequest{asOf: model.NoDay, everySKU: true}, 0, 150},
		{"a past day: forecast, never cached", planRequest{asOf: past}, 0, 150},
		{"the past day again", planRequest{asOf: past}, 0, 150},
		{"the latest day, cache untouched by the past", planRequest{asOf: model.NoDay}, 150, 0},
	} {
		p := planOnce(t, path, step.req)
		if p.current != step.current || len(p.snap.Refreshed) != step.forecast || len(p.snap.Rows) != 150 {
			t.Errorf("%s: %d current, %d forecast of %d rows; want %d, %d of 150", step.what, p.current, len(p.snap.Refreshed), len(p.snap.Rows), step.current, step.forecast)
		}
	}
}

// A check that refuses stops the command before any forecasting (nothing
// cached) and leaves the catalogue closed (no -wal or -shm beside it).
func TestOpenAndPlanRefusedByItsCheckForecastsNothing(t *testing.T) {
	path := demoDB(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = dropForecastCache(st)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	refusal := errors.New("--holdout too long")
	checked := 0
	_, err = openAndPlan(context.Background(), path, planRequest{asOf: model.NoDay, check: func(*store.Store) error {
		checked++
		return refusal
	}})
	if !errors.Is(err, refusal) || checked != 1 {
		t.Fatalf("err %v after %d checks, want the check's refusal after one", err, checked)
	}
	if left := sideFiles(path); len(left) != 0 {
		t.Errorf("the refused plan left %v: the catalogue was not closed", left)
	}
	if p := planOnce(t, path, planRequest{asOf: model.NoDay}); p.current != 0 {
		t.Errorf("%d SKUs current after a refused plan, want 0: it forecast and cached", p.current)
	}
}

// A missing catalogue is refused by the opener the command chose: the
// reading commands' names the commands that make one.
func TestOpenAndPlanMissingCatalogue(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	_, err := openAndPlan(context.Background(), path, planRequest{asOf: model.NoDay})
	if !errors.Is(err, store.ErrNoCatalogue) || !strings.Contains(err.Error(), "stockroom demo --db") {
		t.Errorf("openReadable: %v, want no catalogue with the commands that make one", err)
	}
	_, err = openAndPlan(context.Background(), path, planRequest{open: store.OpenExisting})
	if err == nil || strings.Contains(err.Error(), "stockroom demo") {
		t.Errorf("store.OpenExisting: %v, want its own refusal", err)
	}
}
