package store

import (
	"context"
	"fmt"

	"stockroom/model"
)

// ProductDetail reads a SKU's stock by location and its open purchase orders
// (drafts and sent orders not fully received), soonest expected first.
func (s *Store) ProductDetail(ctx context.Context, productID int64) (model.ProductDetail, error) {
	d := model.ProductDetail{ProductID: productID}
	rows, err := s.db.QueryContext(ctx, `SELECT l.id, l.name, coalesce(s.on_hand, 0), coalesce(s.committed, 0)
		FROM locations l LEFT JOIN stock s ON s.location_id = l.id AND s.product_id = ? ORDER BY l.id`, productID)
	if err != nil {
		return d, fmt.Errorf("stock by location: %w", err)
	}
	for rows.Next() {
		var st model.StockLevel
		if err := rows.Scan(&st.LocationID, &st.LocationName, &st.OnHand, &st.Committed); err != nil {
			rows.Close()
			return d, err
		}
		d.Stock = append(d.Stock, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, err
	}

	rows, err = s.db.QueryContext(ctx, `SELECT o.id, o.status, coalesce(o.expected_at, ''), l.qty, l.received_qty, l.unit_cost
		FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id
		WHERE l.product_id = ? AND o.status IN ('draft', 'sent') AND l.received_qty < l.qty
		ORDER BY o.expected_at IS NULL, o.expected_at, o.id`, productID)
	if err != nil {
		return d, fmt.Errorf("open purchase orders: %w", err)
	}
	for rows.Next() {
		var l model.OpenPOLine
		var status, expected string
		if err := rows.Scan(&l.POID, &status, &expected, &l.Qty, &l.ReceivedQty, &l.UnitCost); err != nil {
			rows.Close()
			return d, err
		}
		l.Status = model.POStatus(status)
		l.ExpectedAt = model.NoDay
		if expected != "" {
			if day, err := model.ParseDay(expected); err == nil {
				l.ExpectedAt = day
			}
		}
		d.OpenPOs = append(d.OpenPOs, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, err
	}
	d.Sales, err = s.WeeklySales(ctx, productID)
	return d, err
}
