package ui

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// The Reorder pane's working for a sporadic SKU shows the quantile q its
// reorder point and safety stock come from, and the safety stock as
// max(q − μ·(L + R), 0): never negative, and with the numbers that make it.
func TestSporadicWorkingShowsTheQuantile(t *testing.T) {
	// the demo catalogue: the fixture orders no sporadic SKU
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := copyFile(randomCatalogue(t), path); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	m := New(Options{Backend: planner.Backend{Store: st}, Source: path, ExportDir: t.TempDir(),
		Now: func() time.Time { return time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC) }})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	run(t, m, loadCmd(m.opt.Backend))
	press(t, m, "3")
	p := m.reorder
	pos := -1
	for k, r := range p.table.index {
		if r >= 0 && p.rv.Row(r).Forecast.Class.Sporadic() && !p.rv.Row(r).Plan.ReorderPointManual {
			pos = k
			break
		}
	}
	if pos < 0 {
		t.Fatal("the fixture should have an intermittent or lumpy SKU to order")
	}
	p.table.moveTo(pos)
	r := p.currentRow()
	P := model.RiskPeriod(r.LeadTimeWeeks, r.ReviewWeeks)
	q := model.LeadTimeDemandQuantile(&r.Forecast, P, r.ServiceLevel)
	if want := math.Max(q-r.Forecast.Level()*P, 0); math.Abs(r.Plan.SafetyStock-want) > 1e-9 {
		t.Fatalf("%s: SS %v, want max(q %v − μ·(L + R), 0) = %v", r.Item.Product.SKU, r.Plan.SafetyStock, q, want)
	}
	working := strings.Join(m.detail.orderFacts(m.detailInput(), 200), "\n")
	for _, want := range []string{
		fmt.Sprintf("%s = ⌈q⌉, q %s the %s%% quantile of demand over L + R", model.GroupThousands(int64(r.Plan.AutoReorderPoint)), formatQty(q), trimFloat(100*r.ServiceLevel)),
		fmt.Sprintf("SS %s = max(q − μ·(L + R), 0)", formatQty(r.Plan.SafetyStock)),
	} {
		if !strings.Contains(working, want) {
			t.Errorf("the working lacks %q:\n%s", want, working)
		}
	}
}
