package cli

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

// The tests here run Stockroom as a second real process: the test binary
// runs itself with STOCKROOM_CHILD_ARGS set, and TestMain turns that into
// a `stockroom` command line.

const childArgsEnv, childLockEnv = "STOCKROOM_CHILD_ARGS", "STOCKROOM_CHILD_LOCK_TIMEOUT"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(childArgsEnv); ok {
		if d, err := time.ParseDuration(os.Getenv(childLockEnv)); err == nil {
			lockTimeout = d
		}
		os.Args = append([]string{"stockroom"}, strings.Split(args, "\x1f")...)
		os.Exit(Execute())
	}
	os.Exit(m.Run())
}

// stockroomProcess prepares `stockroom args…` as another process run by
// user, waiting at most lock for another process's write lock.
func stockroomProcess(t *testing.T, user string, lock time.Duration, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgsEnv+"="+strings.Join(args, "\x1f"), childLockEnv+"="+lock.String(), "USER="+user)
	return cmd
}

// runStockroom runs `stockroom args…` in another process and returns its
// exit status, stdout and stderr.
func runStockroom(t *testing.T, user string, args ...string) (int, string, string) {
	t.Helper()
	cmd := stockroomProcess(t, user, time.Minute, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String(), errOut.String()
	case err != nil:
		t.Fatal(err)
	}
	return 0, out.String(), errOut.String()
}

func TestSetInAnotherProcessReachesAnOpenCatalogue(t *testing.T) {
	path := demoDB(t)
	sku := firstSKU(t, path)
	open, err := store.Open(path) // the dashboard's handle
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	b := planner.Backend{Store: open}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(open.MarkSeen(context.Background()))
	loaded := itemBySKU(t, path, sku)
	if code, out, errOut := runStockroom(t, "bob", "set", sku, "reorder_point=40", "--force", "--db", path); code != 0 || !strings.Contains(out, "reorder_point auto → 40") {
		t.Fatalf("set: exit %d, %q %q", code, out, errOut)
	}
	o, err := b.Outside(context.Background())
	must(err)
	if len(o.Entries) != 1 || len(o.ProductIDs) != 1 || o.ProductIDs[0] != loaded.Product.ID {
		t.Fatalf("outside %+v, want bob's one change of product %d", o, loaded.Product.ID)
	}
	if e := o.Entries[0]; e.Who != "bob" || e.EntityID != sku || e.Field != "reorder_point" || e.New != "40" {
		t.Errorf("outside entry %+v, want bob's reorder point 40 of %s", e, sku)
	}
	// an edit made on the row as loaded before is refused, naming bob
	_, err = b.SetPolicies(context.Background(), nil, []model.PolicyChange{{ProductID: loaded.Product.ID, SKU: sku,
		Field: model.FieldReorderPoint, Value: "55", Seen: model.PolicyValue(&loaded, model.FieldReorderPoint), Check: true}})
	var conflict *model.ConflictError
	if !errors.As(err, &conflict) || conflict.Conflicts[0].Who != "bob" || conflict.Conflicts[0].Stored != "40" {
		t.Fatalf("saving over the other process: %v, want a conflict naming bob's 40", err)
	}
	if p := itemBySKU(t, path, sku).Policy; p.ReorderPoint != 40 {
		t.Errorf("stored %d, want bob's 40", p.ReorderPoint)
	}
}

// TestSettingsRaceBetweenTwoProcesses is the race the issue saw:
// `set --setting abc_cut_a=0.9 & set --setting abc_cut_b=0.85`.
func TestSettingsRaceBetweenTwoProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "race.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for round := range 30 {
		if _, _, err := st.SetSettings(context.Background(), map[string]string{"abc_cut_a": "0.8", "abc_cut_b": "0.95"}, nil); err != nil {
			t.Fatal(err)
		}
		codes := make([]int, 2)
		var wg sync.WaitGroup
		for i, arg := range []string{"abc_cut_a=0.9", "abc_cut_b=0.85"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _, _ = runStockroom(t, "bob", "set", "--setting", arg, "--db", path)
			}()
		}
		wg.Wait()
		set, err := st.Settings(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !(set.ABCCutA < set.ABCCutB) {
			t.Fatalf("round %d: the file holds abc_cut_a %v, abc_cut_b %v", round, set.ABCCutA, set.ABCCutB)
		}
		if (codes[0] == 0) == (codes[1] == 0) {
			t.Fatalf("round %d: exit statuses %v, want exactly one refused", round, codes)
		}
	}
}

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
