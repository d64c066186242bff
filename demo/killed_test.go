package demo

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDemoChildProcess is a demo run that stops for good halfway through
// writing, for TestKilledDemoLeavesNothingForTheNextRun to kill; on its
// own it does nothing.
func TestDemoChildProcess(t *testing.T) {
	path := os.Getenv("STOCKROOM_DEMO_CHILD")
	if path == "" {
		t.Skip("run as a child process")
	}
	Create(context.Background(), path, Options{SKUs: 300, Progress: func(done, total int) {
		if done >= total/3 {
			fmt.Println("halfway")
			select {} // until killed
		}
	}})
	os.Exit(3) // not reached
}

// startHalfwayDemo starts a demo run in a child process and returns once
// it is writing.
func startHalfwayDemo(t *testing.T, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDemoChildProcess$")
	cmd.Env = append(os.Environ(), "STOCKROOM_DEMO_CHILD="+path)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if lines.Text() == "halfway" {
			return cmd
		}
	}
	t.Fatalf("the child ended before writing: %v", cmd.Wait())
	return nil
}

func tempNames(t *testing.T, dir string) []string {
	var out []string
	for _, n := range dirNames(t, dir) {
		if strings.Contains(n, ".tmp") || strings.Contains(n, "-tmp-") {
			out = append(out, n)
		}
	}
	return out
}

// A demo run killed with SIGKILL leaves its temporary catalogue (and
// SQLite's -wal and -shm) behind; the next run removes them, but never
// those of a run still writing.
func TestKilledDemoLeavesNothingForTheNextRun(t *testing.T) {
	dir := t.TempDir()
	killed := startHalfwayDemo(t, filepath.Join(dir, "demo.db"))
	must(t, killed.Process.Kill())
	killed.Wait()
	left := tempNames(t, dir)
	if len(left) == 0 {
		t.Fatal("the killed run left no temporary file: the test does not test anything")
	}
	t.Logf("the killed run left %v", left)

	alive := startHalfwayDemo(t, filepath.Join(dir, "other.db"))
	var aliveNames []string
	for _, n := range tempNames(t, dir) {
		if strings.HasPrefix(n, ".other.db") {
			aliveNames = append(aliveNames, n)
		}
	}
	if len(aliveNames) == 0 {
		t.Fatal("the live run has no temporary file")
	}

	// the next run, while the other one still writes
	must(t, Create(context.Background(), filepath.Join(dir, "demo.db"), Options{SKUs: 10}))
	if got := tempNames(t, dir); !slices.Equal(got, aliveNames) {
		t.Errorf("after the next run: temporary files %v, want only the live run's %v", got, aliveNames)
	}
	if _, err := os.Stat(filepath.Join(dir, "demo.db")); err != nil {
		t.Error(err)
	}
	alive.Process.Kill()
	alive.Wait()
}
