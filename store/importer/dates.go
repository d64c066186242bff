package importer

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"

	"stockroom/model"
)

// order is how a date's first two parts are read.
type order int8

const (
	unknownOrder order = iota // detect from the whole column
	dayFirst                  // 31/01/2024
	monthFirst                // 01/31/2024
	yearFirst                 // only ISO-like dates are accepted
)

func (o order) String() string {
	switch o {
	case dayFirst:
		return "DD/MM/YYYY"
	case monthFirst:
		return "MM/DD/YYYY"
	case yearFirst:
		return "YYYY-MM-DD"
	}
	return "detected"
}

// dateKey is one distinct date seen in the column.
type dateKey struct {
	key  string
	raw  string // the date as first written, for messages
	iso  bool   // year first, so a is the month and b the day
	y    int
	a, b int       // the first and second of day and month as written
	day  model.Day // NoDay until the order is known
}

// ymd reads the key's parts in order o.
func (k *dateKey) ymd(o order) (y, m, d int) {
	if k.iso || o == monthFirst {
		return k.y, k.a, k.b
	}
	return k.y, k.b, k.a
}

// Dates reads a column of dates whose day/month order may only be known once
// the whole file is read: 03/04/2024 is settled by a 13/04/2024 a million
// rows later. Call Key for every cell, then Resolve, then Day.
type Dates struct {
	order order
	byRaw map[string]*dateKey // cache by the date part as written
	byKey map[string]*dateKey
	keys  []*dateKey // first-seen order, so messages cite the file's first example
}

// NewDates reads dates in format, or detects the order when format is "".
func NewDates(format string) (*Dates, error) {
	d := &Dates{byRaw: map[string]*dateKey{}, byKey: map[string]*dateKey{}}
	// The separator does not matter: DD.MM.YYYY is DD/MM/YYYY.
	f := strings.NewReplacer(".", "/", "-", "/").Replace(strings.ToUpper(strings.TrimSpace(format)))
	switch f {
	case "":
	case "YYYY/MM/DD":
		d.order = yearFirst
	case "DD/MM/YYYY":
		d.order = dayFirst
	case "MM/DD/YYYY":
		d.order = monthFirst
	default:
		return nil, fmt.Errorf("--date-format %q: want one of YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY, DD-MM-YYYY, MM-DD-YYYY or YYYY/MM/DD", format)
	}
	return d, nil
}

// Key checks a cell and returns a key for its date, the same for every
// spelling of one date. The time of day, if any, is checked and dropped: the
// day is the shop's local date as written, never moved to UTC, because a
// sale at 23:30 in New York belongs to that evening's day.
func (d *Dates) Key(cell string) (string, error) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return "", errors.New("empty")
	}
	n := 0
	for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == '-' || s[n] == '/' || s[n] == '.') {
		n++
	}
	if !validTime(s[n:]) {
		return "", notDate(s)
	}
	if k, ok := d.byRaw[s[:n]]; ok {
		return k.key, nil
	}
	k, err := d.parse(s[:n], s)
	if err != nil {
		return "", err
	}
	// Clone: the cell may be a slice of a whole record the Reader reuses.
	raw := strings.Clone(s[:n])
	if old, ok := d.byKey[k.key]; ok {
		d.byRaw[raw] = old
		return old.key, nil
	}
	k.raw = raw
	d.byRaw[raw] = k
	d.byKey[k.key] = k
	d.keys = append(d.keys, k)
	return k.key, nil
}

func notDate(s string) error {
	return fmt.Errorf("%q is not a date: write YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY", s)
}

// parse reads a date part: YYYY-MM-DD (or / .) or two 1–2 digit parts and a
// 4-digit year, separated alike. cell is for messages.
func (d *Dates) parse(date, cell string) (*dateKey, error) {
	sep := strings.IndexAny(date, "-/.")
	if sep < 0 {
		return nil, notDate(cell)
	}
	p := strings.Split(date, date[sep:sep+1])
	if len(p) != 3 {
		return nil, notDate(cell)
	}
	var v [3]int
	for i, s := range p {
		if s == "" || len(s) > 4 {
			return nil, notDate(cell)
		}
		for _, c := range []byte(s) {
			if c < '0' || c > '9' { // another separator, as in 31/01-2024
				return nil, notDate(cell)
			}
			v[i] = v[i]*10 + int(c-'0')
		}
	}
	k := &dateKey{day: model.NoDay}
	switch l0, l1, l2 := len(p[0]), len(p[1]), len(p[2]); {
	case l0 == 4 && l1 <= 2 && l2 <= 2:
		k.iso, k.y, k.a, k.b = true, v[0], v[1], v[2]
		k.key = fmt.Sprintf("%04d-%02d-%02d", k.y, k.a, k.b)
	case l2 == 4 && l0 <= 2 && l1 <= 2:
		if d.order == yearFirst {
			return nil, fmt.Errorf("%q is not a date in --date-format YYYY-MM-DD", cell)
		}
		k.y, k.a, k.b = v[2], v[0], v[1]
		k.key = fmt.Sprintf("%d/%d/%04d", k.a, k.b, k.y)
	case l2 == 2 && l0 <= 2 && l1 <= 2:
		return nil, fmt.Errorf("%q has a 2-digit year: write years with 4 digits", cell)
	default:
		return nil, notDate(cell)
	}

	// Check what can be checked now. Dates that are still ambiguous have
	// both parts at most 12, and so are valid whichever the order.
	o := d.order
	switch {
	case k.iso || o != unknownOrder:
	case k.a > 12 && k.b > 12:
		return nil, fmt.Errorf("%q is not a date: neither %d nor %d can be a month", cell, k.a, k.b)
	case k.a > 12, k.a == 0 || k.b == 0: // a zero is wrong either way
		o = dayFirst
	case k.b > 12:
		o = monthFirst
	default:
		return k, nil
	}
	if why := checkDate(k.ymd(o)); why != "" {
		if !k.iso && d.order != unknownOrder {
			why += " (reading dates as " + d.order.String() + ")"
		}
		return nil, fmt.Errorf("%q is not a date: %s", cell, why)
	}
	return k, nil
}

// checkDate returns why y-m-d is not a calendar date, or "".
func checkDate(y, m, d int) string {
	if m < 1 || m > 12 {
		return fmt.Sprintf("there is no month %d", m)
	}
	if d < 1 {
		return fmt.Sprintf("there is no day %d", d)
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d > last {
		return fmt.Sprintf("%s %d has %d days", time.Month(m), y, last)
	}
	return ""
}

// Resolve settles the day/month order from the keys seen, unless a format
// was given: a date only one order can read decides it, and a column that
// never decides it is an error rather than a coin toss.
func (d *Dates) Resolve() error {
	if d.order == unknownOrder {
		var df, mf, amb *dateKey // the first key of each kind, as examples
		for _, k := range d.keys {
			switch {
			case k.iso:
			case k.a > 12:
				df = cmp.Or(df, k)
			case k.b > 12:
				mf = cmp.Or(mf, k)
			case k.a != k.b: // 05/05/2024 is the same day either way
				amb = cmp.Or(amb, k)
			}
		}
		switch {
		case df != nil && mf != nil:
			return fmt.Errorf("dates are written both day-first (e.g. %s) and month-first (e.g. %s): pass --date-format", df.raw, mf.raw)
		case df != nil:
			d.order = dayFirst
		case mf != nil:
			d.order = monthFirst
		case amb != nil:
			return fmt.Errorf("%s could be %d %s or %s %d: pass --date-format DD/MM/YYYY or MM/DD/YYYY",
				amb.raw, amb.a, time.Month(amb.b), time.Month(amb.a), amb.b)
		default:
			d.order = dayFirst // nothing depends on it
		}
	}
	for _, k := range d.keys {
		if why := checkDate(k.ymd(d.order)); why != "" {
			return fmt.Errorf("%q is not a date: %s", k.raw, why)
		}
	}
	return nil
}

// Day returns the day of a key from Key. The order must be known: given to
// NewDates or settled by Resolve.
func (d *Dates) Day(key string) (model.Day, error) {
	k, ok := d.byKey[key]
	switch {
	case !ok:
		return model.NoDay, fmt.Errorf("%q is not a date key", key)
	case d.order == unknownOrder:
		return model.NoDay, errors.New("the day/month order is not settled: call Resolve first")
	}
	if k.day == model.NoDay {
		y, m, dd := k.ymd(d.order)
		if why := checkDate(y, m, dd); why != "" {
			return model.NoDay, fmt.Errorf("%q is not a date: %s", k.raw, why)
		}
		k.day = model.DayOf(time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC))
	}
	return k.day, nil
}

// validTime reports whether s, what follows a date, is empty or a time of
// day: " " or "T", then hh:mm[:ss[.fff]], then optionally AM/PM and a zone
// (Z, UTC, GMT, ±hh, ±hhmm or ±hh:mm). Spreadsheets, WooCommerce and
// Shopify ("2006-01-02 15:04:05 -0700") all write one of these.
func validTime(s string) bool {
	if s == "" {
		return true
	}
	if s[0] != ' ' && s[0] != 'T' {
		return false
	}
	s = strings.TrimLeft(s[1:], " ")
	h, s, ok := digits(s, 1, 2)
	if !ok || s == "" || s[0] != ':' {
		return false
	}
	m, s, ok := digits(s[1:], 2, 2)
	if !ok || h > 23 || m > 59 {
		return false
	}
	if s != "" && s[0] == ':' {
		var sec int
		if sec, s, ok = digits(s[1:], 2, 2); !ok || sec > 60 { // 60: leap second
			return false
		}
		if s != "" && s[0] == '.' {
			if _, s, ok = digits(s[1:], 1, 9); !ok {
				return false
			}
		}
	}
	s = strings.TrimLeft(s, " ")
	if len(s) >= 2 && (strings.EqualFold(s[:2], "AM") || strings.EqualFold(s[:2], "PM")) {
		if h < 1 || h > 12 {
			return false
		}
		s = strings.TrimLeft(s[2:], " ")
	}
	switch {
	case strings.HasPrefix(s, "Z"):
		s = s[1:]
	case strings.HasPrefix(s, "UTC"), strings.HasPrefix(s, "GMT"):
		s = s[3:]
	}
	if s != "" && (s[0] == '+' || s[0] == '-') {
		zh, rest, ok := digits(s[1:], 2, 2)
		if !ok || zh > 14 {
			return false
		}
		if strings.HasPrefix(rest, ":") {
			rest = rest[1:]
		}
		if rest != "" {
			zm, r, ok := digits(rest, 2, 2)
			if !ok || zm > 59 {
				return false
			}
			rest = r
		}
		s = rest
	}
	return s == ""
}

// digits reads min to max leading ASCII digits of s.
func digits(s string, min, max int) (n int, rest string, ok bool) {
	i := 0
	for i < len(s) && i < max && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, s[i:], i >= min
}
