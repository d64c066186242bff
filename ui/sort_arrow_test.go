package ui

import (
	"slices"
	"strings"
	"testing"
)

// Round 2 of issue 12: the sort arrow cut header names ("Statu▲", "han▲").
// Every column sorted in turn shows its whole title with the arrow.
func TestSortArrowKeepsTheTitleWhole(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 30}, {160, 45}} {
		for _, tab := range []string{"2", "5"} {
			m, _ := openTestModel(t, size[0], size[1])
			press(t, m, tab)
			p := m.active()
			for range len(p.table.shown) + 1 {
				tb := p.table
				if k := tb.sortCol; k >= 0 {
					header := strings.Split(screen(m), "\n")[1]
					arrow := "▲"
					if tb.sortDesc {
						arrow = "▼"
					}
					// as the column shows its title unsorted (a title wider
					// than its column's most is always shortened with …)
					col := slices.Index(tb.shown, k)
					title := strings.TrimSpace(fit(tb.cols[k].title, tb.widths[col], false))
					if want := title + arrow; !strings.Contains(header, want) {
						t.Errorf("%dx%d tab %s: header %q lacks %q", size[0], size[1], tab, header, want)
					}
				}
				press(t, m, "s")
			}
		}
	}
}
