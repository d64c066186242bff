package model

import "math"

// XYZ is a SKU's class by how steady its weekly demand is: X sells
// evenly, Z erratically or not at all.
type XYZ uint8

const (
	ClassX XYZ = iota
	ClassY
	ClassZ
)

func (c XYZ) String() string { return [...]string{"X", "Y", "Z"}[min(c, ClassZ)] }

// ClassifyXYZ cuts the coefficient of variation of weekly demand: X below
// cutX (0.5), Y below cutY (1.0), else Z. A SKU whose CV is undefined (no
// demand, or under two known weeks) is Z: nothing about it is predictable.
func ClassifyXYZ(cv, cutX, cutY float64) XYZ {
	switch {
	case math.IsNaN(cv):
		return ClassZ
	case cv < cutX:
		return ClassX
	case cv < cutY:
		return ClassY
	}
	return ClassZ
}
