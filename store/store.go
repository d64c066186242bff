// Package store keeps the Stockroom catalogue in SQLite: schema migrations,
// queries and transactions. It returns model types.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Store is an open catalogue.
type Store struct {
	db   *sql.DB
	path string
	w    writer // the write connection and the watch (write.go, watch.go)
	// readOnly says why the catalogue is open read-only; "" when it can be
	// written.
	readOnly string
}

// ApplicationID marks a SQLite file as a Stockroom catalogue (PRAGMA
// application_id, bytes 68–71 of the file): "STKR" in ASCII.
const ApplicationID = 0x53544B52

var (
	// ErrNewerSchema is returned for a catalogue written by a newer Stockroom.
	ErrNewerSchema = errors.New("catalogue was written by a newer Stockroom")
	// ErrNotCatalogue is returned for a file that is not a Stockroom catalogue.
	ErrNotCatalogue = errors.New("not a Stockroom catalogue")
	// ErrNoCatalogue is returned when there is no catalogue at the path.
	ErrNoCatalogue = errors.New("no catalogue")
	// ErrReadOnly is returned by the opens that write when the file or its
	// directory cannot be written, and by CheckWritable.
	ErrReadOnly = errors.New("the catalogue is read-only")
)

// connAccess is how a connection opens the file.
type connAccess int

const (
	connReadWrite connAccess = iota
	connReadOnly
	// connImmutable reads a file whose -shm cannot be made (a WAL
	// catalogue in a directory this user cannot write): SQLite reads the
	// file as it is, without locks, and sees no later change by others.
	connImmutable
)

// dsn is the connection string for path. The path is percent-encoded, so
// that #, ? and % in a file name are part of the name and never URI syntax.
func dsn(path string, access connAccess) string {
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	switch access {
	case connReadWrite:
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
	case connReadOnly:
		q.Set("mode", "ro")
	case connImmutable:
		q.Set("mode", "ro")
		q.Set("immutable", "1")
	}
	return fileURI(path) + "?" + q.Encode()
}

// fileURI writes path as a SQLite file: URI, escaping every byte but
// letters, digits and / . _ - ~ (SQLite decodes %HH in the path).
func fileURI(path string) string {
	const hex = "0123456789ABCDEF"
	b := []byte("file:")
	if len(path) > 0 && path[0] == '/' {
		b = append(b, "//"...) // an empty authority: a path starting // is not read as a host
	}
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '/', c == '.', c == '_', c == '-', c == '~':
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

// Open opens the catalogue at path for reading and writing, creating an
// empty one when no file is there. Its directory must exist: Stockroom
// never creates a directory the user typed. Only the commands that make
// catalogues (demo, import) call it; the others use OpenExisting or
// OpenReadable, which never create one.
func Open(path string) (*Store, error) { return open(path, wantCreate) }

// OpenExisting opens the existing catalogue at path for reading and
// writing. A missing file is ErrNoCatalogue; a file or directory that
// cannot be written is ErrReadOnly, before anything is written.
func OpenExisting(path string) (*Store, error) { return open(path, wantWrite) }

// OpenReadable opens the existing catalogue at path for reading and
// writing when the file and its directory can be written, else read-only:
// ReadOnly then says why.
func OpenReadable(path string) (*Store, error) { return open(path, wantRead) }

// OpenReadOnly opens the existing catalogue at path read-only whatever
// its permissions.
func OpenReadOnly(path string) (*Store, error) { return open(path, wantReadOnly) }

// Path is the catalogue's file name.
func (s *Store) Path() string { return s.path }

// ReadOnly says why the catalogue is open read-only ("the directory … is
// not writable"); "" when it can be written.
func (s *Store) ReadOnly() string { return s.readOnly }

// CheckWritable is ErrReadOnly, naming the file and why, for a catalogue
// open read-only.
func (s *Store) CheckWritable() error {
	if s.readOnly == "" {
		return nil
	}
	return fmt.Errorf("%s: %w (%s)", s.path, ErrReadOnly, s.readOnly)
}

// Close closes the catalogue.
func (s *Store) Close() error {
	s.closeWriter()
	return s.db.Close()
}

// DB exposes the connection pool for tests and tools that inspect the file.
func (s *Store) DB() *sql.DB { return s.db }

// migrate brings a read-write catalogue's schema up to date and stamps
// its application id (catalogues written before it had none). The file
// was checked before it was opened for writing; the check is repeated
// here on what SQLite reads, WAL included.
func (s *Store) migrate(ctx context.Context) error {
	h, err := readHeader(ctx, s.db)
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	if err := h.verdict(s.path); err != nil {
		return err
	}
	version := h.version
	for v := version; v < SchemaVersion; v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("%s: migrate to version %d: %w", s.path, v+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("%s: migrate to version %d: %w", s.path, v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", v+1, ApplicationID)); err != nil {
			tx.Rollback()
			return fmt.Errorf("%s: migrate to version %d: %w", s.path, v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("%s: migrate to version %d: %w", s.path, v+1, err)
		}
	}
	if version == SchemaVersion && h.appID != ApplicationID {
		if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
	}
	return nil
}

// now is the clock for timestamps; tests replace it.
var now = func() time.Time { return time.Now().UTC() }

func timestamp() string { return now().Format(time.RFC3339) }
