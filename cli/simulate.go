package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/sim"
)

func simulateCommand(db *string) *cobra.Command {
	var asOf, format string
	var weeks, warmup, replan int
	var spread bool
	cmd := &cobra.Command{
		Use:   "simulate",
		Short: "Replay the reorder policy over the sales after a day, against two baselines",
		Long: "Plans the catalogue as of --as-of (default: --weeks before the latest sales day)\n" +
			"and replays each active SKU's policy day by day over the --weeks that followed,\n" +
			"cut at the last sales day: receipts arrive in the morning, the day's sales are\n" +
			"served from stock and what stock cannot serve is lost; at each review (every\n" +
			"review_days) a SKU at or below its reorder point orders up to its order-up-to\n" +
			"level, rounded to the case pack and raised to the MOQ, arriving a lead time\n" +
			"later. Days out of stock are imputed (the mean of the week's in-stock days),\n" +
			"not read as no demand. Each policy starts with its order-up-to level on hand and\n" +
			"nothing on order; with --warmup W it starts W weeks before --as-of and replays\n" +
			"those weeks' sales unmeasured, so the start does not flatter it. Discontinued\n" +
			"SKUs and SKUs launched after --as-of (the plan of that day knows nothing of\n" +
			"them) are not replayed.\n\n" +
			"The replay follows the planner's suggestion rules: a review also orders when\n" +
			"the stockout projected from the forecast's weekly means and the orders on their\n" +
			"way, less the lead time, falls before the next review (the order-by day); a SKU\n" +
			"with stock and no sale for dead_stock_days is not reordered; a SKU forecast to\n" +
			"sell nothing is not reordered unless the PM set its reorder point. With\n" +
			"--replan K the catalogue is planned again as of every K weeks after --as-of\n" +
			"(in memory, as --as-of is) and each SKU's policy changes from the day after;\n" +
			"the baselines are estimated again on those days from the 52 weeks before.\n\n" +
			"Next to the tool's policy, two baselines on the same replay: min/max on the last\n" +
			"13 weeks (s = mean daily demand × (L + R), S = s + 13 weeks' demand) and a\n" +
			"normal policy on the last 52 weeks with the tool's lot size (s = μ·P + z·σ·√P,\n" +
			"P = L + R, S = s + the tool's S − s).\n\n" +
			"Per ABC class and overall: the target cycle service level (mean of the SKUs'),\n" +
			"the achieved one (share of replenishment cycles, arrival to arrival, without a\n" +
			"lost sale; starred over fewer than 20 cycles, too few to read as a service\n" +
			"level), fill rate (units served ÷ demanded), average inventory at cost, weeks\n" +
			"of stock, orders and holding + ordering cost.",
		Example: "  stockroom simulate --as-of 2026-05-25 --weeks 26\n  stockroom simulate --warmup 26 --lead-spread\n  stockroom simulate --as-of 2026-05-25 --replan 4",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "csv" {
				return usageError{fmt.Errorf("--format must be text or csv, not %q", format)}
			}
			// the window's ranges are planner.RunReplay's to check, for the
			// command and the dashboard alike: its refusals are usage errors
			day, err := parseAsOf(asOf)
			if err != nil {
				return err
			}
			req := planner.ReplayRequest{AsOf: day, Weeks: weeks, WarmupWeeks: warmup, ReplanWeeks: replan, Spread: spread}
			st, res, err := openAndReplay(cmd.Context(), catalogPath(*db), req, replayProgressPrinter(os.Stderr))
			var bad *planner.ReplayRequestError
			if errors.As(err, &bad) {
				return usageError{err}
			}
			if err != nil {
				return err
			}
			defer st.Close()
			if format == "csv" {
				return writeSimulationCSV(cmd.OutOrStdout(), res)
			}
			return writeSimulation(cmd.OutOrStdout(), res, spread)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "plan as of this day (YYYY-MM-DD); default --weeks before the latest sales day")
	cmd.Flags().IntVar(&weeks, "weeks", 26, "weeks of sales after --as-of to replay")
	cmd.Flags().StringVar(&format, "format", "text", "text or csv (one row per class and policy)")
	cmd.Flags().IntVar(&warmup, "warmup", 0, "start each policy this many weeks before --as-of, over those weeks' sales, unmeasured (0–52)")
	cmd.Flags().IntVar(&replan, "replan", 0, "plan the catalogue again every this many weeks after --as-of (0: never)")
	cmd.Flags().BoolVar(&spread, "lead-spread", false, "draw each order's lead time with the SKU's lead-time spread (seeded: repeatable)")
	return cmd
}

// replayProgressPrinter prints a replay's planning and re-planning on w,
// as the other commands print forecasting.
func replayProgressPrinter(w io.Writer) func(planner.ReplayProgress) {
	var print func(done, total int)
	var printing planner.ReplayProgress
	return func(p planner.ReplayProgress) {
		if p.Stage != planner.ReplayPlanning && p.Stage != planner.ReplayReplanning || p.Done == 0 {
			return
		}
		if print == nil || p.Stage != printing.Stage || p.AsOf != printing.AsOf {
			what := "forecasting"
			if p.Stage == planner.ReplayReplanning {
				what = "re-planning as of " + p.AsOf.String() + ":"
			}
			print, printing = progressPrinter(w, what), p
		}
		print(p.Done, p.Total)
	}
}

// writeSimulation prints one block per class and overall, a line per policy.
func writeSimulation(w io.Writer, res *planner.Simulation, spread bool) error {
	lead := "fixed lead times"
	if spread {
		lead = "lead times drawn with each SKU's spread"
	}
	span := count(res.Days/7, "week")
	if res.Days%7 != 0 {
		span = count(res.Days, "day")
	}
	fmt.Fprintf(w, "Replay as of %s over %s (%s to %s): %s, lost sales, %s.\n",
		res.AsOf, span, res.AsOf+1, res.AsOf+model.Day(res.Days), count(res.SKUs, "SKU"), lead)
	if res.Warmup > 0 {
		fmt.Fprintf(w, "Each policy starts at S on %s: %s of warm-up, not measured.\n", res.AsOf+1-model.Day(res.Warmup), count(res.Warmup/7, "week"))
	} else {
		fmt.Fprintln(w, "Each policy starts at S on the first day (no warm-up).")
	}
	if n := len(res.Replans); n > 0 {
		when := fmt.Sprintf("%s, %s to %s", count(n, "re-plan"), res.Replans[0], res.Replans[n-1])
		if n == 1 {
			when = "once, as of " + res.Replans[0].String()
		}
		fmt.Fprintf(w, "The tool's policy is planned again every %s (%s), each plan in force from the day after; the baselines are estimated again with it.\n",
			count(int(res.Replans[0]-res.AsOf)/7, "week"), when)
	} else {
		fmt.Fprintln(w, "The tool's policy is planned once, as of that day (no re-planning).")
	}
	if res.Skipped > 0 {
		fmt.Fprintf(w, "%s discontinued, not replayed.\n", count(res.Skipped, "SKU"))
	}
	if res.Unlaunched > 0 {
		fmt.Fprintf(w, "%s launched after %s, not replayed (the plan of that day knows nothing of them).\n", count(res.Unlaunched, "SKU"), res.AsOf)
	}
	fmt.Fprintln(w, "CSL: share of replenishment cycles (arrival to arrival) without a lost sale; fill: units served ÷ demanded.")
	fmt.Fprintln(w, "fill@tool: a baseline's fill at the tool's inventory (its s and S scaled to hold as much, interpolated).")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-5s %-12s %6s %7s %8s %7s %9s %14s %6s %7s %14s\n",
		"class", "policy", "SKUs", "target", "CSL ", "fill", "fill@tool", "avg inventory", "weeks", "orders", "hold+order")
	few := false
	for _, l := range res.Lines() {
		atTool := "-"
		if l.PolicyIndex > 0 {
			atTool = "n/a" // the tool's inventory is beyond the scales replayed
			if f, ok := res.FillAtToolInventory(l.PolicyIndex, l.ClassIndex); ok {
				atTool = fmt.Sprintf("%.1f%%", 100*f)
			}
		}
		s := l.Sum
		csl := fmt.Sprintf("%.1f%% ", 100*s.CSL())
		if s.FewCycles() {
			csl, few = fmt.Sprintf("%.1f%%*", 100*s.CSL()), true
		}
		fmt.Fprintf(w, "%-5s %-12s %6s %6.1f%% %8s %6.1f%% %9s %14s %6s %7s %14s\n",
			l.Class, l.Policy, model.GroupThousands(s.SKUs), 100*l.Target, csl, 100*s.Fill(), atTool,
			money(s.AvgInventoryCost), weeksText(s), model.GroupThousands(s.Orders), money(s.HoldingCost+s.OrderingCost))
	}
	if few {
		fmt.Fprintf(w, "\n* fewer than %d replenishment cycles: too few for a service level; replay more weeks.\n", sim.MinCycles)
	}
	return nil
}

func money(v float64) string { return model.GroupThousands(int64(v + 0.5)) }

func weeksText(s sim.Summary) string {
	w := s.WeeksOfStock()
	if w > 999 {
		return "999+"
	}
	return fmt.Sprintf("%.1f", w)
}
