package cli

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// rawControl finds a control character (other than the line feeds that
// end lines) or a bidirectional override in what was printed.
func rawControl(s string) (rune, bool) {
	for _, r := range s {
		if r != '\n' && (unicode.IsControl(r) || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069) {
			return r, true
		}
	}
	return 0, false
}

// Whatever a command prints to stderr — errors, notes — shows control
// characters as escapes instead of sending them to the terminal: values
// typed, SKUs, file names and values read from files alike.
func TestStderrNeverCarriesTerminalControls(t *testing.T) {
	path := demoDB(t)
	sku := firstSKU(t, path)
	dir := t.TempDir()
	products := filepath.Join(dir, "products\x1b]0;x\x07.csv")
	if err := os.WriteFile(products, []byte("sku,name,price\nA-1,Anvil \x1b[2J,1\x1b[31m2\nA-2,Hammer,abc\u202e\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string // shown as an escape
	}{
		{[]string{"set", sku, "moq=\x1b[2J", "--db", path}, `moq=\x1b[2J`},
		{[]string{"set", "EV\x1b]0;pwned\x07-2", "moq=1", "--db", path}, `EV\x1b]0;pwned`},
		{[]string{"set", sku, "colour\x1b[5m=red", "--db", path}, `colour\x1b[5m`},
		{[]string{"set", "--setting", "review_days=\x1b[2J", "--db", path}, `\x1b[2J`},
		{[]string{"export", "stock", "--filter", "x", "-o", filepath.Join(dir, "no\x1b[1mdir", "x.csv"), "--db", path}, `no\x1b[1mdir`},
		{[]string{"export", "stock", "-o", filepath.Join(dir, "out\x1b[1m.csv"), "--db", path}, `Wrote 150 rows to ` + filepath.Join(dir, `out\x1b[1m.csv`)},
		{[]string{"export", "stock", "--db", filepath.Join(dir, "missing\x1b[2J.db")}, `missing\x1b[2J.db`},
		{[]string{"export", "stock", "--sort", "\x1b[2J", "--db", path}, `\x1b[2J`},
		{[]string{"import", "products", products, "--db", filepath.Join(dir, "new.db")}, `products\x1b]0;x\x07.csv:2`},
	} {
		code, _, errOut := runStockroom(t, "bob", c.args...)
		if r, ok := rawControl(errOut); ok {
			t.Errorf("%q: exit %d, stderr carries %U: %q", c.args, code, r, errOut)
		}
		if !strings.Contains(errOut, c.want) {
			t.Errorf("%q: stderr %q, want it to show %s", c.args, errOut, c.want)
		}
	}
}

// sideFiles lists the -wal and -shm files beside a catalogue: after a
// clean close there are none.
func sideFiles(path string) []string {
	var left []string
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			left = append(left, path+suffix)
		}
	}
	return left
}

// `stockroom export … | head -3`: the reader goes away. The export ends
// quietly with status 1, the catalogue closed (no -wal or -shm left), not
// killed by SIGPIPE.
func TestExportToAReaderThatGoesAway(t *testing.T) {
	path := demoDB(t)
	for _, args := range [][]string{
		{"export", "forecast"}, // some 300 kB: far more than a pipe holds
		{"export", "forecast", "-o", "-"},
		{"export", "forecast", "-o", "/dev/stdout"},
		{"export", "forecast", "-o", "/dev/fd/1"},
	} {
		cmd := stockroomProcess(t, "bob", time.Minute, append(args, "--db", path)...)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		out.Close() // as head does once it has its lines
		err = cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitUser {
			t.Errorf("%v: %v, want exit status %d", args, err, exitUser)
		}
		if strings.Contains(errOut.String(), "stockroom:") || strings.Contains(errOut.String(), "pipe") {
			t.Errorf("%v: stderr %q, want no error: the reader left on purpose", args, errOut.String())
		}
		if left := sideFiles(path); len(left) > 0 {
			t.Errorf("%v: left %v: the catalogue was not closed", args, left)
		}
	}
}
