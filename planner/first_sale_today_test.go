package planner

import (
	"context"
	"math"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// A part whose first and only sale falls on the as-of day (a Monday: its
// week is not over, so the forecast's whole weeks hold no sale) was
// forecast to sell nothing and planned with S = 0; it sold in the last 26
// weeks, so it is stocked: forecast from what its week sold so far, S at
// least that sale. Planned as of an earlier day of the same week, the
// days after it do not count, and a part first sold after it stays unsold.
func TestFirstSaleOnTheAsOfDay(t *testing.T) {
	ctx := context.Background()
	monday := model.MustDay("2026-11-16")
	// catalogue holds OLD, selling a unit a week for ten weeks, and NEW,
	// whose first sale is 3 units on Monday; with the rest of the week,
	// NEW sells 5 more on Wednesday and LATER its first 4 on Thursday
	catalogue := func(restOfWeek bool) *store.Store {
		st, b, sp, must := acmeStore(t)
		add := addSelling(b, sp, must)
		var old []model.DailySale
		for d := monday - 70; d < monday; d += 7 {
			old = append(old, model.DailySale{Day: d, Units: 1})
		}
		add("OLD", old...)
		if restOfWeek {
			add("NEW", model.DailySale{Day: monday, Units: 3}, model.DailySale{Day: monday + 2, Units: 5})
			add("LATER", model.DailySale{Day: monday + 3, Units: 4})
		} else {
			add("NEW", model.DailySale{Day: monday, Units: 3})
		}
		must(b.Commit())
		return st
	}

	today, err := Load(ctx, catalogue(false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if today.AsOf != monday {
		t.Fatalf("as of %s, want the last sales day %s", today.AsOf, monday)
	}
	past, err := Load(ctx, catalogue(true), Options{AsOf: monday + 1})
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*Snapshot{"as of the last day": today, "as of Tuesday, a past day": past} {
		row := rowBySKU(t, s, "NEW")
		// Monday's 3 units are the week so far; Wednesday's 5 come after
		if got := row.Forecast.Level(); math.Abs(got-3) > 1e-9 {
			t.Errorf("%s: NEW's weekly forecast %v (%s), want 3", name, got, row.Forecast.Method)
		}
		if row.Plan.OrderUpTo < 3 {
			t.Errorf("%s: NEW's S = %v, want at least its sale of 3", name, row.Plan.OrderUpTo)
		}
		if row.LastSale != monday {
			t.Errorf("%s: NEW's last sale %s, want %s", name, row.LastSale, monday)
		}
		if row := rowBySKU(t, s, "OLD"); math.Abs(row.Forecast.Level()-1) > 1e-9 {
			t.Errorf("%s: OLD's weekly forecast %v, want 1 (whole weeks only)", name, row.Forecast.Level())
		}
	}
	if row := rowBySKU(t, past, "LATER"); row.Forecast.Level() != 0 || row.Plan.OrderUpTo != 0 {
		t.Errorf("LATER as of Tuesday: forecast %v, S %v, want 0 (its first sale is on Thursday)", row.Forecast.Level(), row.Plan.OrderUpTo)
	}
}

func rowBySKU(t *testing.T, s *Snapshot, sku string) *Row {
	t.Helper()
	for _, r := range s.Rows {
		if r.Item.Product.SKU == sku {
			return r
		}
	}
	t.Fatalf("no row %s", sku)
	return nil
}

// A part that sold for months, went quiet for more than half a year and
// sells again on the as-of day (a Monday) is selling: its whole weeks of
// the last half year hold no sale, so it was forecast to sell nothing and
// planned with S = 0. The week in progress counts for it as for a first
// sale; a part whose last half year already holds a sale reads whole weeks.
func TestSellingAgainOnTheAsOfDay(t *testing.T) {
	ctx := context.Background()
	monday := model.MustDay("2026-11-16")
	st, b, sp, must := acmeStore(t)
	add := addSelling(b, sp, must)
	var back, steady []model.DailySale
	for d := monday - 7*60; d < monday-7*35; d += 7 { // 25 weeks of a unit, then 35 quiet
		back = append(back, model.DailySale{Day: d, Units: 1})
	}
	back = append(back, model.DailySale{Day: monday, Units: 2})
	for d := monday - 7*20; d < monday; d += 14 { // a unit every other week
		steady = append(steady, model.DailySale{Day: d, Units: 1})
	}
	add("BACK", back...)
	add("STEADY", steady...)
	must(b.Commit())
	s, err := Load(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	row := rowBySKU(t, s, "BACK")
	if row.Forecast.Level() <= 0 || row.Plan.OrderUpTo < 1 {
		t.Errorf("BACK, selling again today: forecast %v (%s), S %v; want a forecast above 0 and S of a unit at least",
			row.Forecast.Level(), row.Forecast.Method, row.Plan.OrderUpTo)
	}
	if row.LastSale != monday {
		t.Errorf("BACK's last sale %s, want %s", row.LastSale, monday)
	}
	if row := rowBySKU(t, s, "STEADY"); math.Abs(row.Forecast.Level()-0.5) > 0.25 {
		t.Errorf("STEADY's weekly forecast %v, want about 0.5 (whole weeks only)", row.Forecast.Level())
	}
}

// addSelling returns a function that adds a product of Acme's selling
// at 20 (cost 10) with the given days' units.
func addSelling(b *store.Bulk, sp *model.Supplier, must func(error)) func(sku string, days ...model.DailySale) {
	return func(sku string, days ...model.DailySale) {
		p := &model.Product{SKU: sku, SupplierID: sp.ID, UnitCost: 10, Price: 20, LaunchedOn: model.NoDay}
		must(b.AddProduct(p))
		for i := range days {
			days[i].Revenue, days[i].InStock = 20*float64(days[i].Units), math.NaN()
		}
		must(b.SetSales(p.ID, days))
	}
}
