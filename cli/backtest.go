package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"stockroom/forecast"
	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

func backtestCommand(db *string) *cobra.Command {
	var asOf, format, seriesOut, score, table, level string
	var holdout, sample int
	cmd := &cobra.Command{
		Use:   "backtest",
		Short: "Measure forecast accuracy on the catalogue's own history",
		Long: "Holds out the last --holdout weeks before --as-of (default: the latest sales\n" +
			"day), forecasts them from the weeks before with the automatic choice and with\n" +
			"every method, and prints accuracy per method and demand class and overall:\n" +
			"RMSSE and MASE (means over SKUs; below 1 beats a naive forecast's in-sample\n" +
			"error), WAPE and bias (pooled over weeks) and the share of held-out weeks\n" +
			"inside the 80 % band.\n\n" +
			"A second table scores the automatic choice's forecast of cumulative demand, the\n" +
			"total over the first 4, 8, 13 and 26 held-out weeks (those --holdout covers), per\n" +
			"demand class: cover80 is the share of SKUs whose actual total fell inside its 80 %\n" +
			"band (well calibrated: near nominal), nominal the share the forecasts' own\n" +
			"distributions put inside their bands (80 % for continuous demand; more where a band\n" +
			"of whole units cannot stop at 80 % or starts at zero), and pinball10/50/90 the\n" +
			"pinball loss of its 10th, 50th and 90th percentiles, divided by the weeks of the\n" +
			"horizon and by the SKU's mean absolute week-to-week change in the training weeks\n" +
			"(MASE's scale), averaged over SKUs; lower is better. A SKU with a missing\n" +
			"(out-of-stock) week in a horizon is not scored at it.\n\n" +
			"SKUs with under 16 weeks of history since their first sale are skipped. Without\n" +
			"--holdout, 26 weeks are held out, or as many as leave 16 weeks before them.\n" +
			"--format csv writes one table: the methods' unless --table cumulative.\n" +
			"--write-series and --score compare another tool on the same series (see\n" +
			"docs/FORECASTING.md).",
		Example: "  stockroom backtest\n  stockroom backtest --as-of 2026-06-28 --format csv > accuracy.csv\n" +
			"  stockroom backtest --table cumulative --format csv > cumulative.csv",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if format != "text" && format != "csv" {
				return usageError{fmt.Errorf("--format must be text or csv, not %q", format)}
			}
			if holdout < 1 {
				return usageError{fmt.Errorf("--holdout must be at least 1 week")}
			}
			if err := checkTable(table, format); err != nil {
				return err
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
			p, err := openAndPlan(cmd.Context(), path, planRequest{asOf: day, check: func(st *store.Store) (err error) {
				holdout, err = checkHoldout(cmd.Context(), st, day, holdout, cmd.Flags().Changed("holdout"))
				return err
			}})
			if err != nil {
				return err
			}
			defer p.st.Close()
			st, snap := p.st, p.snap
			opt := planner.BacktestOptions{Holdout: holdout, Sample: sample, Progress: progressPrinter(os.Stderr, "backtesting")}
			if table == "cumulative" {
				opt.Methods = []string{forecast.Auto} // the cumulative table scores only the automatic choice
			}
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
				if table == "cumulative" {
					return res.Cumulative.WriteCSV(out)
				}
				return res.Table.WriteCSV(out, order)
			}
			scored, unit := count(res.Scored, "SKU"), "SKU"
			if level != planner.LevelSKU { // the summed demand of each group
				scored, unit = fmt.Sprintf("%s %s series", model.GroupThousands(res.Scored), level), "series"
			}
			fmt.Fprintf(out, "Backtest as of %s: the last %s held out; %s scored, %s skipped (under 16 weeks of history).\n",
				snap.AsOf, count(holdout, "week"), scored, model.GroupThousands(res.Skipped))
			if table != "cumulative" {
				fmt.Fprintf(out, "The automatic choice took %.3f ms per %s on one core.\n\n", float64(res.AutoPerSeries.Microseconds())/1000, unit)
				if err := res.Table.WriteText(out, order); err != nil {
					return err
				}
			}
			if table == "methods" {
				return nil
			}
			fmt.Fprintln(out)
			return writeCumulativeText(out, res)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "hold out the weeks up to this day (YYYY-MM-DD)")
	cmd.Flags().StringVar(&format, "format", "text", "text or csv")
	cmd.Flags().IntVar(&holdout, "holdout", defaultHoldout, "weeks held out; when not given, shortened to what the history allows")
	cmd.Flags().StringVar(&table, "table", "", "methods, cumulative or both (text default both; csv default methods)")
	cmd.Flags().IntVar(&sample, "sample", 0, "score about N SKUs (every k-th), 0 for all")
	cmd.Flags().StringVar(&seriesOut, "write-series", "", "also write the scored series to FILE as CSV (sku,class,t,demand,holdout)")
	cmd.Flags().StringVar(&level, "level", planner.LevelSKU, "forecast each sku, or each subcategory's or category's summed demand")
	cmd.Flags().StringVar(&score, "score", "", "also score another tool's forecasts from FILE (sku,method,t,forecast,lower,upper)")
	return cmd
}

// minTrainingWeeks is the history a SKU needs before the held-out weeks to
// be scored (forecast's minimum for choosing a method; the help says 16).
const minTrainingWeeks = 16

// defaultHoldout is half a year: the longest horizon of the cumulative
// table, and the span a real shop's forecast is judged on.
const defaultHoldout = 26

// checkTable checks --table against --format: CSV holds one table.
func checkTable(table, format string) error {
	switch {
	case table != "" && table != "methods" && table != "cumulative" && table != "both":
		return usageError{fmt.Errorf("--table must be methods, cumulative or both, not %q", table)}
	case table == "both" && format == "csv":
		return usageError{fmt.Errorf("--format csv writes one table: give --table methods or --table cumulative")}
	}
	return nil
}

// checkHoldout returns the holdout to use. A --holdout that leaves no SKU
// the weeks it needs before it is refused (the backtest would print an
// empty table); the default is shortened to what the history allows.
func checkHoldout(ctx context.Context, st *store.Store, asOf model.Day, holdout int, given bool) (int, error) {
	first, err := st.FirstSalesWeek(ctx)
	if err != nil || first == model.NoDay {
		return holdout, err // no sales: the backtest says it scored nothing
	}
	latest, err := st.LatestSaleDay(ctx)
	if err != nil {
		return holdout, err
	}
	switch {
	case asOf == model.NoDay:
		asOf = latest
	case asOf > latest+7:
		// the weeks after the last sales day read as weeks of no demand:
		// scoring forecasts against them would measure nothing (a week's
		// grace: today, with sales imported up to a day or two ago)
		return holdout, usageError{fmt.Errorf("--as-of %s is after the last day with sales (%s): the held-out weeks would have no sales to score against; give --as-of %s or earlier", asOf, latest, latest)}
	case asOf < first:
		return holdout, usageError{fmt.Errorf("--as-of %s is before the first week with sales (%s): there is no history to forecast from", asOf, first)}
	}
	weeks := max(int(asOf+1-first)/7, 0) // complete weeks up to asOf
	most := weeks - minTrainingWeeks
	if holdout <= most {
		return holdout, nil
	}
	if !given && most >= 1 {
		return most, nil
	}
	fix := fmt.Sprintf("give --holdout %d or less", most)
	if most < 1 {
		fix = "there is not enough history to hold out a week yet"
	}
	return holdout, usageError{fmt.Errorf("--holdout %d: the catalogue has %s of sales (%s to %s) and a forecast needs %d weeks before those held out: %s",
		holdout, count(weeks, "week"), first, asOf, minTrainingWeeks, fix)}
}

// writeCumulativeText prints the cumulative table under a heading that
// says what its figures are.
func writeCumulativeText(w io.Writer, res *planner.BacktestResult) error {
	if len(res.Horizons) == 0 {
		_, err := fmt.Fprintf(w, "Cumulative demand: no horizon of %s fits in the held-out weeks.\n", joinInts(forecast.CumulativeHorizons))
		return err
	}
	fmt.Fprintf(w, "Cumulative demand over the first %s held-out weeks, automatic choice: cover80 is the share\n", joinInts(res.Horizons))
	fmt.Fprintln(w, "of SKUs whose total fell inside its 80 % band, nominal what the forecasts' own distributions put")
	fmt.Fprintln(w, "inside (above 80 % for bands of whole units or from zero); pinball10/50/90 the loss of its 10th/50th/90th")
	fmt.Fprintln(w, "percentile per week, ÷ the SKU's mean absolute weekly change in training (as MASE), lower better.")
	fmt.Fprintln(w)
	return res.Cumulative.WriteText(w)
}

// joinInts writes 4, 8, 13 and 26.
func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
