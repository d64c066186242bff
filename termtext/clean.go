// Package termtext makes catalogue text safe to print on a terminal. The
// dashboard draws every text through Clean, and an export written to a
// terminal cleans its text cells the same way; messages on stderr show
// control characters as escapes (Visible).
package termtext

import (
	"fmt"
	"strings"
	"unicode"
)

// Clean makes text safe to print: control characters (C0, C1, DEL, so
// also the ESC that starts terminal sequences) become spaces (tab, line
// feed, carriage return) or vanish, and bidirectional overrides that could
// reorder a line are dropped. Catalogue text is data, never terminal
// instructions.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unicode.IsControl(r), isBidiControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII needs no work.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// Visible makes text safe to print as Clean does, but shows what Clean
// would take out: each control character and bidirectional override
// becomes its escape (\x1b, \u202e), so that an error can say exactly
// what a value held. It is for messages about values, not for the
// values themselves.
func Visible(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r <= 0xff && unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r), isBidiControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
