package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"stockroom/store"
)

// A mistyped --db in a missing directory is refused by every command, and
// nothing is created: no directory, no file.
func TestMissingDirectoryIsRefusedByEveryCommand(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	base := t.TempDir()
	csvFile := filepath.Join(base, "products.csv")
	if err := os.WriteFile(csvFile, []byte("sku,name\nA-1,Anvil\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	typo := filepath.Join(base, "shpo")
	path := filepath.Join(typo, "catalogue.db")
	for _, args := range [][]string{
		{"--db", path},
		{"--demo", "--db", path},
		{"demo", "--db", path, "--skus", "5"},
		{"import", "products", csvFile, "--db", path},
		{"export", "stock", "--db", path},
		{"export", "pos", "--db", path},
		{"set", "A-1", "reorder_point=1", "--db", path},
		{"set", "--setting", "review_days=14", "--db", path},
		{"forecast", "--db", path},
		{"backtest", "--db", path},
	} {
		err := execute(t, args...)
		if err == nil || isUsage(err) || !strings.Contains(err.Error(), typo) || !strings.Contains(err.Error(), "does not exist") {
			t.Errorf("%v: %v, want a user error naming the missing directory", args, err)
		}
		if names := dirNames(t, base); !slices.Equal(names, []string{"products.csv"}) {
			t.Fatalf("%v created %v", args, names)
		}
	}
	// $STOCKROOM_DB is typed too
	t.Setenv("STOCKROOM_DB", path)
	if err := execute(t, "demo", "--skus", "5"); err == nil || !strings.Contains(err.Error(), typo) {
		t.Errorf("demo with $STOCKROOM_DB in a missing directory: %v", err)
	}
	if names := dirNames(t, base); !slices.Equal(names, []string{"products.csv"}) {
		t.Fatalf("created %v", names)
	}
}

// Only demo and import create a catalogue, and they may create
// Stockroom's own data directory (not one the user typed).
func TestDemoAndImportCreateTheDefaultDataDirectory(t *testing.T) {
	for _, args := range [][]string{
		{"demo", "--skus", "5"},
		{"import", "products", filepath.Join("..", "store", "importer", "testdata", "shopify_products_legacy.csv")},
	} {
		xdg := filepath.Join(t.TempDir(), "data")
		t.Setenv("XDG_DATA_HOME", xdg)
		t.Setenv("STOCKROOM_DB", "")
		if err := execute(t, args...); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		want := filepath.Join(xdg, "stockroom", "catalogue.db")
		if _, err := os.Stat(want); err != nil {
			t.Errorf("%v: %v", args, err)
		}
	}
}

// The dashboard no longer makes an empty catalogue where none is: it says
// which commands make one.
func TestDashboardRefusesMissingCatalogue(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my shop.db")
	err := execute(t, "--db", path)
	if err == nil || isUsage(err) || !errors.Is(err, store.ErrNoCatalogue) {
		t.Fatalf("err = %v, want a user error", err)
	}
	msg := oneLine(err.Error())
	q := shellQuote(path)
	for _, want := range []string{path, "stockroom --demo", "stockroom demo --db " + q, "stockroom import products FILE --db " + q} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("created %v", names)
	}
}

// A new user's first start, on the default catalogue in a data directory
// not made yet, is told how to make one (no --db needed).
func TestDashboardOnFirstStartNamesTheCommands(t *testing.T) {
	xdg := filepath.Join(t.TempDir(), "data")
	t.Setenv("XDG_DATA_HOME", xdg)
	t.Setenv("STOCKROOM_DB", "")
	err := execute(t)
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	for _, want := range []string{filepath.Join(xdg, "stockroom", "catalogue.db"), "`stockroom demo`", "`stockroom import products FILE`", "stockroom --demo"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if _, err := os.Stat(xdg); err == nil {
		t.Error("the data directory was created")
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"shop.db":          "shop.db",
		"/data/shop-2.db":  "/data/shop-2.db",
		"my shop.db":       "'my shop.db'",
		"cat#2.db":         "'cat#2.db'",
		"it's.db":          `'it'\''s.db'`,
		"café.db":          "'café.db'",
		"":                 "''",
		"$HOME/x;rm -rf .": `'$HOME/x;rm -rf .'`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// Every command opens exactly the file named, whatever URI syntax or
// script its name holds: `set … --db 'cat#2.db'` once changed a file
// named cat.
func TestHostilePathsOpenTheFileNamed(t *testing.T) {
	for _, name := range []string{"cat#2.db", "what?.db", "100%.db", "%41.db", "my shop.db", "café 日本.db", "a?mode=ro.db"} {
		for _, relative := range []bool{false, true} {
			dir := t.TempDir()
			decoy := filepath.Join(dir, "cat")
			os.WriteFile(decoy, []byte("a file named cat\n"), 0o644)
			db := filepath.Join(dir, name)
			if relative {
				t.Chdir(dir)
				db = name
			}
			if err := execute(t, "demo", "--db", db, "--skus", "5"); err != nil {
				t.Fatalf("%q: demo: %v", db, err)
			}
			out, err := executeOut(t, "export", "stock", "--db", db)
			if err != nil || strings.Count(out, "\n") != 6 {
				t.Fatalf("%q: export: %v\n%s", db, err, out)
			}
			sku := strings.SplitN(strings.Split(out, "\n")[1], ",", 2)[0]
			out, err = executeOut(t, "set", sku, "reorder_point=7", "--force", "--db", db)
			if err != nil || !strings.Contains(out, "→ 7") {
				t.Fatalf("%q: set: %q, %v", db, out, err)
			}
			st, err := store.OpenReadOnly(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			log, _ := st.AuditLog(context.Background(), 1)
			st.Close()
			if len(log) != 1 || log[0].EntityID != sku || log[0].New != "7" {
				t.Errorf("%q: the file named holds audit %+v", db, log)
			}
			if b, _ := os.ReadFile(decoy); string(b) != "a file named cat\n" {
				t.Errorf("%q: the file named cat changed", db)
			}
			names := slices.DeleteFunc(dirNames(t, dir), func(n string) bool {
				return strings.HasSuffix(n, "-shm") || strings.HasSuffix(n, "-wal") // SQLite's, beside the file named
			})
			if !slices.Equal(names, []string{"cat", name}) && !slices.Equal(names, []string{name, "cat"}) {
				t.Errorf("%q: directory holds %q", db, names)
			}
		}
	}
}

// The XDG spec says a relative $XDG_DATA_HOME is ignored: the default is
// then ~/.local/share, not a directory relative to wherever the command
// runs.
func TestRelativeXDGDataHomeIsIgnored(t *testing.T) {
	home := t.TempDir()
	work := t.TempDir()
	t.Chdir(work)
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", "rel")
	t.Setenv("STOCKROOM_DB", "")
	want := filepath.Join(home, ".local", "share", "stockroom", "catalogue.db")
	if got := catalogPath(""); got != want {
		t.Errorf("default catalogue %s, want %s", got, want)
	}
	if err := execute(t, "demo", "--skus", "5", "--end", "2026-11-22"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(want); err != nil {
		t.Errorf("demo did not write the default catalogue: %v", err)
	}
	if names := dirNames(t, work); len(names) != 0 {
		t.Errorf("wrote %v in the working directory", names)
	}
}

// With no absolute $HOME or $XDG_DATA_HOME there is no default catalogue:
// a command without --db is refused and asks for it, rather than using
// .stockroom/catalogue.db relative to wherever it runs.
func TestNoHomeAsksForDB(t *testing.T) {
	work := t.TempDir()
	t.Chdir(work)
	t.Setenv("STOCKROOM_DB", "")
	for _, env := range [][2]string{{"", ""}, {"home", ""}, {"", "data"}, {"home", "data"}} {
		t.Setenv("HOME", env[0])
		t.Setenv("XDG_DATA_HOME", env[1])
		for _, args := range [][]string{
			{"demo", "--skus", "5"},
			{"import", "products", filepath.Join(t.TempDir(), "none.csv")},
			{"export", "stock"},
			{"set", "--setting", "review_days=9"},
			{"forecast"},
			{"backtest"},
			{},
			{"--demo"},
		} {
			err := execute(t, args...)
			if err == nil || !isUsage(err) || !strings.Contains(err.Error(), "--db") || !strings.Contains(err.Error(), "HOME") {
				t.Errorf("HOME=%q XDG_DATA_HOME=%q %v: %v, want a usage error asking for --db", env[0], env[1], args, err)
			}
		}
	}
	if names := dirNames(t, work); len(names) != 0 {
		t.Errorf("wrote %v in the working directory", names)
	}
	// --db, or $STOCKROOM_DB, needs no home
	t.Setenv("HOME", "")
	t.Setenv("XDG_DATA_HOME", "")
	if err := execute(t, "demo", "--skus", "5", "--end", "2026-11-22", "--db", "given.db"); err != nil {
		t.Errorf("demo --db without a home: %v", err)
	}
	t.Setenv("STOCKROOM_DB", "given.db")
	if err := execute(t, "export", "overview"); err != nil {
		t.Errorf("export with $STOCKROOM_DB without a home: %v", err)
	}
	if err := execute(t, "--demo"); err == nil || !strings.Contains(err.Error(), "--db") {
		t.Errorf("--demo without --db or a home: %v, want it to ask for --db", err)
	}
}

func TestCatalogPathPrecedence(t *testing.T) {
	t.Setenv("STOCKROOM_DB", "/tmp/env.db")
	t.Setenv("XDG_DATA_HOME", "/tmp/xdg")
	if got := catalogPath("/tmp/flag.db"); got != "/tmp/flag.db" {
		t.Errorf("flag: %s", got)
	}
	if got := catalogPath(""); got != "/tmp/env.db" {
		t.Errorf("env: %s", got)
	}
	t.Setenv("STOCKROOM_DB", "")
	if got := catalogPath(""); got != "/tmp/xdg/stockroom/catalogue.db" {
		t.Errorf("xdg: %s", got)
	}
	if got := demoPath(); got != "/tmp/xdg/stockroom/demo.db" {
		t.Errorf("demo: %s", got)
	}
}

func TestCommandsDoNotCreateMissingCatalogues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	for _, args := range [][]string{{"export", "stock", "--db", path}, {"set", "X", "reorder_point=1", "--db", path}} {
		err := execute(t, args...)
		if err == nil || !strings.Contains(err.Error(), "no catalogue at") || isUsage(err) {
			t.Errorf("%v: %v", args, err)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a missing catalogue was created")
	}
}
