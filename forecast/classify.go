package forecast

import "math"

// Class is a SKU's demand class after Syntetos, Boylan and Croston: ADI is
// the mean number of weeks per week with a sale, CV² the squared
// coefficient of variation of the non-zero weeks' demand.
type Class uint8

const (
	NoDemand     Class = iota // never sold in the history given
	Smooth                    // ADI < 1.32, CV² < 0.49
	Erratic                   // ADI < 1.32, CV² ≥ 0.49
	Intermittent              // ADI ≥ 1.32, CV² < 0.49
	Lumpy                     // ADI ≥ 1.32, CV² ≥ 0.49
)

// The cut-offs of Syntetos, Boylan and Croston (2005).
const (
	ADICutoff = 1.32
	CV2Cutoff = 0.49
)

var classNames = [...]string{"none", "smooth", "erratic", "intermittent", "lumpy"}

func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "?"
}

// ParseClass is String's inverse; unknown text is NoDemand.
func ParseClass(s string) Class {
	for i, n := range classNames {
		if n == s {
			return Class(i)
		}
	}
	return NoDemand
}

// Classes lists the demand classes, NoDemand last.
func Classes() []Class { return []Class{Smooth, Erratic, Intermittent, Lumpy, NoDemand} }

// Sporadic reports whether demand comes in occasional weeks, so that it is
// counted rather than measured: its distribution is Poisson or negative
// binomial, not normal.
func (c Class) Sporadic() bool { return c == Intermittent || c == Lumpy }

// Classify measures ADI and CV² over y, which should start at the first
// sale (see trimStart): weeks before a product first sold say nothing
// about how often it sells. Missing weeks are not counted.
func Classify(y []float64) (c Class, adi, cv2 float64) {
	known, n := 0, 0
	var sum, sumSq float64
	for _, v := range y {
		if math.IsNaN(v) {
			continue
		}
		known++
		if v > 0 {
			n++
			sum += v
			sumSq += v * v
		}
	}
	if n == 0 {
		return NoDemand, math.Inf(1), 0
	}
	adi = float64(known) / float64(n)
	mean := sum / float64(n)
	cv2 = math.Max(sumSq/float64(n)-mean*mean, 0) / (mean * mean)
	switch {
	case adi < ADICutoff && cv2 < CV2Cutoff:
		c = Smooth
	case adi < ADICutoff:
		c = Erratic
	case cv2 < CV2Cutoff:
		c = Intermittent
	default:
		c = Lumpy
	}
	return c, adi, cv2
}

// MaxWeeklyDemand is the most a week can sell; larger values are data
// errors, treated as missing, so that no variance can overflow.
const MaxWeeklyDemand = 1e12

// trimStart drops the weeks before the first sale and clears values that
// are not demand (negative, infinite, absurdly large) to missing, so every
// method sees the same clean series.
func trimStart(demand []float64, dst []float64) []float64 {
	dst = dst[:0]
	started := false
	for _, v := range demand {
		if v < 0 || v > MaxWeeklyDemand {
			v = math.NaN()
		}
		if !started {
			if !(v > 0) {
				continue
			}
			started = true
		}
		dst = append(dst, v)
	}
	return dst
}
