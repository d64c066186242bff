package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"stockroom/planner"
)

// views lists the exportable views by name.
var views = map[string]func(*planner.Snapshot) planner.View{
	"stock":    func(s *planner.Snapshot) planner.View { return s.Stock() },
	"forecast": func(s *planner.Snapshot) planner.View { return s.Forecasts() },
}

func viewNames() string {
	return strings.Join(slices.Sorted(maps.Keys(views)), ", ")
}

func exportCommand(db *string) *cobra.Command {
	var format, filter, sortBy, out, asOf string
	cmd := &cobra.Command{
		Use:   "export VIEW",
		Short: "Write a view to CSV or JSON",
		Long: "Writes every row of a view that passes --filter, in --sort order, with the same\n" +
			"snake_case columns as the dashboard's x export. Views: " + viewNames() + ".\n" +
			"Without -o the rows go to standard output.",
		Example: "  stockroom export stock --filter garden --sort days_of_cover -o garden.csv\n" +
			"  stockroom export stock --format json --sort status",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("export takes one view name (%s)", viewNames())}
			}
			if _, ok := views[args[0]]; !ok {
				return usageError{fmt.Errorf("no view %q (views: %s)", args[0], viewNames())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := planner.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			day, err := parseAsOf(asOf)
			if err != nil {
				return err
			}
			st, snap, err := planCatalogue(cmd.Context(), catalogPath(*db), day)
			if err != nil {
				return err
			}
			defer st.Close()
			v := views[args[0]](snap)
			col, desc, err := planner.ParseSort(v, sortBy)
			if err != nil {
				return usageError{fmt.Errorf("--sort: %w", err)}
			}
			rows := planner.Select(v, planner.Query{Filter: filter, Sort: col, Desc: desc})
			if out == "" || out == "-" {
				err = planner.Export(cmd.OutOrStdout(), v, rows, f)
			} else if err = planner.WriteFile(out, func(w io.Writer) error { return planner.Export(w, v, rows, f) }); err == nil {
				fmt.Fprintf(os.Stderr, "Wrote %d rows to %s\n", len(rows), out)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "csv", "csv or json")
	cmd.Flags().StringVar(&filter, "filter", "", "keep rows whose sku, name, category, brand or supplier contain every word")
	cmd.Flags().StringVar(&sortBy, "sort", "", "sort by a column: COLUMN or COLUMN:desc")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	cmd.Flags().StringVar(&asOf, "as-of", "", "plan as of this day (YYYY-MM-DD)")
	return cmd
}
