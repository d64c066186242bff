package cli

import (
	"os"
	"runtime/debug"

	"stockroom/memlimit"
)

// startGCPercent turns the collector off while the dashboard reads and
// plans the catalogue: a fresh process growing to ~150 MB would otherwise
// collect several times on the way, 0.1–0.2 s of a 2-core machine's first
// frame (at 400 % it still cost about 0.1 s). The soft memory limit
// (memlimit.Floor, then half again the live heap) still bounds the heap,
// so peak memory is what it was (238–240 MB at 100,000
// SKUs); the usual 100 % returns after the first frame.
const startGCPercent = -1

// relaxGCForStart applies startGCPercent unless GOGC is set, and returns
// what puts the usual setting back.
func relaxGCForStart() func() {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(startGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// limitMemory keeps the soft memory limit of the dashboard and
// `forecast` in step with the live heap (package memlimit): forecasting
// every SKU briefly holds the old and the new forecasts, and without a
// limit the heap doubles past what the data needs; a fixed one that the
// live heap outgrows makes the collector run all the time. GOMEMLIMIT
// overrides it. Batch commands such as import run without it.
func limitMemory() { memlimit.Follow() }
