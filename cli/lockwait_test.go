package cli

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stockroom/store"
)

// A command waits for another process's write lock, saying so once on
// stderr (lockwait.go), in a second real process and in-process.

func TestSetWaitsForAnotherProcessesLock(t *testing.T) {
	path := demoDB(t)
	sku := firstSKU(t, path)
	holder, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()

	// the lock is released while set waits: it says so, then saves
	lock, err := holder.DB().BeginTx(context.Background(), nil) // BEGIN IMMEDIATE
	if err != nil {
		t.Fatal(err)
	}
	cmd := stockroomProcess(t, "bob", time.Minute, "set", sku, "reorder_point=40", "--force", "--db", path)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	if !lines.Scan() || lines.Text() != "waiting for another process to finish writing "+path+"…" {
		t.Errorf("stderr %q, want the waiting note", lines.Text())
	}
	lock.Commit()
	for lines.Scan() {
		t.Errorf("more on stderr: %q", lines.Text())
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("set after the lock freed: %v", err)
	}
	if p := itemBySKU(t, path, sku).Policy; !p.Manual || p.ReorderPoint != 40 {
		t.Errorf("stored %+v, want 40", p)
	}

	// held too long: a clear one-line failure, nothing written
	lock, err = holder.DB().BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	cmd = stockroomProcess(t, "bob", 300*time.Millisecond, "set", sku, "reorder_point=50", "--force", "--db", path)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitUser {
		t.Fatalf("set under a held lock: %v, want exit status %d", err, exitUser)
	}
	got := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
	if len(got) != 2 || !strings.HasPrefix(got[0], "waiting for another process") ||
		!strings.HasPrefix(got[1], "stockroom: "+path+": another process is writing the catalogue") ||
		!strings.HasSuffix(got[1], "try again when it has finished") {
		t.Errorf("stderr %q: want the note, then one line naming the file", got)
	}
	lock.Rollback()
	if p := itemBySKU(t, path, sku).Policy; p.ReorderPoint != 40 {
		t.Errorf("stored %d after the refused set, want 40", p.ReorderPoint)
	}
}

// The lock may be held by any program (sqlite3, a script): the note says
// "another process", not another Stockroom.
func TestCommandsWaitForLocksWithANote(t *testing.T) {
	path := demoDB(t)
	holder, err := sql.Open("sqlite3", "file:"+path) // as a python script would, not through the store
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	old := lockTimeout
	lockTimeout = 300 * time.Millisecond
	defer func() { lockTimeout = old }()
	for _, args := range [][]string{
		{"set", "--setting", "review_days=9"},
		{"set", firstSKU(t, path), "moq=5"},
	} {
		root := rootCommand()
		root.SetArgs(append(args, "--db", path))
		var out, errOut bytes.Buffer
		root.SetOut(&out)
		root.SetErr(&errOut)
		err := root.Execute()
		if !errors.Is(err, store.ErrLocked) {
			t.Errorf("%v: err %v, want ErrLocked", args, err)
		}
		if want := "waiting for another process to finish writing " + path + "…\n"; errOut.String() != want {
			t.Errorf("%v: stderr %q, want %q", args, errOut.String(), want)
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
