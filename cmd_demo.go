package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"stockroom/demo"
	"stockroom/planner"
	"stockroom/store"
)

func demoCommand(db *string) *cobra.Command {
	var skus int
	var seed int64
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Write a deterministic demo catalogue",
		Long: "Writes a demo catalogue (same seed, same data) to --db: 25 suppliers, 2 locations,\n" +
			"about 12 categories, two years of daily sales ending " + demo.DefaultEnd.String() + ", stock and open\n" +
			"purchase orders such that every stock status appears. Refuses to overwrite a file, and\n" +
			"writes only into a directory that exists (Stockroom's own data directory is created).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if skus < 1 {
				return usageError{fmt.Errorf("--skus must be at least 1")}
			}
			path := catalogPath(*db)
			if err := ensureDataDir(path); err != nil {
				return err
			}
			start := time.Now()
			last := time.Time{}
			err := demo.Create(cmd.Context(), path, demo.Options{SKUs: skus, Seed: seed, Progress: func(done, total int) {
				if time.Since(last) > 500*time.Millisecond || done == total {
					last = time.Now()
					fmt.Fprintf(os.Stderr, "\rwriting SKUs: %d of %d", done, total)
				}
			}})
			if !last.IsZero() {
				fmt.Fprintln(os.Stderr) // ends the progress line
			}
			if err != nil {
				return err
			}
			if err := primeForecasts(cmd.Context(), path); err != nil {
				return err
			}
			fmt.Printf("Wrote a demo catalogue of %d SKUs to %s in %s\n", skus, path, time.Since(start).Round(100*time.Millisecond))
			return nil
		},
	}
	cmd.Flags().IntVar(&skus, "skus", 2000, "number of SKUs")
	cmd.Flags().Int64Var(&seed, "seed", 1, "random seed: the same seed writes the same catalogue")
	return cmd
}

// primeForecasts plans a new catalogue once so that its forecasts are
// cached and the dashboard opens without forecasting every SKU.
func primeForecasts(ctx context.Context, path string) error {
	st, err := store.OpenExisting(path)
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = planner.Refresh(ctx, st, planner.Options{}, progressPrinter(os.Stderr, "forecasting"))
	return err
}
