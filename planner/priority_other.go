//go:build !linux

package planner

// LowerPriority does nothing where a thread's priority cannot be set
// apart from the process's: background work still leaves a core free
// (BackgroundWorkers).
func LowerPriority() {}
