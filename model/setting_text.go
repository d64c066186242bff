package model

import (
	"math"
	"strconv"
	"strings"
)

// How a setting's value reads for people, in the dashboard's settings view,
// its messages and `stockroom set`: a share as a percentage (0.95 is
// "95%"), days and weeks with their unit, other numbers with their
// thousands grouped.

// Typed is a value as the PM types it: a share in percent ("95"), six
// decimals at most, so 0.57 reads 57, not 56.99999999999999.
func (in SettingInfo) Typed(v float64) string {
	if in.Percent {
		v *= 100
	}
	return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
}

// Suffix follows the number on screen: "%", " days", " weeks" or "".
func (in SettingInfo) Suffix() string {
	if in.Percent {
		return "%"
	}
	if in.Unit != "" {
		return " " + in.Unit
	}
	return ""
}

// Shown is a value as people read it: "95%", "7 days", "1 week",
// "1,000,000".
func (in SettingInfo) Shown(v float64) string {
	n := in.Typed(v)
	whole, frac, hasFrac := strings.Cut(n, ".")
	if w, err := strconv.ParseInt(whole, 10, 64); err == nil {
		n = GroupThousands(w)
		if hasFrac {
			n += "." + frac
		}
		if whole == "-0" {
			n = "-" + n
		}
	}
	if n == "1" && !in.Percent && in.Unit != "" {
		return n + " " + strings.TrimSuffix(in.Unit, "s")
	}
	return n + in.Suffix()
}

// SettingInfoOf is the description of a setting by its stored name.
func SettingInfoOf(name string) (SettingInfo, bool) {
	for _, in := range SettingsInfo() {
		if in.Name == name {
			return in, true
		}
	}
	return SettingInfo{}, false
}

// ShowSetting shows a setting's stored text ("0.95") as people read it
// ("95%"); text that is not a number of a known setting is returned as it
// is.
func ShowSetting(name, stored string) string {
	in, ok := SettingInfoOf(name)
	v, err := strconv.ParseFloat(stored, 64)
	if !ok || err != nil {
		return stored
	}
	return in.Shown(v)
}
