package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"stockroom/model"
	"stockroom/planner"
)

func TestDashboardOpensOnTheOverview(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	if m.tab != overviewTab || m.overview.ov == nil {
		t.Fatalf("opens on tab %d, overview summed: %v", m.tab, m.overview.ov != nil)
	}
	// the figures are the stock view's: inventory at cost is its stock_value summed
	v := m.snap.Stock()
	sum := 0.0
	for i := range v.Len() {
		sum += v.Value(i, planner.StockValue).Float
	}
	s := screen(m)
	for _, want := range []string{"Inventory", "At cost", formatMoney(sum, ""), "Order first", "At risk", "Dead stock", "Next 30 days"} {
		if !strings.Contains(s, want) {
			t.Errorf("overview lacks %q:\n%s", want, s)
		}
	}
	if got := m.overview.ov.KPIs.StockCost; got != sum {
		t.Errorf("inventory at cost %v, stock view sums %v", got, sum)
	}
}

// enter on a SKU of the overview's lists opens its pane with the cursor on it.
func TestOverviewListsJumpToTheirPane(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	items := m.overview.items()
	first := -1
	for k, it := range items {
		if it.list == 1 {
			first = k
			break
		}
	}
	if first < 0 {
		t.Fatal("the fixture should have stock at risk")
	}
	want := m.snap.Rows[items[first].row].Item.Product.SKU
	for range first {
		press(t, m, "down")
	}
	press(t, m, "enter")
	if m.tab != riskTab || m.risk.currentRow() == nil || m.risk.currentRow().Item.Product.SKU != want {
		t.Fatalf("tab %d, risk cursor on %v, want %s", m.tab, m.risk.currentRow(), want)
	}
	press(t, m, "1", "g", "enter") // the first item: a SKU to order
	if m.tab != reorderTab || m.reorder.currentRow() == nil || m.reorder.currentRow().Item.Product.SKU != m.snap.Rows[items[0].row].Item.Product.SKU {
		t.Errorf("tab %d, reorder cursor on %v", m.tab, m.reorder.currentRow())
	}
}

func TestAssortmentBreakdownFiltersTheStockPane(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "4")
	if m.assortment.av == nil || m.assortment.av.By != planner.ByCategory {
		t.Fatal("the assortment pane should open by category")
	}
	press(t, m, "b")
	if m.assortment.av.By != planner.BySubcategory || !strings.Contains(screen(m), "/") {
		t.Fatalf("b should switch to subcategories: %v", m.assortment.av.By)
	}
	press(t, m, "b", "b")
	if m.assortment.av.By != planner.BySupplier {
		t.Fatalf("b b: %v, want supplier", m.assortment.av.By)
	}
	press(t, m, "b", "down") // back to categories, the second one
	g, _ := m.assortment.currentGroup()
	press(t, m, "enter")
	if m.tab != stockTab || len(m.stock.table.index) != g.KPIs.SKUs {
		t.Fatalf("tab %d with %d rows, want the stock pane with %s's %d SKUs", m.tab, len(m.stock.table.index), g.Group.Name, g.KPIs.SKUs)
	}
	for _, r := range m.stock.table.index {
		if c := m.stock.row(r).Item.Product.Category; c != g.Group.Name {
			t.Errorf("row of category %q in %q", c, g.Group.Name)
		}
	}
	if s := screen(m); !strings.Contains(s, "category "+g.Group.Name) {
		t.Errorf("the status bar should name the group:\n%s", s)
	}
	press(t, m, "esc")
	if len(m.stock.table.index) != len(m.snap.Rows) {
		t.Errorf("esc shows %d of %d SKUs", len(m.stock.table.index), len(m.snap.Rows))
	}
}

func TestRiskWhatIfMarkdownChangesTheProjection(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "5", "/")
	typeText(t, m, "excess")
	press(t, m, "enter")
	r := m.risk.currentRow()
	// the fixture's largest excess sells, and its suggestion is the 50 %
	// cap: a 40 % what-if differs from it and changes its weekly sales
	if r == nil || r.Risk.Risk != model.RiskExcess || r.Risk.Markdown != 0.5 || r.Forecast.Level() <= 0 {
		t.Fatalf("the filter should find excess stock that sells, suggested at the 50 %% cap, got %+v", r)
	}
	row, _ := m.risk.table.current()
	before := m.risk.rv.Projection(row)
	enterValue(t, m, "m", "40")
	row, _ = m.risk.table.current()
	if m.risk.currentRow().Item.Product.ID != r.Item.Product.ID {
		t.Fatal("the cursor should stay on its SKU")
	}
	got := m.risk.rv.Value(row, planner.RiskPlanMarkdown).Float
	after := m.risk.rv.Projection(row)
	if got != 40 || m.risk.whatIf[r.Item.Product.ID] != 0.4 {
		t.Fatalf("what-if markdown %v%%, want 40", got)
	}
	// 40 % off under ε = −2 sells (0.6)^−2 = 2.78 times as fast
	if want := r.Forecast.Level() / 0.36; fmt.Sprintf("%.6f", after.WeeklySales) != fmt.Sprintf("%.6f", want) {
		t.Errorf("weekly sales at 40%% off %v, want %v (before %v)", after.WeeklySales, want, before.WeeklySales)
	}
	if s := ansi.Strip(m.render()); !strings.Contains(s, "at 40% off") || !strings.Contains(s, "40% *") {
		t.Errorf("the row and the detail should show the what-if:\n%s", s)
	}
	enterValue(t, m, "m", "a")
	if _, set := m.risk.whatIf[r.Item.Product.ID]; set || m.risk.rv.Value(row, planner.RiskPlanMarkdown).Float != 100*r.Risk.Markdown {
		t.Errorf("a should return to the suggested %v%%", 100*r.Risk.Markdown)
	}
}

func TestRiskWhatIfRefusesNonsense(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	press(t, m, "5", "m")
	clearInput(t, m)
	typeText(t, m, "120")
	press(t, m, "enter")
	if m.mode != modeEdit || !m.messageErr || !strings.Contains(m.message, "0 to 95") {
		t.Errorf("120 %% should be refused with the range: mode %v, %q", m.mode, m.message)
	}
}

func TestGoldenOverviewAssortmentAndRiskPanes(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		m, _ := openTestModel(t, size.w, size.h)
		for _, pane := range []struct {
			name, key string
		}{{"overview", "1"}, {"assortment", "4"}, {"risk", "5"}} {
			press(t, m, pane.key)
			name := fmt.Sprintf("%s_%dx%d", pane.name, size.w, size.h)
			golden(t, name, withProfile(m.render(), colorprofile.ANSI256))
			golden(t, name+"_nocolor", noColorRender(m))
		}
	}
}

func TestNewPanesFitEverySize(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	for _, st := range []struct {
		name string
		keys []string
	}{
		{"overview", nil},
		{"assortment", []string{"4"}},
		{"assortment by subcategory", []string{"b"}},
		{"risk", []string{"5"}},
		{"risk editor", []string{"space", "m"}},
		{"help", []string{"esc", "?", "pgdown"}},
	} {
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		press(t, m, st.keys...)
		t.Run(st.name, func(t *testing.T) { checkEverySize(t, m) })
	}
}
