package cli

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

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
