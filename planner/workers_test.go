package planner

import (
	"runtime"
	"sync"
	"testing"
)

func TestBackgroundWorkersLeavesACore(t *testing.T) {
	for _, c := range []struct{ cores, want int }{
		{0, 1}, {1, 1}, {2, 1}, {4, 3}, {16, 15},
	} {
		if got := BackgroundWorkers(c.cores); got != c.want {
			t.Errorf("BackgroundWorkers(%d) = %d, want %d", c.cores, got, c.want)
		}
	}
}

// parallelOn runs as many chunks as it is given workers (never more than
// one per 256 items), and one per core when given none.
func TestParallelOnSplitsAmongTheWorkersAsked(t *testing.T) {
	chunks := func(workers, n int) [][2]int {
		var mu sync.Mutex
		var got [][2]int
		covered := make([]int, n)
		parallelOn(workers, n, func(lo, hi int) {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, [2]int{lo, hi})
			for i := lo; i < hi; i++ {
				covered[i]++
			}
		})
		for i, c := range covered {
			if c != 1 {
				t.Fatalf("parallelOn(%d, %d): item %d done %d times", workers, n, i, c)
			}
		}
		return got
	}
	if got := chunks(1, 10000); len(got) != 1 || got[0] != [2]int{0, 10000} {
		t.Errorf("1 worker: chunks %v, want [0 10000]", got)
	}
	if got := chunks(3, 9000); len(got) != 3 {
		t.Errorf("3 workers over 9000: %d chunks, want 3", len(got))
	}
	if got := chunks(8, 600); len(got) != 2 { // 600/256 = 2
		t.Errorf("8 workers over 600: %d chunks, want 2", len(got))
	}
	if got, want := len(chunks(0, 100000)), runtime.GOMAXPROCS(0); got != want {
		t.Errorf("0 workers: %d chunks, want one per core (%d)", got, want)
	}
}

// The dashboard's spare processor is not one more background worker.
func TestSpareProcessorKeepsBackgroundWorkersToTheCores(t *testing.T) {
	t.Setenv("GOMAXPROCS", "")
	old := runtime.GOMAXPROCS(4)
	defer runtime.GOMAXPROCS(old)
	defer backgroundCores.Store(0)
	SpareProcessor()
	if got := runtime.GOMAXPROCS(0); got != 5 {
		t.Errorf("GOMAXPROCS = %d, want 5", got)
	}
	if got := backgroundWorkers(); got != 3 {
		t.Errorf("background workers = %d, want 3 (4 cores less one)", got)
	}
}
