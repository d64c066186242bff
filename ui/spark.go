package ui

import (
	"math"
	"strings"
)

var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// sparkline draws values as block characters scaled to their shared maximum
// (zero is the lowest block, so a dead item reads as a flat floor).
func sparkline(values []float64, peak float64) string {
	var b strings.Builder
	b.Grow(3 * len(values))
	for _, v := range values {
		b.WriteRune(sparkRune(v, peak))
	}
	return b.String()
}

func sparkRune(v, peak float64) rune {
	if math.IsNaN(v) || v <= 0 || peak <= 0 {
		return sparkLevels[0]
	}
	i := int(math.Ceil(v/peak*float64(len(sparkLevels)))) - 1
	return sparkLevels[max(0, min(i, len(sparkLevels)-1))]
}

func peakOf(series ...[]float64) float64 {
	p := 0.0
	for _, s := range series {
		for _, v := range s {
			if !math.IsNaN(v) && v > p {
				p = v
			}
		}
	}
	return p
}
