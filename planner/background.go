package planner

import (
	"os"
	"runtime"
	"sync/atomic"
)

// backgroundCores is what background work sizes itself by: the scheduler's
// processors before SpareProcessor added one; 0 until then.
var backgroundCores atomic.Int32

// SpareProcessor gives the Go scheduler one processor more than it has
// cores, for a dashboard that forecasts in the background. The histories
// are read through cgo (SQLite), and a goroutine in a cgo call keeps its
// processor until the runtime's monitor hands it on, up to ~10 ms later;
// with every other processor running a worker, a key waited that long
// before Update saw it (8 ms median at 100,000 SKUs on 2 cores). Background
// work stays sized by the cores (BackgroundWorkers). GOMAXPROCS, when set,
// is left as it is.
func SpareProcessor() {
	n := runtime.GOMAXPROCS(0)
	backgroundCores.Store(int32(n))
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(n + 1)
	}
}

// backgroundWorkers is BackgroundWorkers of the cores.
func backgroundWorkers() int {
	n := int(backgroundCores.Load())
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return BackgroundWorkers(n)
}
