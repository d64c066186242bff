package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"stockroom/store"
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

// The note a command prints while it waits for another process's lock
// names the catalogue, made safe the same way.
func TestLockWaitNoteShowsControlsAsEscapes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop\x1b[2J.db")
	if err := execute(t, "demo", "--db", path, "--skus", "5", "--end", "2026-11-22"); err != nil {
		t.Fatal(err)
	}
	holder, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	lock, err := holder.DB().BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	old := lockTimeout
	lockTimeout = 300 * time.Millisecond
	defer func() { lockTimeout = old }()
	root := rootCommand()
	root.SetArgs([]string{"set", "--setting", "review_days=9", "--db", path})
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	if err := root.Execute(); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("err %v, want ErrLocked", err)
	}
	if r, ok := rawControl(errOut.String()); ok || !strings.Contains(errOut.String(), `shop\x1b[2J.db`) {
		t.Errorf("note %q (raw %U), want the path with the escape shown", errOut.String(), r)
	}
}
