package cli

import (
	"context"
	"os"
	"runtime/debug"

	"stockroom/memlimit"
	"stockroom/store"
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

// startHeapPerSKU is what the dashboard's heap holds per SKU when its first
// frame is drawn (1.4–1.5 KB live at a million SKUs, and what the reads
// leave behind), so a limit of this many bytes a SKU lets the start grow
// without collecting on the way.
const startHeapPerSKU = 2 << 10

// raiseLimitForStart sizes the soft memory limit to the catalogue until
// the first frame (memlimit.Raise): at a million SKUs the limit that
// follows the heap up from memlimit.Floor collected ten times before the
// first frame, 5.3 s instead of 3.4 s with a limit sized to it. Below
// ~110,000 SKUs the floor is already larger and nothing changes.
func raiseLimitForStart(ctx context.Context, st *store.Store) (restore func()) {
	n, err := st.ProductsAbout(ctx)
	if err != nil || n <= 0 {
		return func() {}
	}
	return memlimit.Raise(int64(n) * startHeapPerSKU)
}
