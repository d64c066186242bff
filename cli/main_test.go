package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
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
