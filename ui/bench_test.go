package ui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
	"stockroom/tools/benchfixture"
)

// The benchmarks run on the catalogue the planner's benchmarks use
// (tools/benchfixture): 100,000 demo SKUs (or $STOCKROOM_BENCH_DB), written
// once into the temp directory and reused.

// loadedModel is a dashboard at 160×45 with the catalogue loaded, on the
// stock pane with its rows sorted.
func loadedModel(b *testing.B, st *store.Store) *Model {
	b.Helper()
	m := openedModel(b, st)
	press(b, m, "2")
	return m
}

// openedModel is the dashboard as it opens: loaded, on the overview.
func openedModel(b *testing.B, st *store.Store) *Model {
	b.Helper()
	m := New(Options{Backend: planner.Backend{Store: st}, Source: "bench", ExportDir: b.TempDir(), Now: time.Now})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	run(b, m, loadCmd(m.opt.Backend))
	return m
}

// BenchmarkFirstFrame: from opening the catalogue file to the first frame
// with data — read, forecast and plan every SKU, sort by status, draw.
func BenchmarkFirstFrame(b *testing.B) {
	path := benchfixture.PrimedPath(b)
	for b.Loop() {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m := openedModel(b, st)
		if m.tab != overviewTab || !m.showsCatalogue() || m.render() == "" {
			b.Fatal("no overview")
		}
		st.Close()
	}
}

// BenchmarkCursorMove: one key press moving the cursor, and the redraw,
// on the Stock pane and on the Risk pane (whose status bar sums the
// capital at risk of every row shown).
func BenchmarkCursorMove(b *testing.B) {
	m := loadedModel(b, benchfixture.Store(b))
	for _, tab := range []string{"2", "5"} {
		press(b, m, tab)
		b.Run(tabNames[tab[0]-'1'], func(b *testing.B) {
			down, up := keyMsg("down"), keyMsg("up")
			i := 0
			for b.Loop() {
				k := down
				if i/40%2 == 1 {
					k = up // sweep down and up so rows scroll in and out of the cache
				}
				i++
				_, cmd := m.Update(k)
				run(b, m, cmd) // the detail lookup for the new row
				_ = m.View()
			}
		})
	}
}

// BenchmarkCursorMoveWhileForecasting: the same key press while every
// SKU is being forecast again in the background on all cores, as after an
// import of all sales: the pane must stay responsive.
func BenchmarkCursorMoveWhileForecasting(b *testing.B) {
	st := benchfixture.Store(b)
	m := loadedModel(b, st)
	snap := m.snap
	all := make([]int, len(snap.Rows))
	for i := range all {
		all[i] = i
	}
	stale := *snap
	stale.Stale = all
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { // forecast over and over until the benchmark ends
		defer close(done)
		for ctx.Err() == nil {
			stale.ForecastStale(ctx, st, nil)
		}
	}()
	down, up := keyMsg("down"), keyMsg("up")
	i := 0
	for b.Loop() {
		k := down
		if i/40%2 == 1 {
			k = up
		}
		i++
		_, cmd := m.Update(k)
		run(b, m, cmd)
		_ = m.View()
	}
	cancel()
	<-done
}

// BenchmarkFilterKeystroke: typing one filter character over all 100,000
// rows — the key press, the filter command, its result and the redraw. It
// alternates typing and deleting the character, so each filter scans every row.
func BenchmarkFilterKeystroke(b *testing.B) {
	m := loadedModel(b, benchfixture.Store(b))
	press(b, m, "/")
	i := 0
	for b.Loop() {
		k := "g"
		if i%2 == 1 {
			k = "backspace"
		}
		i++
		_, cmd := m.Update(keyMsg(k))
		run(b, m, cmd)
		_ = m.View()
	}
}

// BenchmarkEditSaved: a saved reorder-point edit reaching the pane — what
// Update does with the snapshot the save command planned, and the redraw.
// The save command (the transaction, planning the row, building the
// reorder view) and the re-sort it starts run in the background; the whole
// flow is timed by BenchmarkReorderEdit, the re-sort by BenchmarkEditResort.
func BenchmarkEditSaved(b *testing.B) {
	m := loadedModel(b, benchfixture.Store(b))
	r := m.stock.currentRow().Item.Product
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		it := *m.snap.Rows[m.snap.RowOf(r.ID)].Item
		it.Policy.Manual, it.Policy.ReorderPoint = true, i
		next, rows := m.snap.WithItems([]model.Item{it}, nil)
		msg := changedMsg{info: "saved", undo: &undoStep{policies: []model.PolicyChange{{ProductID: r.ID, SKU: r.SKU, Field: model.FieldReorderPoint}}},
			base: m.snap, next: next, rows: rows, views: buildViews(next)}
		b.StartTimer()
		_, cmd := m.Update(msg)
		_ = m.View()
		b.StopTimer()
		run(b, m, cmd)
		b.StartTimer()
	}
}

// BenchmarkEditResort: the background re-sort and redraw after an edit.
func BenchmarkEditResort(b *testing.B) {
	m := loadedModel(b, benchfixture.Store(b))
	for b.Loop() {
		run(b, m, m.stock.runQuery())
		_ = m.View()
	}
}

// BenchmarkReorderEdit: on the reorder pane, change the selected SKU's case
// pack and see the pane again: the key presses, the transaction with its
// audit row, reading the SKU back, planning it again, rebuilding the
// reorder and suppliers views, re-sorting every pane and the redraw
// (issue 5: under 50 ms).
func BenchmarkReorderEdit(b *testing.B) {
	benchEdit(b, "3", "c", "6", "12")
}

// BenchmarkRiskWhatIf: on the Risk pane, set a what-if markdown for the
// selected SKU and see the pane again: the risk view of every SKU at risk
// rebuilt with the new projection, re-sorted and drawn.
func BenchmarkRiskWhatIf(b *testing.B) {
	benchEdit(b, "5", "m", "30", "40")
}

// benchEdit opens an editor with a key on a tab and saves one value, then
// the other, for as long as the benchmark runs.
func benchEdit(b *testing.B, tab, key string, values ...string) {
	m := loadedModel(b, benchfixture.Store(b))
	press(b, m, tab)
	i := 0
	for b.Loop() {
		press(b, m, key)
		clearInput(b, m)
		press(b, m, values[i%len(values)], "enter")
		i++
		if m.messageErr {
			b.Fatal(m.message)
		}
		_ = m.View()
	}
}

// BenchmarkShowPane: switch to a summary pane after its view went out of
// date (an edit elsewhere): build the view, sort it, draw.
func BenchmarkShowPane(b *testing.B) {
	m := loadedModel(b, benchfixture.Store(b))
	for _, tab := range []string{"1", "4", "5"} {
		b.Run(tabNames[tab[0]-'1'], func(b *testing.B) {
			for b.Loop() {
				m.overview.built, m.risk.built, m.assortment.built = built{}, built{}, built{}
				press(b, m, "2", tab)
				_ = m.View()
			}
		})
	}
}
