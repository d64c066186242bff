package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

const mib = 1 << 20

func TestForIsHalfAgainTheLiveHeapAboveTheFloor(t *testing.T) {
	for _, c := range []struct{ live, want int64 }{
		{0, 224 * mib},
		{100 * mib, 224 * mib},
		{149 * mib, 224 * mib},             // 223.5 MiB
		{150 * mib, 225 * mib},             // the floor ends here
		{171 * mib, 256*mib + mib/2},       // 100,000 SKUs after a look at Stock
		{475 * mib, 712*mib + mib/2},       // 300,000 SKUs: the fixed limit was under the live heap
		{2048 * mib, 3072 * mib},           // a million SKUs, roughly
		{math.MaxInt64 - 1, math.MaxInt64}, // no overflow
	} {
		if got := For(c.live); got != c.want {
			t.Errorf("For(%d MiB) = %.1f MiB, want %.1f MiB", c.live/mib, float64(got)/mib, float64(c.want)/mib)
		}
	}
}

// waitForCollection collects until the policy has seen a collection
// after this call.
func waitForCollection(t *testing.T) {
	t.Helper()
	state.Lock()
	state.live = -1
	state.Unlock()
	for range 500 {
		runtime.GC()
		state.Lock()
		seen := state.live >= 0
		state.Unlock()
		if seen {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("no collection reached the policy")
}

func limit() int64 { return debug.SetMemoryLimit(-1) }

// After a collection the limit follows the live heap, up and down; a lift
// holds until its restore, which sets the followed limit again.
func TestTheLimitFollowsTheLiveHeap(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	defer stop()
	follow(4 * mib)
	if got := limit(); got != 4*mib {
		t.Fatalf("limit on follow = %d, want the floor", got)
	}

	held := make([]byte, 64*mib)
	for i := range held {
		held[i] = 1
	}
	waitForCollection(t)
	if got := limit(); got < 96*mib || got > 128*mib {
		t.Errorf("limit with 64 MiB held = %.1f MiB, want 1.5 × the live heap (96–128 MiB)", float64(got)/mib)
	}
	runtime.KeepAlive(held)

	restore := Lift()
	again := Lift()
	waitForCollection(t)
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("limit while lifted = %d, want none", got)
	}
	restore()
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("limit with one lift left = %d, want none", got)
	}
	again()
	if got := limit(); got == math.MaxInt64 {
		t.Error("limit after the last restore: none, want the followed one")
	}

	held = nil
	waitForCollection(t)
	if got := limit(); got > 32*mib {
		t.Errorf("limit once the 64 MiB went = %.1f MiB, want it back down", float64(got)/mib)
	}
}

// Without Follow (GOMEMLIMIT set, or a batch command) a lift puts back
// the limit it found.
func TestLiftRestoresALimitNotFollowed(t *testing.T) {
	old := debug.SetMemoryLimit(200 * mib)
	defer debug.SetMemoryLimit(old)
	restore := Lift()
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("lifted: %d, want none", got)
	}
	restore()
	restore() // twice: no effect
	if got := limit(); got != 200*mib {
		t.Errorf("restored: %d, want 200 MiB", got)
	}
}

// A raise holds the limit at its floor through collections until its
// restore, which puts the floor before it back; a raise below the floor,
// or without Follow, changes nothing.
func TestRaiseHoldsAFloorUntilRestored(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	defer stop()
	follow(4 * mib)
	if restore := Raise(2 * mib); limit() != 4*mib {
		t.Errorf("raised below the floor: limit %.1f MiB, want the floor", float64(limit())/mib)
	} else {
		restore()
	}
	restore := Raise(512 * mib)
	if got := limit(); got != 512*mib {
		t.Fatalf("raised: limit %.1f MiB, want 512", float64(got)/mib)
	}
	waitForCollection(t)
	if got := limit(); got != 512*mib {
		t.Errorf("raised, after a collection: %.1f MiB, want 512", float64(got)/mib)
	}
	restore()
	restore() // twice: no effect
	if got := limit(); got > 32*mib {
		t.Errorf("restored: %.1f MiB, want the followed limit over the 4 MiB floor", float64(got)/mib)
	}
	waitForCollection(t)
	if got := limit(); got > 32*mib {
		t.Errorf("restored, after a collection: %.1f MiB, want it followed from 4 MiB", float64(got)/mib)
	}
	stop()
	debug.SetMemoryLimit(200 * mib)
	Raise(512 * mib)()
	if got := limit(); got != 200*mib {
		t.Errorf("not following: a raise set %.1f MiB", float64(got)/mib)
	}
}
