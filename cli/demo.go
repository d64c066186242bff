package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"stockroom/demo"
	"stockroom/model"
	"stockroom/store"
	"stockroom/termtext"
)

func demoCommand(db *string) *cobra.Command {
	var skus int
	var seed int64
	var endText string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Write a deterministic demo catalogue",
		Long: "Writes a demo catalogue (same seed and end day, same data) to --db: 25 suppliers,\n" +
			"2 locations, about 12 categories, two years of daily sales ending yesterday (or --end),\n" +
			"stock and open purchase orders such that every stock status appears. Its orders are\n" +
			"dated on the same calendar as what you do with them today. Refuses to overwrite a file,\n" +
			"and writes only into a directory that exists (Stockroom's own data directory is created).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if skus < 1 || skus > demo.MaxSKUs {
				return usageError{fmt.Errorf("--skus %d: want 1 to %s", skus, model.GroupThousands(demo.MaxSKUs))}
			}
			end, err := demoEnd(endText)
			if err != nil {
				return err
			}
			path := catalogPath(*db)
			if _, err := ensureDataDir(path); err != nil {
				return err
			}
			start := time.Now()
			last := time.Time{}
			err = demo.Create(cmd.Context(), path, demo.Options{SKUs: skus, Seed: seed, End: end, Progress: func(done, total int) {
				if time.Since(last) > 500*time.Millisecond || done == total {
					last = time.Now()
					fmt.Fprintf(os.Stderr, "\rwriting SKUs: %d of %d", done, total)
				}
			}, Finish: func(ctx context.Context, tmp string) error {
				if !last.IsZero() {
					fmt.Fprintln(os.Stderr) // ends the progress line
					last = time.Time{}
				}
				return primeForecasts(ctx, tmp)
			}})
			if !last.IsZero() {
				fmt.Fprintln(os.Stderr) // ends the progress line
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Wrote a demo catalogue of %s to %s in %s\n", count(skus, "SKU"), termtext.Visible(path), time.Since(start).Round(100*time.Millisecond))
			return nil
		},
	}
	cmd.Flags().IntVar(&skus, "skus", 2000, "number of SKUs, 1 to 9,999,999")
	cmd.Flags().Int64Var(&seed, "seed", 1, "random seed: the same seed and end day write the same catalogue")
	cmd.Flags().StringVar(&endText, "end", "", "last day of sales, YYYY-MM-DD (default yesterday)")
	return cmd
}

// demoEnd is a new demo's last sales day: --end, or yesterday, so that the
// demo's orders (drafted and sent in its last days) and what the PM does
// with them today are on one calendar: a receipt measures a true lead time.
func demoEnd(text string) (model.Day, error) {
	if text == "" {
		return today() - 1, nil
	}
	d, err := model.ParseDay(text)
	if err != nil {
		return model.NoDay, usageError{fmt.Errorf("--end %q: %w", text, err)}
	}
	if d > today() {
		return model.NoDay, usageError{fmt.Errorf("--end %s is after today (%s): a demo's sales end on or before today", d, today())}
	}
	if earliest := demo.EarliestEnd(); d < earliest {
		return model.NoDay, usageError{fmt.Errorf("--end %s: a demo's two years of sales would start before %s, which imports refuse as implausible: give %s or later", d, demo.EarliestSalesDay, earliest)}
	}
	return d, nil
}

// primeForecasts plans a new catalogue once so that its forecasts are
// cached and the dashboard opens without forecasting every SKU. Demo runs
// it on the finished catalogue before moving it into place
// (demo.Options.Finish): a failure leaves no catalogue behind.
func primeForecasts(ctx context.Context, path string) error {
	p, err := openAndPlan(ctx, path, planRequest{open: store.OpenExisting})
	if err != nil {
		return err
	}
	p.st.Close()
	return nil
}
