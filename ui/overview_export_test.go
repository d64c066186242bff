package ui

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// overviewExport is what `stockroom export overview` writes for a
// snapshot: each metric's value column, parsed back, by metric name; an
// empty cell (undefined) is null.
func overviewExport(t *testing.T, s *planner.Snapshot) map[string]planner.Value {
	t.Helper()
	spec, ok := planner.LookupView("overview")
	if !ok {
		t.Fatal("no overview view")
	}
	v := spec.Plan(s, planner.ViewOptions{})
	rows := make([]int, v.Len())
	for i := range rows {
		rows[i] = i
	}
	var buf bytes.Buffer
	if err := planner.Export(&buf, v, rows, planner.CSV); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 || recs[0][0] != "metric" || recs[0][1] != "value" {
		t.Fatalf("overview export starts %q", recs[:min(len(recs), 1)])
	}
	out := map[string]planner.Value{}
	for _, r := range recs[1:] {
		if r[1] == "" {
			out[r[0]] = planner.Value{Null: true}
			continue
		}
		x, err := strconv.ParseFloat(r[1], 64)
		if err != nil {
			t.Fatalf("metric %s: %v", r[0], err)
		}
		out[r[0]] = planner.Value{Float: x}
	}
	return out
}

// overviewFigure is the text after a label on the Overview pane, in the
// block the label starts (blocks stand perRow a row, w/perRow cells apart);
// the label must be on the pane once.
func overviewFigure(t *testing.T, screen []string, w, perRow int, label string) string {
	t.Helper()
	padded := fit(label, 16, false)
	found, figure := 0, ""
	colW := w / perRow
	for _, line := range screen {
		for k := range perRow {
			block := ansi.Cut(line, k*colW, (k+1)*colW)
			if rest, ok := strings.CutPrefix(block, padded); ok {
				found++
				figure = strings.TrimSpace(rest)
			}
		}
	}
	if found != 1 {
		t.Fatalf("label %q on the Overview %d times", label, found)
	}
	return figure
}

// Every figure the Overview pane shows is the overview export's value for
// that metric on the same snapshot, and every metric the export writes is
// on the pane: the two cannot disagree. On the test fixture and on a
// 300-SKU demo catalogue, where every kind of risk has SKUs.
func TestOverviewPaneShowsTheOverviewExport(t *testing.T) {
	for _, size := range []struct{ w, h, perRow int }{{160, 45, 4}, {100, 40, 2}} {
		m, _ := openTestModel(t, size.w, size.h)
		checkOverviewAgainstExport(t, m, size.w, size.h, size.perRow)
		m = openDemoModel(t, size.w, size.h)
		checkOverviewAgainstExport(t, m, size.w, size.h, size.perRow)
	}
}

// openDemoModel is the dashboard opened on a copy of the 300-SKU demo
// catalogue, summed, on the Overview.
func openDemoModel(t *testing.T, w, h int) *Model {
	t.Helper()
	m := newDemoCopyModel(t)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(t, m, loadCmd(m.opt.Backend))
	return m
}

// newDemoCopyModel is a dashboard, not loaded yet, on a copy of the
// 300-SKU demo catalogue (closed when the test ends), its clock on the
// demo's morning after.
func newDemoCopyModel(t testing.TB) *Model {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := copyFile(randomCatalogue(t), path); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(Options{
		Backend:   planner.Backend{Store: st},
		Source:    path,
		ExportDir: t.TempDir(),
		Now:       func() time.Time { return time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC) },
	})
}

// checkOverviewAgainstExport compares each figure of the Overview pane,
// drawn in w × h with perRow blocks a row, with the overview export.
func checkOverviewAgainstExport(t *testing.T, m *Model, w, h, perRow int) {
	t.Helper()
	if m.overview.ov == nil {
		t.Fatal("overview not summed")
	}
	exp := overviewExport(t, m.snap)
	screen := strings.Split(ansi.Strip(m.renderOverview(w, h)), "\n")

	name := func(metric int) string { return planner.OverviewMetric(metric).Name }
	val := func(metric int) planner.Value {
		v, ok := exp[name(metric)]
		if !ok {
			t.Fatalf("the export has no row %s", name(metric))
		}
		return v
	}
	// the export's value, written the way the pane writes that kind
	money := func(metric int) string { return formatMoney(val(metric).Float, "") }
	compact := func(metric int) string { return compactMoney(val(metric).Float) }
	skus := func(metric int) string { return count(int(val(metric).Float), "SKU") }
	ratio := func(metric int) string { return formatCell(planner.Decimal, val(metric)) }
	rate := func(metric int) string { return formatCell(planner.Percent, val(metric)) }

	covered := map[int]bool{}
	for _, c := range []struct {
		label   int   // the metric whose title labels the line
		metrics []int // every metric the line shows
		want    string
	}{
		{planner.MetricStockCost, nil, money(planner.MetricStockCost)},
		{planner.MetricStockRetail, nil, money(planner.MetricStockRetail)},
		{planner.MetricSKUs, nil, model.GroupThousands(int64(val(planner.MetricSKUs).Float))},
		{planner.MetricTurnover, nil, ratio(planner.MetricTurnover) + "× a year"},
		{planner.MetricGMROI, nil, ratio(planner.MetricGMROI)},
		{planner.MetricOutOfStock, nil, skus(planner.MetricOutOfStock)},
		{planner.MetricBelowROP, nil, skus(planner.MetricBelowROP)},
		{planner.MetricStockoutSoon, nil, skus(planner.MetricStockoutSoon)},
		{planner.MetricToOrder, []int{planner.MetricOrderValue}, skus(planner.MetricToOrder) + " · " + compact(planner.MetricOrderValue)},
		{planner.MetricStockoutRate, nil, rate(planner.MetricStockoutRate) + " of days, 52w"},
		{planner.MetricExcessValue, []int{planner.MetricExcessSKUs}, compact(planner.MetricExcessValue) + " · " + skus(planner.MetricExcessSKUs)},
		{planner.MetricDeadValue, []int{planner.MetricDeadSKUs}, compact(planner.MetricDeadValue) + " · " + skus(planner.MetricDeadSKUs)},
		{planner.MetricDecliningValue, []int{planner.MetricDecliningSKUs}, compact(planner.MetricDecliningValue) + " · " + skus(planner.MetricDecliningSKUs)},
		{planner.MetricSlowValue, []int{planner.MetricSlowSKUs}, compact(planner.MetricSlowValue) + " · " + skus(planner.MetricSlowSKUs)},
		{planner.MetricLiquidation, []int{planner.MetricCapitalAtRisk}, compact(planner.MetricLiquidation) + " of " + compact(planner.MetricCapitalAtRisk) + " at cost"},
		{planner.MetricForecastRevenue, nil, money(planner.MetricForecastRevenue) + " forecast"},
		{planner.MetricRevenue, nil, money(planner.MetricRevenue)},
		{planner.MetricMargin, nil, money(planner.MetricMargin)},
		{planner.MetricSellThrough, nil, rate(planner.MetricSellThrough)},
	} {
		label := planner.OverviewMetric(c.label).ScreenTitle()
		if got := overviewFigure(t, screen, w, perRow, label); got != c.want {
			t.Errorf("%d×%d: %s shows %q, the export (%s) says %q", w, h, label, got, name(c.label), c.want)
		}
		covered[c.label] = true
		for _, k := range c.metrics {
			covered[k] = true
		}
	}
	if len(exp) != len(covered) {
		for k := range len(exp) {
			if !covered[k] {
				t.Errorf("the export's %s is not on the Overview pane", name(k))
			}
		}
	}
}
