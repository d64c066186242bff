package safefile

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestRemoveStaleRemovesOnlyFilesNoWriterHolds(t *testing.T) {
	dir := t.TempDir()
	touch := func(name string) {
		t.Helper()
		must(t, os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600))
	}
	// left by a killed writer: nobody holds its lock
	stale := ".shop.db" + marker + "123"
	touch(stale)
	touch(stale + "-wal")
	touch(stale + "-shm")
	// a companion whose database is gone
	touch(".old.db" + marker + "9-journal")
	// another program's files, and ours that are not temporary
	for _, name := range []string{".hidden", "shop.db", "shop.db-wal", "notes" + marker + "1", ".x" + marker + "dir"} {
		touch(name)
	}
	// a live writer's file
	live, err := CreateTemp(dir, "demo.db", 0o644)
	must(t, err)
	defer live.Close()
	touch(filepath.Base(live.Name()) + "-wal")

	removed := RemoveStale(dir)
	for i := range removed {
		removed[i] = filepath.Base(removed[i])
	}
	slices.Sort(removed)
	if want := []string{".old.db" + marker + "9-journal", stale}; !slices.Equal(removed, want) {
		t.Errorf("reported %q, want %q", removed, want)
	}
	want := []string{".hidden", ".x" + marker + "dir", filepath.Base(live.Name()), filepath.Base(live.Name()) + "-wal", "notes" + marker + "1", "shop.db", "shop.db-wal"}
	slices.Sort(want)
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("left %q, want %q", got, want)
	}

	// once its writer closes it, the file is stale too
	live.Close()
	RemoveStale(dir)
	for _, name := range names(t, dir) {
		if strings.HasPrefix(name, ".demo.db") {
			t.Errorf("%s outlived its writer", name)
		}
	}
}

func TestCreateTempKeepsLongNamesWithinLimits(t *testing.T) {
	dir := t.TempDir()
	base := strings.Repeat("é", 120) + ".csv" // 244 bytes
	f, err := CreateTemp(dir, base, 0o600)
	must(t, err)
	defer f.Close()
	name := filepath.Base(f.Name())
	if len(name) > 255 || !strings.Contains(name, marker) || !strings.HasPrefix(name, ".é") {
		t.Errorf("temporary name %q (%d bytes)", name, len(name))
	}
}

// A killed export's temporary file is removed by the next write there.
func TestWriteRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".stock.csv"+marker+"42")
	must(t, os.WriteFile(stale, []byte("half an export"), 0o600))
	must(t, Write(filepath.Join(dir, "stock.csv"), text("sku\n", nil)))
	if got := names(t, dir); !slices.Equal(got, []string{"stock.csv"}) {
		t.Errorf("directory holds %q", got)
	}
}
