// Package store keeps the Stockroom catalogue in SQLite: schema migrations,
// queries and transactions. It returns model types.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Store is an open catalogue.
type Store struct {
	db   *sql.DB
	path string
	w    writer // the write connection and the watch (write.go, watch.go)
}

// ErrNewerSchema is returned for a catalogue written by a newer Stockroom.
var ErrNewerSchema = errors.New("catalogue was written by a newer Stockroom")

// Open opens (creating if needed) the catalogue at path and brings its schema
// up to date. It refuses files that are not Stockroom catalogues and
// catalogues from a newer schema.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", dir, err)
		}
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
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

// Path is the catalogue's file name.
func (s *Store) Path() string { return s.path }

// Close closes the catalogue.
func (s *Store) Close() error {
	s.closeWriter()
	return s.db.Close()
}

// DB exposes the connection pool for tests and tools that inspect the file.
func (s *Store) DB() *sql.DB { return s.db }

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%s: not a readable SQLite catalogue: %w", s.path, err)
	}
	if version > SchemaVersion {
		return fmt.Errorf("%s: %w (schema version %d; this build knows up to %d): upgrade Stockroom to open it",
			s.path, ErrNewerSchema, version, SchemaVersion)
	}
	if version == 0 {
		var tables int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables); err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
		if tables > 0 {
			return fmt.Errorf("%s: not a Stockroom catalogue (it has tables but no Stockroom schema version)", s.path)
		}
	}
	for v := version; v < SchemaVersion; v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("%s: migrate to version %d: %w", s.path, v+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("%s: migrate to version %d: %w", s.path, v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("%s: migrate to version %d: %w", s.path, v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("%s: migrate to version %d: %w", s.path, v+1, err)
		}
	}
	return nil
}

// now is the clock for timestamps; tests replace it.
var now = func() time.Time { return time.Now().UTC() }

func timestamp() string { return now().Format(time.RFC3339) }

// OpenExisting opens a catalogue that must already exist, for commands that
// read or change one and should not create an empty file by mistake.
func OpenExisting(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no catalogue at %s (write one with stockroom demo --db %s, or open the dashboard to start an empty one)", path, path)
		}
		return nil, err
	}
	return Open(path)
}
