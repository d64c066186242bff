package store

import (
	"context"
	"database/sql"

	"stockroom/model"
)

// FirstSalesWeek is the Monday of the earliest week of sales history any
// SKU has, NoDay when the catalogue has none: with LatestSaleDay, how
// much history there is (for backtest's --holdout).
func (s *Store) FirstSalesWeek(ctx context.Context) (model.Day, error) {
	var d sql.NullInt64
	if err := s.db.QueryRowContext(ctx, "SELECT min(first_week) FROM sales_weekly").Scan(&d); err != nil {
		return model.NoDay, err
	}
	if !d.Valid {
		return model.NoDay, nil
	}
	return model.Day(d.Int64), nil
}
