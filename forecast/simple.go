package forecast

import "math"

// directMethod is a method without parameters to fit, whose forecast at an
// origin is computed straight from the history before it.
type directMethod struct {
	label string
	at    func(past []float64, path []float64) // fills path from past
	psiK  func(k int) float64
}

func (d directMethod) name() string { return d.label }

func (d directMethod) fit([]float64) fitted { return d }

func (d directMethod) psi(k int) float64 { return d.psiK(k) }

func (d directMethod) paths(y []float64, from, h int, emit func(int, []float64)) {
	path := make([]float64, h)
	for t := from; t <= len(y); t++ {
		d.at(y[:t], path)
		emit(t, path)
	}
}

// naive repeats the last known week: a random walk, so every past error
// stays in every later forecast (ψ = 1).
var naive = directMethod{
	label: NameNaive,
	at: func(past, path []float64) {
		fill(path, lastUsable(past, len(past)))
	},
	psiK: func(int) float64 { return 1 },
}

// seasonalNaive repeats the same week of last year; where that week is
// missing it looks a further year back, then falls back to the last known
// week. Only a whole year later does a past error come back (ψ = 1 when k
// is a multiple of 52).
var seasonalNaive = directMethod{
	label: NameSeasonalNaive,
	at: func(past, path []float64) {
		for k := range path {
			path[k] = math.NaN()
			for back := season; back <= len(past)+k; back += season {
				if i := len(past) + k - back; i >= 0 && i < len(past) && !math.IsNaN(past[i]) {
					path[k] = past[i]
					break
				}
			}
			if math.IsNaN(path[k]) {
				path[k] = lastUsable(past, len(past))
			}
		}
	},
	psiK: func(k int) float64 {
		if k%season == 0 {
			return 1
		}
		return 0
	},
}

// movingAverageWindow is the moving average's window: a quarter, long
// enough to smooth weekly noise and short enough to follow a change.
const movingAverageWindow = 13

// movingAverage is the flat mean of the last 13 known weeks. Its errors
// are treated as independent (ψ = 0); the mean's own uncertainty is part
// of the one-step error it is scored on.
var movingAverage = directMethod{
	label: NameMovingAverage,
	at: func(past, path []float64) {
		mean, _ := recentMean(past, movingAverageWindow)
		fill(path, mean)
	},
	psiK: func(int) float64 { return 0 },
}

// recentMean is the mean of the last n usable values of y and how many
// there were.
func recentMean(y []float64, n int) (float64, int) {
	sum, k := 0.0, 0
	for i := len(y) - 1; i >= 0 && k < n; i-- {
		if v := y[i]; !math.IsNaN(v) {
			sum += v
			k++
		}
	}
	if k == 0 {
		return 0, 0
	}
	return sum / float64(k), k
}

// lastUsable is the last non-missing value of y[:end], or 0.
func lastUsable(y []float64, end int) float64 {
	for i := end - 1; i >= 0; i-- {
		if !math.IsNaN(y[i]) {
			return y[i]
		}
	}
	return 0
}

func fill(path []float64, v float64) {
	for k := range path {
		path[k] = v
	}
}
