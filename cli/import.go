package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"stockroom/planner"
	"stockroom/safefile"
	"stockroom/store"
	"stockroom/store/importer"
)

func importCommand(db *string) *cobra.Command {
	var mapping, dateFormat string
	var dryRun, skipUnknown bool
	var maxQuantity int64
	var kinds strings.Builder
	for _, k := range importer.Kinds() {
		kinds.WriteString("\n" + k.Describe())
	}
	cmd := &cobra.Command{
		Use:   "import KIND FILE|-",
		Short: "Read products, stock, sales, orders, suppliers, purchase orders or policies from a CSV file",
		Long: "Imports a CSV file into the catalogue, creating the catalogue if it does not exist.\n" +
			"Shopify (products, inventory, orders), WooCommerce products and Stockroom's own stock,\n" +
			"reorder, risk and suppliers exports are recognised by their headers (an export imports\n" +
			"back unchanged); for any other file name the columns with --map, which also chooses\n" +
			"between two columns that could hold one field.\n" +
			"Delimiter (comma, semicolon, tab), BOM, line ends and decimal commas (with semicolons)\n" +
			"are detected. A file imports completely in one transaction or not at all: bad rows are\n" +
			"listed as FILE:LINE: column \"X\": reason and nothing is written. A line of more than\n" +
			"--max-quantity units, or a sale dated after tomorrow, is refused. --dry-run checks a\n" +
			"file and writes nothing, even before the catalogue exists, and fails where the import\n" +
			"would fail.\n" +
			"FILE - reads standard input (named stdin in messages).\n" +
			"An orders file with product columns (name, category, …), as BI and marketplace exports\n" +
			"have, also adds its SKUs to the catalogue and fills in product fields it leaves empty.\n" +
			"\nKinds and their fields:\n" + kinds.String(),
		Example: "  stockroom import products products_export.csv\n" +
			"  stockroom import stock inventory_export.csv\n" +
			"  stockroom import orders orders_export.csv --dry-run\n" +
			"  stockroom import orders order_lines.csv --map name=\"Product Name\",line_total=\"Line Total\"\n" +
			"  stockroom import sales daily.csv --map sku=\"Product ID\",date=\"Order Date\",units=Qty --date-format DD/MM/YYYY",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError{fmt.Errorf("import takes a kind (%s) and a file", strings.Join(importer.KindNames(), ", "))}
			}
			if _, err := importer.KindByName(args[0]); err != nil {
				return usageError{err}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := importer.ParseMap(mapping)
			if err != nil {
				return usageError{err}
			}
			if err := importer.CheckMaxQuantity(maxQuantity); err != nil {
				return usageError{err}
			}
			opt := importer.Options{Kind: args[0], File: args[1], Map: m, DateFormat: dateFormat, DryRun: dryRun, Exports: stockroomExports(),
				SkipUnknown: skipUnknown, MaxQuantity: maxQuantity, Today: today()}
			if args[1] == "-" {
				if stdinIsTerminal(cmd.InOrStdin()) {
					return usageError{fmt.Errorf("import %s -: standard input is a terminal; pipe a file in: stockroom import %s - < FILE", args[0], args[0])}
				}
				opt.File, opt.In = "stdin", cmd.InOrStdin()
			}
			path := catalogPath(*db)
			_, statErr := os.Stat(path)
			missing := os.IsNotExist(statErr)
			if missing && dryRun {
				return dryRunWithoutCatalogue(cmd, path, opt)
			}
			var made []string
			if missing {
				if made, err = ensureDataDir(path); err != nil {
					return err
				}
			}
			st, err := openForImport(path, dryRun)
			if err != nil {
				removeNew(path, made, missing)
				return err
			}
			readOnly := st.ReadOnly() // only a dry run opens a read-only catalogue
			res, err := importer.Run(cmd.Context(), st, opt)
			st.Close()
			if err != nil {
				removeNew(path, made, missing) // a refused first import leaves nothing behind
				return err
			}
			if missing {
				fmt.Fprintf(os.Stderr, "Created a new catalogue at %s\n", path)
			}
			if why := readOnly; why != "" {
				res.Notes = append(res.Notes, fmt.Sprintf("the catalogue is read-only (%s): the import itself would be refused", why))
			}
			fmt.Fprintln(cmd.OutOrStdout(), res)
			return nil
		},
	}
	cmd.Flags().StringVar(&mapping, "map", "", `columns for fields: field="Header",field=Header,…`)
	cmd.Flags().StringVar(&dateFormat, "date-format", "", "how dates are written when not ISO: DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY, …")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "report what would change (new, updated, unchanged) and write nothing")
	cmd.Flags().BoolVar(&skipUnknown, "skip-unknown", false, "leave out rows whose SKU is not in the catalogue instead of refusing the file")
	cmd.Flags().Int64Var(&maxQuantity, "max-quantity", importer.DefaultMaxQuantity, "the most units a line may carry; more is refused as a typing error")
	return cmd
}

// stdinIsTerminal says whether standard input is a terminal, which an
// import would wait on for a file nobody pipes in; tests replace it.
var stdinIsTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && safefile.IsTerminal(f)
}

// openForImport opens the catalogue, creating it unless this is a dry run.
func openForImport(path string, dryRun bool) (*store.Store, error) {
	if dryRun {
		return openReadable(path) // it writes nothing, so a read-only catalogue will do
	}
	return store.Open(path)
}

// dryRunWithoutCatalogue checks a file for a catalogue that does not exist
// yet: against an empty catalogue in a temporary directory, so that
// nothing appears at path, not even a directory. Where the import could
// not create the catalogue (a directory missing, other than Stockroom's
// own, or not writable), it fails as the import would.
func dryRunWithoutCatalogue(cmd *cobra.Command, path string, opt importer.Options) error {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); !(isDataDir(dir) && os.IsNotExist(err)) {
		if err := store.CheckCreate(path); err != nil {
			return err
		}
	}
	tmp, err := os.MkdirTemp("", "stockroom-dry-run-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	st, err := store.Open(filepath.Join(tmp, "catalogue.db"))
	if err != nil {
		return err
	}
	res, err := importer.Run(cmd.Context(), st, opt)
	st.Close()
	if err != nil {
		return err
	}
	res.Notes = append(res.Notes, fmt.Sprintf("no catalogue at %s yet: checked against an empty one, which a real import creates", path))
	fmt.Fprintln(cmd.OutOrStdout(), res)
	return nil
}

// removeNew removes a catalogue this import created, with its SQLite
// side files and the directories made for it.
func removeNew(path string, made []string, created bool) {
	if !created {
		return
	}
	for _, suffix := range catalogueFiles {
		os.Remove(path + suffix)
	}
	for _, d := range made {
		os.Remove(d) // only if empty: never anything else's
	}
}

// stockroomExports are the headers `stockroom export` writes, so that an
// export imports back through its formula guard.
func stockroomExports() []importer.Export {
	var out []importer.Export
	for _, v := range planner.EmptyViews() {
		x := importer.Export{View: v.Name()}
		for _, c := range v.Columns() {
			x.Columns = append(x.Columns, importer.ExportColumn{Name: c.Name, Text: c.IsText()})
		}
		out = append(out, x)
	}
	return out
}
