package importer

import (
	"strings"

	"stockroom/model"
	"stockroom/store"
)

var suppliersKind = &Kind{
	Name: "suppliers",
	Help: "one row per supplier, matched by name (case does not matter); fields the file lacks keep their values",
	Fields: []Field{
		field("name", true, "supplier name", "Supplier", "Supplier name", "Vendor"),
		field("email", false, "where purchase orders go", "E-mail", "Email address"),
		field("lead_time_days", false, "days from order to delivery", "Lead time", "Lead time (days)"),
		field("lead_time_sd_days", false, "spread of the lead time in days", "Lead time sd", "Lead time sd (days)"),
		field("order_cost", false, "fixed cost of placing an order", "Cost per order"),
		field("min_order_value", false, "minimum order value", "Minimum order value", "MOV"),
		field("currency", false, "ISO currency code"),
	},
}

func init() { suppliersKind.run = runSuppliers }

func runSuppliers(j *job) error {
	c, err := j.catalogue()
	if err != nil {
		return err
	}
	existing := map[string]model.Supplier{}
	for _, sp := range c.Suppliers {
		existing[strings.ToLower(sp.Name)] = sp
	}
	seen := map[string]int{}
	var added, changed []model.Supplier
	j.res.Unit = "suppliers"
	err = j.rows(func(rec []string, line int) {
		name, ok := j.required(rec, line, "name")
		if !ok {
			return
		}
		key := strings.ToLower(name)
		if at, dup := seen[key]; dup {
			j.bad(line, "name", "supplier %q appears again (first on line %d)", name, at)
			return
		}
		seen[key] = line
		old, known := existing[key]
		sp := old
		if !known {
			sp = model.Supplier{LeadTimeDays: model.DefaultLeadTimeDays, Currency: "EUR"}
		}
		sp.Name = name
		if v := j.cell(rec, "email"); v != "" {
			sp.Email = v
		}
		for _, f := range []struct {
			name string
			dst  *float64
		}{{"lead_time_days", &sp.LeadTimeDays}, {"lead_time_sd_days", &sp.LeadTimeSDDays}} {
			if v, ok := j.days(rec, line, f.name, maxLeadTimeDays); ok {
				*f.dst = v
			}
		}
		for _, f := range []struct {
			name string
			dst  *float64
		}{{"order_cost", &sp.OrderCost}, {"min_order_value", &sp.MinOrderValue}} {
			if v, ok := j.number(rec, line, f.name); ok {
				*f.dst = j.nonNegative(line, f.name, v)
			}
		}
		if v := j.cell(rec, "currency"); v != "" {
			if len(v) != 3 {
				j.bad(line, "currency", "%q is not a three-letter currency code", v)
			}
			sp.Currency = strings.ToUpper(v)
		}
		for _, f := range []struct{ stored, read *float64 }{{&old.LeadTimeDays, &sp.LeadTimeDays},
			{&old.LeadTimeSDDays, &sp.LeadTimeSDDays}, {&old.OrderCost, &sp.OrderCost}, {&old.MinOrderValue, &sp.MinOrderValue}} {
			if known {
				*f.read = j.keepRounded(*f.stored, *f.read)
			}
		}
		switch {
		case !known:
			added = append(added, sp)
			j.res.New++
		case sp != old:
			changed = append(changed, sp)
			j.res.Updated++
		default:
			j.res.Unchanged++
		}
	})
	if err != nil {
		return err
	}
	return j.finish(func(b *store.Bulk) error {
		for _, sp := range added {
			if err := b.AddSupplier(&sp); err != nil {
				return err
			}
		}
		for _, sp := range changed {
			if err := b.UpdateSupplier(sp); err != nil {
				return err
			}
		}
		return nil
	})
}
