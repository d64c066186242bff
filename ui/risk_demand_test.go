package ui

import (
	"strings"
	"testing"

	"stockroom/model"

	"github.com/charmbracelet/x/ansi"
)

func TestBandQty(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 3: "3", 1234: "1,234", 11.04: "11.0", 16.96: "17.0", 2.5: "2.5", 150.4: "150"} {
		if got := bandQty(v); got != want {
			t.Errorf("bandQty(%v) = %q, want %q", v, got, want)
		}
	}
}

// The Stock pane's facts and the Reorder pane's working show the demand
// over the SKU's risk period, lead time plus review period (the fixture's
// 2 + 1 weeks), with its 80 % band, the planner's figures; a SKU still
// being forecast says so instead of showing a band of zeros.
func TestDetailShowsRiskPeriodDemand(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	press(t, m, "down", "down")
	r := m.stock.currentRow()
	rd := r.RiskDemand()
	if rd.Lead != 2 || rd.Review != 1 || rd.Weeks != 3 || !(rd.Lower < rd.Mean && rd.Mean < rd.Upper) {
		t.Fatalf("fixture: %s risk-period demand %+v", r.Item.Product.SKU, rd)
	}
	screen := ansi.Strip(m.render())
	// the pane is narrow: the figures wrap onto the next line
	want := "Lead time 2 wk + 1 wk review: demand"
	band := formatQty(rd.Mean) + " (80%:\u00a0" + bandQty(rd.Lower) + "–" + bandQty(rd.Upper) + ")"
	if !strings.Contains(screen, want) || !strings.Contains(screen, band) {
		t.Errorf("stock pane lacks %q and %q:\n%s", want, band, screen)
	}

	press(t, m, "3")
	r = m.reorder.currentRow()
	rd = r.RiskDemand()
	screen = ansi.Strip(m.render())
	want = "demand over P = L + R = " + trimFloat(rd.Weeks) + " wk:"
	band = formatQty(rd.Mean) + " (80%:\u00a0" + bandQty(rd.Lower) + "–" + bandQty(rd.Upper) + ")"
	if !strings.Contains(screen, want) || !strings.Contains(screen, band) {
		t.Errorf("reorder pane lacks %q and %q:\n%s", want, band, screen)
	}

	waiting := *r
	waiting.Cached = nil
	for _, reorder := range []bool{false, true} {
		facts := strings.Join(m.detail.facts(detailInput{Snap: m.snap, Row: &waiting, Reorder: reorder}, 60), "\n")
		if strings.Contains(facts, "80%:") || !reorder && !strings.Contains(ansi.Strip(facts), "Lead time forecasting…") {
			t.Errorf("reorder %v: a band without a forecast:\n%s", reorder, ansi.Strip(facts))
		}
	}
}

// A SKU without a supplier says in both panes that its lead time is the
// default_lead_time_days setting, not a supplier's.
func TestDetailNamesTheDefaultLeadTime(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	press(t, m, "down", "down")
	r := *m.stock.currentRow()
	item := *r.Item
	item.Product.SupplierID = 0
	r.Item = &item
	r.LeadTime = model.LeadTime{Days: 14, Source: model.LeadTimeDefault}
	r.LeadTimeWeeks, r.LeadTimeSDWeeks = 2, 0
	stock := ansi.Strip(strings.Join(m.detail.facts(detailInput{Snap: m.snap, Row: &r}, 60), "\n"))
	if !strings.Contains(stock, "Supplier  none · default 14 d") {
		t.Errorf("stock facts:\n%s", stock)
	}
	reorder := ansi.Strip(strings.Join(m.detail.facts(detailInput{Snap: m.snap, Row: &r, Reorder: true}, 60), "\n"))
	if !strings.Contains(reorder, "L 2 ± 0 wk (default: no supplier)") {
		t.Errorf("reorder working:\n%s", reorder)
	}
}
