package model

import (
	"math"
	"testing"
)

func TestClassifyXYZ(t *testing.T) {
	for _, c := range []struct {
		cv   float64
		want XYZ
	}{
		{0, ClassX},
		{0.49, ClassX},
		{0.5, ClassY}, // X < 0.5 ≤ Y
		{0.99, ClassY},
		{1.0, ClassZ}, // Y < 1.0 ≤ Z
		{3.2, ClassZ},
		{math.NaN(), ClassZ}, // no demand: nothing predictable
	} {
		if got := ClassifyXYZ(c.cv, 0.5, 1.0); got != c.want {
			t.Errorf("ClassifyXYZ(%v) = %v, want %v", c.cv, got, c.want)
		}
	}
}
