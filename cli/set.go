package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
	"stockroom/termtext"
)

func setFieldNames() string {
	var names []string
	for _, f := range model.PolicyFields() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// setLongHelp is written from model's table of fields, where each one's
// parser and range are declared, so the help cannot drift from them.
func setLongHelp() string {
	var b strings.Builder
	b.WriteString("Changes a SKU's planning settings in one go, recorded in the audit log.\n" +
		"Every value is checked before anything is written, by the same parser and\n" +
		"ranges as the dashboard's editors. Numbers may use thousands separators in\n" +
		"groups of three (1,200) and a decimal point (10.5); 4,0 or 1,2,3 are refused.\n" +
		"auto (or default) restores the default.\n\n" +
		"A reorder point or order quantity more than 10× the planner's suggestion, or\n" +
		"more than a year of forecast demand, is refused as implausible (the dashboard\n" +
		"asks y instead); --force saves it anyway.\n\n" +
		"Fields:          range                  meaning\n")
	for _, f := range model.PolicyFields() {
		about, rng := model.PolicyFieldHelp(f)
		fmt.Fprintf(&b, "  %-15s %-22s %s\n", f, rng, about)
	}
	return strings.TrimRight(b.String(), "\n")
}

func setCommand(db *string) *cobra.Command {
	var settings []string
	var force bool
	cmd := &cobra.Command{
		Use:   "set SKU field=value ... | set --setting name=value ...",
		Short: "Change a SKU's planning settings",
		Long:  setLongHelp(),
		Example: "  stockroom set FW-000123 reorder_point=40\n" +
			"  stockroom set FW-000123 reorder_point=auto\n" +
			"  stockroom set FW-000123 lead_time_days=3w service_level=97.5% case_pack=12 moq=48\n" +
			"  stockroom set FW-000123 order_qty=1,200 rounding=nearest\n" +
			"  stockroom set FW-000123 lead_time_days=auto order_qty=auto\n" +
			"  stockroom set --setting service_level_a=99% --setting review_days=14\n" +
			"  stockroom set --setting review_days=auto",
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(settings) > 0 && len(args) > 0:
				return usageError{fmt.Errorf("set takes either a SKU with field=value or --setting, not both")}
			case len(settings) == 0 && len(args) < 2:
				return usageError{fmt.Errorf("set takes a SKU and at least one field=value, or --setting name=value")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(settings) > 0 {
				return setSettings(cmd, *db, settings)
			}
			sku := args[0]
			// Read and check every argument before opening the catalogue,
			// so that a bad value writes nothing.
			var changes []model.PolicyChange
			var order []string // fields in argument order, for the report
			seen := map[string]bool{}
			for _, a := range args[1:] {
				field, value, ok := strings.Cut(a, "=")
				if !ok {
					return usageError{fmt.Errorf("%q: want field=value", a)}
				}
				if seen[field] {
					return usageError{fmt.Errorf("%s is given twice", field)}
				}
				seen[field] = true
				f := model.PolicyField(field)
				if about, _ := model.PolicyFieldHelp(f); about == "" {
					return usageError{fmt.Errorf("unknown field %q (fields: %s)", field, setFieldNames())}
				}
				canonical, err := model.ParsePolicyValue(f, value)
				if err != nil {
					return err
				}
				changes = append(changes, model.PolicyChange{SKU: sku, Field: f, Value: canonical})
				order = append(order, field)
			}
			st, err := store.OpenExisting(catalogPath(*db))
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
			id, err := st.ProductBySKU(ctx, sku)
			if err != nil {
				return err
			}
			before := map[string]string{}
			after := map[string]string{}
			for i := range changes {
				changes[i].ProductID = id
			}
			if !force {
				why, err := implausibleSet(ctx, st, id, changes)
				if err != nil {
					return err
				}
				if why != "" {
					return fmt.Errorf("%s: not saved: %s; add --force to save it", sku, why)
				}
			}
			// one transaction for every field, all or nothing, through the
			// dashboard's write path
			edit, err := planner.Backend{Store: st}.SetPolicies(ctx, nil, changes)
			if err != nil {
				return err
			}
			for i, c := range changes {
				before[string(c.Field)], after[string(c.Field)] = shown(edit.Previous[i].Value), shown(c.Value)
			}
			out := cmd.OutOrStdout()
			for _, f := range order {
				note := ""
				if before[f] == after[f] {
					note = " (unchanged)" // and no audit row
				}
				fmt.Fprintf(out, "%s: %s %s → %s%s\n", termtext.Visible(sku), f, before[f], after[f], note)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "save a reorder point or order quantity even when it is implausible (over 10× the suggestion or a year of demand)")
	cmd.Flags().StringArrayVar(&settings, "setting", nil, "change a catalogue-wide setting: name=value, or name=auto for its default (repeatable; names: "+strings.Join(store.SettingNames(), ", ")+")")
	return cmd
}

// setSettings changes catalogue-wide settings in one transaction.
func setSettings(cmd *cobra.Command, db string, pairs []string) error {
	values := map[string]string{}
	var order []string
	for _, p := range pairs {
		name, value, ok := strings.Cut(p, "=")
		if !ok {
			return usageError{fmt.Errorf("--setting %q: want name=value", p)}
		}
		if _, dup := values[name]; dup {
			return usageError{fmt.Errorf("setting %s is given twice", name)}
		}
		if !slices.Contains(store.SettingNames(), name) {
			return usageError{fmt.Errorf("unknown setting %q (settings: %s)", name, strings.Join(store.SettingNames(), ", "))}
		}
		values[name] = value
		order = append(order, name)
	}
	st, err := store.OpenExisting(catalogPath(db))
	if err != nil {
		return err
	}
	defer st.Close()
	before, after, err := planner.Backend{Store: st}.SetSettings(cmd.Context(), values, nil)
	if err != nil {
		return err
	}
	// as the dashboard shows them: 95%, 7 days, 1,000,000
	for _, name := range order {
		fmt.Fprintf(cmd.OutOrStdout(), "%s: %s → %s\n", name, model.ShowSetting(name, before[name]), model.ShowSetting(name, after[name]))
	}
	return nil
}

// shown prints a stored value as the user types it: the default as auto,
// a number with its thousands grouped.
func shown(v string) string {
	if v == "" {
		return "auto"
	}
	return groupedNumber(v)
}

// groupedNumber groups the thousands of a stored number for a report
// (10000000 is 10,000,000, 1234.5 is 1,234.5), as the one parser reads
// them back; other text is left as it is.
func groupedNumber(v string) string {
	whole, frac, hasFrac := strings.Cut(v, ".")
	digits := strings.TrimPrefix(whole, "-")
	if len(digits) <= 3 || strings.Trim(digits, "0123456789") != "" || hasFrac && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return v
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return v
	}
	if hasFrac {
		return model.GroupThousands(n) + "." + frac
	}
	return model.GroupThousands(n)
}
