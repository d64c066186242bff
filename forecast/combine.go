package forecast

import "strings"

// combination forecasts the equal-weight mean of its parts' forecasts. A
// mean of a few good methods is more robust than the one that happened to
// score best over half a year of origins (the M-competitions' finding),
// most of all where the backtest cannot tell them apart.
type combination []method

func (c combination) name() string {
	names := make([]string, len(c))
	for i, m := range c {
		names[i] = m.name()
	}
	return strings.Join(names, " + ")
}

func (c combination) fit(y []float64) fitted {
	parts := make([]fitted, len(c))
	for i, m := range c {
		parts[i] = m.fit(y)
	}
	return combine(parts...)
}

// combinedFit is the parts' fits.
type combinedFit struct{ parts []fitted }

func combine(parts ...fitted) *combinedFit { return &combinedFit{parts: parts} }

// paths averages the parts' forecasts, each clipped at zero as the
// caller would clip it alone.
func (f *combinedFit) paths(y []float64, from, h int, emit func(int, []float64)) {
	n := len(y) - from + 1
	if n <= 0 || h <= 0 {
		return
	}
	buf := borrow(n * h)
	defer giveBack(buf)
	sum := *buf
	clear(sum)
	share := 1 / float64(len(f.parts))
	for _, part := range f.parts {
		part.paths(y, from, h, func(t int, path []float64) {
			row := sum[(t-from)*h:]
			for k, v := range path {
				row[k] += max(v, 0) * share
			}
		})
	}
	for i := range n {
		emit(from+i, sum[i*h:(i+1)*h])
	}
}

// psi is the mean of the parts' weights: the combined forecast moves by
// the mean of what each part's forecast moves by after an error. The SD
// is the combination's own one-step error, so it is not the parts' mean.
func (f *combinedFit) psi(k int) float64 {
	sum := 0.0
	for _, part := range f.parts {
		sum += part.psi(k)
	}
	return sum / float64(len(f.parts))
}
