// Package ical writes and reads iCalendar files (RFC 5545): calendars of
// events that people import into their own calendar programs — an event's
// programme, a participant's brokerage agenda, the public events of the
// program, the milestones of the timeline.
//
// The writer emits VCALENDAR with VEVENTs whose times are either UTC
// (…Z) or local times with a TZID whose VTIMEZONE is generated from the Go
// zone database, escapes TEXT values, and folds lines at 75 octets without
// splitting a UTF-8 sequence. The parser accepts what the writer writes
// and what common calendar programs produce of the same components, and
// refuses malformed structure with the line number, so tests can read our
// files back and compare.
package ical

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Calendar is one VCALENDAR.
type Calendar struct {
	// ProdID identifies the product that wrote the file (PRODID).
	ProdID string
	// Name is shown by calendar programs as the calendar's title
	// (X-WR-CALNAME and NAME of RFC 7986).
	Name   string
	Events []Event
}

// Event is one VEVENT.
type Event struct {
	UID   string
	Stamp time.Time // DTSTAMP: when the file was made (written in UTC)
	// Start and End are instants. Zone, an IANA name, makes the writer
	// express them as local times of that zone with a VTIMEZONE; empty
	// means UTC. After parsing, Zone holds the TZID read.
	Start, End time.Time
	Zone       string
	// AllDay writes Start and End as dates (VALUE=DATE) of their zone: the
	// event takes whole days, End being the day after the last one. After
	// parsing, such times are midnight UTC of the dates read.
	AllDay      bool
	Summary     string
	Description string
	Location    string
	URL         string
	Categories  []string
	Status      string // TENTATIVE, CONFIRMED or CANCELLED; empty to omit
}

// DefaultProdID is written when a calendar names no product.
const DefaultProdID = "-//Amur//Amur//EN"

// Encode writes the calendar. It fails on an event without UID, start or
// stamp, an end before the start, or a zone Go cannot load.
func (c *Calendar) Encode(w io.Writer) error {
	zones, err := c.zones()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	lw := &writer{w: bw}
	prod := c.ProdID
	if prod == "" {
		prod = DefaultProdID
	}
	lw.line("BEGIN", "VCALENDAR")
	lw.line("VERSION", "2.0")
	lw.line("PRODID", prod)
	lw.line("CALSCALE", "GREGORIAN")
	if c.Name != "" {
		lw.line("NAME", Escape(c.Name))
		lw.line("X-WR-CALNAME", Escape(c.Name))
	}
	for _, z := range zones {
		writeZone(lw, z.loc, z.from, z.to)
	}
	for i := range c.Events {
		if err := c.Events[i].encode(lw); err != nil {
			return err
		}
	}
	lw.line("END", "VCALENDAR")
	return bw.Flush()
}

// zoneSpan is a zone used by the calendar and the span of its events.
type zoneSpan struct {
	loc      *time.Location
	from, to time.Time
}

// zones checks the events and collects the zones they use, in name order.
func (c *Calendar) zones() ([]zoneSpan, error) {
	byName := map[string]*zoneSpan{}
	for i, e := range c.Events {
		switch {
		case e.UID == "":
			return nil, fmt.Errorf("ical: event %d has no UID", i)
		case e.Start.IsZero() || e.Stamp.IsZero():
			return nil, fmt.Errorf("ical: event %q has no start or no stamp", e.UID)
		case !e.End.IsZero() && e.End.Before(e.Start):
			return nil, fmt.Errorf("ical: event %q ends before it starts", e.UID)
		}
		if e.Zone == "" || e.Zone == "UTC" || e.AllDay {
			continue
		}
		z, ok := byName[e.Zone]
		if !ok {
			loc, err := time.LoadLocation(e.Zone)
			if err != nil {
				return nil, fmt.Errorf("ical: event %q: zone %q: %w", e.UID, e.Zone, err)
			}
			z = &zoneSpan{loc: loc, from: e.Start, to: e.Start}
			byName[e.Zone] = z
		}
		z.from = minTime(z.from, e.Start)
		z.to = maxTime(z.to, maxTime(e.Start, e.End))
	}
	out := make([]zoneSpan, 0, len(byName))
	for _, z := range byName {
		out = append(out, *z)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].loc.String() < out[j].loc.String() })
	return out, nil
}

// encode writes one VEVENT.
func (e *Event) encode(lw *writer) error {
	lw.line("BEGIN", "VEVENT")
	lw.line("UID", e.UID)
	lw.line("DTSTAMP", e.Stamp.UTC().Format(utcLayout))
	switch {
	case e.AllDay:
		lw.date("DTSTART", e.Start, e.Zone)
		if !e.End.IsZero() {
			lw.date("DTEND", e.End, e.Zone)
		}
	default:
		lw.time("DTSTART", e.Start, e.Zone)
		if !e.End.IsZero() {
			lw.time("DTEND", e.End, e.Zone)
		}
	}
	if e.Summary != "" {
		lw.line("SUMMARY", Escape(e.Summary))
	}
	if e.Description != "" {
		lw.line("DESCRIPTION", Escape(e.Description))
	}
	if e.Location != "" {
		lw.line("LOCATION", Escape(e.Location))
	}
	if e.URL != "" {
		lw.line("URL", e.URL)
	}
	if len(e.Categories) > 0 {
		parts := make([]string, len(e.Categories))
		for i, c := range e.Categories {
			parts[i] = Escape(c)
		}
		lw.line("CATEGORIES", strings.Join(parts, ","))
	}
	if e.Status != "" {
		lw.line("STATUS", e.Status)
	}
	lw.line("END", "VEVENT")
	return nil
}

// Time layouts of DATE-TIME values.
const (
	utcLayout   = "20060102T150405Z"
	localLayout = "20060102T150405"
)

// writer writes content lines, folded.
type writer struct{ w *bufio.Writer }

// line writes NAME:VALUE.
func (lw *writer) line(name, value string) { lw.raw(name + ":" + value) }

// time writes a DATE-TIME property in UTC or as a local time with TZID.
func (lw *writer) time(name string, t time.Time, zone string) {
	if zone == "" || zone == "UTC" {
		lw.line(name, t.UTC().Format(utcLayout))
		return
	}
	loc, _ := time.LoadLocation(zone) // checked by zones
	lw.raw(name + ";TZID=" + zone + ":" + t.In(loc).Format(localLayout))
}

// date writes a DATE property: the day of t in zone.
func (lw *writer) date(name string, t time.Time, zone string) {
	loc, err := time.LoadLocation(zone)
	if err != nil || zone == "" {
		loc = time.UTC
	}
	lw.raw(name + ";VALUE=DATE:" + t.In(loc).Format("20060102"))
}

// raw writes one content line folded at 75 octets: each continuation
// starts with a space, which counts towards its 75, and a cut never falls
// inside a UTF-8 sequence.
func (lw *writer) raw(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut-- // s[cut] continues a sequence: cut before its first byte
		}
		lw.w.WriteString(s[:cut])
		lw.w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	lw.w.WriteString(s)
	lw.w.WriteString("\r\n")
}

// Escape escapes a TEXT value: backslash, semicolon, comma and newline.
func Escape(s string) string {
	if !strings.ContainsAny(s, "\\;,\n\r") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue // CRLF becomes one \n
			}
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
