package store

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"stockroom/model"
)

// Settings reads the catalogue's settings over the defaults.
func (s *Store) Settings(ctx context.Context) (model.Settings, error) {
	return readSettings(ctx, s.db)
}

func readSettings(ctx context.Context, q querier) (model.Settings, error) {
	set := model.DefaultSettings()
	fields := set.Fields()
	rows, err := q.QueryContext(ctx, "SELECT name, value FROM settings")
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

// parseSetting reads a setting's number through the one number reader
// (model.ReadNumber), so a typed 1,000 is 1000 and 4,0 is refused as it is
// everywhere else.
func parseSetting(field any, value string) error {
	v, err := model.ReadNumber(value)
	if err != nil {
		return fmt.Errorf("%s: %w", strings.TrimSpace(value), err)
	}
	switch f := field.(type) {
	case *float64:
		if math.IsInf(v, 0) {
			return fmt.Errorf("%s: too large", strings.TrimSpace(value))
		}
		*f = v
	case *int:
		switch {
		case v != math.Trunc(v):
			return fmt.Errorf("%s: not a whole number", strings.TrimSpace(value))
		case math.Abs(v) > 1e9: // far beyond every range, and beyond int32
			return fmt.Errorf("%s: far out of range", strings.TrimSpace(value))
		}
		*f = int(v)
	}
	return nil
}

// SettingNames lists the settings a PM can change, in a stable order.
func SettingNames() []string {
	var set model.Settings
	return slices.Sorted(maps.Keys(set.Fields()))
}

// SetSettings changes catalogue-wide settings in one transaction with an
// audit row per changed value. The settings are read, changed and checked
// as a whole (model.Settings.Validate) inside the transaction, which holds
// the write lock from its start: two processes changing different settings
// at once cannot leave a combination that neither would have accepted.
// Values are numbers; fractions may be written as percentages ("97.5%").
// seen, when not nil, holds the stored text each named setting was read
// as (compare-and-set): if one differs, nothing is written and the error
// is a *model.ConflictError. It returns each name's value before (applying
// those with after as seen undoes the change) and after, as stored.
func (s *Store) SetSettings(ctx context.Context, values, seen map[string]string) (before, after map[string]string, err error) {
	wt, err := s.beginWrite(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer wt.Rollback()
	tx := wt.Tx
	current, err := readSettings(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	next, err := ApplySettings(current, values)
	if err != nil {
		return nil, nil, err
	}
	was, will := current.Fields(), next.Fields()
	var conflicts []model.Conflict
	for _, name := range slices.Sorted(maps.Keys(seen)) {
		if _, changing := values[name]; !changing {
			continue
		}
		if stored := settingText(was[name]); stored != seen[name] {
			conflicts = append(conflicts, model.Conflict{Name: name, Seen: seen[name], Stored: stored})
		}
	}
	if len(conflicts) > 0 {
		return nil, nil, s.conflictError(ctx, tx, conflicts, len(values))
	}
	who, at := currentUser(), timestamp()
	before, after = map[string]string{}, map[string]string{}
	for _, name := range slices.Sorted(maps.Keys(values)) {
		old, new := settingText(was[name]), settingText(will[name])
		before[name], after[name] = old, new
		if old == new {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings(name, value) VALUES (?, ?)
			ON CONFLICT(name) DO UPDATE SET value = excluded.value`, name, new); err != nil {
			return nil, nil, fmt.Errorf("setting %s: %w", name, err)
		}
		if err := audit(ctx, tx, at, who, "setting", name, "value", old, new); err != nil {
			return nil, nil, err
		}
	}
	return before, after, wt.Commit()
}

// SettingText is a setting's value as SetSettings stores it and compares
// it, or "" for a name that is not a setting.
func SettingText(set model.Settings, name string) string {
	return settingText(set.Fields()[name])
}

// ApplySettings returns current with values (name → text, as SetSettings
// takes them; auto or default is the setting's default) applied, or the
// first problem: an unknown name, a value that
// does not parse, or a result that Validate refuses. It writes nothing, so
// the dashboard can check what a PM typed before saving it.
func ApplySettings(current model.Settings, values map[string]string) (model.Settings, error) {
	next := current
	fields := next.Fields()
	for _, name := range slices.Sorted(maps.Keys(values)) {
		field, ok := fields[name]
		if !ok {
			return current, fmt.Errorf("unknown setting %q (settings: %s)", name, strings.Join(SettingNames(), ", "))
		}
		v := strings.TrimSpace(values[name])
		// the dashboard adds % to what is typed for a share
		switch word := strings.TrimSpace(strings.TrimSuffix(v, "%")); {
		case word == "":
			return current, fmt.Errorf("setting %s: no value given", name)
		case model.IsAuto(word):
			// auto or default: the default value, as the dashboard's d stores it
			defaults := model.DefaultSettings()
			v = settingText(defaults.Fields()[name])
		}
		if _, isFloat := field.(*float64); isFloat && strings.HasSuffix(v, "%") {
			pct, err := model.ReadPercent(v)
			if err != nil {
				return current, fmt.Errorf("setting %s: %s: %w", name, v, err)
			}
			// 0.99 % is 0.009899999999999999 divided in binary: tidied, it
			// is stored and shown as 0.0099
			v = model.FormatNumber(pct / 100)
		}
		if err := parseSetting(field, v); err != nil {
			return current, fmt.Errorf("setting %s: %w", name, err)
		}
	}
	if err := next.Validate(); err != nil {
		return current, err
	}
	return next, nil
}

// settingText is a setting's value as stored.
func settingText(field any) string {
	switch f := field.(type) {
	case *float64:
		return strconv.FormatFloat(*f, 'f', -1, 64)
	case *int:
		return strconv.Itoa(*f)
	}
	return ""
}
