//go:build linux

package planner

import (
	"runtime"
	"syscall"
)

// backgroundNice is the nice value of background work's threads: the
// dashboard's own threads and the terminal get the cores first.
const backgroundNice = 10

// LowerPriority moves the calling goroutine to a thread of its own at a
// lower priority (Linux sets a thread's nice value by its id). The thread
// is never unlocked, so it ends with the goroutine and no other goroutine
// inherits the priority.
func LowerPriority() {
	runtime.LockOSThread()
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), backgroundNice)
}
