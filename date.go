package amur

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Precision tells how exactly a date or moment is known.
type Precision string

// The precisions, from coarsest to finest.
const (
	Year   Precision = "year"
	Month  Precision = "month"
	Day    Precision = "day"
	Minute Precision = "minute"
)

// Date is a calendar date known to the year, the month or the day. The zero
// Date is "unknown". Its text form is "2020", "2020-08" or "2020-08-26".
type Date struct {
	Y, M, D int
}

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" and rejects impossible
// dates such as 2021-02-30.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if err := d.check(); err != nil {
		return Date{}, fmt.Errorf("date %q: %w", s, err)
	}
	return d, nil
}

// MustDate parses s and panics on error; it is meant for literals in code.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// check rejects out-of-range parts and impossible days.
func (d Date) check() error {
	if d.Y < 1000 || d.Y > 9999 {
		return fmt.Errorf("year %d out of range", d.Y)
	}
	if d.M < 0 || d.M > 12 || (d.M == 0 && d.D != 0) {
		return fmt.Errorf("month %d out of range", d.M)
	}
	if d.D != 0 {
		last := time.Date(d.Y, time.Month(d.M)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.D < 1 || d.D > last {
			return fmt.Errorf("day %d does not exist in %04d-%02d", d.D, d.Y, d.M)
		}
	}
	return nil
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Y == 0 }

// Precision returns how exactly d is known.
func (d Date) Precision() Precision {
	switch {
	case d.IsZero():
		return ""
	case d.M == 0:
		return Year
	case d.D == 0:
		return Month
	}
	return Day
}

// String returns "YYYY", "YYYY-MM" or "YYYY-MM-DD", or "" when unknown.
func (d Date) String() string {
	switch d.Precision() {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
}

// First returns the first day the date may stand for, at midnight in loc.
func (d Date) First(loc *time.Location) time.Time {
	m, day := max(d.M, 1), max(d.D, 1)
	return time.Date(d.Y, time.Month(m), day, 0, 0, 0, 0, loc)
}

// Last returns the last instant the date may stand for, in loc.
func (d Date) Last(loc *time.Location) time.Time {
	switch d.Precision() {
	case Year:
		return time.Date(d.Y+1, 1, 1, 0, 0, 0, 0, loc).Add(-time.Second)
	case Month:
		return time.Date(d.Y, time.Month(d.M)+1, 1, 0, 0, 0, 0, loc).Add(-time.Second)
	}
	return time.Date(d.Y, time.Month(d.M), d.D+1, 0, 0, 0, 0, loc).Add(-time.Second)
}

// Before reports whether d starts before o.
func (d Date) Before(o Date) bool {
	return d.First(time.UTC).Before(o.First(time.UTC))
}

// MarshalJSON writes the text form, or null when unknown.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads the text form or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date must be a string like \"2020-08-26\"")
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Moment is a point in local time in an IANA zone, known to the year,
// month, day or minute: "2020", "2020-08", "2020-08-26" or "2020-08-26T15:00".
type Moment struct {
	Date
	// H and Min hold the local clock time when Precision is Minute.
	H, Min int
	// HasTime tells that H and Min are set.
	HasTime bool
}

// ParseMoment reads a Date or a local "YYYY-MM-DDTHH:MM" value.
func ParseMoment(s string) (Moment, error) {
	s = strings.TrimSpace(s)
	date, clock, ok := strings.Cut(s, "T")
	if !ok {
		date, clock, ok = strings.Cut(s, " ")
	}
	d, err := ParseDate(date)
	if err != nil {
		return Moment{}, err
	}
	m := Moment{Date: d}
	if !ok {
		return m, nil
	}
	if d.Precision() != Day {
		return Moment{}, fmt.Errorf("moment %q has a time but no day", s)
	}
	t, err := time.Parse("15:04", clock)
	if err != nil {
		return Moment{}, fmt.Errorf("moment %q: time must be HH:MM", s)
	}
	m.H, m.Min, m.HasTime = t.Hour(), t.Minute(), true
	return m, nil
}

// MustMoment parses s and panics on error; it is meant for literals in code.
func MustMoment(s string) Moment {
	m, err := ParseMoment(s)
	if err != nil {
		panic(err)
	}
	return m
}

// Precision returns how exactly the moment is known.
func (m Moment) Precision() Precision {
	if m.HasTime {
		return Minute
	}
	return m.Date.Precision()
}

// String returns the text form of the moment.
func (m Moment) String() string {
	if m.HasTime {
		return fmt.Sprintf("%sT%02d:%02d", m.Date.String(), m.H, m.Min)
	}
	return m.Date.String()
}

// Start returns the first instant the moment may stand for, in loc.
func (m Moment) Start(loc *time.Location) time.Time {
	if m.HasTime {
		return time.Date(m.Y, time.Month(m.M), m.D, m.H, m.Min, 0, 0, loc)
	}
	return m.Date.First(loc)
}

// End returns the last instant the moment may stand for, in loc.
func (m Moment) End(loc *time.Location) time.Time {
	if m.HasTime {
		return m.Start(loc)
	}
	return m.Date.Last(loc)
}

// MarshalJSON writes the text form, or null when unknown.
func (m Moment) MarshalJSON() ([]byte, error) {
	if m.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(m.String())
}

// UnmarshalJSON reads the text form or null.
func (m *Moment) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*m = Moment{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("moment must be a string like \"2020-08-26\" or \"2020-08-26T15:00\"")
	}
	v, err := ParseMoment(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// zones caches resolved zones: time.LoadLocation reads and parses the zone
// database on every call, and validating a million imported activities
// would otherwise spend most of its time there.
var zones sync.Map // name → *time.Location

// LoadZone resolves an IANA zone name; the empty name means UTC.
func LoadZone(name string) (*time.Location, error) {
	if name == "" {
		return time.UTC, nil
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	if name == "Local" || strings.HasPrefix(name, "/") || strings.Contains(name, "..") || len(name) > 64 {
		return nil, fmt.Errorf("zone %q is not an IANA zone name", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}
