package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"stockroom/store"
	"stockroom/store/importer"
)

func importCommand(db *string) *cobra.Command {
	var mapping, dateFormat string
	var dryRun, skipUnknown bool
	var kinds strings.Builder
	for _, k := range importer.Kinds() {
		kinds.WriteString("\n" + k.Describe())
	}
	cmd := &cobra.Command{
		Use:   "import KIND FILE",
		Short: "Read products, stock, sales, orders, suppliers, purchase orders or policies from a CSV file",
		Long: "Imports a CSV file into the catalogue, creating the catalogue if it does not exist.\n" +
			"Shopify (products, inventory, orders), WooCommerce products and Stockroom's own exports\n" +
			"are recognised by their headers; for any other file name the columns with --map.\n" +
			"Delimiter (comma, semicolon, tab), BOM, line ends and decimal commas (with semicolons)\n" +
			"are detected. A file imports completely in one transaction or not at all: bad rows are\n" +
			"listed as FILE:LINE: column \"X\": reason and nothing is written.\n" +
			"\nKinds and their fields:\n" + kinds.String(),
		Example: "  stockroom import products products_export.csv\n" +
			"  stockroom import stock inventory_export.csv\n" +
			"  stockroom import orders orders_export.csv --dry-run\n" +
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
			path := catalogPath(*db)
			_, statErr := os.Stat(path)
			created := os.IsNotExist(statErr) && !dryRun
			st, err := openForImport(path, dryRun)
			if err != nil {
				return err
			}
			res, err := importer.Run(cmd.Context(), st, importer.Options{Kind: args[0], File: args[1], Map: m,
				DateFormat: dateFormat, DryRun: dryRun, SkipUnknown: skipUnknown, Today: today()})
			st.Close()
			if err != nil {
				if created { // a refused first import leaves no empty catalogue behind
					for _, suffix := range []string{"", "-wal", "-shm"} {
						os.Remove(path + suffix)
					}
				}
				return err
			}
			if created {
				fmt.Fprintf(os.Stderr, "Created a new catalogue at %s\n", path)
			}
			fmt.Fprintln(cmd.OutOrStdout(), res)
			return nil
		},
	}
	cmd.Flags().StringVar(&mapping, "map", "", `columns for fields: field="Header",field=Header,…`)
	cmd.Flags().StringVar(&dateFormat, "date-format", "", "how dates are written when not ISO: DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY, …")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "report what would change (new, updated, unchanged) and write nothing")
	cmd.Flags().BoolVar(&skipUnknown, "skip-unknown", false, "leave out rows whose SKU is not in the catalogue instead of refusing the file")
	return cmd
}

// openForImport opens the catalogue, creating it unless this is a dry run
// (which must write nothing, not even an empty catalogue).
func openForImport(path string, dryRun bool) (*store.Store, error) {
	if dryRun {
		return store.OpenExisting(path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	return store.Open(path)
}
