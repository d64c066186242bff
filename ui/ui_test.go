package ui

import (
	"strings"
	"testing"

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
