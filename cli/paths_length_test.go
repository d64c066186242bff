package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stockroom/store"
)

// SQLite keeps <name>-journal and <name>-wal beside a catalogue, so its
// name can be at most 255 − 8 bytes. A longer one was written by demo,
// then refused by every command (and by demo as "already exists"); now
// demo refuses it first and leaves nothing, and the longest name that can
// work does.
func TestDemoCatalogueNameLength(t *testing.T) {
	dir := t.TempDir()
	tooLong := filepath.Join(dir, strings.Repeat("n", 251)+".db")
	err := execute(t, "demo", "--db", tooLong, "--skus", "20", "--end", "2026-11-22")
	if err == nil || isUsage(err) || !strings.Contains(err.Error(), "too long") || !strings.Contains(err.Error(), "247") {
		t.Errorf("demo at a 254-byte name: %v, want a refusal saying 247 bytes at most", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("a refused demo left %v", names)
	}

	longest := filepath.Join(dir, strings.Repeat("é", 122)+".db") // 247 bytes, 125 characters
	if err := execute(t, "demo", "--db", longest, "--skus", "20", "--end", "2026-11-22"); err != nil {
		t.Fatalf("demo at a 247-byte name: %v", err)
	}
	out, err := executeOut(t, "export", "overview", "--db", longest)
	if err != nil || !strings.HasPrefix(out, "metric,") {
		t.Errorf("export from a 247-byte name: %v %q", err, out)
	}
	if err := execute(t, "set", "--setting", "review_days=9", "--db", longest); err != nil {
		t.Errorf("set on a 247-byte name: %v", err)
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != filepath.Base(longest) {
		t.Errorf("directory holds %v", names)
	}

	// a file that long made by other means is refused with the reason
	if err := os.Link(longest, tooLong); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"export", "stock"}, {"set", "--setting", "review_days=8"}, {"forecast"}} {
		err := execute(t, append(args, "--db", tooLong)...)
		if err == nil || !strings.Contains(err.Error(), "too long") {
			t.Errorf("%v on a 254-byte name: %v, want the name named too long", args, err)
		}
	}
}

// A path longer than SQLite opens (512 bytes with -journal) is refused as
// too long, not reported as a missing file, and demo leaves nothing.
func TestCataloguePathTooLongForSQLite(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	deep := dir // 430 to 470 bytes: room for a short name, not for a long one
	for len(deep)+41 <= 470 {
		deep = filepath.Join(deep, strings.Repeat("d", 40))
	}
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(deep, strings.Repeat("c", 520-len(deep)-1))
	for _, args := range [][]string{{"demo", "--skus", "5"}, {"export", "stock"}, {"import", "products", filepath.Join("..", "store", "importer", "testdata", "shopify_products_legacy.csv")}} {
		err := execute(t, append(args, "--db", path)...)
		if err == nil || !strings.Contains(err.Error(), "too long for SQLite") {
			t.Errorf("%v at a 520-byte path: %v, want it called too long", args[0], err)
		}
	}
	// a short name near the limit: demo's longer temporary name does not fit
	near := filepath.Join(deep, strings.Repeat("c", store.MaxPathBytes-len(deep)-1))
	if err := execute(t, "demo", "--skus", "5", "--db", near); err == nil || !strings.Contains(err.Error(), "too long for SQLite") {
		t.Errorf("demo at a %d-byte path: %v, want it called too long", len(near), err)
	}
	if names := dirNames(t, deep); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
}
