package model

import "math"

// RoundOrder turns a need in units into an order quantity: rounded to whole
// cases by the rule, then raised to the minimum order quantity (itself
// rounded up to whole cases, since a supplier ships cases).
//
//	up       ⌈need / pack⌉ · pack
//	nearest  round(need / pack) · pack, halves up
//	down     ⌊need / pack⌋ · pack
//
// No need (≤ 0) orders nothing. A positive need never rounds to nothing:
// nearest and down order at least one case, because the SKU is at or below
// its reorder point and would otherwise stock out before the next review.
func RoundOrder(need float64, casePack, moq int, rule Rounding) int {
	if !(need > 0) || math.IsInf(need, 1) {
		return 0
	}
	pack := float64(max(casePack, 1))
	cases := need / pack
	switch rule {
	case RoundNearest:
		cases = math.Floor(cases + 0.5)
	case RoundDown:
		cases = math.Floor(cases + 1e-9)
	default:
		cases = math.Ceil(cases - 1e-9) // 12.000000001 units of a pack of 12 is one case
	}
	qty := int(max(cases, 1) * pack)
	if moq > qty {
		qty = int(math.Ceil(float64(moq)/pack) * pack)
	}
	return qty
}

// ParseRounding reads a rounding rule; "" is up.
func ParseRounding(s string) (Rounding, bool) {
	switch Rounding(s) {
	case "", RoundUp:
		return RoundUp, true
	case RoundNearest, RoundDown:
		return Rounding(s), true
	}
	return "", false
}
