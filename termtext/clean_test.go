package termtext

import "testing"

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Garden hose 25 m":           "Garden hose 25 m",
		"":                           "",
		"Evil \x1b]0;pwned\x07 name": "Evil ]0;pwned name", // OSC retitle: ESC and BEL gone
		"a\x1b[31mb\x07c\u202ed\te":  "a[31mbcd e",         // SGR, bell, RTL override, tab
		"line\r\nbreak":              "line  break",        // CR and LF become spaces
		"c1 \u009b31m csi":           "c1 31m csi",         // the one-byte C1 CSI
		"del\x7f":                    "del",                // DEL
		"Café ünïcode 日本 \u200bzero-width": "Café ünïcode 日本 \u200bzero-width", // printable non-ASCII stays
		"\u2066isolate\u2069 \u200fmark":   "isolate mark",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
