package store

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"stockroom/model"
)

// hostileNames are file names that URI syntax would misread: # and ? end
// a URI's path, % starts an escape; spaces and non-ASCII must survive too.
var hostileNames = []string{
	"cat#2.db",
	"what?.db",
	"a?mode=ro&x=1.db",
	"100%.db",
	"%41%2F.db",
	"with space.db",
	"café ünïcode 日本.db",
	"#?%&=;.db",
}

func TestOpenUsesExactlyThePathGiven(t *testing.T) {
	for _, name := range hostileNames {
		for _, relative := range []bool{false, true} {
			dir := t.TempDir()
			// the file today's URI reading opened instead: it must not change
			decoy := filepath.Join(dir, "cat")
			must(t, os.WriteFile(decoy, []byte("not a catalogue\n"), 0o644))
			path := filepath.Join(dir, name)
			if relative {
				t.Chdir(dir)
				path = name
			}
			s, err := Open(path)
			if err != nil {
				t.Fatalf("%q: %v", path, err)
			}
			fixture(t, s)
			must(t, s.Close())
			got := dirNames(t, dir)
			if want := []string{"cat", name}; !slices.Equal(got, sortedCopy(want)) {
				t.Errorf("%q (relative %v): directory holds %q, want %q", path, relative, got, sortedCopy(want))
			}
			if b, _ := os.ReadFile(decoy); string(b) != "not a catalogue\n" {
				t.Errorf("%q: the decoy file changed", path)
			}
			// and every way of opening it again finds the same file
			for _, open := range []func(string) (*Store, error){Open, OpenExisting, OpenReadable, OpenReadOnly} {
				s, err := open(path)
				if err != nil {
					t.Fatalf("%q: reopen: %v", path, err)
				}
				if id, err := s.ProductBySKU(ctx, "A-1"); err != nil || id == 0 {
					t.Errorf("%q: reopened file lacks the product: %v", path, err)
				}
				s.Close()
			}
		}
	}
}

// dirNames lists a directory, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	must(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// dirBytes reads every file in dir: comparing two readings shows whether
// anything changed, appeared or vanished.
func dirBytes(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range dirNames(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		must(t, err)
		out[name] = b
	}
	return out
}

func sameFiles(a, b map[string][]byte) bool {
	return maps.EqualFunc(a, b, bytes.Equal)
}

// withoutSharedMemory drops what SQLite makes beside a catalogue for a
// reader that could write it (the -shm index and an empty -wal), keeping
// every byte that holds data.
func withoutSharedMemory(files map[string][]byte) map[string][]byte {
	out := maps.Clone(files)
	for name, b := range files {
		if strings.HasSuffix(name, "-shm") || (strings.HasSuffix(name, "-wal") && len(b) == 0) {
			delete(out, name)
		}
	}
	return out
}

// foreignDB writes a SQLite file as another program would, with the
// driver's defaults (rollback journal) unless setup says otherwise.
func foreignDB(t *testing.T, path string, setup ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	must(t, err)
	defer db.Close()
	for _, q := range append(setup, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes(body) VALUES ('keep me')") {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestRefusedFilesAreNotTouched(t *testing.T) {
	cases := []struct {
		name  string
		write func(t *testing.T, path string)
		want  string // in the error
	}{
		{"another program's SQLite file", func(t *testing.T, path string) { foreignDB(t, path) }, "not a Stockroom catalogue"},
		{"another program's WAL-mode file", func(t *testing.T, path string) { foreignDB(t, path, "PRAGMA journal_mode=WAL") }, "not a Stockroom catalogue"},
		{"another program's file with its own application id", func(t *testing.T, path string) {
			foreignDB(t, path, "PRAGMA application_id = 1234", "PRAGMA user_version = 2")
		}, "another program"},
		{"a SQLite file with a small user_version", func(t *testing.T, path string) { foreignDB(t, path, "PRAGMA user_version = 2") }, "not a Stockroom catalogue"},
		{"a newer catalogue", func(t *testing.T, path string) {
			s, err := Open(path)
			must(t, err)
			fixture(t, s)
			_, err = s.db.Exec("PRAGMA user_version = 99")
			must(t, err)
			must(t, s.Close())
		}, "newer Stockroom"},
		{"a text file", func(t *testing.T, path string) {
			must(t, os.WriteFile(path, []byte(strings.Repeat("sku,name\nA-1,Anvil\n", 100)), 0o644))
		}, "not a SQLite file"},
		{"a short binary file", func(t *testing.T, path string) {
			must(t, os.WriteFile(path, []byte("SQLite format 3\x00\x10\x00\x01\x01"), 0o644))
		}, "not a SQLite file"},
	}
	for _, c := range cases {
		for _, open := range []struct {
			name string
			fn   func(string) (*Store, error)
		}{{"Open", Open}, {"OpenExisting", OpenExisting}, {"OpenReadable", OpenReadable}, {"OpenReadOnly", OpenReadOnly}} {
			dir := t.TempDir()
			path := filepath.Join(dir, "x.db")
			c.write(t, path)
			before := dirBytes(t, dir)
			s, err := open.fn(path)
			if err == nil {
				s.Close()
				t.Errorf("%s, %s: opened", c.name, open.name)
				continue
			}
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s, %s: error %q should say %q and name the file", c.name, open.name, err, c.want)
			}
			if after := dirBytes(t, dir); !sameFiles(before, after) {
				t.Errorf("%s, %s: the directory changed: %v → %v", c.name, open.name, slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
				if a, b := before["x.db"], after["x.db"]; len(a) >= 100 && len(b) >= 100 {
					t.Logf("header before % x\nheader after  % x", a[:24], b[:24])
				}
			}
		}
	}
}

func appID(t *testing.T, path string) uint32 {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return binary.BigEndian.Uint32(b[68:72])
}

func TestCataloguesCarryTheApplicationID(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(path)
	must(t, err)
	must(t, s.Close())
	if got := appID(t, path); got != ApplicationID {
		t.Errorf("application_id %#x, want %#x", got, ApplicationID)
	}
}

func TestCataloguesWithoutApplicationIDAreStampedOnlyWhenWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	s, err := Open(path)
	must(t, err)
	fixture(t, s)
	_, err = s.db.Exec("PRAGMA application_id = 0") // as catalogues before the id were
	must(t, err)
	must(t, s.Close())
	before := dirBytes(t, dir)
	r, err := OpenReadOnly(path)
	must(t, err)
	if id, err := r.ProductBySKU(ctx, "B-2"); err != nil || id == 0 {
		t.Errorf("read-only open of an old catalogue: %v", err)
	}
	r.Close()
	// a writable catalogue opened read-only may get SQLite's -shm, so that
	// it is read as it changes; its data stays as it was
	if !sameFiles(before, withoutSharedMemory(dirBytes(t, dir))) {
		t.Error("a read-only open changed the file")
	}
	if got := appID(t, path); got != 0 {
		t.Errorf("a read-only open stamped application_id %#x", got)
	}
	w, err := Open(path)
	must(t, err)
	must(t, w.Close())
	if got := appID(t, path); got != ApplicationID {
		t.Errorf("after a read-write open application_id is %#x, want %#x", got, ApplicationID)
	}
}

func TestOpenReadOnlyReadsAndRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	s, err := Open(path)
	must(t, err)
	a, _ := fixture(t, s)
	must(t, s.Close())
	before := dirBytes(t, dir)

	r, err := OpenReadOnly(path)
	must(t, err)
	if r.ReadOnly() == "" {
		t.Error("OpenReadOnly: ReadOnly() says writable")
	}
	c, err := r.LoadCatalogue(ctx, LoadOptions{})
	if err != nil || len(c.Items) != 2 {
		t.Fatalf("read: %v", err)
	}
	_, err = r.SetPolicies(ctx, []model.PolicyChange{{ProductID: a.ID, SKU: a.SKU, Field: model.FieldReorderPoint, Value: "5"}})
	if err == nil {
		t.Error("a write on a read-only catalogue succeeded")
	}
	if err := r.CheckWritable(); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Errorf("CheckWritable: %v", err)
	}
	r.Close()
	if !sameFiles(before, withoutSharedMemory(dirBytes(t, dir))) {
		t.Errorf("a read-only open changed the directory: %v", dirNames(t, dir))
	}
}

// A dashboard opened read-only on a catalogue its user could write
// (--read-only) still sees what another process commits.
func TestOpenReadOnlySeesOthersChanges(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	s, err := Open(path)
	must(t, err)
	a, _ := fixture(t, s)
	must(t, s.Close())

	r, err := OpenReadOnly(path)
	must(t, err)
	defer r.Close()
	must(t, r.MarkSeen(ctx))
	w, err := OpenExisting(path)
	must(t, err)
	defer w.Close()
	if _, err := w.SetPolicies(ctx, []model.PolicyChange{{ProductID: a.ID, SKU: a.SKU, Field: model.FieldReorderPoint, Value: "5"}}); err != nil {
		t.Fatal(err)
	}
	ch, err := r.Changes(ctx)
	if err != nil || !ch.Any || len(ch.Products) != 1 || ch.Products[0] != a.ID {
		t.Fatalf("changes seen read-only: %+v, %v", ch, err)
	}
	items, err := r.LoadItems(ctx, []int64{a.ID})
	if err != nil || len(items) != 1 || !items[0].Policy.Manual || items[0].Policy.ReorderPoint != 5 {
		t.Errorf("read-only reload: %+v, %v", items, err)
	}
}

// asIfNotWritable makes the writability check fail for the paths named,
// as permission bits would for a user other than root.
func asIfNotWritable(t *testing.T, paths ...string) {
	t.Helper()
	old := checkAccess
	t.Cleanup(func() { checkAccess = old })
	checkAccess = func(p string) error {
		for _, q := range paths {
			if p == q {
				return os.ErrPermission
			}
		}
		return old(p)
	}
}

func TestReadOnlyFileOrDirectoryOpensReadOnly(t *testing.T) {
	for _, which := range []string{"file", "directory"} {
		dir := filepath.Join(t.TempDir(), "shop")
		must(t, os.Mkdir(dir, 0o755))
		path := filepath.Join(dir, "c.db")
		s, err := Open(path)
		must(t, err)
		fixture(t, s)
		must(t, s.Close())
		before := dirBytes(t, dir)
		if os.Geteuid() == 0 {
			// permission bits do not stop root: simulate what they do to
			// everyone else
			if which == "file" {
				asIfNotWritable(t, path)
			} else {
				asIfNotWritable(t, dir)
			}
		} else if which == "file" {
			must(t, os.Chmod(path, 0o444))
		} else {
			must(t, os.Chmod(dir, 0o555))
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
		}

		r, err := OpenReadable(path)
		if err != nil {
			t.Fatalf("%s not writable: %v", which, err)
		}
		reason := r.ReadOnly()
		if !strings.Contains(reason, which) {
			t.Errorf("%s not writable: reason %q should say so", which, reason)
		}
		if id, err := r.ProductBySKU(ctx, "A-1"); err != nil || id == 0 {
			t.Errorf("%s not writable: reads fail: %v", which, err)
		}
		r.Close()
		for _, open := range []func(string) (*Store, error){Open, OpenExisting} {
			if w, err := open(path); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), which) {
				if w != nil {
					w.Close()
				}
				t.Errorf("%s not writable: a writer's open says %v, want ErrReadOnly naming the %s", which, err, which)
			}
		}
		if os.Geteuid() != 0 && which == "file" {
			must(t, os.Chmod(path, 0o644))
		}
		if !sameFiles(before, dirBytes(t, dir)) {
			t.Errorf("%s not writable: the directory changed: %v", which, dirNames(t, dir))
		}
	}
}

func TestOpenDoesNotCreateDirectories(t *testing.T) {
	base := t.TempDir()
	path := filepath.Join(base, "typo", "shop.db")
	for _, open := range []func(string) (*Store, error){Open, OpenExisting, OpenReadable, OpenReadOnly} {
		s, err := open(path)
		if err == nil {
			s.Close()
			t.Fatal("opened a catalogue in a missing directory")
		}
		if !strings.Contains(err.Error(), filepath.Join(base, "typo")) || !strings.Contains(err.Error(), "does not exist") {
			t.Errorf("error %q should name the missing directory", err)
		}
	}
	if names := dirNames(t, base); len(names) != 0 {
		t.Errorf("created %v", names)
	}
}

func TestOpenExistingRefusesMissingAndEmptyFiles(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	for _, open := range []func(string) (*Store, error){OpenExisting, OpenReadable, OpenReadOnly} {
		if _, err := open(missing); !errors.Is(err, ErrNoCatalogue) || !strings.Contains(err.Error(), missing) {
			t.Errorf("missing file: %v", err)
		}
	}
	empty := filepath.Join(dir, "empty.db")
	must(t, os.WriteFile(empty, nil, 0o644))
	for _, open := range []func(string) (*Store, error){OpenExisting, OpenReadable, OpenReadOnly} {
		if _, err := open(empty); !errors.Is(err, ErrNoCatalogue) {
			t.Errorf("empty file: %v", err)
		}
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"empty.db"}) {
		t.Errorf("directory holds %v", names)
	}
	// Open, which creates catalogues, takes an empty file as a new one
	s, err := Open(empty)
	must(t, err)
	s.Close()
	if appID(t, empty) != ApplicationID {
		t.Error("an empty file opened for writing did not become a catalogue")
	}
}

func TestOpenRefusesDirectories(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{dir} {
		if s, err := Open(path); err == nil {
			s.Close()
			t.Errorf("%s opened as a catalogue", path)
		} else if !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// While a writer has the catalogue open (its -wal and -shm are there), a
// read-only open reads through the WAL: it sees what the writer commits
// later, and another writer may open the file too.
func TestReadOnlyOpenBesideAWriterSeesItsChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	w, err := Open(path)
	must(t, err)
	defer w.Close()
	a, _ := fixture(t, w)
	r, err := OpenReadOnly(path)
	must(t, err)
	defer r.Close()
	w2, err := OpenExisting(path)
	must(t, err)
	defer w2.Close()
	if _, err := w2.SetPolicies(ctx, []model.PolicyChange{{ProductID: a.ID, SKU: a.SKU, Field: model.FieldReorderPoint, Value: "31"}}); err != nil {
		t.Fatal(err)
	}
	items, err := r.LoadItems(ctx, []int64{a.ID})
	if err != nil || len(items) != 1 || items[0].Policy.ReorderPoint != 31 {
		t.Errorf("the read-only handle does not see the change: %+v, %v", items, err)
	}
}
