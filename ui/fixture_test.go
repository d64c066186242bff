package ui

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

var fixtureEnd = model.MustDay("2026-11-22") // a Sunday

// fixtureStore writes a small deterministic catalogue: 24 SKUs in three
// categories with steady, growing and dead sales, one name with terminal
// escapes and one that a spreadsheet would run as a formula.
func fixtureStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	b, err := st.BeginBulk(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sup := []*model.Supplier{
		{Name: "Acme Tools", LeadTimeDays: 14, LeadTimeSDDays: 2, OrderCost: 40, Currency: "EUR"},
		{Name: "Verde Garden", LeadTimeDays: 21, LeadTimeSDDays: 5, OrderCost: 60, Currency: "EUR"},
	}
	for _, s := range sup {
		check(b.AddSupplier(s))
	}
	locs := []*model.Location{{Name: "Main warehouse"}, {Name: "Store Leipzig"}}
	for _, l := range locs {
		check(b.AddLocation(l))
	}
	cats := []string{"Tools", "Garden", "Kitchen"}
	for i := range 24 {
		p := &model.Product{
			SKU:         fmt.Sprintf("SKU-%03d", i+1),
			Name:        fmt.Sprintf("Product %c%c", 'A'+i%26, 'a'+(i*7)%26),
			Category:    cats[i%3],
			Subcategory: "Sub " + cats[i%3][:2],
			Brand:       "Brand" + string(rune('X'+i%3)),
			SupplierID:  sup[i%2].ID,
			UnitCost:    float64(2 + i%5),
			Price:       float64(5 + i%7),
			CasePack:    1,
			Status:      model.Active,
			LaunchedOn:  model.NoDay,
		}
		switch i {
		case 4:
			p.Name = "Evil \x1b[31mred\x1b[0m\x07 name"
		case 5:
			p.Name = "=HYPERLINK(\"http://x\",\"click\")"
		}
		check(b.AddProduct(p))
		rate := float64(1 + i%6) // units per day
		var days []model.DailySale
		for d := fixtureEnd - 364; d <= fixtureEnd; d++ {
			if i%8 == 7 && d > fixtureEnd-120 {
				break // dead: no sale for 120 days
			}
			u := int(math.Round(rate * (1 + 0.3*math.Sin(float64(d)/3))))
			if i%6 == 2 {
				u += int(d-(fixtureEnd-364)) / 60 // growing
			}
			if u > 0 {
				days = append(days, model.DailySale{Day: d, Units: u, Revenue: float64(u) * p.Price, InStock: math.NaN()})
			}
		}
		check(b.SetSales(p.ID, days))
		onHand := []int{0, 30, 400, 3000, 50, 15}[i%6]
		check(b.SetStock(p.ID, locs[0].ID, onHand, min(onHand, 3)))
		check(b.SetStock(p.ID, locs[1].ID, onHand/10, 0))
		if i%5 == 1 {
			_, err := b.AddPurchaseOrder(store.PurchaseOrderInput{SupplierID: p.SupplierID, Status: model.POSent,
				Created: fixtureEnd - 10, Sent: fixtureEnd - 9, Expected: fixtureEnd + 5, Received: model.NoDay,
				Lines: []model.OrderLine{{ProductID: p.ID, Qty: 24, UnitCost: p.UnitCost}}})
			check(err)
		}
		if i == 9 {
			check(b.SetPolicy(p.ID, model.Policy{ReorderPoint: 77, Manual: true}))
		}
	}
	check(b.Commit())
	return st
}

// newTestModel loads the fixture synchronously, sizes the screen and shows
// the stock pane, where most tests work.
func newTestModel(t testing.TB, w, h int) (*Model, *store.Store) {
	t.Helper()
	m, st := openTestModel(t, w, h)
	press(t, m, "2")
	return m, st
}

// openTestModel loads the fixture synchronously and sizes the screen: the
// dashboard as it opens, on the overview.
func openTestModel(t testing.TB, w, h int) (*Model, *store.Store) {
	t.Helper()
	st := fixtureStore(t)
	m := New(Options{
		Backend:   planner.Backend{Store: st},
		Source:    "fixture.db",
		ExportDir: t.TempDir(),
		Now:       func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) },
	})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(t, m, loadCmd(m.opt.Backend))
	return m, st
}

// run executes a command and feeds its messages back until none are left,
// the way the Bubble Tea runtime would, minus the timers.
func run(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	runQuits(t, m, cmd)
}

// runQuits is run, saying whether any of the messages quit the dashboard.
func runQuits(t testing.TB, m *Model, cmd tea.Cmd) bool {
	t.Helper()
	queue := []tea.Cmd{cmd}
	quit := false
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			quit = true
		case nil:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	return quit
}

// quits says a command quits the dashboard, itself or in a batch.
func quits(c tea.Cmd) bool {
	if c == nil {
		return false
	}
	switch msg := c().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(c) {
				return true
			}
		}
	}
	return false
}

// press sends keys one by one, running what each returns.
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		run(t, m, cmd)
	}
}

// typeText sends each rune as a key press.
func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		press(t, m, string(r))
	}
}

// enterValue opens an editor with key (e, or enter in the settings view),
// types text over what it holds and presses enter.
func enterValue(t testing.TB, m *Model, key, text string) {
	t.Helper()
	press(t, m, key)
	typeText(t, m, text)
	press(t, m, "enter")
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "delete":
		return tea.KeyPressMsg{Code: tea.KeyDelete}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	if r >= 'A' && r <= 'Z' {
		return tea.KeyPressMsg{Code: r + 32, ShiftedCode: r, Text: k, Mod: tea.ModShift}
	}
	return tea.KeyPressMsg{Code: r, Text: k}
}
