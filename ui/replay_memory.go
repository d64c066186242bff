package ui

import "stockroom/memlimit"

// The dashboard runs under a soft memory limit that follows the live heap
// (package memlimit). A replay holds a second plan, of another day, and
// its sales: under the limit the collector would run far more often than
// the replay needs (a 100,000-SKU replay took 3× as long as `stockroom
// simulate`). So the limit is lifted while a replay runs and set again
// when the last one ends; the heap then shrinks back towards it.
func liftMemoryLimit() (restore func()) { return memlimit.Lift() }
