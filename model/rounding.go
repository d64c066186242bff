package model

import "math"

// RoundOrder turns a need in units into an order quantity: rounded to whole
// cases by the rule, raised to at least atLeast units, then to the minimum
// order quantity (both in whole cases, since a supplier ships cases).
//
//	up       ⌈need / pack⌉ · pack
//	nearest  round(need / pack) · pack, halves up
//	down     ⌊need / pack⌋ · pack
//
// No need (≤ 0) orders nothing. A need the rule rounds to no case orders
// nothing either, unless atLeast asks for units: a SKU at or below its
// reorder point asks for enough to lift it above (see Plan.plannedOrder).
// So the part of a case that rounding down left off an order already
// placed never comes back as a case of its own.
func RoundOrder(need float64, atLeast, casePack, moq int, rule Rounding) int {
	if !(need > 0) || math.IsInf(need, 1) {
		return 0
	}
	pack := max(casePack, 1)
	cases := need / float64(pack)
	switch rule {
	case RoundNearest:
		cases = math.Floor(cases + 0.5)
	case RoundDown:
		cases = math.Floor(cases + 1e-9)
	default:
		cases = math.Ceil(cases - 1e-9) // 12.000000001 units of a pack of 12 is one case
	}
	qty := int(cases) * pack
	if atLeast > qty {
		qty = wholeCases(atLeast, pack)
	}
	if qty > 0 && moq > qty {
		qty = wholeCases(moq, pack)
	}
	return qty
}

// wholeCases is units rounded up to whole cases of pack.
func wholeCases(units, pack int) int { return (units + pack - 1) / pack * pack }

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
