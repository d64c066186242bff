package demo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
)

// BenchSKUs is the catalogue size the performance targets are set for.
const BenchSKUs = 100_000

// BenchCatalogue returns the path of a 100,000-SKU demo catalogue for
// benchmarks: $STOCKROOM_BENCH_DB when set, else a file in the temp
// directory that is written on first use (about 40 s) and reused after.
func BenchCatalogue(ctx context.Context) (string, error) {
	if p := os.Getenv("STOCKROOM_BENCH_DB"); p != "" {
		return p, nil
	}
	path := filepath.Join(os.TempDir(), "stockroom-bench", "demo-100000-seed1.db")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	// the store never makes a directory: this one is the benchmarks' own
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	err := Create(ctx, path, Options{SKUs: BenchSKUs, Seed: 1})
	if errors.Is(err, ErrExists) {
		return path, nil // another benchmark process wrote it meanwhile
	}
	return path, err
}
