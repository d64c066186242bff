//go:build linux

package planner

import (
	"runtime"
	"syscall"
	"testing"
)

// niceOf reads a thread's nice value (the raw call returns 20 − nice).
func niceOf(t *testing.T, tid int) int {
	t.Helper()
	raw, err := syscall.Getpriority(syscall.PRIO_PROCESS, tid)
	if err != nil {
		t.Fatal(err)
	}
	return 20 - raw
}

// Background work's thread runs at nice 10; the caller's does not change.
func TestLowerPriorityNicesOnlyItsOwnThread(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	own := niceOf(t, syscall.Gettid())
	if own >= backgroundNice {
		t.Skipf("the test already runs at nice %d", own)
	}
	got := make(chan int)
	go func() {
		LowerPriority()
		got <- syscall.Gettid()
		<-got // the thread stays until it is read
	}()
	tid := <-got
	if n := niceOf(t, tid); n != backgroundNice {
		t.Errorf("background thread at nice %d, want %d", n, backgroundNice)
	}
	got <- 0
	if n := niceOf(t, syscall.Gettid()); n != own {
		t.Errorf("the caller's thread went from nice %d to %d", own, n)
	}
}
