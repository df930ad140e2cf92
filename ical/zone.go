package ical

import (
	"fmt"
	"time"
)

// writeZone writes the VTIMEZONE of loc covering from–to: one observance
// from 1970 with the offset in force a year before from, then one per
// transition up to a year after to. Each observance is a single onset (no RRULE), which
// RFC 5545 allows and which stays exact for zones whose rules changed —
// Moscow's did in 2011 and 2014.
func writeZone(lw *writer, loc *time.Location, from, to time.Time) {
	lw.line("BEGIN", "VTIMEZONE")
	lw.line("TZID", loc.String())
	start := from.AddDate(-1, 0, 0)
	end := to.AddDate(1, 0, 0)
	prev := offsetAt(start, loc)
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(prev) * time.Second)
	observance(lw, epoch.In(time.FixedZone(zoneName(start, loc), prev)), prev, prev)
	for t := start; t.Before(end); {
		next, ok := nextTransition(t, end, loc)
		if !ok {
			break
		}
		off := offsetAt(next, loc)
		observance(lw, next.In(loc), prev, off)
		prev, t = off, next
	}
	lw.line("END", "VTIMEZONE")
}

// observance writes one STANDARD or DAYLIGHT component starting at local
// wall time at (written in the offset in force before it, as RFC 5545 says).
func observance(lw *writer, at time.Time, from, to int) {
	kind := "STANDARD"
	if at.IsDST() {
		kind = "DAYLIGHT"
	}
	name, _ := at.Zone()
	wall := at.UTC().Add(time.Duration(from) * time.Second)
	lw.line("BEGIN", kind)
	lw.line("DTSTART", wall.Format(localLayout))
	lw.line("TZOFFSETFROM", formatOffset(from))
	lw.line("TZOFFSETTO", formatOffset(to))
	lw.line("TZNAME", Escape(name))
	lw.line("END", kind)
}

// offsetAt returns the UTC offset of loc at t in seconds.
func offsetAt(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}

// nextTransition returns the first instant after t and before end at which
// loc changes offset, scanning by days and then bisecting to the second.
func nextTransition(t, end time.Time, loc *time.Location) (time.Time, bool) {
	off := offsetAt(t, loc)
	for day := t.Add(24 * time.Hour); !day.After(end.Add(24 * time.Hour)); day = day.Add(24 * time.Hour) {
		if offsetAt(day, loc) == off {
			t = day
			continue
		}
		lo, hi := t, day // offset off at lo, another at hi
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2)
			if offsetAt(mid, loc) == off {
				lo = mid
			} else {
				hi = mid
			}
		}
		return hi.Truncate(time.Second), hi.Before(end)
	}
	return time.Time{}, false
}

// formatOffset writes seconds east of UTC as ±HHMM (±HHMMSS when needed).
func formatOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	if sec%60 != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
}

// zoneName returns the abbreviation of loc at t.
func zoneName(t time.Time, loc *time.Location) string {
	name, _ := t.In(loc).Zone()
	return name
}
