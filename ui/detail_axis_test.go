package ui

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

func TestChartScaleNeverRepeatsATick(t *testing.T) {
	for _, c := range []struct {
		peak    float64
		rows    int
		top     float64
		decimal uint
	}{
		{0, 14, 1.4, 1},   // no sales: 1.4, 1.3, … 0.0 instead of 1.0, 0.9, 0.9, …
		{0, 4, 1, 1},      // 1.0, 0.8, 0.5, 0.2, 0.0: steps of 0.25 are distinct
		{3.2, 15, 3.2, 1}, // steps of 0.21
		{25, 40, 25, 1},   // steps of 0.63: whole numbers would repeat
		{50, 20, 50, 0},   // steps of 2.5
		{19.9, 10, 19.9, 1},
	} {
		top, dec := chartScale(c.peak, c.rows)
		if top != c.top || dec != c.decimal {
			t.Errorf("chartScale(%v, %d) = %v, %d; want %v, %d", c.peak, c.rows, top, dec, c.top, c.decimal)
		}
	}
}

// A SKU without sales: the chart's axis has no tick twice, and its note
// no "as of" without a day.
func TestDetailOfASKUWithoutSales(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "nosales.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b, err := st.BeginBulk(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := b.AddProduct(&model.Product{SKU: "NEW-1", Name: "Brand new", Category: "Tools", CasePack: 1,
		Status: model.Active, LaunchedOn: model.NoDay}); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Backend: planner.Backend{Store: st}, Source: "nosales.db", ExportDir: t.TempDir()})
	for _, size := range [][2]int{{160, 45}, {80, 24}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		run(t, m, loadCmd(m.opt.Backend))
		press(t, m, "2")
		s := screen(m)
		if strings.Contains(s, "as of \n") || strings.Contains(s, "as of  ") || !strings.Contains(s, "units per week · no sales") {
			t.Errorf("%dx%d: the chart's note:\n%s", size[0], size[1], s)
		}
		tick := regexp.MustCompile(`(\d+(?:\.\d)?) [┤┼]`)
		seen := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			for _, mt := range tick.FindAllStringSubmatch(l, -1) {
				if seen[mt[1]] {
					t.Errorf("%dx%d: the tick %s twice:\n%s", size[0], size[1], mt[1], s)
				}
				seen[mt[1]] = true
			}
		}
		if len(seen) < 2 {
			t.Errorf("%dx%d: no chart axis found:\n%s", size[0], size[1], s)
		}
	}
}
