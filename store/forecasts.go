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

// loadForecasts reads the cached forecasts made as of one day, by any
// engine and for any data version: the planner shows an out-of-date one
// until its replacement is computed. Forecasts as of another day are
// skipped, as they would show a past or future that is not the one asked.
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
		recent_first_week, recent_units, coalesce(last_sale_day, -2147483648), engine, psi,
		backtest_error, revenue_52w, units_52w, demand_cv_52w, in_stock_days_52w, sale_prob, sale_prob_before, level_var, sale_size
		FROM forecasts WHERE as_of = ? ORDER BY product_id`,
		[]any{int64(key.AsOf)}, 20, func(v []driver.Value) error {
			id := rawInt(v[0])
			horizon, recent, psiBlob := rawBytes(v[4]), rawBytes(v[7]), rawBytes(v[10])
			if len(horizon)%4 != 0 || len(recent)%4 != 0 || len(psiBlob)%4 != 0 {
				return fmt.Errorf("forecast of product %d: blobs are not whole float32s", id)
			}
			need := (len(horizon) + len(psiBlob)) / 4
			if len(floats) < need {
				floats = make([]float64, max(block*64, need))
			}
			mean := decodeFloat32s(floats[:len(horizon)/4:len(horizon)/4], horizon)
			floats = floats[len(mean):]
			var psi []float64
			if len(psiBlob) > 0 {
				psi = decodeFloat32s(floats[:len(psiBlob)/4:len(psiBlob)/4], psiBlob)
				floats = floats[len(psi):]
			}
			if len(float32s) < len(recent)/4 {
				float32s = make([]float32, max(block*32, len(recent)/4))
			}
			weeks := float32s[: len(recent)/4 : len(recent)/4]
			float32s = float32s[len(weeks):]
			for i := range weeks {
				weeks[i] = math.Float32frombits(binary.LittleEndian.Uint32(recent[4*i:]))
			}
			method, engine := intern(methods, rawString(v[2])), intern(methods, rawString(v[9]))
			if len(structs) == 0 {
				structs = make([]model.SKUForecast, block)
			}
			f := &structs[0]
			structs = structs[1:]
			*f = model.SKUForecast{
				DataVersion: rawInt(v[1]), AsOf: key.AsOf, Engine: engine,
				Result: forecast.Result{Method: method, Class: forecast.ParseClass(rawString(v[3])),
					Mean: mean, SD: rawFloat(v[5]), Psi: psi, RMSSE: nullFloat(v[11]), LevelVar: rawFloat(v[18]), SaleSize: rawFloat(v[19])},
				RecentFirstWeek: model.Day(rawInt(v[6])), Recent: weeks,
				LastSale:   model.Day(rawInt(v[8])),
				Revenue52w: rawFloat(v[12]), Units52w: rawFloat(v[13]),
				Stats: model.DemandStats{CV: nullFloat(v[14]), InStockDays: rawFloat(v[15]),
					SaleProb: rawFloat(v[16]), SaleProbBefore: rawFloat(v[17])},
			}
			out = append(out, idForecast{id, f})
			return nil
		})
	return out, err
}

// intern returns the copy of s kept in seen: a handful of distinct method
// and engine names across 100,000 rows.
func intern(seen map[string]string, s string) string {
	if v, ok := seen[s]; ok {
		return v
	}
	seen[s] = s
	return s
}

// decodeFloat32s fills dst from little-endian float32s.
func decodeFloat32s(dst []float64, blob []byte) []float64 {
	for i := range dst {
		dst[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(blob[4*i:])))
	}
	return dst
}

// ForecastRow is one SKU's forecast to cache.
type ForecastRow struct {
	ProductID int64
	Forecast  *model.SKUForecast
}

// SaveForecasts caches forecasts in one transaction, replacing older ones.
func (s *Store) SaveForecasts(ctx context.Context, rows []ForecastRow) error {
	wt, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer wt.Rollback()
	tx := wt.Tx
	st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO forecasts(product_id, data_version, as_of, engine,
		method, demand_class, horizon, residual_sd, recent_first_week, recent_units, last_sale_day, computed_at,
		psi, backtest_error, revenue_52w, units_52w, demand_cv_52w, in_stock_days_52w, sale_prob, sale_prob_before, level_var, sale_size)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	at := timestamp()
	horizon, psi := make([]float32, 0, 64), make([]float32, 0, 64)
	for _, r := range rows {
		f := r.Forecast
		horizon, psi = toFloat32s(horizon, f.Result.Mean), toFloat32s(psi, f.Result.Psi)
		rmsse, cv := finiteOrNull(f.Result.RMSSE), finiteOrNull(f.Stats.CV)
		var lastSale any
		if f.LastSale.Valid() {
			lastSale = int64(f.LastSale)
		}
		if _, err := st.ExecContext(ctx, r.ProductID, f.DataVersion, int64(f.AsOf), f.Engine, f.Result.Method,
			f.Result.Class.String(), encodeFloats(horizon), f.Result.SD, int64(f.RecentFirstWeek), encodeFloats(f.Recent),
			lastSale, at, encodeFloats(psi), rmsse, f.Revenue52w, f.Units52w,
			cv, f.Stats.InStockDays, f.Stats.SaleProb, f.Stats.SaleProbBefore, f.Result.LevelVar, f.Result.SaleSize); err != nil {
			return fmt.Errorf("cache forecast of product %d: %w", r.ProductID, err)
		}
	}
	return wt.Commit()
}

func toFloat32s(dst []float32, src []float64) []float32 {
	dst = dst[:0]
	for _, v := range src {
		dst = append(dst, float32(v))
	}
	return dst
}

// finiteOrNull writes NaN or ±Inf (not measured) as NULL, which SQLite
// cannot store as a REAL.
func finiteOrNull(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

// nullFloat reads a nullable REAL, NULL being NaN (not measured).
func nullFloat(v driver.Value) float64 {
	if v == nil {
		return math.NaN()
	}
	return rawFloat(v)
}
