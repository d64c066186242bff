package model

import "slices"

// ABC is a SKU's class by revenue: A earns most, C least.
type ABC uint8

const (
	ClassA ABC = iota
	ClassB
	ClassC
)

func (c ABC) String() string { return [...]string{"A", "B", "C"}[min(c, ClassC)] }

// ClassifyABC ranks SKUs by revenue, highest first, and cuts the ranking by
// cumulative share of total revenue: a SKU is A while the revenue ranked
// above it is under cutA of the total (0.80), B while under cutB (0.95),
// else C. So the best seller is always A, and the SKU that crosses a cut
// still belongs to the class it completes. SKUs without revenue are C.
// Ties keep input order.
func ClassifyABC(revenue []float64, cutA, cutB float64) []ABC {
	out := make([]ABC, len(revenue))
	total := 0.0
	for _, r := range revenue {
		if r > 0 {
			total += r
		}
	}
	// revenue copied next to its index: sorting 100,000 SKUs through an
	// index slice costs several times more
	type ranked struct {
		revenue float64
		i       int
	}
	// only SKUs with revenue are ranked; the rest are C
	order := make([]ranked, 0, len(revenue))
	for i, r := range revenue {
		if r > 0 {
			order = append(order, ranked{r, i})
		} else {
			out[i] = ClassC
		}
	}
	slices.SortFunc(order, func(a, b ranked) int {
		switch {
		case a.revenue > b.revenue:
			return -1
		case a.revenue < b.revenue:
			return 1
		}
		return a.i - b.i
	})
	above := 0.0
	for _, o := range order {
		i, r := o.i, o.revenue
		switch {
		case !(r > 0) || total == 0:
			out[i] = ClassC
		case above < cutA*total:
			out[i] = ClassA
		case above < cutB*total:
			out[i] = ClassB
		default:
			out[i] = ClassC
		}
		if r > 0 {
			above += r
		}
	}
	return out
}

// ServiceLevelFor is the default cycle service level of an ABC class.
func (s Settings) ServiceLevelFor(c ABC) float64 {
	switch c {
	case ClassA:
		return s.ServiceLevelA
	case ClassB:
		return s.ServiceLevelB
	}
	return s.ServiceLevelC
}
