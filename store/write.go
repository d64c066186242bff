package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Every write of a Store goes through one connection of its own, the
// writer, one transaction at a time. Two things follow. PRAGMA
// data_version on that connection changes only when another connection —
// another process, or another handle on the same file — commits, so the
// dashboard can tell others' changes from its own (watch.go). And waiting
// for another process's write lock happens in one place, beginWrite, in
// short attempts: the writer's busy timeout is lockAttempt, so a write can
// say that it is waiting, give up after LockWait.Timeout, or stop when its
// context ends.

// DefaultLockTimeout is how long a write waits for another process to
// finish writing before it fails.
const DefaultLockTimeout = 30 * time.Second

// lockAttempt is how long one BEGIN IMMEDIATE waits for the lock before
// beginWrite looks at the clock and the context again.
const lockAttempt = 250 * time.Millisecond

// ErrLocked is returned when another process kept the catalogue locked for
// writing longer than the write would wait.
var ErrLocked = errors.New("another process is writing the catalogue")

// LockWait says how a write waits for another process's write lock.
type LockWait struct {
	// Timeout is how long to wait; 0 waits until the context ends.
	Timeout time.Duration
	// Note, when set, is called once, from the writing goroutine, when the
	// write finds the catalogue locked and starts waiting.
	Note func(path string)
}

type lockWaitKey struct{}

// WithLockWait makes the writes done with ctx wait for a lock as w says;
// without it a write waits DefaultLockTimeout and says nothing.
func WithLockWait(ctx context.Context, w LockWait) context.Context {
	return context.WithValue(ctx, lockWaitKey{}, w)
}

func lockWaitOf(ctx context.Context) LockWait {
	if w, ok := ctx.Value(lockWaitKey{}).(LockWait); ok {
		return w
	}
	return LockWait{Timeout: DefaultLockTimeout}
}

// writer is the Store's write connection and what it knows of its own
// writes. The zero value is ready: the connection opens on first use.
type writer struct {
	once   sync.Once
	sem    chan struct{} // holds one token while a write or a watch runs
	closed chan struct{} // closed by Close: a write waiting for a lock gives up
	conn   *sql.Conn
	// own are the audit_log ids this handle wrote, as [from, to] ranges in
	// order, the newest maxOwnRanges writes: the watch leaves them out, and
	// a conflict says when a value was this handle's own doing
	own []idRange
	// watch is the data_version and audit_log id last seen (watch.go)
	watch watchState
}

type idRange struct{ from, to int64 }

// maxOwnRanges bounds what a handle remembers of its own writes: a day of
// editing is far fewer.
const maxOwnRanges = 1 << 14

// acquire takes the writer, opening its connection on first use; release
// gives it back. It waits for this handle's other writes, not for other
// processes: that is beginWrite's loop.
func (s *Store) acquire(ctx context.Context) error {
	s.w.once.Do(s.w.init)
	select {
	case s.w.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	return s.openWriter(ctx)
}

// tryAcquire takes the writer only if nobody holds it.
func (s *Store) tryAcquire(ctx context.Context) (bool, error) {
	s.w.once.Do(s.w.init)
	select {
	case s.w.sem <- struct{}{}:
	default:
		return false, nil
	}
	return true, s.openWriter(ctx)
}

// openWriter opens the write connection if it is not open yet; the caller
// holds the token, which it gets back on failure.
func (s *Store) openWriter(ctx context.Context) error {
	if s.w.conn != nil {
		return nil
	}
	conn, err := s.db.Conn(ctx)
	if err == nil {
		_, err = conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", lockAttempt.Milliseconds()))
		if err != nil {
			conn.Close()
		}
	}
	if err != nil {
		<-s.w.sem
		return fmt.Errorf("%s: %w", s.path, err)
	}
	s.w.conn = conn
	return nil
}

func (s *Store) release() { <-s.w.sem }

func (w *writer) init() {
	w.sem, w.closed = make(chan struct{}, 1), make(chan struct{})
}

// closeWriter closes the write connection, for Close, once a write in
// flight has finished or, if it waits for another process, given up.
func (s *Store) closeWriter() {
	s.w.once.Do(s.w.init)
	select {
	case <-s.w.closed:
		return // closed before
	default:
		close(s.w.closed)
	}
	s.w.sem <- struct{}{}
	if s.w.conn != nil {
		s.w.conn.Close()
		s.w.conn = nil
	}
	<-s.w.sem
}

// writeTx is a write transaction on the writer.
type writeTx struct {
	*sql.Tx
	s         *Store
	auditFrom int64 // the highest audit_log id when it began
	done      bool
}

// beginWrite starts a write transaction (BEGIN IMMEDIATE, so the lock is
// taken up front and no statement inside can find it busy), waiting for
// another process's lock as the context's LockWait says.
func (s *Store) beginWrite(ctx context.Context) (*writeTx, error) {
	if err := s.acquire(ctx); err != nil {
		return nil, err
	}
	wait := lockWaitOf(ctx)
	start, noted := time.Now(), false
	for {
		tx, err := s.w.conn.BeginTx(ctx, nil)
		if err == nil {
			t := &writeTx{Tx: tx, s: s}
			if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM audit_log").Scan(&t.auditFrom); err != nil {
				t.Rollback()
				return nil, err
			}
			return t, nil
		}
		if !isBusy(err) || ctx.Err() != nil {
			s.release()
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("%s: %w", s.path, err)
		}
		select {
		case <-s.w.closed:
			s.release()
			return nil, fmt.Errorf("%s: %w: the catalogue was closed while waiting", s.path, ErrLocked)
		default:
		}
		if !noted && wait.Note != nil {
			wait.Note(s.path)
		}
		noted = true
		if waited := time.Since(start); wait.Timeout > 0 && waited >= wait.Timeout {
			s.release()
			unit := time.Second
			if waited < 10*time.Second {
				unit = 100 * time.Millisecond
			}
			return nil, fmt.Errorf("%s: %w (waited %s): try again when it has finished", s.path, ErrLocked, waited.Round(unit))
		}
	}
}

// isBusy tells a lock held by another connection from real errors.
func isBusy(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && (e.Code == sqlite3.ErrBusy || e.Code == sqlite3.ErrLocked)
}

// Commit commits and notes the audit rows written as this handle's own.
func (t *writeTx) Commit() error {
	if t.done {
		return sql.ErrTxDone
	}
	var to int64
	if err := t.Tx.QueryRow("SELECT coalesce(max(id), 0) FROM audit_log").Scan(&to); err != nil {
		t.Rollback()
		return err
	}
	t.done = true
	defer t.s.release()
	if err := t.Tx.Commit(); err != nil {
		return err
	}
	if to > t.auditFrom {
		if len(t.s.w.own) == maxOwnRanges {
			t.s.w.own = slices.Delete(t.s.w.own, 0, maxOwnRanges/2)
		}
		t.s.w.own = append(t.s.w.own, idRange{t.auditFrom + 1, to})
	}
	return nil
}

// Rollback rolls back unless committed; it may be deferred.
func (t *writeTx) Rollback() error {
	if t.done {
		return nil
	}
	t.done = true
	defer t.s.release()
	return t.Tx.Rollback()
}
