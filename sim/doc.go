// Package sim replays a reorder policy over the daily demand that came after
// the as-of day, to check that following the suggestions gives the promised
// service (DESIGN.md section 5, issue 14). It does no I/O.
//
// The replay, per SKU, day by day from day 0 (the first day after as-of):
//
//  1. Receipts due that day arrive at the start of the day.
//  2. Demand is served from on-hand stock; what stock cannot serve is lost
//     (lost sales, no backorders).
//  3. On a review day (days 0, R, 2R, …, at the end of the day) the review
//     decides as the planner's suggestion does, through the same function
//     (model.Review.Decide): with the inventory position IP = on hand + on
//     order, it orders S − IP when IP ≤ s (a SKU that sells: Policy.NoDemand
//     never is low), or when the order-by day falls on or before the next
//     review; never for dead stock. The order is rounded to the case pack by
//     the SKU's rule and raised to the MOQ (model.RoundOrder), and at IP ≤ s
//     at least enough to lift IP above s. It arrives at the start of day
//     t + L (L at least 1 day); with a lead-time spread σ_L each order draws
//     its own L = round(L + σ_L·N(0,1)) from a seeded RNG.
//
// The order-by day (when Policy.Weekly is set) is model.StockoutDay on the
// review's state: on hand after the day's sales, the orders on their way
// on the days the planner expects them (order day + L, whatever a drawn
// lead time makes of them), and the forecast's weekly means as seen from
// the review day: Weekly[0] covers the seven days after PlannedOn, each
// week spread evenly over its days, the last week held beyond the horizon,
// and a review before PlannedOn (a warm-up) reads from week 0. Less the
// lead time, it orders when it falls within the review period. Dead stock
// (Policy.DeadStockDays): on hand and no sale for that many days
// (model.DeadStock), counted from SKU.LastSale or SKU.Launched
// (model.DaysSinceSale) and then from the replay's own sales (a day that
// served anything). The PM's own order quantity is not replayed: it is an
// instruction for one order, not a policy.
//
// ReplaySchedule replays a schedule of policies, each in force from its
// Step.From day on: the tool re-planned every K weeks. Replay is a schedule
// of one.
//
// With SKU.Warmup the first days are replayed but not measured, so that a
// start with S on hand does not flatter the policy; the measured replay
// starts in the state the warm-up left, its first day closing no cycle.
//
// Stockout-censored days: the recorded sales of a day the SKU was out of
// stock understate demand. Such a day's demand is imputed as the mean of the
// SKU's uncensored days in the same replay week (days 7k … 7k+6), or the
// planning mean μ_w/7 when that week has no uncensored day; never less than
// what was recorded.
//
// Measures:
//
//   - fill rate = units served ÷ units demanded (imputed demand included);
//   - a replenishment cycle is the span from one order arrival (or day 0) up
//     to the next arrival; a cycle fails when any of its days lost a sale,
//     however many. Cycles closed by an arrival count; the open span after
//     the last arrival counts only when it already lost a sale (a failure is
//     certain, a success is not). Cycle service level = cycles without a
//     lost sale ÷ cycles;
//   - average inventory = mean end-of-day on hand, in units and at cost;
//   - weeks of stock = average inventory ÷ average weekly demand;
//   - holding cost = holding rate × unit cost × average inventory × days/365;
//     ordering cost = orders × K.
//
// Aggregates pool over units (fill) and over cycles (CSL), and add the SKUs'
// average inventories; weeks of stock of a group is its inventory at cost
// over its weekly demand at cost.
package sim
