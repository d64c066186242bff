//go:build unix

package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"stockroom/store"
	"stockroom/tools/orderscsv"
)

// importChildEnv holds the command line a child process runs (see
// TestImportChildProcess), its arguments separated by newlines.
const importChildEnv = "STOCKROOM_TEST_IMPORT_CHILD"

// TestImportChildProcess is the child of TestImportKilledMidwayLeavesTheCatalogueAsBefore:
// it runs the command line it is given, in a process of its own.
func TestImportChildProcess(t *testing.T) {
	args := os.Getenv(importChildEnv)
	if args == "" {
		t.Skip("run as a child process by TestImportKilledMidwayLeavesTheCatalogueAsBefore")
	}
	out, err := executeOut(t, strings.Split(args, "\n")...)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(out)
}

// An import killed with SIGKILL while it is provably inside its write
// transaction, with uncommitted pages already in the -wal file, leaves the
// catalogue exactly as it was: the same tables and rows when opened again,
// the main file unchanged byte for byte, and no files left over.
func TestImportKilledMidwayLeavesTheCatalogueAsBefore(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	orig, file := filepath.Join(dir, "orig.db"), filepath.Join(dir, "orders.csv")
	if err := execute(t, "demo", "--db", orig, "--skus", "1000", "--seed", "5"); err != nil {
		t.Fatal(err)
	}
	writeOrders(t, orig, file, 150_000) // replaces most of the last year's SKU-days
	origBytes, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	before := catalogueDigest(t, orig)

	// the whole import, run to the end in a child, changes the catalogue,
	// and shows how long it writes
	db := filepath.Join(dir, "c.db")
	args := []string{"import", "orders", file, "--db", db}
	if err := os.WriteFile(db, origBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	held := runChild(t, db, -1, args...)
	if full := catalogueDigest(t, db); full == before {
		t.Fatal("the import changed nothing: there is nothing to interrupt")
	}
	// the same again, killed three quarters into its writing: deep inside
	// the transaction, most SKUs' sales replaced but not committed. A child
	// that runs faster than the first may finish before that: it is tried
	// again, killed earlier.
	killed := false
	for _, share := range []time.Duration{3, 2, 1} {
		if err := os.WriteFile(db, origBytes, 0o644); err != nil {
			t.Fatal(err)
		}
		if killed = runChild(t, db, held*share/4, args...) < 0; killed {
			break
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(db + suffix)
		}
	}
	if !killed {
		t.Fatal("the child finished its import three times before it could be caught inside the write")
	}
	// before SQLite opens it again, the main file is untouched: the
	// uncommitted pages went to the -wal only
	if after, _ := os.ReadFile(db); !bytes.Equal(after, origBytes) {
		t.Error("the killed import changed the catalogue's main file")
	}
	if after := catalogueDigest(t, db); after != before {
		t.Errorf("the catalogue after the killed import differs:\nbefore %s\nafter  %s", before, after)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"c.db", "orders.csv", "orig.db"}; !slices.Equal(names, want) {
		t.Errorf("files left: %v, want %v", names, want)
	}
}

// writeOrders writes a Shopify orders export selling the catalogue's SKUs.
func writeOrders(t *testing.T, db, path string, lines int) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var skus []string
	rows, err := st.DB().Query("SELECT sku FROM products ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		skus = append(skus, s)
	}
	rows.Close()
	st.Close()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := orderscsv.Write(f, orderscsv.Options{Seed: 9, Lines: lines, SKUs: skus}); err != nil {
		t.Fatal(err)
	}
}

// runChild runs the command line in a child process and returns how long
// after it first took the catalogue's write lock it last held it: the
// length of its writing, split into transactions or not. With killAfter ≥
// 0 it kills the child with SIGKILL once that long has passed and the
// child is provably inside a write transaction with uncommitted pages in
// the -wal file: with the child stopped, the lock is still held and the
// -wal's last complete frame is not a commit. It returns -1 then.
func runChild(t *testing.T, db string, killAfter time.Duration, args ...string) time.Duration {
	t.Helper()
	child := exec.Command(os.Args[0], "-test.run=^TestImportChildProcess$")
	child.Env = append(os.Environ(), importChildEnv+"="+strings.Join(args, "\n"))
	var out bytes.Buffer
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- child.Wait() }()
	probe, err := sql.Open("sqlite3", "file:"+db+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close()
	pid := child.Process.Pid
	var first time.Time // when the child first took the lock
	var writing time.Duration
	for {
		select {
		case <-done:
			if !strings.Contains(out.String(), "Imported ") {
				t.Fatalf("the child failed: %s", out.String())
			}
			return writing
		default:
		}
		if writeLocked(t, probe) {
			if first.IsZero() {
				first = time.Now()
			}
			writing = time.Since(first)
			if killAfter >= 0 && writing >= killAfter {
				syscall.Kill(pid, syscall.SIGSTOP)
				if writeLocked(t, probe) && lastFrameUncommitted(t, db+"-wal") {
					syscall.Kill(pid, syscall.SIGKILL)
					<-done
					return -1
				}
				syscall.Kill(pid, syscall.SIGCONT)
			}
		}
		time.Sleep(time.Millisecond)
	}
}

// writeLocked reports whether another connection holds the catalogue's
// write lock: BEGIN IMMEDIATE is refused at once.
func writeLocked(t *testing.T, db *sql.DB) bool {
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		if strings.Contains(err.Error(), "locked") || strings.Contains(err.Error(), "busy") {
			return true
		}
		t.Fatal(err)
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
	return false
}

// lastFrameUncommitted reads a -wal file (https://sqlite.org/fileformat.html#the_write_ahead_log):
// its last complete frame of the current generation (the salts of the
// header) is not a commit frame, so the transaction writing it has not
// committed.
func lastFrameUncommitted(t *testing.T, path string) bool {
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 32 {
		return false
	}
	pageSize := int(binary.BigEndian.Uint32(b[8:12]))
	salts := b[16:24]
	frames, commit := 0, uint32(0)
	for off := 32; off+24+pageSize <= len(b); off += 24 + pageSize {
		if !bytes.Equal(b[off+8:off+16], salts) {
			break
		}
		frames, commit = frames+1, binary.BigEndian.Uint32(b[off+4:off+8])
	}
	return frames > 0 && commit == 0
}

// catalogueDigest opens a catalogue as the next command would (SQLite
// rolls back what a killed writer left in the -wal), checks its integrity
// and sums up its schema and every table's rows in a fixed order.
func catalogueDigest(t *testing.T, path string) string {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity check: %s %v", check, err)
	}
	var tables []string
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var sums []string
	for _, table := range tables {
		h := sha256.New()
		n := hashRows(t, db, h, `SELECT * FROM "`+table+`"`)
		sums = append(sums, fmt.Sprintf("%s:%d:%x", table, n, h.Sum(nil)[:6]))
	}
	h := sha256.New()
	hashRows(t, db, h, "SELECT type, name, sql FROM sqlite_master")
	var version int
	db.QueryRow("PRAGMA user_version").Scan(&version)
	return fmt.Sprintf("schema %d %x; %s", version, h.Sum(nil)[:6], strings.Join(sums, " "))
}

// hashRows writes a query's rows, ordered by every column, into h and
// returns how many there were.
func hashRows(t *testing.T, db *sql.DB, h io.Writer, query string) int {
	t.Helper()
	rows, err := db.Query(query + " LIMIT 0")
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rows.Columns()
	rows.Close()
	order := make([]string, len(cols))
	for i := range cols {
		order[i] = fmt.Sprint(i + 1)
	}
	rows, err = db.Query(query + " ORDER BY " + strings.Join(order, ", "))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%#v\n", vals)
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}
