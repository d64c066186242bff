// Package memlimit keeps the Go soft memory limit of the dashboard and of
// `stockroom forecast` in step with the catalogue: a fixed limit that the
// live heap outgrows makes the collector run all the time (at 300,000
// SKUs a fixed 224 MiB limit cost an idle dashboard 1.5 cores, issue 15),
// while no limit lets the heap reach twice what the data needs while old
// and new forecasts are both held.
package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Floor is the lowest limit: a 100,000-SKU catalogue starts within it
// (238–241 MB peak), so small and mid-size catalogues keep the memory
// they had under the fixed limit.
const Floor = 224 << 20

// For is the limit for a live heap of live bytes: half again the live
// heap, never under Floor. The collector then runs at most as often as
// with GOGC=50, never back to back, and the heap stays below GOGC=100's
// twice the live heap.
func For(live int64) int64 { return forFloor(live, Floor) }

func forFloor(live, floor int64) int64 {
	if live > math.MaxInt64/3*2 {
		return math.MaxInt64
	}
	return max(floor, live+live/2)
}

var state struct {
	sync.Mutex
	following bool
	watching  bool // a sentinel waits for the next collection
	floor     int64
	live      int64 // after the last collection
	lifts     int   // Lift calls not yet restored
	saved     int64 // the limit before the first of them, when not following
}

// Follow sets the limit to Floor and, after every collection, to For of
// the live heap it left, unless GOMEMLIMIT is set (the user's limit
// stands).
func Follow() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	follow(Floor)
}

func follow(floor int64) {
	state.Lock()
	defer state.Unlock()
	state.floor = floor
	if state.following {
		return
	}
	state.following = true
	if state.lifts == 0 {
		debug.SetMemoryLimit(floor)
	}
	if !state.watching {
		watch()
	}
}

// stop ends following (tests).
func stop() {
	state.Lock()
	defer state.Unlock()
	state.following = false
}

// sentinel is garbage as soon as it is made: its cleanup runs after the
// next collection. The pointer keeps it out of the tiny allocator, whose
// blocks can outlive their objects.
type sentinel struct {
	_ *int
	_ [8]byte
}

// watch arms a sentinel; state is locked.
func watch() {
	state.watching = true
	runtime.AddCleanup(new(sentinel), func(struct{}) { afterGC() }, struct{}{})
}

// afterGC runs after each collection (on the cleanup goroutine).
func afterGC() {
	live := liveHeap()
	state.Lock()
	defer state.Unlock()
	state.live, state.watching = live, false
	if !state.following {
		return
	}
	if state.lifts == 0 {
		debug.SetMemoryLimit(forFloor(live, state.floor))
	}
	watch()
}

func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// Lift removes the limit until restore is called (several may overlap:
// the last restore puts it back). A replay holds a second plan and its
// sales while it runs; a limit re-derived at each collection would make
// it collect more often than it needs (a 100,000-SKU replay under the
// fixed limit took 3× as long as `stockroom simulate`).
func Lift() (restore func()) {
	state.Lock()
	defer state.Unlock()
	if state.lifts == 0 {
		state.saved = debug.SetMemoryLimit(math.MaxInt64)
	}
	state.lifts++
	var once sync.Once
	return func() {
		once.Do(func() {
			state.Lock()
			defer state.Unlock()
			state.lifts--
			if state.lifts > 0 {
				return
			}
			if state.following {
				// the heap shrinks back towards it as the replay's data goes
				debug.SetMemoryLimit(forFloor(state.live, state.floor))
			} else {
				debug.SetMemoryLimit(state.saved)
			}
		})
	}
}

// Raise keeps the limit at floor at least until restore is called, while
// the heap grows to a size known in advance: a dashboard reading a
// million SKUs grew its heap to 1.5 GB under a limit that followed it
// from Floor, and collected ten times on the way (1.8 s of its 5.3 s
// first frame); under a limit sized to the catalogue, once. restore puts
// the floor that was there back. Without Follow it does nothing.
func Raise(floor int64) (restore func()) {
	state.Lock()
	defer state.Unlock()
	if !state.following || floor <= state.floor {
		return func() {}
	}
	prev := state.floor
	state.floor = floor
	if state.lifts == 0 {
		debug.SetMemoryLimit(forFloor(state.live, floor))
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			state.Lock()
			defer state.Unlock()
			state.floor = prev
			if state.lifts == 0 {
				debug.SetMemoryLimit(forFloor(state.live, prev))
			}
		})
	}
}
