package cli

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"stockroom/model"
	"stockroom/planner"
)

func forecastCommand(db *string) *cobra.Command {
	var asOf string
	var all bool
	cmd := &cobra.Command{
		Use:   "forecast",
		Short: "Forecast the SKUs whose forecast is out of date, headlessly",
		Long: "Forecasts every SKU whose cached forecast is not current (new sales, a changed\n" +
			"SKU, another as-of day or a newer engine) on all cores, with progress on stderr,\n" +
			"and caches the result so the dashboard opens without forecasting.\n" +
			"With --as-of before the latest sales day the forecasts use only the history up\n" +
			"to that day and are not cached.",
		Example: "  stockroom forecast\n  stockroom forecast --all\n  stockroom forecast --as-of 2026-06-30",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			limitMemory()
			out := cmd.OutOrStdout()
			day, err := parseAsOf(asOf)
			if err != nil {
				return err
			}
			start := time.Now()
			p, err := openAndPlan(cmd.Context(), catalogPath(*db), planRequest{asOf: day, everySKU: all})
			if err != nil {
				return err
			}
			defer p.st.Close()
			st, snap, current := p.st, p.snap, p.current
			cached := "cached"
			if snap.AsOf != snap.Catalogue.LatestSale {
				cached = "not cached: as of a past day"
			} else if why := st.ReadOnly(); why != "" {
				cached = "not cached: the catalogue is read-only, " + why
			}
			fmt.Fprintf(out, "Forecast %s as of %s in %.1f s (%s); %s already current.\n", count(len(snap.Refreshed), "SKU"),
				snap.AsOf, time.Since(start).Seconds(), cached, model.GroupThousands(current))
			fmt.Fprintln(out, methodSummary(snap))
			return nil
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "forecast from the history up to this day (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&all, "all", false, "forecast every SKU, current or not")
	return cmd
}

// methodSummary counts SKUs by chosen method and by demand class.
func methodSummary(s *planner.Snapshot) string {
	methods, classes := map[string]int{}, map[string]int{}
	for _, r := range s.Rows {
		methods[r.Forecast.Method]++
		classes[r.Forecast.Class.String()]++
	}
	count := func(m map[string]int) string {
		keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int { return m[b] - m[a] })
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s %s", k, model.GroupThousands(m[k]))
		}
		return strings.Join(parts, ", ")
	}
	return "Methods: " + count(methods) + "\nDemand classes: " + count(classes)
}
