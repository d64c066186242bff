package planner

import (
	"context"
	"path/filepath"
	"testing"

	"stockroom/demo"
	"stockroom/store"
)

// cachedDemo writes a demo catalogue of skus SKUs into a temporary
// directory, caches every forecast, and returns it open (closed when the
// test ends) with a snapshot planned from the cache, as a dashboard's start
// plans it.
func cachedDemo(t *testing.T, skus int, seed int64) (*store.Store, *Snapshot) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(ctx, path, demo.Options{SKUs: skus, Seed: seed, End: demo.DefaultEnd}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := Refresh(ctx, st, Options{}, nil); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st, s
}
