package cli

import (
	"os"
	"runtime/pprof"
)

// startCPUProfile writes a CPU profile of the run to path
// (STOCKROOM_CPUPROFILE), for measuring imports and exports as users run
// them; the returned function ends it.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
