package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"stockroom/model"
)

// SupplierActivity summarises every supplier's purchase orders as of a day,
// keyed by supplier id.
//
//   - OpenPOs: draft and sent orders with some quantity outstanding;
//     OpenValue: Σ outstanding × unit cost over their lines.
//   - Spend52w: Σ qty × unit cost of orders not cancelled whose sent day is
//     in (asOf − 364, asOf]: 52 weeks ending on asOf (today when asOf is
//     NoDay).
//   - LeadTime: measured from received orders with both a sent and a
//     received day (see leadTimeStats). Orders received after asOf count too:
//     asOf is usually the last sales day, and a receipt booked since is still
//     the best evidence of the supplier's lead time.
//
// Two queries, each one pass over the orders: one aggregate per supplier in
// SQL, and the received orders' days, whose statistics are computed here.
// The aggregate reads lines only of open orders and of orders sent in the
// window, the few among years of received ones; CROSS JOIN keeps the orders
// as the outer loop, which SQLite would otherwise turn round into a scan of
// every line (eight times slower at 50,000 orders).
//
// A supplier whose orders are all old, cancelled or without days may be
// absent: read a missing entry as no activity (its LeadTime is then not
// Measured).
func (s *Store) SupplierActivity(ctx context.Context, asOf model.Day) (map[int64]model.SupplierActivity, error) {
	if !asOf.Valid() {
		// a catalogue without sales has no planning day; the spend window
		// then ends today rather than nowhere
		asOf = model.DayOf(now())
	}
	out := map[int64]model.SupplierActivity{}
	get := func(id int64) model.SupplierActivity {
		a, ok := out[id]
		if !ok {
			nan := math.NaN()
			a = model.SupplierActivity{SupplierID: id, LeadTime: model.LeadTimeStats{MeanDays: nan, SDDays: nan, OnTime: nan}}
		}
		return a
	}

	// ISO day text compares in date order, so the window (asOf − 364, asOf]
	// is BETWEEN its first day, asOf − 363, and asOf.
	from, to := (asOf - 363).String(), asOf.String()
	rows, err := s.db.QueryContext(ctx, `SELECT o.supplier_id,
		count(DISTINCT CASE WHEN o.status IN ('draft', 'sent') AND l.qty > l.received_qty THEN o.id END),
		coalesce(sum(CASE WHEN o.status IN ('draft', 'sent') THEN max(l.qty - l.received_qty, 0) * l.unit_cost END), 0.0),
		coalesce(sum(CASE WHEN o.status <> 'cancelled' AND substr(o.sent_at, 1, 10) BETWEEN ?1 AND ?2
			THEN l.qty * l.unit_cost END), 0.0)
		FROM purchase_orders o CROSS JOIN po_lines l ON l.po_id = o.id
		WHERE o.status IN ('draft', 'sent')
			OR (o.status <> 'cancelled' AND substr(o.sent_at, 1, 10) BETWEEN ?1 AND ?2)
		GROUP BY o.supplier_id`, from, to)
	if err != nil {
		return nil, fmt.Errorf("supplier activity: %w", err)
	}
	for rows.Next() {
		var id int64
		var open int
		var openValue, spend float64
		if err := rows.Scan(&id, &open, &openValue, &spend); err != nil {
			rows.Close()
			return nil, fmt.Errorf("supplier activity: %w", err)
		}
		a := get(id)
		a.OpenPOs, a.OpenValue, a.Spend52w = open, openValue, spend
		out[id] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("supplier activity: %w", err)
	}

	samples, err := receivedOrderDays(ctx, s.db, "")
	if err != nil {
		return nil, fmt.Errorf("supplier lead times: %w", err)
	}
	for id, ss := range samples {
		a := get(id)
		a.LeadTime = leadTimeStats(ss)
		out[id] = a
	}
	return out, nil
}

// leadTimeSample is one received purchase order's days; Expected may be NoDay.
type leadTimeSample struct {
	Sent, Expected, Received model.Day
}

// leadTimeStats measures lead times, in days from sent to received:
//
//	Receipts = n, the samples with both days readable and received ≥ sent
//	           (a receipt before sending is a typing error, not a lead time)
//	MeanDays = Σ dᵢ / n                         (NaN when n = 0)
//	SDDays   = √(Σ (dᵢ − mean)² / (n − 1))      (sample sd; NaN when n < 2)
//	OnTime   = #(received ≤ expected) / #(with an expected day)  (NaN when none)
func leadTimeStats(samples []leadTimeSample) model.LeadTimeStats {
	st := model.LeadTimeStats{MeanDays: math.NaN(), SDDays: math.NaN(), OnTime: math.NaN()}
	var sum float64
	days := make([]float64, 0, len(samples))
	withExpected, onTime := 0, 0
	for _, s := range samples {
		if !s.Sent.Valid() || !s.Received.Valid() || s.Received < s.Sent {
			continue
		}
		d := float64(s.Received - s.Sent)
		days = append(days, d)
		sum += d
		if s.Expected.Valid() {
			withExpected++
			if s.Received <= s.Expected {
				onTime++
			}
		}
	}
	st.Receipts = len(days)
	if n := len(days); n > 0 {
		st.MeanDays = sum / float64(n)
		if n > 1 {
			// two passes: the deviations are small next to the days
			var ss float64
			for _, d := range days {
				ss += (d - st.MeanDays) * (d - st.MeanDays)
			}
			st.SDDays = math.Sqrt(ss / float64(n-1))
		}
	}
	if withExpected > 0 {
		st.OnTime = float64(onTime) / float64(withExpected)
	}
	return st
}

// supplierLeadTimes measures one supplier's lead times from its received
// orders, as SupplierActivity does for all of them.
func supplierLeadTimes(ctx context.Context, tx *sql.Tx, supplierID int64) (model.LeadTimeStats, error) {
	samples, err := receivedOrderDays(ctx, tx, "AND supplier_id = ?", supplierID)
	return leadTimeStats(samples[supplierID]), err
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// receivedOrderDays reads the days of received orders, by supplier; and
// adds a condition (one supplier, say).
func receivedOrderDays(ctx context.Context, q querier, and string, args ...any) (map[int64][]leadTimeSample, error) {
	rows, err := q.QueryContext(ctx, `SELECT supplier_id, sent_at, expected_at, received_at FROM purchase_orders
		WHERE status = 'received' AND sent_at IS NOT NULL AND received_at IS NOT NULL `+and, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]leadTimeSample{}
	for rows.Next() {
		var id int64
		var sent, expected, received sql.NullString
		if err := rows.Scan(&id, &sent, &expected, &received); err != nil {
			return nil, err
		}
		out[id] = append(out[id], leadTimeSample{Sent: poDay(sent), Expected: poDay(expected), Received: poDay(received)})
	}
	return out, rows.Err()
}
