package store

import (
	"context"
	"database/sql/driver"
	"fmt"

	"stockroom/model"
)

// loadForecasts reads the cached forecasts made as of one day, by any
// engine and for any data version: the planner shows an out-of-date one
// until its replacement is computed. Forecasts as of another day are
// skipped, as they would show a past or future that is not the one asked.
func (s *Store) loadForecasts(ctx context.Context, key ForecastKey) ([]idForecast, error) {
	var out []idForecast
	names := map[string]string{} // a handful of methods and engines across 100,000 rows
	// rows, means and recent weeks are carved out of shared blocks: a few
	// hundred allocations instead of several per SKU
	var (
		structs  []model.SKUForecast
		floats   []float64
		float32s []float32
	)
	const block = 4096
	err := s.scanRaw(ctx, `SELECT product_id, data_version, engine, method, figures
		FROM forecasts WHERE as_of = ? ORDER BY product_id`,
		[]any{int64(key.AsOf)}, 5, func(v []driver.Value) error {
			figures := rawBytes(v[4])
			nMeans, nPsi, nRecent, err := figuresShape(figures)
			if err != nil { // a damaged cache row is no forecast: it is made again
				return nil
			}
			if len(floats) < nMeans+nPsi {
				floats = make([]float64, max(block*64, nMeans+nPsi))
			}
			means, psi := floats[:nMeans:nMeans], floats[nMeans:nMeans+nPsi:nMeans+nPsi]
			floats = floats[nMeans+nPsi:]
			if len(float32s) < nRecent {
				float32s = make([]float32, max(block*32, nRecent))
			}
			recent := float32s[:nRecent:nRecent]
			float32s = float32s[nRecent:]
			if len(structs) == 0 {
				structs = make([]model.SKUForecast, block)
			}
			f := &structs[0]
			structs = structs[1:]
			*f = model.SKUForecast{DataVersion: rawInt(v[1]), AsOf: key.AsOf, Engine: intern(names, rawString(v[2]))}
			f.Result.Method = intern(names, rawString(v[3]))
			readFigures(figures, f, means, psi, recent)
			out = append(out, idForecast{rawInt(v[0]), f})
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
		method, figures, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	at := timestamp()
	var figures []byte
	for _, r := range rows {
		f := r.Forecast
		figures = appendFigures(figures[:0], f)
		if _, err := st.ExecContext(ctx, r.ProductID, f.DataVersion, int64(f.AsOf), f.Engine, f.Result.Method,
			figures, at); err != nil {
			return fmt.Errorf("cache forecast of product %d: %w", r.ProductID, err)
		}
	}
	return wt.Commit()
}
