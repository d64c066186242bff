package ui

import (
	"math"
	"runtime/debug"
	"sync"
)

// The dashboard runs under a soft memory limit (main.go) sized for one
// planned catalogue. A replay holds a second plan, of another day, and its
// sales: above that limit the collector would run all the time (a
// 100,000-SKU replay took 3× as long as `stockroom simulate`). So the
// limit is lifted while a replay runs and set back when the last one
// ends; the heap then shrinks back towards it.
var replayMemory struct {
	sync.Mutex
	running int
	limit   int64
}

// liftMemoryLimit lifts the soft memory limit until restore is called.
func liftMemoryLimit() (restore func()) {
	replayMemory.Lock()
	defer replayMemory.Unlock()
	if replayMemory.running == 0 {
		replayMemory.limit = debug.SetMemoryLimit(math.MaxInt64)
	}
	replayMemory.running++
	var once sync.Once
	return func() {
		once.Do(func() {
			replayMemory.Lock()
			defer replayMemory.Unlock()
			replayMemory.running--
			if replayMemory.running == 0 {
				debug.SetMemoryLimit(replayMemory.limit)
			}
		})
	}
}
