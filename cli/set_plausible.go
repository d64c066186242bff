package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// implausibleSet judges the reorder point and order quantity a `set`
// would write, as the dashboard does before it asks y
// (model.CheckPlausible: more than 10× the suggestion or a year of
// forecast demand). It returns one line saying what is implausible, ""
// when nothing is. It plans the catalogue only when there is something to
// judge, and forecasts the SKU first if its cached forecast is out of date.
func implausibleSet(ctx context.Context, st *store.Store, id int64, changes []model.PolicyChange) (string, error) {
	var judged []model.PolicyChange
	floor := 0 // a case pack or MOQ given in the same call forces that much
	for _, c := range changes {
		n, _ := strconv.Atoi(c.Value)
		switch c.Field {
		case model.FieldReorderPoint, model.FieldOrderQty:
			if n > 0 {
				judged = append(judged, c)
			}
		case model.FieldCasePack, model.FieldMOQ:
			floor = max(floor, n)
		}
	}
	if len(judged) == 0 {
		return "", nil
	}
	snap, err := planner.Open(ctx, st, planner.Options{})
	if err != nil {
		return "", err
	}
	ri := snap.RowOf(id)
	if ri < 0 {
		return "", nil
	}
	if !snap.Current(snap.Rows[ri]) {
		one := *snap
		one.Stale = []int{ri}
		f, err := one.ForecastStale(ctx, st, nil)
		if err != nil {
			return "", err
		}
		snap = snap.WithForecasts(f)
	}
	r := snap.Rows[ri]
	p := r.Item.Product
	currency := ""
	if sp, ok := snap.Supplier(p.SupplierID); ok && sp.Currency != "" {
		currency = " " + sp.Currency
	}
	var problems []string
	for _, c := range judged {
		n, _ := strconv.Atoi(c.Value)
		in := model.PlausibilityInput{Value: n, WeeklyDemand: r.Forecast.Level()}
		if c.Field == model.FieldReorderPoint {
			in.Suggestion = r.Plan.AutoReorderPoint
		} else {
			in.Suggestion = model.PlannedQty(r.Plan, p.CasePack, p.MOQ, r.Item.Policy.Rounding)
			in.Floor = max(p.CasePack, p.MOQ, floor)
		}
		if imp, ok := model.CheckPlausible(in); !ok {
			problems = append(problems, fmt.Sprintf("%s %s units (%s%s at cost) is %s", c.Field,
				model.GroupThousands(int64(n)), model.CompactAmount(float64(n)*p.UnitCost), currency, imp))
		}
	}
	return strings.Join(problems, "; "), nil
}
