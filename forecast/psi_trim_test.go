package forecast

import (
	"slices"
	"testing"
)

func TestTrimConstantTail(t *testing.T) {
	for _, c := range []struct{ in, want []float64 }{
		{nil, nil},
		{[]float64{0.3}, []float64{0.3}},
		{[]float64{0.3, 0.3, 0.3}, []float64{0.3}},
		{[]float64{0.5, 0.4, 0.3, 0.3}, []float64{0.5, 0.4, 0.3}},
		{[]float64{0.3, 0.3, 0.4}, []float64{0.3, 0.3, 0.4}},
		{[]float64{0, 0}, []float64{0}},
	} {
		got := trimConstantTail(slices.Clone(c.in))
		if !slices.Equal(got, c.want) {
			t.Errorf("trimConstantTail(%v) = %v, want %v", c.in, got, c.want)
		}
		// the weights the error model reads are unchanged, far beyond the horizon
		for k := 1; k <= len(c.in)+3; k++ {
			a, b := Result{Psi: c.in}.psi(k), Result{Psi: got}.psi(k)
			if a != b {
				t.Errorf("%v: ψ_%d %v, trimmed %v", c.in, k, a, b)
			}
		}
	}
}
