package ical

import (
	"errors"
	"strings"
	"time"
)

// events parses the collected VEVENT bodies; starts index each body.
func (p *parser) events(c *Calendar, props []prop, starts []int) (*Calendar, error) {
	for k, s := range starts {
		end := len(props)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		e, err := p.event(props[s:end])
		if err != nil {
			return nil, err
		}
		c.Events = append(c.Events, e)
	}
	return c, nil
}

// event parses one VEVENT body.
func (p *parser) event(body []prop) (Event, error) {
	var e Event
	line := 0
	if len(body) > 0 {
		line = body[0].line - 1
	}
	depth := 0 // lines of nested components (VALARM) are not the event's
	for _, pr := range body {
		var err error
		switch pr.name {
		case "BEGIN":
			depth++
		case "END":
			depth--
		}
		if depth > 0 || pr.name == "END" {
			continue
		}
		switch pr.name {
		case "UID":
			e.UID = pr.value
		case "DTSTAMP":
			e.Stamp, err = time.Parse(utcLayout, pr.value)
		case "DTSTART":
			e.Start, e.Zone, err = p.dateTime(pr)
			e.AllDay = strings.EqualFold(pr.params["VALUE"], "DATE")
		case "DTEND":
			e.End, _, err = p.dateTime(pr)
		case "SUMMARY":
			e.Summary, err = Unescape(pr.value)
		case "DESCRIPTION":
			e.Description, err = Unescape(pr.value)
		case "LOCATION":
			e.Location, err = Unescape(pr.value)
		case "URL":
			e.URL = pr.value
		case "STATUS":
			e.Status = pr.value
		case "CATEGORIES":
			for _, part := range splitEscaped(pr.value) {
				v, uerr := Unescape(part)
				if uerr != nil {
					err = uerr
				}
				e.Categories = append(e.Categories, v)
			}
		}
		if err != nil {
			return e, &ParseError{pr.line, pr.name + ": " + err.Error()}
		}
	}
	switch {
	case e.UID == "" || e.Stamp.IsZero() || e.Start.IsZero():
		return e, &ParseError{line, "VEVENT lacks UID, DTSTAMP or DTSTART"}
	case !e.End.IsZero() && e.End.Before(e.Start):
		return e, &ParseError{line, "VEVENT ends before it starts"}
	}
	return e, nil
}

// dateTime parses a DATE-TIME in UTC, a local time with TZID resolved by
// the file's VTIMEZONE, or a DATE (VALUE=DATE, midnight UTC). Floating
// times are refused: they mean a different instant to every reader.
func (p *parser) dateTime(pr prop) (time.Time, string, error) {
	if strings.EqualFold(pr.params["VALUE"], "DATE") {
		t, err := time.Parse("20060102", pr.value)
		return t, "", err
	}
	if tzid, ok := pr.params["TZID"]; ok {
		zone, ok := p.zones[tzid]
		if !ok {
			return time.Time{}, "", errors.New("TZID " + tzid + " has no VTIMEZONE in the file")
		}
		wall, err := time.Parse(localLayout, pr.value)
		if err != nil {
			return time.Time{}, "", err
		}
		return resolve(wall, zone), tzid, nil
	}
	if !strings.HasSuffix(pr.value, "Z") {
		return time.Time{}, "", errors.New("floating local time without TZID")
	}
	t, err := time.Parse(utcLayout, pr.value)
	return t, "", err
}

// resolve turns a local wall time into an instant with the observance in
// force: the last whose onset is not after the wall time read at its offset.
func resolve(wall time.Time, zone []obs) time.Time {
	off := zone[0].offset
	for _, o := range zone {
		if wall.Add(-time.Duration(o.offset) * time.Second).Before(o.onset) {
			break
		}
		off = o.offset
	}
	return wall.Add(-time.Duration(off) * time.Second)
}

// Unescape undoes Escape; a backslash before anything else is an error.
func Unescape(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			return "", errors.New("text ends with a backslash")
		}
		i++
		switch s[i] {
		case '\\', ';', ',':
			b.WriteByte(s[i])
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			return "", errors.New(`unknown escape \` + string(s[i]))
		}
	}
	return b.String(), nil
}

// splitEscaped splits a list value at commas that are not escaped.
func splitEscaped(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ',':
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
