package store

import (
	"math"
	"testing"
	"time"

	"stockroom/model"
)

// close reports whether got is want to 4 decimals, NaN matching NaN.
func closeOrNaN(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) < 5e-5
}

func statsEqual(got, want model.LeadTimeStats) bool {
	return got.Receipts == want.Receipts && closeOrNaN(got.MeanDays, want.MeanDays) &&
		closeOrNaN(got.SDDays, want.SDDays) && closeOrNaN(got.OnTime, want.OnTime)
}

func TestLeadTimeStats(t *testing.T) {
	nan := math.NaN()
	day := model.MustDay("2026-01-05")
	// sample sent on day, received r days later, expected e days later (e < 0: no expected day)
	sample := func(r, e int) leadTimeSample {
		s := leadTimeSample{Sent: day, Received: day + model.Day(r), Expected: model.NoDay}
		if e >= 0 {
			s.Expected = day + model.Day(e)
		}
		return s
	}
	for _, c := range []struct {
		name    string
		samples []leadTimeSample
		want    model.LeadTimeStats
	}{
		{"none", nil, model.LeadTimeStats{Receipts: 0, MeanDays: nan, SDDays: nan, OnTime: nan}},
		// one receipt: a mean but no spread; on the expected day counts as on time
		{"one", []leadTimeSample{sample(10, 10)}, model.LeadTimeStats{Receipts: 1, MeanDays: 10, SDDays: nan, OnTime: 1}},
		// 10, 12, 14: mean 12; sd √((4 + 0 + 4) / 2) = 2; the 14 was expected by 10, so 2 of 3 on time
		{"three", []leadTimeSample{sample(10, 14), sample(12, 14), sample(14, 10)},
			model.LeadTimeStats{Receipts: 3, MeanDays: 12, SDDays: 2, OnTime: 2.0 / 3}},
		// 7, 9 without expected days: mean 8, sd √((1 + 1) / 1) = 1.4142, on time unknown
		{"no expected", []leadTimeSample{sample(7, -1), sample(9, -1)},
			model.LeadTimeStats{Receipts: 2, MeanDays: 8, SDDays: math.Sqrt2, OnTime: nan}},
		// 3, 5, 7, 9, 11: mean 7, sd √(40 / 4) = 3.1623; on time among the two with an expected day: 0 of 2
		{"five", []leadTimeSample{sample(3, -1), sample(5, 4), sample(7, -1), sample(9, 8), sample(11, -1)},
			model.LeadTimeStats{Receipts: 5, MeanDays: 7, SDDays: math.Sqrt(10), OnTime: 0}},
		// received before sent, or a day missing: not a lead time
		{"bad rows skipped", []leadTimeSample{sample(10, 12), sample(-3, 12),
			{Sent: model.NoDay, Received: day, Expected: day}, {Sent: day, Received: model.NoDay, Expected: day}},
			model.LeadTimeStats{Receipts: 1, MeanDays: 10, SDDays: nan, OnTime: 1}},
	} {
		if got := leadTimeStats(c.samples); !statsEqual(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestSupplierActivity(t *testing.T) {
	s := openTemp(t)
	f := poFixture(t, s)
	asOf := model.MustDay("2026-06-30") // window (asOf − 364, asOf] starts 2025-07-02
	no := model.NoDay
	bulk, err := s.BeginBulk(ctx)
	must(t, err)
	dyn := &model.Supplier{Name: "Dyn", LeadTimeDays: 10}
	must(t, bulk.AddSupplier(dyn))
	must(t, bulk.AddSupplier(&model.Supplier{Name: "Quiet", LeadTimeDays: 10})) // no orders: absent
	add := func(sp int64, st model.POStatus, sent, expected, received model.Day, lines ...model.OrderLine) {
		t.Helper()
		created := sent
		if !created.Valid() {
			created = asOf - 1
		}
		_, err := bulk.AddPurchaseOrder(PurchaseOrderInput{SupplierID: sp, Status: st, Created: created, Sent: sent,
			Expected: expected, Received: received, Lines: lines})
		must(t, err)
	}
	line := func(p int64, qty int, cost float64, received int) model.OrderLine {
		return model.OrderLine{ProductID: p, Qty: qty, UnitCost: cost, ReceivedQty: received}
	}
	// Acme
	r1 := asOf - 100 // lead 10, expected 14: on time; spend 10·5 = 50
	add(f.acme, model.POReceived, r1, r1+14, r1+10, line(f.a, 10, 5, 10))
	r2 := asOf - 80 // lead 12, expected 14: on time; spend 20·2 = 40
	add(f.acme, model.POReceived, r2, r2+14, r2+12, line(f.b, 20, 2, 20))
	r3 := asOf - 60 // lead 14, expected 10: late; spend 4·5 = 20
	add(f.acme, model.POReceived, r3, r3+10, r3+14, line(f.a, 4, 5, 4))
	// sent: open 12·5 + 6·2.5 = 75; spend 20·5 + 6·2.5 = 115
	add(f.acme, model.POSent, asOf-5, asOf+9, no, line(f.a, 20, 5, 8), line(f.b, 6, 2.5, 0))
	// draft: open 3·5 = 15; not sent, no spend
	add(f.acme, model.PODraft, no, no, no, line(f.a, 3, 5, 0))
	// cancelled: neither open nor spend
	add(f.acme, model.POCancelled, asOf-30, asOf-16, no, line(f.a, 100, 5, 0))
	// sent but every unit in: not open; spend 5·5 = 25
	add(f.acme, model.POSent, asOf-2, asOf+12, no, line(f.a, 5, 5, 5))
	// Acme: open 2 orders worth 75 + 15 = 90; spend 50 + 40 + 20 + 115 + 25 = 250;
	// lead 10, 12, 14: mean 12, sd 2, on time 2 of 3

	// Bolt
	b1 := asOf - 364 // the day before the window: no spend; lead 7
	add(f.bolt, model.POReceived, b1, no, b1+7, line(f.c, 10, 3, 10))
	b2 := asOf - 363 // the window's first day: spend 1·3 = 3; lead 9
	add(f.bolt, model.POReceived, b2, no, b2+9, line(f.c, 1, 3, 1))
	// sent after asOf: no spend, but open: 2·3 = 6
	add(f.bolt, model.POSent, asOf+1, asOf+9, no, line(f.c, 2, 3, 0))
	// Bolt: open 1 worth 6; spend 3; lead 7, 9: mean 8, sd √2, on time unknown

	// Dyn: received without a sent day: no lead time, no spend
	add(dyn.ID, model.POReceived, no, no, asOf-3, line(f.c, 1, 3, 1))
	must(t, bulk.Commit())

	got, err := s.SupplierActivity(ctx, asOf)
	must(t, err)
	nan := math.NaN()
	want := map[int64]model.SupplierActivity{
		f.acme: {SupplierID: f.acme, OpenPOs: 2, OpenValue: 90, Spend52w: 250,
			LeadTime: model.LeadTimeStats{Receipts: 3, MeanDays: 12, SDDays: 2, OnTime: 2.0 / 3}},
		f.bolt: {SupplierID: f.bolt, OpenPOs: 1, OpenValue: 6, Spend52w: 3,
			LeadTime: model.LeadTimeStats{Receipts: 2, MeanDays: 8, SDDays: math.Sqrt2, OnTime: nan}},
	}
	// Dyn's only order has no sent day and Quiet has none: no activity, no entry
	if len(got) != len(want) {
		t.Errorf("%d suppliers, want %d (Acme and Bolt): %+v", len(got), len(want), got)
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("supplier %d missing", id)
			continue
		}
		if g.SupplierID != w.SupplierID || g.OpenPOs != w.OpenPOs || !closeOrNaN(g.OpenValue, w.OpenValue) ||
			!closeOrNaN(g.Spend52w, w.Spend52w) || !statsEqual(g.LeadTime, w.LeadTime) {
			t.Errorf("supplier %d: %+v\nwant %+v", id, g, w)
		}
	}
	if !got[f.acme].LeadTime.Measured() || got[f.bolt].LeadTime.Measured() {
		t.Error("Acme's 3 receipts should be measured, Bolt's 2 not")
	}

	// no planning day (a catalogue without sales): the window ends today.
	// Today = asOf + 1 moves it one day: b2 (sent asOf − 363) leaves, the
	// order sent on asOf + 1 joins, so Bolt's spend is 2·3 = 6
	saved := now
	now = func() time.Time { return (asOf + 1).Time().Add(15 * time.Hour) }
	defer func() { now = saved }()
	got, err = s.SupplierActivity(ctx, model.NoDay)
	must(t, err)
	if g := got[f.bolt].Spend52w; g != 6 {
		t.Errorf("Bolt's spend to today %v, want 6", g)
	}
}
