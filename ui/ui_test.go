package ui

import (
	"math"
	"strings"
	"testing"

	"stockroom/model"

	"github.com/charmbracelet/x/ansi"
)

func screen(m *Model) string { return ansi.Strip(m.render()) }

func TestLoadsAndShowsStockPane(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	s := screen(m)
	for _, want := range []string{"[2 Stock]", "SKU", "Status", "24 of 24 SKUs", "Reorder  "} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
}

func TestFormatting(t *testing.T) {
	covers := map[float64]string{0: "0d", 17.9: "17d", 999.5: "999d", 1000: "2.7y", 3650: "10.0y", 3650.5: "∞", 37861757858947: "∞", math.Inf(1): "∞"}
	for in, want := range covers {
		if got := formatCover(in); got != want {
			t.Errorf("formatCover(%v) = %q, want %q", in, got, want)
		}
	}
	ints := map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567", 100000: "100,000"}
	for in, want := range ints {
		if got := model.GroupThousands(in); got != want {
			t.Errorf("model.GroupThousands(%d) = %q, want %q", in, got, want)
		}
	}
	for w, want := range map[int][2]int{35: {26, 8}, 30: {26, 3}, 29: {25, 3}, 12: {8, 3}, 4: {0, 3}} {
		if h, f := trendWeeks(w); h != want[0] || f != want[1] {
			t.Errorf("trendWeeks(%d) = %d, %d, want %v", w, h, f, want)
		}
	}
	if got := clean("a\x1b[31mb\x07c\u202ed\te"); got != "a[31mbcd e" {
		t.Errorf("clean = %q", got)
	}
}
