package demo

import (
	"math"
	"math/rand/v2"

	"stockroom/model"
)

// suppliers is the demo's supplier table with, per category, the indexes
// of the specialists that carry it and of the generalist wholesalers.
type suppliers struct {
	list        []model.Supplier
	specialists [][]int // by category index
	generalists []int
}

// makeSuppliers draws every supplier's terms from its own stream, so the
// SKU workers can read the table without drawing from it.
func makeSuppliers(seed int64) *suppliers {
	r := newRand(seed, streamSuppliers)
	s := &suppliers{specialists: make([][]int, len(categories))}
	for i, spec := range supplierSpecs {
		lead := float64(between(r, spec.LeadLo, spec.LeadHi))
		// A sixth of the suppliers always deliver on the promised day.
		sd := 0.0
		if !chance(r, 1.0/6) {
			sd = math.Min(15, math.Round(2*lead*uniform(r, spec.SpreadLo, spec.SpreadHi))/2)
		}
		s.list = append(s.list, model.Supplier{
			Name:           spec.Name,
			Email:          "orders@" + spec.Domain,
			LeadTimeDays:   lead,
			LeadTimeSDDays: sd,
			OrderCost:      float64(5 * between(r, 4, 30)),
			MinOrderValue:  pick(r, []float64{0, 0, 100, 150, 250, 500, 1000}),
			Currency:       "EUR",
		})
		if spec.Categories == nil {
			s.generalists = append(s.generalists, i)
			continue
		}
		for _, name := range spec.Categories {
			c := categoryIndex(name)
			s.specialists[c] = append(s.specialists[c], i)
		}
	}
	return s
}

// choose picks a product's supplier: mostly a specialist of its category,
// sometimes a wholesaler.
func (s *suppliers) choose(r *rand.Rand, cat int) int {
	if len(s.specialists[cat]) == 0 || chance(r, 0.08) {
		return pick(r, s.generalists)
	}
	return pick(r, s.specialists[cat])
}

func categoryIndex(name string) int {
	for i, c := range categories {
		if c.Name == name {
			return i
		}
	}
	panic("demo: unknown category " + name)
}
