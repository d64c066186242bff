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

// methodSummary counts SKUs by chosen method and by demand class. The
// automatic choice has a few hundred method pairs on a large catalogue:
// the commonest are named, the rest counted.
func methodSummary(s *planner.Snapshot) string {
	methods, classes := map[string]int{}, map[string]int{}
	for _, r := range s.Rows {
		methods[r.Forecast.Method]++
		classes[r.Forecast.Class.String()]++
	}
	return "Methods: " + countsText(methods, summaryMethods, "method") + "\nDemand classes: " + countsText(classes, 0, "")
}

// summaryMethods is how many methods the summary names.
const summaryMethods = 12

// countsText lists names by count, most first (ties by name), naming at
// most limit of them (0: all) and counting the rest.
func countsText(m map[string]int, limit int, noun string) string {
	keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	if limit <= 0 || limit > len(keys) {
		limit = len(keys)
	}
	parts := make([]string, 0, limit+1)
	for _, k := range keys[:limit] {
		parts = append(parts, fmt.Sprintf("%s %s", k, model.GroupThousands(m[k])))
	}
	if rest := keys[limit:]; len(rest) > 0 {
		n := 0
		for _, k := range rest {
			n += m[k]
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", count(len(rest), "other "+noun), count(n, "SKU")))
	}
	return strings.Join(parts, ", ")
}
