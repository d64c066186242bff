package ui

import (
	"fmt"
	"math"

	"stockroom/model"
	"stockroom/planner"
)

// riskDemandBand is the mean demand over the SKU's risk period L + R, the
// span its reorder point covers, and the 80 % band around it: "128 (80%:
// 110–147)". The band is drawn from the distribution the reorder point is
// a quantile of. A non-breaking space keeps the band on one line when the
// fact wraps.
func riskDemandBand(rd planner.RiskDemand) string {
	return fmt.Sprintf("%s (80%%:\u00a0%s–%s)", formatQty(rd.Mean), bandQty(rd.Lower), bandQty(rd.Upper))
}

// bandQty writes a band edge: whole units (a count distribution's) without
// decimals, others as formatQty does.
func bandQty(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return model.GroupThousands(int64(v))
	}
	return formatQty(v)
}
