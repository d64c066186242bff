package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// noColorRender draws the screen as a terminal without colour shows it:
// the program tells the model its profile, the writer drops the colours.
func noColorRender(m *Model) string {
	m.Update(tea.ColorProfileMsg{Profile: colorprofile.ASCII})
	defer m.Update(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	return withProfile(m.render(), colorprofile.ASCII)
}

// Under NO_COLOR the chart's three series were the same line in one grey,
// and its legend gave each the same ━: sales, forecast and the 80 % band
// could not be told apart. Without colour each has its own glyph, in the
// chart and in the legend.
func TestChartSeriesHaveTheirOwnGlyphsWithoutColour(t *testing.T) {
	m, _ := newTestModel(t, 160, 45)
	press(t, m, "down", "down")
	plain := ansi.Strip(noColorRender(m))
	legend := ""
	for _, l := range strings.Split(plain, "\n") {
		if strings.Contains(l, "sales") && strings.Contains(l, "forecast") && strings.Contains(l, "80% band") {
			legend = l
		}
	}
	if legend == "" {
		t.Fatalf("no legend:\n%s", plain)
	}
	glyphs := map[string]string{}
	for _, series := range []string{"sales", "forecast", "80% band"} {
		i := strings.Index(legend, " "+series)
		if i < 1 {
			t.Fatalf("legend %q lacks %q", legend, series)
		}
		g := []rune(legend[:i])
		glyphs[series] = string(g[len(g)-1])
	}
	if glyphs["sales"] == glyphs["forecast"] || glyphs["forecast"] == glyphs["80% band"] || glyphs["sales"] == glyphs["80% band"] {
		t.Errorf("legend %q: glyphs %v are not one per series", legend, glyphs)
	}
	for series, g := range glyphs {
		if series != "sales" && strings.Count(plain, g) < 3 {
			t.Errorf("the chart has no %s drawn with %q:\n%s", series, g, plain)
		}
	}
	// with colour the legend and the chart stay as they were
	coloured := ansi.Strip(withProfile(m.render(), colorprofile.ANSI256))
	if !strings.Contains(coloured, "━ sales") || !strings.Contains(coloured, "━ forecast") || !strings.Contains(coloured, "━ 80% band") {
		t.Errorf("the colour legend changed:\n%s", coloured)
	}
}
