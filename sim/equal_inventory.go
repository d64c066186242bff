package sim

import "slices"

// EqualInventoryFactors are the scales a baseline's s and S are replayed at
// to find the fill it reaches with the tool's inventory: a policy with less
// stock serves less, so comparing fills at unequal inventory says little.
var EqualInventoryFactors = []float64{0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4}

// Scaled is the policy with s and S multiplied by k.
func Scaled(p Policy, k float64) Policy {
	p.ReorderPoint *= k
	p.OrderUpTo *= k
	return p
}

// FillAtInventory interpolates a policy's fill at the given inventory at
// cost from its replays at several scales: linear in inventory between the
// two replays around it. ok is false when the inventory lies outside what
// the replays hold (or there are fewer than two).
func FillAtInventory(replays []Summary, inventory float64) (fill float64, ok bool) {
	pts := slices.Clone(replays)
	slices.SortFunc(pts, func(a, b Summary) int {
		switch {
		case a.AvgInventoryCost < b.AvgInventoryCost:
			return -1
		case a.AvgInventoryCost > b.AvgInventoryCost:
			return 1
		}
		return 0
	})
	for i := 1; i < len(pts); i++ {
		lo, hi := pts[i-1], pts[i]
		if inventory < lo.AvgInventoryCost || inventory > hi.AvgInventoryCost {
			continue
		}
		span := hi.AvgInventoryCost - lo.AvgInventoryCost
		if span <= 0 {
			return lo.Fill(), true
		}
		t := (inventory - lo.AvgInventoryCost) / span
		return lo.Fill() + t*(hi.Fill()-lo.Fill()), true
	}
	return 0, false
}
