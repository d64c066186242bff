package demo

import (
	"math/rand/v2"
)

// Pattern is the shape of a demo SKU's demand over its history.
type Pattern uint8

const (
	Smooth         Pattern = iota // steady demand with day-to-day noise
	WeeklySeasonal                // a strong day-of-week profile
	YearlySeasonal                // a yearly peak: garden in spring, outerwear in winter
	TrendingUp                    // demand growing through the history
	Declining                     // fading to nothing more than 90 days before the end
	NewLaunch                     // launched within the last 1–20 weeks, no sales before
	Intermittent                  // most weeks without a sale
	Lumpy                         // rare, large orders
	numPatterns
)

var patternNames = [...]string{"smooth", "weekly-seasonal", "yearly-seasonal", "trending-up",
	"declining", "new-launch", "intermittent", "lumpy"}

func (p Pattern) String() string {
	if p < numPatterns {
		return patternNames[p]
	}
	return "?"
}

// AllPatterns lists every demand pattern.
func AllPatterns() []Pattern {
	out := make([]Pattern, numPatterns)
	for i := range out {
		out[i] = Pattern(i)
	}
	return out
}

// patternShare is the share of each pattern in an average category, in
// percent. Yearly-seasonal products are scaled by the category's
// seasonality, so garden and outerwear have many and pet food few.
var patternShare = [numPatterns]float64{
	Smooth:         24,
	WeeklySeasonal: 13,
	YearlySeasonal: 12,
	TrendingUp:     8,
	Declining:      5.5,
	NewLaunch:      5,
	Intermittent:   20,
	Lumpy:          10,
}

var (
	categoryWeights = func() []float64 {
		w := make([]float64, len(categories))
		for i, c := range categories {
			w[i] = c.Weight
		}
		return w
	}()
	patternWeights = func() [][]float64 {
		out := make([][]float64, len(categories))
		for i, c := range categories {
			w := patternShare
			w[YearlySeasonal] *= c.Seasonal
			out[i] = w[:]
		}
		return out
	}()
)

// identity is what is drawn first for every SKU, from its own stream, so
// that Patterns can replay it without generating the catalogue.
type identity struct {
	cat     int
	pattern Pattern
}

func drawIdentity(r *rand.Rand) identity {
	cat := pickWeighted(r, categoryWeights)
	return identity{cat: cat, pattern: Pattern(pickWeighted(r, patternWeights[cat]))}
}

// Patterns returns the demand pattern of every SKU that Generate writes
// with these options, in SKU order (the order of product ids).
func Patterns(opt Options) []Pattern {
	opt = opt.withDefaults()
	out := make([]Pattern, opt.SKUs)
	for i := range out {
		out[i] = drawIdentity(skuRand(opt.Seed, i)).pattern
	}
	return out
}

// skuRand is SKU i's own random stream.
func skuRand(seed int64, i int) *rand.Rand { return newRand(seed, uint64(i)) }
