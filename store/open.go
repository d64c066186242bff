package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// openWant is what the caller of open needs.
type openWant int

const (
	wantCreate   openWant = iota // read-write; a missing file becomes a new catalogue
	wantWrite                    // read-write; the file must exist
	wantRead                     // read-write if possible, else read-only; the file must exist
	wantReadOnly                 // read-only; the file must exist
)

// open checks the file without writing anything — what is at the path,
// whether it is a catalogue this build can open, whether it can be
// written — and only then opens it, read-write (switching it to WAL and
// migrating it) or read-only. A file it refuses is left exactly as it was.
func open(path string, want openWant) (*Store, error) {
	f, err := inspect(path, want)
	if err != nil {
		return nil, err
	}
	var reason string
	if want == wantReadOnly {
		reason = "opened read-only"
	} else {
		reason = f.notWritable()
	}
	if reason != "" {
		if want == wantCreate || want == wantWrite {
			return nil, writeRefusal(path, f, reason)
		}
		return openReadOnly(path, f, reason) // inspect found a file: it only lets wantCreate through without one
	}
	db, err := sql.Open("sqlite3", dsn(path, connReadWrite))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// writeRefusal is the error of an open that must write, when reason says
// why the catalogue at path cannot be written or created.
func writeRefusal(path string, f fileFacts, reason string) error {
	if !f.exists {
		return fmt.Errorf("cannot create a catalogue at %s: %s", path, reason)
	}
	return fmt.Errorf("%s: %w (%s): nothing was changed", path, ErrReadOnly, reason)
}

// readAccess is how to read a file without writing to it. With its -wal
// and -shm there (a process has it open), a read-only connection reads
// through the WAL, sees changes made meanwhile, and creates nothing.
// Otherwise the file is read as immutable: that needs no -shm, so it works
// in a directory this user cannot write and leaves no -wal or -shm behind,
// but it sees no later change. (An immutable connection takes no lock, and
// closing it closes its descriptor at once, which drops the POSIX locks
// this process holds on the file through other connections: safe only
// because, with no -wal, no connection has the catalogue open.)
func readAccess(real string) connAccess {
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(real + suffix); err != nil {
			return connImmutable
		}
	}
	return connReadOnly
}

// openReadOnly opens the catalogue with readAccess, falling back to an
// immutable read when its -shm cannot be used. A catalogue this user could
// write but asked to open read-only (--read-only) is read as it changes,
// through a -shm SQLite may make beside it, as a read-write open would:
// a dashboard opened that way still sees what other processes write.
// Where the user cannot write, no file is made: a -shm made by a reader
// could keep the catalogue's owner from writing it.
func openReadOnly(path string, f fileFacts, reason string) (*Store, error) {
	access := readAccess(f.real)
	if access == connImmutable && f.notWritable() == "" {
		access = connReadOnly
	}
	for {
		db, err := sql.Open("sqlite3", dsn(path, access))
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		h, err := readHeader(context.Background(), db)
		if err != nil && access == connReadOnly {
			db.Close()
			access = connImmutable // its -shm cannot be read or made
			continue
		}
		if err == nil {
			err = h.verdict(path)
		}
		if err == nil && h.version < SchemaVersion {
			err = fmt.Errorf("%s is read-only (%s) and was written by an older Stockroom: open it once with write access to bring it up to date", path, reason)
		}
		if err != nil {
			db.Close()
			return nil, err
		}
		return &Store{db: db, path: path, readOnly: reason}, nil
	}
}

// fileFacts is what inspect found at a path.
type fileFacts struct {
	exists bool
	// real is the path with symlinks resolved: SQLite keeps the -wal and
	// -shm files beside it.
	real string
	mode fs.FileMode
}

// inspect looks at what is at path, reading only: a missing file (in an
// existing directory, and only for wantCreate), an empty one, or a SQLite
// file whose header and tables say it is a catalogue this build can open.
func inspect(path string, want openWant) (fileFacts, error) {
	if err := CheckNameLength(path); err != nil {
		return fileFacts{}, err
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return missing(path, want)
	}
	if err != nil {
		return fileFacts{}, err
	}
	if fi.IsDir() {
		return fileFacts{}, fmt.Errorf("%s is a directory, not a catalogue file", path)
	}
	if !fi.Mode().IsRegular() {
		return fileFacts{}, fmt.Errorf("%s is not a regular file (%s), not a catalogue", path, fileKind(fi.Mode()))
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fileFacts{}, err
	}
	if err := CheckNameLength(real); err != nil {
		return fileFacts{}, fmt.Errorf("%s is a link to a file whose name is too long: %w", path, err)
	}
	f := fileFacts{exists: true, real: real, mode: fi.Mode()}
	switch size := fi.Size(); {
	case size == 0:
		if want == wantCreate {
			return f, nil // an empty file is a new database to SQLite: it becomes the catalogue
		}
		return fileFacts{}, fmt.Errorf("%w at %s: the file is empty", ErrNoCatalogue, path)
	case size < 512: // the smallest SQLite page
		return fileFacts{}, fmt.Errorf("%s: %w: not a SQLite file", path, ErrNotCatalogue)
	}
	// SQLite reads the header itself, over a connection that writes
	// nothing and makes no file (readAccess).
	db, err := sql.Open("sqlite3", dsn(path, readAccess(real)))
	if err != nil {
		return fileFacts{}, fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	h, err := readHeader(context.Background(), db)
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrNotADB {
		return fileFacts{}, fmt.Errorf("%s: %w: not a SQLite file", path, ErrNotCatalogue)
	}
	if err != nil {
		return fileFacts{}, fmt.Errorf("%s: cannot read it: %w", path, err)
	}
	return f, h.verdict(path)
}

// missing explains a path with no file, or for wantCreate accepts it when
// its directory exists.
func missing(path string, want openWant) (fileFacts, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(path)
		return fileFacts{}, fmt.Errorf("%w at %s: it is a symlink to %s, which does not exist", ErrNoCatalogue, path, target)
	}
	dir := filepath.Dir(path)
	if di, err := os.Stat(dir); err != nil || !di.IsDir() {
		what := "does not exist"
		if err == nil {
			what = "is not a directory"
		}
		if want == wantCreate {
			return fileFacts{}, fmt.Errorf("cannot create a catalogue at %s: the directory %s %s", path, dir, what)
		}
		return fileFacts{}, fmt.Errorf("%w at %s: the directory %s %s", ErrNoCatalogue, path, dir, what)
	}
	if want != wantCreate {
		return fileFacts{}, fmt.Errorf("%w at %s", ErrNoCatalogue, path)
	}
	return fileFacts{real: path}, nil
}

// MaxNameBytes is the longest catalogue file name that works: SQLite
// keeps <name>-journal and <name>-wal beside the catalogue, and file
// systems take names of at most 255 bytes.
const MaxNameBytes = 255 - len("-journal")

// MaxPathBytes is the longest path of a catalogue, from the root with
// symlinks resolved, that SQLite opens: it refuses paths over 512 bytes,
// -journal included.
const MaxPathBytes = 512 - len("-journal")

// CheckNameLength refuses a catalogue path too long for SQLite: a name
// with no room for the side files SQLite makes beside it (such a
// catalogue could be written once and then never opened for writing
// again), or a path longer than SQLite opens (it says "no such file").
func CheckNameLength(path string) error {
	if n := len(filepath.Base(path)); n > MaxNameBytes {
		return fmt.Errorf("%s: the file name is too long: %d bytes, and SQLite needs room beside it for the name with -journal and -wal added: give a name of at most %d bytes", path, n, MaxNameBytes)
	}
	if full := fullPath(path); len(full) > MaxPathBytes {
		return fmt.Errorf("%s: the path is too long for SQLite: %d bytes from the root, symlinks resolved (at most %d): choose a shorter path", path, len(full), MaxPathBytes)
	}
	return nil
}

// fullPath is path from the root as SQLite sees it: its directory with
// symlinks resolved where it exists.
func fullPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a plain file"
}

// checkAccess says whether this user may write path (access(2), so root
// may write anything on a writable file system); tests replace it to act
// as another user.
var checkAccess = func(path string) error { return syscall.Access(path, 2 /* W_OK */) }

// notWritable says why the catalogue cannot be written: its file, its
// directory (SQLite makes the -wal and -shm files there) or the file
// system; "" when it can.
func (f fileFacts) notWritable() string {
	if f.exists {
		if err := checkAccess(f.real); err != nil {
			if errors.Is(err, syscall.EROFS) {
				return "the file system is read-only"
			}
			return fmt.Sprintf("the file is not writable by this user: mode %04o, owner %s", f.mode.Perm(), owner(f.real))
		}
	}
	dir := filepath.Dir(f.real)
	if err := checkAccess(dir); err != nil {
		if errors.Is(err, syscall.EROFS) {
			return "the file system is read-only"
		}
		return fmt.Sprintf("the directory %s is not writable", dir)
	}
	return ""
}

// header is what a SQLite file says about itself.
type header struct {
	appID   uint32
	version int
	tables  int // every table
	ours    int // of Stockroom's first tables: products, settings, sales_daily
}

func readHeader(ctx context.Context, db *sql.DB) (header, error) {
	var h header
	err := db.QueryRowContext(ctx, `SELECT
		(SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_master WHERE type = 'table'),
		(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('products', 'settings', 'sales_daily'))`).
		Scan(&h.appID, &h.version, &h.tables, &h.ours)
	return h, err
}

// verdict refuses a file this build must not open: another program's
// SQLite file, or a catalogue from a newer schema. A file without an
// application id is a catalogue from before it (stamped when next
// written) if it has Stockroom's tables, or an empty database.
func (h header) verdict(path string) error {
	ours := h.appID == ApplicationID || h.appID == 0 && h.ours == 3
	switch {
	case h.appID != 0 && h.appID != ApplicationID:
		return fmt.Errorf("%s: %w: it is another program's SQLite file (application_id %#x)", path, ErrNotCatalogue, h.appID)
	case h.version == 0 && h.tables > 0:
		return fmt.Errorf("%s: %w: it is another program's SQLite file (it has tables but no Stockroom schema version)", path, ErrNotCatalogue)
	case h.version > 0 && !ours:
		return fmt.Errorf("%s: %w (it is a SQLite file without Stockroom's tables)", path, ErrNotCatalogue)
	case h.version > SchemaVersion:
		return fmt.Errorf("%s: %w (schema version %d; this build knows up to %d): upgrade Stockroom to open it",
			path, ErrNewerSchema, h.version, SchemaVersion)
	}
	return nil
}

// owner names the user who owns path, for a message.
func owner(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "unknown"
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return "unknown"
	}
	id := strconv.FormatUint(uint64(st.Uid), 10)
	if u, err := user.LookupId(id); err == nil {
		return u.Username
	}
	return id
}
