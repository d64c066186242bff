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

	OrderCost   float64 // K, per order
	HoldingRate float64 // h, per year
	UnitCost    float64 // c

	ManualReorderPoint    int
	HasManualReorderPoint bool

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

	DaysOfCover float64 // +Inf when there is no forecast demand
	ExcessUnits int
	Status      Status
}

// Compute applies the formulas of DESIGN.md section 5:
//
//	IP  = on_hand − committed + on_order
//	SS  = z · √(L·σ_w² + μ_w²·σ_L²),  z = Φ⁻¹(service level)
//	ROP = ⌈μ_w·L + SS⌉ unless set by the PM
//	EOQ = √(2·D·K / (h·c)),  D = 52·μ_w
//	S   = ROP + max(EOQ, μ_w·R)
//	days of cover = available / (μ_w / 7)
//	excess = available − (S + cover target · μ_w / 7), when positive
func Compute(in PlanInput) Plan {
	var p Plan
	p.Available = in.OnHand - in.Committed
	p.InventoryPosition = p.Available + in.OnOrder

	mu := math.Max(in.WeeklyDemand, 0)
	sd := math.Max(in.DemandSD, 0)
	L := math.Max(in.LeadTimeWeeks, 0)
	sdL := math.Max(in.LeadTimeSDWeeks, 0)

	z := 0.0
	if in.ServiceLevel > 0 && in.ServiceLevel < 1 {
		z = math.Max(forecast.NormalQuantile(in.ServiceLevel), 0)
	}
	p.SafetyStock = z * math.Sqrt(L*sd*sd+mu*mu*sdL*sdL)
	p.AutoReorderPoint = int(math.Ceil(mu*L + p.SafetyStock - 1e-9))
	p.ReorderPoint = p.AutoReorderPoint
	if in.HasManualReorderPoint {
		p.ReorderPoint = in.ManualReorderPoint
		p.ReorderPointManual = true
	}
	p.EOQ = EOQ(52*mu, in.OrderCost, in.HoldingRate, in.UnitCost)
	p.OrderUpTo = float64(p.ReorderPoint) + math.Max(p.EOQ, mu*in.ReviewWeeks)

	switch {
	case p.Available <= 0:
		p.DaysOfCover = 0
	case mu <= 0:
		p.DaysOfCover = math.Inf(1)
	default:
		p.DaysOfCover = float64(p.Available) / (mu / 7)
	}

	limit := p.OrderUpTo + in.ExcessCoverDays*mu/7
	if excess := float64(p.Available) - limit; excess > 0 {
		p.ExcessUnits = int(math.Floor(excess))
	}

	p.Status = StatusOK
	switch {
	case p.Available <= 0 && in.Active:
		p.Status = StatusOut
	case in.OnHand > 0 && in.DaysSinceSale >= 0 && in.DeadStockDays > 0 && in.DaysSinceSale >= in.DeadStockDays:
		p.Status = StatusDead
	case in.Active && p.InventoryPosition <= p.ReorderPoint && (mu > 0 || p.ReorderPointManual):
		p.Status = StatusLow
	case p.ExcessUnits > 0:
		p.Status = StatusExcess
	}
	return p
}

// EOQ is the economic order quantity √(2·D·K / (h·c)) for yearly demand D,
// order cost K, yearly holding rate h and unit cost c; 0 when any is missing.
func EOQ(yearlyDemand, orderCost, holdingRate, unitCost float64) float64 {
	if yearlyDemand <= 0 || orderCost <= 0 || holdingRate <= 0 || unitCost <= 0 {
		return 0
	}
	return math.Sqrt(2 * yearlyDemand * orderCost / (holdingRate * unitCost))
}
