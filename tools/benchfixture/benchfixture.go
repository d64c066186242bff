// Package benchfixture is the catalogue the planner and ui benchmarks run
// on: 100,000 demo SKUs with a current forecast cache. One fixture, so that
// both packages time the same data. Benchmark tooling, not part of the
// program: only tests import it.
package benchfixture

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"stockroom/demo"
	"stockroom/planner"
	"stockroom/store"
)

// SKUs is the catalogue size the performance targets are set for.
const SKUs = 100_000

// Path returns the path of the benchmark catalogue: $STOCKROOM_BENCH_DB
// when set, else a file in the temp directory that is written on first
// use (about 40 s) and reused after.
func Path(ctx context.Context) (string, error) {
	if p := os.Getenv("STOCKROOM_BENCH_DB"); p != "" {
		return p, nil
	}
	// one file per schema: a build that migrates it would lock older
	// builds (main before a change, in an A/B) out of it
	path := filepath.Join(os.TempDir(), "stockroom-bench", fmt.Sprintf("demo-100000-seed1-schema%d.db", store.SchemaVersion))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	// the store never makes a directory: this one is the benchmarks' own
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	err := demo.Create(ctx, path, demo.Options{SKUs: SKUs, Seed: 1})
	if errors.Is(err, demo.ErrExists) {
		return path, nil // another benchmark process wrote it meanwhile
	}
	return path, err
}

// PrimedPath returns Path after planning the catalogue once, so that its
// forecast cache is current as it is after stockroom demo (a catalogue
// from $STOCKROOM_BENCH_DB may have been written by an older build).
func PrimedPath(tb testing.TB) string {
	tb.Helper()
	path, err := Path(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	if _, err := planner.Refresh(context.Background(), st, planner.Options{}, nil); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Store opens the primed catalogue for one benchmark and closes it when
// the benchmark ends.
func Store(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(PrimedPath(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}
