package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"stockroom/store"
)

func setCommand(db *string) *cobra.Command {
	return &cobra.Command{
		Use:   "set SKU field=value ...",
		Short: "Change a SKU's planning settings",
		Long: "Changes a SKU's settings in one transaction, recorded in the audit log.\n\n" +
			"Fields:\n  reorder_point=N     a manual reorder point (whole number ≥ 0)\n" +
			"  reorder_point=auto  back to the automatic reorder point",
		Example: "  stockroom set FW-000123 reorder_point=40\n  stockroom set FW-000123 reorder_point=auto",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageError{fmt.Errorf("set takes a SKU and at least one field=value")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			sku := args[0]
			change := store.ReorderPointChange{SKU: sku}
			seen := false
			for _, a := range args[1:] {
				field, value, ok := strings.Cut(a, "=")
				if !ok {
					return usageError{fmt.Errorf("%q: want field=value", a)}
				}
				switch field {
				case "reorder_point":
					if value == "auto" || value == "a" {
						change.Manual = false
					} else {
						n, err := strconv.Atoi(value)
						if err != nil || n < 0 {
							return fmt.Errorf("reorder_point=%s: want a whole number ≥ 0 or auto", value)
						}
						change.Manual, change.Value = true, n
					}
					seen = true
				default:
					return usageError{fmt.Errorf("unknown field %q (fields: reorder_point)", field)}
				}
			}
			if !seen {
				return usageError{fmt.Errorf("nothing to set")}
			}
			st, err := store.OpenExisting(catalogPath(*db))
			if err != nil {
				return err
			}
			defer st.Close()
			id, err := st.ProductBySKU(cmd.Context(), sku)
			if err != nil {
				return err
			}
			change.ProductID = id
			prev, err := st.SetReorderPoints(cmd.Context(), []store.ReorderPointChange{change})
			if err != nil {
				return err
			}
			fmt.Printf("%s: reorder_point %s → %s\n", sku, prev[0], change)
			return nil
		},
	}
}
