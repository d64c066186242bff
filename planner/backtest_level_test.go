package planner

import (
	"math"
	"testing"
)

// addAligned sums series that end on the same week; a missing week adds
// nothing and a shorter series starts later.
func TestAddAligned(t *testing.T) {
	nan := math.NaN()
	var sum []float64
	for _, y := range [][]float64{{1, 2, 3}, {10, nan, 20, 30, 40}, {}, {5}} {
		sum = addAligned(sum, y)
	}
	want := []float64{10, 0, 21, 32, 48} // 1,2,3 and 5 end on the last week
	if len(sum) != len(want) {
		t.Fatalf("%v, want %v", sum, want)
	}
	for i := range want {
		if sum[i] != want[i] {
			t.Fatalf("%v, want %v", sum, want)
		}
	}
	if _, err := ParseLevel("Category"); err == nil {
		t.Error("ParseLevel took \"Category\"")
	}
}
