package demo

import (
	"math"

	"stockroom/model"
)

// historyDays is how far back the demo's sales go.
const historyDays = 730

// calendar is the demo's sales history window with what every SKU needs
// per day precomputed once: the weekday and, per category, where the day
// sits in that category's seasonal cycle. Those run aheadDays past the
// end, for the demand the simulated shop expects (followPolicy).
type calendar struct {
	start, end model.Day
	weekday    []int8
	// season[c][t] is cos(2π·(day of year − peak) / 365.25) for category c.
	season [][]float64
}

// newCalendar covers the last 730 days up to end, starting on the first
// Monday inside that window so that every week of the rollup is whole
// (with end on a Sunday, that is 104 weeks).
func newCalendar(end model.Day) *calendar {
	start := end - historyDays + 1
	if start.Weekday() != 0 {
		start = start.WeekStart() + 7
	}
	c := &calendar{start: start, end: end}
	n := c.days() + aheadDays
	c.weekday = make([]int8, n)
	for t := range n {
		c.weekday[t] = int8(c.day(t).Weekday())
	}
	c.season = make([][]float64, len(categories))
	for ci, cat := range categories {
		s := make([]float64, n)
		for t := range n {
			doy := c.day(t).Time().YearDay()
			s[t] = math.Cos(2 * math.Pi * float64(doy-cat.Peak) / 365.25)
		}
		c.season[ci] = s
	}
	return c
}

// aheadDays is how far past the end the calendar knows weekdays and
// seasons: beyond the longest lead time plus the review period.
const aheadDays = 140

func (c *calendar) days() int             { return int(c.end-c.start) + 1 }
func (c *calendar) day(t int) model.Day   { return c.start + model.Day(t) }
func (c *calendar) index(d model.Day) int { return int(d - c.start) }
