package press

import (
	"time"

	"amur"
)

// resolved is a mention turned into a date, with whether its year was
// written out (explicit) or inferred from the reference date.
type resolved struct {
	date     amur.Date
	explicit bool
}

// dctx is what resolving a mention needs besides the mention: the
// reference date (the page's publication date), whether the sentence
// speaks of the future, and the month last named in the page.
type dctx struct {
	ref      amur.Date
	future   bool
	lastY    int
	lastM    int
	yearBias int
}

// resolve turns m into a date, or reports false when it cannot be dated.
func resolve(m mention, c dctx) (resolved, bool) {
	ref := c.ref
	if ref.IsZero() && m.y == 0 {
		return resolved{}, false
	}
	refY := ref.Y + c.yearBias
	switch m.rel {
	case relNone:
		switch {
		case m.y != 0:
			return mk(m.y, m.m, m.d, true)
		case m.m != 0 && m.d != 0:
			y := refY
			if ref.M != 0 {
				t := day(y, m.m, m.d)
				r := day(refY, max(ref.M, 1), max(ref.D, 1))
				switch {
				case !c.future && t.After(r.AddDate(0, 0, 7)):
					y--
				case c.future && t.Before(r.AddDate(0, 0, -60)):
					y++
				}
			}
			return mk(y, m.m, m.d, false)
		}
	case relDayOnly:
		y, mo := refY, ref.M
		if c.lastM != 0 {
			y, mo = c.lastY+c.yearBias, c.lastM
		} else if ref.D != 0 && m.d > ref.D+1 && !c.future {
			mo--
			if mo == 0 {
				y, mo = y-1, 12
			}
		}
		return mk(y, mo, m.d, false)
	case relWeekday:
		if ref.D == 0 {
			return resolved{}, false
		}
		r := day(refY, ref.M, ref.D)
		w := int(r.Weekday())
		back := (w - m.weekday + 7) % 7
		fwd := (m.weekday - w + 7) % 7
		switch {
		case m.off < 0:
			if back == 0 {
				back = 7
			}
			r = r.AddDate(0, 0, -back)
		case m.off > 0 || c.future:
			if fwd == 0 && m.off > 0 {
				fwd = 7
			}
			r = r.AddDate(0, 0, fwd)
		default:
			r = r.AddDate(0, 0, -back)
		}
		return mk(r.Year(), int(r.Month()), r.Day(), false)
	case relDays:
		if ref.D == 0 {
			return resolved{}, false
		}
		r := day(refY, ref.M, ref.D).AddDate(0, 0, m.off)
		return mk(r.Year(), int(r.Month()), r.Day(), false)
	case relYear:
		return mk(refY+m.off, m.m, m.d, false)
	case relMonthNear:
		y := refY
		if m.off < 0 && m.m >= ref.M {
			y--
		}
		if m.off > 0 && m.m <= ref.M {
			y++
		}
		return mk(y, m.m, 0, false)
	case relMonth:
		if ref.M == 0 {
			return resolved{}, false
		}
		r := day(refY, ref.M, 1).AddDate(0, m.off, 0)
		return mk(r.Year(), int(r.Month()), 0, false)
	}
	return resolved{}, false
}

// day returns the UTC midnight of a calendar day.
func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// mk builds a checked date.
func mk(y, m, d int, explicit bool) (resolved, bool) {
	if m == 0 {
		d = 0
	}
	s := amur.Date{Y: y, M: m, D: d}
	if _, err := amur.ParseDate(s.String()); err != nil {
		return resolved{}, false
	}
	return resolved{date: s, explicit: explicit}, true
}
