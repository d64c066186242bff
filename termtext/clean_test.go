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

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"Garden hose 25 m":           "Garden hose 25 m",
		"":                           "",
		"moq=\x1b[2J":                `moq=\x1b[2J`,
		"Evil \x1b]0;pwned\x07 name": `Evil \x1b]0;pwned\x07 name`,
		"tab\there\r\n":              `tab\x09here\x0d\x0a`,
		"c1 \u009b31m, del\x7f":      `c1 \x9b31m, del\x7f`,
		"rtl \u202eevil\u2069":       `rtl \u202eevil\u2069`,
		"Café 日本":                    "Café 日本",
		`a\x1b stays`:                `a\x1b stays`, // typed backslashes are text
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}
