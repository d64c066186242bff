// Package model holds Stockroom's domain types and the pure inventory maths.
// It does no I/O.
package model

import (
	"fmt"
	"time"
)

// Day is a calendar day counted from 1970-01-01. Sales history is keyed by Day
// because an integer is a quarter of the size of an ISO string in a table of
// tens of millions of rows.
type Day int32

// NoDay marks an unknown day (for example, a product that never sold).
const NoDay Day = -1 << 31

// DayOf returns the calendar day of t in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// ParseDay reads an ISO date (2006-01-02).
func ParseDay(s string) (Day, error) {
	if d, ok := parseISO(s); ok {
		return d, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return NoDay, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
	}
	return DayOf(t), nil
}

// MustDay is ParseDay for constants in code and tests.
func MustDay(s string) Day {
	d, err := ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Time returns midnight UTC of the day.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func (d Day) String() string {
	if d == NoDay {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// Valid reports whether d is a real day.
func (d Day) Valid() bool { return d != NoDay }

// WeekStart returns the Monday of d's ISO week. Day 0 (1970-01-01) was a
// Thursday, so Mondays are the days with (d+3) mod 7 == 0.
func (d Day) WeekStart() Day {
	off := (int32(d) + 3) % 7
	if off < 0 {
		off += 7
	}
	return d - Day(off)
}

// Weekday returns 0 for Monday through 6 for Sunday.
func (d Day) Weekday() int { return int(d - d.WeekStart()) }

// parseISO is the fast path of ParseDay for well-formed dates, which a
// catalogue of 100,000 products reads at every start.
func parseISO(s string) (Day, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return NoDay, false
	}
	num := func(part string) (int, bool) {
		n := 0
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return NoDay, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2026-02-30 rolled over: let time.Parse report it
		return NoDay, false
	}
	return Day(t.Unix() / 86400), true
}
