package model

import (
	"cmp"
	"slices"
)

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
	order := make([]int, len(revenue))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(revenue[b], revenue[a]) })
	above := 0.0
	for _, i := range order {
		r := revenue[i]
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
