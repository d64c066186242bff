package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fit pads or truncates s (which may hold styling) to exactly w cells.
func fit(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	n := width(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = width(s)
	}
	if n == w {
		return s
	}
	pad := strings.Repeat(" ", w-n)
	if right {
		return pad + s
	}
	return s + pad
}

// width is the display width of s; plain ASCII skips the grapheme walk.
func width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x7f || s[i] < 0x20 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// clip cuts every line of s to w cells and s to h lines, and pads short
// lines and missing lines, so a pane never spills past its rectangle.
func clip(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = fit(l, w, false)
	}
	return strings.Join(lines, "\n")
}

// center places text in the middle of w × h, wrapped to fit.
func center(s string, w, h int) string {
	lines := strings.Split(wrap(s, min(w, 100)), "\n")
	top := max((h-len(lines))/2, 0)
	widest := 0
	for _, l := range lines {
		widest = max(widest, width(l))
	}
	left := strings.Repeat(" ", max((w-widest)/2, 0))
	var b strings.Builder
	b.WriteString(strings.Repeat("\n", top))
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(left + l)
	}
	return b.String()
}

func wrap(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Wrap(s, w, " ")
}

// joinColumns puts two blocks of equal height side by side.
func joinColumns(left, right, gap string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	out := make([]string, max(len(l), len(r)))
	for i := range out {
		var a, b string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		out[i] = a + gap + b
	}
	return strings.Join(out, "\n")
}
