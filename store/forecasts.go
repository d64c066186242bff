package store

import (
	"context"
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"math"

	"stockroom/forecast"
	"stockroom/model"
)

// loadForecasts reads the cached forecasts of one engine and day; SQLite
// skips the others, and the columns read are the ones a start needs.
func (s *Store) loadForecasts(ctx context.Context, key ForecastKey) ([]idForecast, error) {
	var out []idForecast
	methods := map[string]string{} // a handful of methods across 100,000 rows
	// rows, means and recent weeks are carved out of shared blocks: a few
	// hundred allocations instead of several per SKU
	var (
		structs  []model.SKUForecast
		floats   []float64
		float32s []float32
	)
	const block = 4096
	err := s.scanRaw(ctx, `SELECT product_id, data_version, method, demand_class, horizon, residual_sd,
		recent_first_week, recent_units, coalesce(last_sale_day, -2147483648)
		FROM forecasts WHERE as_of = ? AND engine = ? ORDER BY product_id`,
		[]any{int64(key.AsOf), key.Engine}, 9, func(v []driver.Value) error {
			id := rawInt(v[0])
			horizon, recent := rawBytes(v[4]), rawBytes(v[7])
			if len(horizon)%4 != 0 || len(recent)%4 != 0 {
				return fmt.Errorf("forecast of product %d: blobs are not whole float32s", id)
			}
			if len(floats) < len(horizon)/4 {
				floats = make([]float64, max(block*32, len(horizon)/4))
			}
			mean := floats[: len(horizon)/4 : len(horizon)/4]
			floats = floats[len(mean):]
			for i := range mean {
				mean[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(horizon[4*i:])))
			}
			if len(float32s) < len(recent)/4 {
				float32s = make([]float32, max(block*32, len(recent)/4))
			}
			weeks := float32s[: len(recent)/4 : len(recent)/4]
			float32s = float32s[len(weeks):]
			for i := range weeks {
				weeks[i] = math.Float32frombits(binary.LittleEndian.Uint32(recent[4*i:]))
			}
			method := rawString(v[2])
			if m, ok := methods[method]; ok {
				method = m
			} else {
				methods[method] = method
			}
			if len(structs) == 0 {
				structs = make([]model.SKUForecast, block)
			}
			f := &structs[0]
			structs = structs[1:]
			*f = model.SKUForecast{
				DataVersion: rawInt(v[1]), AsOf: key.AsOf, Engine: key.Engine,
				Result:      forecast.Result{Method: method, Mean: mean, SD: rawFloat(v[5])},
				DemandClass: rawString(v[3]), RecentFirstWeek: model.Day(rawInt(v[6])), Recent: weeks,
				LastSale: model.Day(rawInt(v[8])),
			}
			out = append(out, idForecast{id, f})
			return nil
		})
	return out, err
}

// ForecastRow is one SKU's forecast to cache.
type ForecastRow struct {
	ProductID int64
	Forecast  *model.SKUForecast
}

// SaveForecasts caches forecasts in one transaction, replacing older ones.
func (s *Store) SaveForecasts(ctx context.Context, rows []ForecastRow) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO forecasts(product_id, data_version, as_of, engine,
		method, demand_class, horizon, residual_sd, recent_first_week, recent_units, last_sale_day, computed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	at := timestamp()
	horizon := make([]float32, 0, 64)
	for _, r := range rows {
		f := r.Forecast
		horizon = horizon[:0]
		for _, m := range f.Result.Mean {
			horizon = append(horizon, float32(m))
		}
		var lastSale any
		if f.LastSale.Valid() {
			lastSale = int64(f.LastSale)
		}
		if _, err := st.ExecContext(ctx, r.ProductID, f.DataVersion, int64(f.AsOf), f.Engine, f.Result.Method,
			f.DemandClass, encodeFloats(horizon), f.Result.SD, int64(f.RecentFirstWeek), encodeFloats(f.Recent),
			lastSale, at); err != nil {
			return fmt.Errorf("cache forecast of product %d: %w", r.ProductID, err)
		}
	}
	return tx.Commit()
}
