package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"stockroom/forecast"
	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

func backtestCommand(db *string) *cobra.Command {
	var asOf, format, seriesOut, score, level string
	var holdout, sample int
	cmd := &cobra.Command{
		Use:   "backtest",
		Short: "Measure forecast accuracy on the catalogue's own history",
		Long: "Holds out the last --holdout weeks before --as-of (default: the latest sales\n" +
			"day), forecasts them from the weeks before with the automatic choice and with\n" +
			"every method, and prints accuracy per method and demand class and overall:\n" +
			"RMSSE and MASE (means over SKUs; below 1 beats a naive forecast's in-sample\n" +
			"error), WAPE and bias (pooled over weeks) and the share of held-out weeks\n" +
			"inside the 80 % band. SKUs with under 16 weeks of history since their first\n" +
			"sale are skipped. --write-series and --score compare another tool on the same\n" +
			"series (see docs/FORECASTING.md).",
		Example: "  stockroom backtest\n  stockroom backtest --as-of 2026-06-28 --format csv > accuracy.csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if format != "text" && format != "csv" {
				return usageError{fmt.Errorf("--format must be text or csv, not %q", format)}
			}
			if holdout < 1 {
				return usageError{fmt.Errorf("--holdout must be at least 1 week")}
			}
			day, err := parseAsOf(asOf)
			if err != nil {
				return err
			}
			path := catalogPath(*db)
			if seriesOut != "" {
				if err := refuseOverCatalogue("--write-series", seriesOut, path); err != nil {
					return err
				}
			}
			st, err := openReadable(path)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := checkHoldout(cmd.Context(), st, day, holdout); err != nil {
				return err
			}
			snap, err := planStore(cmd.Context(), st, day)
			if err != nil {
				return err
			}
			opt := planner.BacktestOptions{Holdout: holdout, Sample: sample, Progress: progressPrinter(os.Stderr, "backtesting")}
			if seriesOut != "" {
				f, err := os.Create(seriesOut)
				if err != nil {
					return err
				}
				defer f.Close()
				opt.Series = f
			}
			if level, err = planner.ParseLevel(level); err != nil {
				return usageError{err}
			}
			run := snap.Backtest
			if level != planner.LevelSKU {
				run = func(ctx context.Context, st *store.Store, opt planner.BacktestOptions) (*planner.BacktestResult, error) {
					return snap.BacktestLevel(ctx, st, opt, level)
				}
			}
			res, err := run(cmd.Context(), st, opt)
			if err != nil {
				return err
			}
			if score != "" {
				f, err := os.Open(score)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := res.ScoreExternal(f, score); err != nil {
					return err
				}
			}
			order := append([]string{forecast.Auto}, forecast.Methods()...)
			if format == "csv" {
				return res.Table.WriteCSV(out, order)
			}
			scored, unit := count(res.Scored, "SKU"), "SKU"
			if level != planner.LevelSKU { // the summed demand of each group
				scored, unit = fmt.Sprintf("%s %s series", groupThousands(res.Scored), level), "series"
			}
			fmt.Fprintf(out, "Backtest as of %s: the last %s held out; %s scored, %s skipped (under 16 weeks of history).\n",
				snap.AsOf, count(holdout, "week"), scored, groupThousands(res.Skipped))
			fmt.Fprintf(out, "The automatic choice took %.3f ms per %s on one core.\n\n", float64(res.AutoPerSeries.Microseconds())/1000, unit)
			return res.Table.WriteText(out, order)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "hold out the weeks up to this day (YYYY-MM-DD)")
	cmd.Flags().StringVar(&format, "format", "text", "text or csv")
	cmd.Flags().IntVar(&holdout, "holdout", 13, "weeks held out")
	cmd.Flags().IntVar(&sample, "sample", 0, "score about N SKUs (every k-th), 0 for all")
	cmd.Flags().StringVar(&seriesOut, "write-series", "", "also write the scored series to FILE as CSV (sku,class,t,demand,holdout)")
	cmd.Flags().StringVar(&level, "level", planner.LevelSKU, "forecast each sku, or each subcategory's or category's summed demand")
	cmd.Flags().StringVar(&score, "score", "", "also score another tool's forecasts from FILE (sku,method,t,forecast,lower,upper)")
	return cmd
}

// minTrainingWeeks is the history a SKU needs before the held-out weeks to
// be scored (forecast's minimum for choosing a method; the help says 16).
const minTrainingWeeks = 16

// checkHoldout refuses a --holdout that leaves no SKU the weeks it needs
// before it: the backtest would print an empty table.
func checkHoldout(ctx context.Context, st *store.Store, asOf model.Day, holdout int) error {
	first, err := st.FirstSalesWeek(ctx)
	if err != nil || first == model.NoDay {
		return err // no sales: the backtest says it scored nothing
	}
	if asOf == model.NoDay {
		if asOf, err = st.LatestSaleDay(ctx); err != nil {
			return err
		}
	}
	weeks := max(int(asOf+1-first)/7, 0) // complete weeks up to asOf
	if most := weeks - minTrainingWeeks; holdout > most {
		fix := fmt.Sprintf("give --holdout %d or less", most)
		if most < 1 {
			fix = "there is not enough history to hold out a week yet"
		}
		return usageError{fmt.Errorf("--holdout %d: the catalogue has %s of sales (%s to %s) and a forecast needs %d weeks before those held out: %s",
			holdout, count(weeks, "week"), first, asOf, minTrainingWeeks, fix)}
	}
	return nil
}
