package importer

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"stockroom/model"
	"stockroom/store"
)

var policiesKind = &Kind{
	Name: "policies",
	Help: "replenishment settings per SKU in bulk; an empty cell keeps the current value",
	Fields: []Field{
		field("sku", true, "stock keeping unit", "Variant SKU"),
		field("reorder_point", false, "manual reorder point, or auto for the automatic one", "Reorder point", "ROP"),
		field("reorder_point_manual", false, "false makes the reorder point automatic (as Stockroom exports it)"),
		field("lead_time_days", false, "lead-time override in days, or supplier for the supplier's", "Lead time", "Lead time (days)"),
		field("case_pack", false, "units per case", "Case pack", "Pack size"),
		field("moq", false, "minimum order quantity", "Minimum order quantity"),
		field("service_level", false, "target service level, 0–1 or a percentage", "Service level"),
		field("review_days", false, "days between reviews", "Review period"),
		field("rounding", false, "up, nearest or down to the case pack"),
	},
}

func init() { policiesKind.run = runPolicies }

type policyRow struct {
	p       *model.Product
	policy  model.Policy
	product model.Product
}

func runPolicies(j *job) error {
	c, err := j.catalogue()
	if err != nil {
		return err
	}
	bySKU := map[string]*model.Item{}
	for i := range c.Items {
		bySKU[c.Items[i].Product.SKU] = &c.Items[i]
	}
	seen := map[string]int{}
	unknown := &unknownSKUs{j: j}
	var writes []policyRow
	j.res.Unit = "SKUs"
	err = j.rows(func(rec []string, line int) {
		sku, ok := j.required(rec, line, "sku")
		if !ok {
			return
		}
		it := bySKU[sku]
		if it == nil {
			unknown.add(line, sku)
			return
		}
		if at, dup := seen[sku]; dup {
			j.bad(line, "sku", "SKU %q appears again (first on line %d)", sku, at)
			return
		}
		seen[sku] = line
		pol, prod := it.Policy, it.Product
		j.readPolicy(rec, line, &pol, &prod)
		if pol == it.Policy && prod == it.Product {
			j.res.Unchanged++
			return
		}
		j.res.Updated++
		writes = append(writes, policyRow{p: &it.Product, policy: pol, product: prod})
	})
	if err != nil {
		return err
	}
	unknown.note()
	return j.finish(func(b *store.Bulk) error {
		for _, w := range writes {
			if err := b.SetPolicy(w.p.ID, w.policy); err != nil {
				return err
			}
			if w.product != *w.p {
				if err := b.UpdateProduct(w.product); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// readPolicy applies a row's non-empty cells to a SKU's policy and its
// product's case pack and MOQ.
func (j *job) readPolicy(rec []string, line int, pol *model.Policy, prod *model.Product) {
	switch s := strings.ToLower(j.cell(rec, "reorder_point")); s {
	case "":
	case "auto", "automatic":
		pol.Manual, pol.ReorderPoint = false, 0
	default:
		if v, ok := j.count(rec, line, "reorder_point"); ok {
			pol.Manual, pol.ReorderPoint = true, v
		}
	}
	if s := j.cell(rec, "reorder_point_manual"); s != "" {
		manual, err := strconv.ParseBool(strings.ToLower(s))
		if err != nil {
			j.bad(line, "reorder_point_manual", "%q is not true or false", s)
		} else if !manual {
			pol.Manual, pol.ReorderPoint = false, 0
		}
	}
	switch s := strings.ToLower(j.cell(rec, "lead_time_days")); s {
	case "":
	case "supplier", "default":
		pol.LeadTimeDays = 0
	default:
		if v, ok := j.days(rec, line, "lead_time_days", maxLeadTimeDays); ok {
			pol.LeadTimeDays = v
		}
	}
	if v, ok := j.count(rec, line, "case_pack"); ok {
		if v < 1 {
			j.bad(line, "case_pack", "a case holds at least 1 unit")
		}
		prod.CasePack = v
	}
	if v, ok := j.count(rec, line, "moq"); ok {
		prod.MOQ = v
	}
	if s := j.cell(rec, "service_level"); s != "" {
		v, err := ParseNumber(strings.TrimSuffix(s, "%"), j.r.DecimalComma())
		if err == nil && (strings.HasSuffix(s, "%") || v > 1) {
			v /= 100
		}
		// below 50 % z would be negative (less stock than the mean demand),
		// and the dashboard and stockroom set refuse it too
		if err != nil || v < 0.5 || v >= 1 {
			j.bad(line, "service_level", "%q is not a service level from 50 %% to under 100 %%", s)
		} else {
			pol.ServiceLevel = j.serviceLevelInUse(rec, pol.ServiceLevel, v)
		}
	}
	if v, ok := j.count(rec, line, "review_days"); ok {
		if v < 1 || v > maxReviewDays {
			j.bad(line, "review_days", "the review period is from 1 to %d days", maxReviewDays)
		}
		pol.ReviewDays = v
	}
	if s := strings.ToLower(j.cell(rec, "rounding")); s != "" {
		switch r := model.Rounding(s); r {
		case model.RoundUp, model.RoundNearest, model.RoundDown:
			if r != model.RoundUp || pol.Rounding != "" { // no rounding set is rounding up
				pol.Rounding = r
			}
		default:
			j.bad(line, "rounding", "%q is not up, nearest or down", s)
		}
	}
}

// serviceLevelInUse is the SKU's service level to keep for read: the
// stored one, or none (the ABC class's default), when the file is a
// Stockroom export whose cell shows that level as the export rounds it.
// The reorder export shows the level in use, not the SKU's own.
func (j *job) serviceLevelInUse(rec []string, stored, read float64) float64 {
	if j.export == nil {
		return read
	}
	shows := func(level float64) bool { return math.Abs(100*level-100*read) <= exportRounding }
	if stored > 0 && shows(stored) {
		return stored
	}
	if i := j.export.column("abc"); stored == 0 && i >= 0 && j.cat != nil {
		class := slices.Index([]string{"A", "B", "C"}, strings.TrimSpace(rec[i]))
		if class >= 0 && shows(j.cat.Settings.ServiceLevelFor(model.ABC(class))) {
			return 0
		}
	}
	return read
}
