package benchfixture

import (
	"context"
	"path/filepath"
	"testing"

	"stockroom/demo"
	"stockroom/planner"
)

// $STOCKROOM_BENCH_DB names the catalogue, and the fixture leaves its
// forecast cache current: a planner opening it has nothing to forecast.
func TestStoreOpensTheNamedCatalogueWithCurrentForecasts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bench.db")
	t.Setenv("STOCKROOM_BENCH_DB", path)
	ctx := context.Background()
	if got, err := Path(ctx); err != nil || got != path {
		t.Fatalf("Path = %q, %v; want %q", got, err, path)
	}
	// a small catalogue under the name, as a 100,000-SKU one would be
	if err := demo.Create(ctx, path, demo.Options{SKUs: 60, Seed: 2, End: demo.DefaultEnd}); err != nil {
		t.Fatal(err)
	}
	s, err := planner.Open(ctx, Store(t), planner.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) != 60 || len(s.Stale) != 0 {
		t.Errorf("%d rows, %d of them stale; want 60 and none", len(s.Rows), len(s.Stale))
	}
}
