package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// sideFiles lists the -wal and -shm files beside a catalogue: after a
// clean close there are none.
func sideFiles(path string) []string {
	var left []string
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			left = append(left, path+suffix)
		}
	}
	return left
}

// `stockroom export … | head -3`: the reader goes away. The export ends
// quietly with status 1, the catalogue closed (no -wal or -shm left), not
// killed by SIGPIPE.
func TestExportToAReaderThatGoesAway(t *testing.T) {
	path := demoDB(t)
	for _, args := range [][]string{
		{"export", "forecast"}, // some 300 kB: far more than a pipe holds
		{"export", "forecast", "-o", "-"},
		{"export", "forecast", "-o", "/dev/stdout"},
		{"export", "forecast", "-o", "/dev/fd/1"},
	} {
		cmd := stockroomProcess(t, "bob", time.Minute, append(args, "--db", path)...)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		out.Close() // as head does once it has its lines
		err = cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitUser {
			t.Errorf("%v: %v, want exit status %d", args, err, exitUser)
		}
		if strings.Contains(errOut.String(), "stockroom:") || strings.Contains(errOut.String(), "pipe") {
			t.Errorf("%v: stderr %q, want no error: the reader left on purpose", args, errOut.String())
		}
		if left := sideFiles(path); len(left) > 0 {
			t.Errorf("%v: left %v: the catalogue was not closed", args, left)
		}
	}
}

// openPTY opens a pseudo-terminal: the dashboard needs a terminal, and a
// terminal that closes (tmux kill-session) is what sends SIGHUP.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	ioctl := func(req uintptr, arg unsafe.Pointer) {
		t.Helper()
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), req, uintptr(arg)); e != 0 {
			t.Fatalf("ioctl %#x: %v", req, e)
		}
	}
	var unlock, n int32
	ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock))
	ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n))
	slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return master, slave
}

// A dashboard whose terminal closes (SIGHUP: tmux kill-session, a closed
// ssh session) or that is told to stop (SIGTERM) quits as q does: the
// catalogue is closed, leaving no -wal or -shm.
func TestDashboardEndsCleanlyOnHangupAndTerminate(t *testing.T) {
	path := demoDB(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		master, slave := openPTY(t)
		cmd := stockroomProcess(t, "bob", time.Minute, "--db", path)
		trace := filepath.Join(t.TempDir(), "trace")
		cmd.Env = append(cmd.Env, "STOCKROOM_TRACE="+trace)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		slave.Close()
		go io.Copy(io.Discard, master) // the frames
		// until the dashboard shows the catalogue: a signal while it is
		// still reading may leave a query's connection open at exit
		for range 3000 {
			if b, _ := os.ReadFile(trace); len(b) > 0 && len(sideFiles(path)) == 2 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		if sig == syscall.SIGHUP {
			master.Close() // the kernel hangs up the session: SIGHUP
		} else {
			cmd.Process.Signal(sig)
		}
		err := cmd.Wait()
		master.Close()
		if err != nil {
			t.Errorf("%v: %v, want the dashboard to quit", sig, err)
		}
		if left := sideFiles(path); len(left) > 0 {
			t.Errorf("%v: left %v: the catalogue was not closed", sig, left)
			for _, f := range left {
				os.Remove(f)
			}
		}
	}
}
