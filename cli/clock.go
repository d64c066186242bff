package cli

import (
	"time"

	"stockroom/model"
)

// clock is the one clock the command line dates real-world actions from:
// purchase orders drafted, sent and received in the dashboard, purchase
// orders imported without a date, and the end of a new demo's sales, so
// that a demo's orders and the PM's actions on them share one calendar.
// The plan's as-of day is the catalogue's latest sales day (or --as-of),
// not this. Tests set it.
var clock = time.Now

// today is the clock's date.
func today() model.Day { return model.DayOf(clock()) }
