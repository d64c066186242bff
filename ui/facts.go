package ui

import "strings"

// factList builds a detail pane's label–value lines: the label dimmed in a
// column of its own, each line exactly w wide.
type factList struct {
	styles    *Styles
	labelW, w int
	lines     []string
}

func (f *factList) add(label, value string) {
	f.lines = append(f.lines, fit(f.styles.Dim.Render(fit(label, f.labelW, false))+value, f.w, false))
}

// addWrapped wraps a long value onto lines of its own under the label: a
// pane beside the table is narrow.
func (f *factList) addWrapped(label, value string) {
	for i, l := range strings.Split(wrap(value, max(f.w-f.labelW, 10)), "\n") {
		if i > 0 {
			label = ""
		}
		f.add(label, l)
	}
}

// line adds a line of its own, such as a heading or a hint.
func (f *factList) line(s string) { f.lines = append(f.lines, s) }
