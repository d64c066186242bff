package store

import (
	"context"
	"fmt"
	"strconv"

	"stockroom/model"
)

// settingFields maps each setting's stored name to its field, so loading,
// saving and listing share one table.
func settingFields(s *model.Settings) map[string]any {
	return map[string]any{
		"holding_rate":      &s.HoldingRate,
		"service_level_a":   &s.ServiceLevelA,
		"service_level_b":   &s.ServiceLevelB,
		"service_level_c":   &s.ServiceLevelC,
		"abc_cut_a":         &s.ABCCutA,
		"abc_cut_b":         &s.ABCCutB,
		"review_days":       &s.ReviewDays,
		"dead_stock_days":   &s.DeadStockDays,
		"excess_cover_days": &s.ExcessCoverDays,
		"forecast_weeks":    &s.ForecastWeeks,
	}
}

// Settings reads the catalogue's settings over the defaults.
func (s *Store) Settings(ctx context.Context) (model.Settings, error) {
	set := model.DefaultSettings()
	fields := settingFields(&set)
	rows, err := s.db.QueryContext(ctx, "SELECT name, value FROM settings")
	if err != nil {
		return set, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return set, fmt.Errorf("read settings: %w", err)
		}
		field, ok := fields[name]
		if !ok {
			continue // a setting of a newer build, or one retired
		}
		if err := parseSetting(field, value); err != nil {
			return set, fmt.Errorf("setting %s: %w", name, err)
		}
	}
	return set, rows.Err()
}

func parseSetting(field any, value string) error {
	switch f := field.(type) {
	case *float64:
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return fmt.Errorf("%q is not a number", value)
		}
		*f = v
	case *int:
		v, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", value)
		}
		*f = v
	}
	return nil
}
