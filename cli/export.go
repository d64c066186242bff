package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/safefile"
	"stockroom/termtext"
)

// viewOptions are the flags that shape a view rather than filter it.
type viewOptions struct {
	by   planner.GroupBy // assortment breakdown
	poID int64
}

func exportCommand(db *string) *cobra.Command {
	var format, filter, sortBy, out, asOf, by string
	var opt viewOptions
	cmd := &cobra.Command{
		Use:   "export VIEW",
		Short: "Write a view to CSV or JSON",
		Long: "Writes every row of a view that passes --filter, in --sort order, with the same\n" +
			"snake_case columns as the dashboard's x export. Views: " + planner.ViewNames() + ".\n" +
			"simulation (the table of stockroom simulate --format csv) and simulation_skus (each\n" +
			"SKU's replay under the tool's policy) replay the 26 weeks after --as-of (default: 26\n" +
			"weeks before the latest sales day) without warm-up, as simulate does by default.\n" +
			"Without -o the rows go to standard output.",
		Example: "  stockroom export stock --filter garden --sort days_of_cover -o garden.csv\n" +
			"  stockroom export stock --format json --sort status\n" +
			"  stockroom export reorder --filter \"Acme\" -o acme-reorder.csv\n" +
			"  stockroom export po --id 212 -o po-212.csv          a supplier-ready order\n" +
			"  stockroom export pos --filter sent                   every purchase order\n" +
			"  stockroom export assortment --by brand               brands' shares, turnover and GMROI\n" +
			"  stockroom export risk --sort excess_value:desc       stock at risk, most valuable first\n" +
			"  stockroom export simulation_skus --sort units_lost:desc   where the replayed policy lost sales",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("export takes one view name (%s)", planner.ViewNames())}
			}
			if _, ok := planner.LookupView(args[0]); !ok {
				return usageError{fmt.Errorf("no view %q (views: %s)", args[0], planner.ViewNames())}
			}
			if (args[0] == "po") != cmd.Flags().Changed("id") {
				return usageError{fmt.Errorf("--id N goes with the po view, and only with it")}
			}
			if args[0] != "assortment" && cmd.Flags().Changed("by") {
				return usageError{fmt.Errorf("--by goes with the assortment view, and only with it")}
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
			if opt.by, err = planner.ParseGroupBy(by); err != nil {
				return usageError{err}
			}
			path := catalogPath(*db)
			if err := refuseOverCatalogue("-o", out, path); err != nil {
				return err
			}
			v, closeStore, err := exportedView(cmd.Context(), path, args[0], day, opt)
			if err != nil {
				return err
			}
			defer closeStore()
			col, desc, err := planner.ParseSort(v, sortBy)
			if err != nil {
				return usageError{fmt.Errorf("--sort: %w", err)}
			}
			rows := planner.Select(v, planner.Query{Filter: filter, Sort: col, Desc: desc})
			if out == "" || out == "-" {
				w := cmd.OutOrStdout()
				if stdoutIsTerminal(w) {
					v = planner.ForTerminal(v) // catalogue text is never terminal instructions
				}
				return planner.Export(w, v, rows, f)
			}
			if err := planner.WriteFile(out, v, rows, f); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			fmt.Fprintf(os.Stderr, "Wrote %s to %s\n", count(len(rows), "row"), termtext.Visible(out))
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "csv", "csv or json")
	cmd.Flags().StringVar(&filter, "filter", "", "keep rows whose sku, name, category, brand or supplier contain every word")
	cmd.Flags().StringVar(&sortBy, "sort", "", "sort by a column: COLUMN or COLUMN:desc")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output (- is standard output)")
	cmd.Flags().StringVar(&asOf, "as-of", "", "plan as of this day (YYYY-MM-DD)")
	cmd.Flags().Int64Var(&opt.poID, "id", 0, "the purchase order to write (po view)")
	cmd.Flags().StringVar(&by, "by", "category", "assortment breakdown: category, subcategory, brand or supplier")
	return cmd
}

// exportedView reads the named view: purchase orders straight from the
// store, a replay's from a replay, every other view from the planned
// catalogue.
func exportedView(ctx context.Context, path, name string, asOf model.Day, opt viewOptions) (planner.View, func(), error) {
	spec, ok := planner.LookupView(name)
	if !ok {
		return nil, nil, usageError{fmt.Errorf("no view %q (views: %s)", name, planner.ViewNames())}
	}
	switch spec.Source {
	case planner.FromReplay:
		return exportedReplay(ctx, path, name, asOf)
	case planner.FromPlan:
		p, err := openAndPlan(ctx, path, planRequest{asOf: asOf})
		if err != nil {
			return nil, nil, err
		}
		return spec.Plan(p.snap, planner.ViewOptions{By: opt.by}), func() { p.st.Close() }, nil
	}
	st, err := openReadable(path)
	if err != nil {
		return nil, nil, err
	}
	if name == "pos" {
		orders, err := st.PurchaseOrders(ctx, model.POFilter{})
		if err != nil {
			st.Close()
			return nil, nil, err
		}
		return planner.POListView{Orders: orders}, func() { st.Close() }, nil
	}
	po, err := st.PurchaseOrder(ctx, opt.poID)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return planner.POView{Order: po}, func() { st.Close() }, nil
}

// stdoutIsTerminal says whether the export's standard output is a
// terminal, where text cells are cleaned of control characters; tests
// replace it.
var stdoutIsTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && safefile.IsTerminal(f)
}

// catalogueFiles are the catalogue's file and the side files SQLite
// keeps beside it while it is open (WAL) or writing (rollback journal).
var catalogueFiles = []string{"", "-wal", "-shm", "-journal"}

// refuseOverCatalogue stops -o (or another output flag) from naming the catalogue itself or one of
// its SQLite side files, whether they exist now or not: the export would
// replace the PM's data with CSV, or SQLite would delete it as its own
// -wal when it closes the catalogue. Names are compared as the kernel
// resolves them (relative, through symlinks); hard links by identity.
func refuseOverCatalogue(flag, out, catalogue string) error {
	if out == "" || out == "-" {
		return nil
	}
	refused := fmt.Errorf("%s %s is the catalogue's own file (or one SQLite keeps beside it): give another file name", flag, out)
	target := resolvedPath(out)
	for _, c := range []string{catalogue, resolvedPath(catalogue)} {
		for _, suffix := range catalogueFiles {
			if target == resolvedPath(c+suffix) {
				return refused
			}
		}
	}
	o, err := os.Stat(out)
	if err != nil {
		return nil
	}
	for _, suffix := range catalogueFiles {
		if c, err := os.Stat(catalogue + suffix); err == nil && os.SameFile(o, c) {
			return refused
		}
	}
	return nil
}
