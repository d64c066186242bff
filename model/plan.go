package model

import (
	"math"

	"stockroom/forecast"
)

// PlanInput is everything the replenishment maths needs for one SKU.
type PlanInput struct {
	OnHand, Committed, OnOrder int

	WeeklyDemand float64 // μ_w, forecast mean demand per week
	DemandSD     float64 // σ_w, forecast error sd per week

	LeadTimeWeeks   float64 // L
	LeadTimeSDWeeks float64 // σ_L
	ServiceLevel    float64 // cycle service level, e.g. 0.95
	ReviewWeeks     float64 // R
	// MaxCoverWeeks caps the order part of the order-up-to level at this
	// many weeks of demand (0: no cap), so that the EOQ of a cheap,
	// slow item cannot park a year of stock.
	MaxCoverWeeks float64

	OrderCost   float64 // K, per order
	HoldingRate float64 // h, per year
	UnitCost    float64 // c

	ManualReorderPoint    int
	HasManualReorderPoint bool

	// Forecast, when set, gives the demand distribution (the reorder point
	// of intermittent and lumpy SKUs is its lead-time quantile) and the
	// weekly means the stockout date is projected from.
	Forecast *forecast.Result
	Today    Day       // the planning day; stockout and order-by dates count from it
	Incoming []Receipt // sent orders' outstanding units by expected day, soonest first

	CasePack    int
	MOQ         int
	Rounding    Rounding
	OrderQty    int // the PM's own order quantity, when HasOrderQty
	HasOrderQty bool

	Active bool
	// DaysSinceSale counts days since the last sale, or since launch when the
	// SKU never sold; negative when neither is known.
	DaysSinceSale   int
	DeadStockDays   int
	ExcessCoverDays float64
}

// Plan is a SKU's computed stock position and policy numbers.
type Plan struct {
	Available         int // on hand − committed
	InventoryPosition int // available + on order

	SafetyStock        float64
	AutoReorderPoint   int
	ReorderPoint       int // manual when the PM set one, else automatic
	ReorderPointManual bool
	EOQ                float64
	OrderUpTo          float64

	// Low says the inventory position is at or below the reorder point of
	// an active SKU that sells (or whose reorder point the PM set).
	Low bool

	DaysOfCover float64 // CoverDays: +Inf without demand or beyond ten years
	ExcessUnits int
	Status      Status

	// Stockout is the first day forecast demand exceeds available stock
	// plus receipts by then, NoDay beyond the horizon; OrderBy is the last
	// day an order placed now still arrives in time: Stockout − lead time.
	Stockout, OrderBy Day

	// Reorder says the SKU should be ordered now: its inventory position
	// is at or below the reorder point, or its order-by day falls within
	// the review period (waiting for the next review would be too late),
	// and the order-up-to level is above the position; or the PM set an
	// order quantity.
	Reorder bool
	// Need is S − IP; SuggestedQty is it rounded to cases and raised to
	// the MOQ, or the PM's own quantity (QtyManual). 0 unless Reorder.
	Need         float64
	SuggestedQty int
	QtyManual    bool
	OrderValue   float64 // SuggestedQty × unit cost
}

// Compute applies the formulas of DESIGN.md section 5. Orders are placed
// at reviews R weeks apart and arrive L weeks later, so the stock on hand
// at a review must last until the next review's order arrives: the risk
// period P = L + R (RiskPeriod; continuous review: R = 0).
//
//	IP  = on_hand − committed + on_order (sent and draft)
//	k   = min(1 + SD²·LevelVar/μ_w², 2): the level the cycles see
//	      (CycleWeighted); the forecast's means and level variance × k
//	SS  = k·μ_w·P + z · √(V_P + (k·μ_w)²·σ_L²) − μ_w·P,
//	      z = Φ⁻¹(service level)                                smooth, erratic
//	      V_P the weighted forecast's variance of total demand over P
//	      weeks (LeadTimeDemandVariance), P·σ_w² without a forecast
//	ROP = ⌈μ_w·P + SS⌉ unless set by the PM
//	ROP = ⌈q⌉, q = service-level quantile of the weighted forecast's
//	      demand over P weeks, SS = max(q − μ_w·P, 0)          intermittent, lumpy
//	EOQ = √(2·D·K / (h·c)),  D = 52·μ_w
//	S   = ROP + min(max(EOQ, μ_w·R), μ_w·max cover)
//	      at least ROP + the forecast's SaleSize             intermittent, lumpy
//	suggested = RoundOrder(S − IP) when IP ≤ ROP or order-by ≤ today + R,
//	            at least ROP − IP + 1 when IP ≤ ROP
//	days of cover = available / (μ_w / 7), ∞ beyond ten years (CoverDays)
//	stockout = first day demand > available + receipts by then
//	order-by = stockout − L (an order placed that day arrives L later)
//	excess = available − (S + cover target · μ_w / 7), when positive
//
// The count distributions of sporadic SKUs carry no lead-time spread: their
// quantile is taken over the planned risk period.
func Compute(in PlanInput) Plan {
	var p Plan
	p.Available = in.OnHand - in.Committed
	p.InventoryPosition = p.Available + in.OnOrder

	mu := math.Max(in.WeeklyDemand, 0)
	sd := math.Max(in.DemandSD, 0)
	L := math.Max(in.LeadTimeWeeks, 0)
	sdL := math.Max(in.LeadTimeSDWeeks, 0)
	P := RiskPeriod(L, in.ReviewWeeks)

	z := 0.0
	if in.ServiceLevel > 0 && in.ServiceLevel < 1 {
		z = math.Max(forecast.NormalQuantile(in.ServiceLevel), 0)
	}
	// the reorder point protects the level the cycles see (CycleWeighted)
	risk, muRisk := in.Forecast, mu
	if in.Forecast != nil {
		cw, k := CycleWeighted(*in.Forecast)
		risk, muRisk = &cw, mu*k
	}
	sdRisk := z * math.Sqrt(LeadTimeDemandVariance(risk, sd, P)+muRisk*muRisk*sdL*sdL)
	p.SafetyStock = atLeastZero(muRisk*P + sdRisk - mu*P)
	p.AutoReorderPoint = int(math.Ceil(mu*P + p.SafetyStock - 1e-9))
	if f := risk; f != nil && f.Class.Sporadic() && in.ServiceLevel > 0 && in.ServiceLevel < 1 {
		q := LeadTimeDemandQuantile(f, P, in.ServiceLevel)
		// a quantile below the mean (most risk periods sell nothing) is
		// the reorder point, but no stock is held beyond the mean: SS 0
		p.SafetyStock = atLeastZero(q - mu*P)
		p.AutoReorderPoint = int(math.Ceil(q - 1e-9))
	}
	p.ReorderPoint = p.AutoReorderPoint
	if in.HasManualReorderPoint {
		p.ReorderPoint = in.ManualReorderPoint
		p.ReorderPointManual = true
	}
	p.EOQ = EOQ(52*mu, in.OrderCost, in.HoldingRate, in.UnitCost)
	cover := orderCover(p.EOQ, mu, in.ReviewWeeks, in.MaxCoverWeeks)
	if f := in.Forecast; f != nil && f.Class.Sporadic() {
		// one customer's order is the unit a sporadic SKU sells in: an
		// order that tops up less runs out on the next sale
		cover = math.Max(cover, atLeastZero(f.SaleSize))
	}
	p.OrderUpTo = float64(p.ReorderPoint) + cover

	p.DaysOfCover = CoverDays(float64(p.Available), mu)

	p.Stockout = NoDay
	if in.Forecast != nil {
		p.Stockout = StockoutDay(in.Today, float64(p.Available), in.Forecast.Mean, in.Incoming)
	}
	p.OrderBy = OrderBy(p.Stockout, int(math.Round(L*7)))
	review := Review{
		Position: float64(p.InventoryPosition), ReorderPoint: float64(p.ReorderPoint), OrderUpTo: p.OrderUpTo,
		Sells:    mu > 0 || p.ReorderPointManual,
		Dead:     DeadStock(float64(in.OnHand), in.DaysSinceSale, in.DeadStockDays),
		Soon:     OrderByWithin(p.OrderBy, in.Today, int(math.Round(in.ReviewWeeks*7))),
		CasePack: in.CasePack, MOQ: in.MOQ, Rounding: in.Rounding,
	}
	p.Low = in.Active && review.Low()
	p.plannedOrder(in, review)

	limit := p.OrderUpTo + in.ExcessCoverDays*mu/7
	if excess := float64(p.Available) - limit; excess > 0 {
		p.ExcessUnits = int(math.Floor(excess))
	}

	p.Status = StatusOK
	switch {
	case p.Available <= 0 && in.Active:
		p.Status = StatusOut
	case review.Dead:
		p.Status = StatusDead
	case p.Low:
		p.Status = StatusLow
	case p.ExcessUnits > 0:
		p.Status = StatusExcess
	}
	return p
}

// RiskPeriod is the span a reorder point protects, P = L + R: an order
// placed at a review arrives after the lead time L, and the next chance to
// order is the review R weeks later. Continuous review is R = 0. A negative
// or unknown part counts as 0.
func RiskPeriod(L, R float64) float64 {
	return atLeastZero(L) + atLeastZero(R)
}

// orderCover is what an order adds above the reorder point: the EOQ, at
// least a review period's demand (the next order comes a review later),
// and at most maxCover weeks of demand when maxCover > 0:
// min(max(EOQ, μ·R), μ·maxCover).
func orderCover(eoq, mu, review, maxCover float64) float64 {
	cover := math.Max(eoq, mu*review)
	if maxCover > 0 {
		cover = math.Min(cover, mu*maxCover)
	}
	return cover
}

// atLeastZero is x, or 0 when x is negative or not a number: stock held
// for safety is never negative, and an unknown spread holds none.
func atLeastZero(x float64) float64 {
	if x > 0 {
		return x
	}
	return 0
}

// EOQ is the economic order quantity √(2·D·K / (h·c)) for yearly demand D,
// order cost K, yearly holding rate h and unit cost c; 0 when any is missing.
func EOQ(yearlyDemand, orderCost, holdingRate, unitCost float64) float64 {
	if yearlyDemand <= 0 || orderCost <= 0 || holdingRate <= 0 || unitCost <= 0 {
		return 0
	}
	return math.Sqrt(2 * yearlyDemand * orderCost / (holdingRate * unitCost))
}

// plannedOrder decides whether to order now and how much: the PM's own
// quantity, else the review's decision (Review.Decide, which the replay
// shares).
func (p *Plan) plannedOrder(in PlanInput, review Review) {
	if !in.Active {
		return
	}
	if in.HasOrderQty {
		p.Reorder, p.QtyManual, p.SuggestedQty = true, true, max(in.OrderQty, 0)
		p.Need = p.OrderUpTo - float64(p.InventoryPosition)
	} else {
		d := review.Decide()
		p.Need, p.SuggestedQty, p.Reorder = d.Need, d.Qty, d.Qty > 0
	}
	p.OrderValue = float64(p.SuggestedQty) * in.UnitCost
}

// LeadTimeDemandVariance is the variance of total demand over L weeks:
// the forecast's (forecast.Result.TotalVariance, which grows with its
// error weights ψ and its level variance) over whole weeks, linear between
// the whole weeks around a fractional L as LeadTimeDemandQuantile is; with
// no forecast, weeks with independent errors of sd σ_w: L·σ_w².
func LeadTimeDemandVariance(f *forecast.Result, sd, L float64) float64 {
	if !(L > 0) || math.IsInf(L, 1) {
		return 0
	}
	if f == nil {
		return L * sd * sd
	}
	lo := math.Floor(L)
	vlo := f.TotalVariance(int(lo))
	if L == lo {
		return vlo
	}
	return vlo + (L-lo)*(f.TotalVariance(int(lo)+1)-vlo)
}

// LeadTimeDemandQuantile is the p-quantile of total demand over L weeks.
// The forecast gives the distribution over whole weeks; a fractional lead
// time interpolates between the quantiles of the whole weeks around it
// (zero weeks: zero demand).
func LeadTimeDemandQuantile(f *forecast.Result, L, p float64) float64 {
	if !(L > 0) {
		return 0
	}
	lo := math.Floor(L)
	q := func(weeks float64) float64 {
		if weeks <= 0 {
			return 0
		}
		return f.Total(int(weeks)).Quantile(p)
	}
	qlo := q(lo)
	if L == lo {
		return qlo
	}
	return qlo + (L-lo)*(q(lo+1)-qlo)
}
