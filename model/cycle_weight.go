package model

import (
	"math"

	"stockroom/forecast"
)

// maxCycleWeight caps CycleWeighted's factor: a level as uncertain as its
// mean (squared coefficient of variation 1) at most doubles the demand a
// reorder point plans for.
const maxCycleWeight = 2.0

// CycleWeighted is the forecast as the cycle service level meets it. The
// level λ a forecast starts from is uncertain (variance v = SD²·LevelVar
// around its mean μ); a SKU whose demand comes in above the forecast runs
// through its order cycles faster, so of all cycles a class runs, those at
// a high λ are over-represented in proportion to λ. The level the cycles
// see is λ size-biased: for a gamma-shaped λ, mean μ·k and variance v·k
// with k = 1 + v/μ². Protecting that level makes the share of cycles
// without a lost sale, not the share of SKUs, meet the service level.
// k is at most maxCycleWeight; 1 without a level variance or demand.
func CycleWeighted(f forecast.Result) (forecast.Result, float64) {
	k := CycleWeight(f)
	if k == 1 {
		return f, 1
	}
	mean := make([]float64, len(f.Mean))
	for i, m := range f.Mean {
		mean[i] = m * k
	}
	f.Mean = mean
	f.LevelVar *= k
	return f, k
}

// CycleWeight is CycleWeighted's factor k alone, without copying the
// forecast: what a pane needs to say whether the level is raised.
func CycleWeight(f forecast.Result) float64 {
	mu := f.Level()
	v := f.SD * f.SD * f.LevelVar
	if !(mu > 0) || !(v > 0) || math.IsInf(v, 1) {
		return 1
	}
	return math.Min(1+v/(mu*mu), maxCycleWeight)
}
