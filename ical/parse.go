package ical

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// ParseError locates a problem of a parsed file at a physical line.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("ical: line %d: %s", e.Line, e.Msg) }

// prop is one unfolded content line.
type prop struct {
	line   int
	name   string
	params map[string]string
	value  string
}

// Limits of Parse.
const (
	maxLineOctets = 75
	maxFileLines  = 1 << 20
)

// Parse reads one VCALENDAR. It requires CRLF line ends, lines of at most
// 75 octets, valid UTF-8, balanced BEGIN/END, VERSION 2.0 and PRODID, and
// in each VEVENT a UID, DTSTAMP and DTSTART; a TZID must name a VTIMEZONE
// of the file, whose observances give the offset. Unknown properties and
// components are skipped.
func Parse(r io.Reader) (*Calendar, error) {
	props, err := unfold(r)
	if err != nil {
		return nil, err
	}
	p := &parser{props: props, zones: map[string][]obs{}}
	return p.calendar()
}

// unfold splits the input into content lines, joining continuations.
func unfold(r io.Reader) ([]prop, error) {
	br := bufio.NewReader(r)
	var out []prop
	var cur strings.Builder
	start := 0
	for n := 1; ; n++ {
		raw, err := br.ReadString('\n')
		if raw == "" && err == io.EOF {
			break
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if n > maxFileLines {
			return nil, &ParseError{n, "too many lines"}
		}
		if !strings.HasSuffix(raw, "\r\n") {
			return nil, &ParseError{n, "line does not end with CRLF"}
		}
		raw = strings.TrimSuffix(raw, "\r\n")
		if len(raw) > maxLineOctets {
			return nil, &ParseError{n, fmt.Sprintf("line of %d octets, longer than 75", len(raw))}
		}
		if !utf8.ValidString(raw) {
			return nil, &ParseError{n, "invalid UTF-8 (a fold split a character?)"}
		}
		if strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t") {
			if start == 0 {
				return nil, &ParseError{n, "continuation line with nothing to continue"}
			}
			cur.WriteString(raw[1:])
			continue
		}
		if start > 0 {
			pr, err := splitProp(start, cur.String())
			if err != nil {
				return nil, err
			}
			out = append(out, pr)
		}
		cur.Reset()
		cur.WriteString(raw)
		start = n
	}
	if start > 0 {
		pr, err := splitProp(start, cur.String())
		if err != nil {
			return nil, err
		}
		out = append(out, pr)
	}
	return out, nil
}

// splitProp parses NAME *(;PARAM=VALUE) : VALUE, with quoted parameter values.
func splitProp(line int, s string) (prop, error) {
	pr := prop{line: line}
	i := strings.IndexAny(s, ";:")
	if i <= 0 {
		return pr, &ParseError{line, "no property name or no colon"}
	}
	pr.name = strings.ToUpper(s[:i])
	for s[i] == ';' {
		rest := s[i+1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return pr, &ParseError{line, "parameter without value"}
		}
		key := strings.ToUpper(rest[:eq])
		rest = rest[eq+1:]
		var val string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return pr, &ParseError{line, "unterminated quoted parameter"}
			}
			val, rest = rest[1:end+1], rest[end+2:]
		} else {
			end := strings.IndexAny(rest, ";:")
			if end < 0 {
				return pr, &ParseError{line, "no colon after parameters"}
			}
			val, rest = rest[:end], rest[end:]
		}
		if pr.params == nil {
			pr.params = map[string]string{}
		}
		pr.params[key] = val
		s, i = rest, 0
		if s == "" {
			return pr, &ParseError{line, "no colon after parameters"}
		}
	}
	if s[i] != ':' {
		return pr, &ParseError{line, "no colon after parameters"}
	}
	pr.value = s[i+1:]
	return pr, nil
}

// obs is one observance of a parsed VTIMEZONE: from onset (UTC), offset.
type obs struct {
	onset  time.Time
	offset int
}

// parser walks the content lines.
type parser struct {
	props []prop
	i     int
	zones map[string][]obs
}

// next returns the next content line, or false at the end.
func (p *parser) next() (prop, bool) {
	if p.i >= len(p.props) {
		return prop{}, false
	}
	p.i++
	return p.props[p.i-1], true
}

// calendar parses VCALENDAR … END:VCALENDAR.
func (p *parser) calendar() (*Calendar, error) {
	first, ok := p.next()
	if !ok || first.name != "BEGIN" || !strings.EqualFold(first.value, "VCALENDAR") {
		return nil, &ParseError{first.line, "the file does not start with BEGIN:VCALENDAR"}
	}
	c := &Calendar{}
	var version string
	var events []prop
	var evStarts []int
	for {
		pr, ok := p.next()
		if !ok {
			return nil, &ParseError{first.line, "VCALENDAR is not closed"}
		}
		switch pr.name {
		case "END":
			if !strings.EqualFold(pr.value, "VCALENDAR") {
				return nil, &ParseError{pr.line, "END:" + pr.value + " inside VCALENDAR"}
			}
			if version != "2.0" || c.ProdID == "" {
				return nil, &ParseError{pr.line, "VCALENDAR lacks VERSION:2.0 or PRODID"}
			}
			if _, ok := p.next(); ok {
				return nil, &ParseError{p.props[p.i-1].line, "content after END:VCALENDAR"}
			}
			return p.events(c, events, evStarts)
		case "VERSION":
			version = pr.value
		case "PRODID":
			c.ProdID = pr.value
		case "NAME", "X-WR-CALNAME":
			name, err := Unescape(pr.value)
			if err != nil {
				return nil, &ParseError{pr.line, err.Error()}
			}
			c.Name = name
		case "BEGIN":
			comp := strings.ToUpper(pr.value)
			body, err := p.component(comp, pr.line)
			if err != nil {
				return nil, err
			}
			switch comp {
			case "VTIMEZONE":
				if err := p.zone(pr.line, body); err != nil {
					return nil, err
				}
			case "VEVENT":
				evStarts = append(evStarts, len(events))
				events = append(events, body...)
			}
		}
	}
}

// component collects the lines of component comp up to its END, checking
// that nested components are balanced; nested lines are kept in order.
func (p *parser) component(comp string, line int) ([]prop, error) {
	stack := []string{comp}
	var body []prop
	for {
		pr, ok := p.next()
		if !ok {
			return nil, &ParseError{line, comp + " is not closed"}
		}
		switch pr.name {
		case "BEGIN":
			stack = append(stack, strings.ToUpper(pr.value))
		case "END":
			if strings.ToUpper(pr.value) != stack[len(stack)-1] {
				return nil, &ParseError{pr.line, fmt.Sprintf("END:%s closes %s", pr.value, stack[len(stack)-1])}
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return body, nil
			}
		}
		body = append(body, pr)
	}
}

// zone reads a VTIMEZONE's observances (single onsets, as we write them).
func (p *parser) zone(line int, body []prop) error {
	var tzid string
	var list []obs
	var cur *obs
	var wall time.Time
	var from int
	for _, pr := range body {
		var err error
		switch pr.name {
		case "TZID":
			tzid = pr.value
		case "BEGIN":
			cur, wall, from = &obs{}, time.Time{}, 0
		case "DTSTART":
			wall, err = time.Parse(localLayout, pr.value)
		case "TZOFFSETFROM":
			from, err = parseOffset(pr.value)
		case "TZOFFSETTO":
			if cur != nil {
				cur.offset, err = parseOffset(pr.value)
			}
		case "RRULE", "RDATE":
			return &ParseError{pr.line, "recurring time-zone observances are not supported"}
		case "END":
			if cur == nil || wall.IsZero() {
				return &ParseError{pr.line, "observance without DTSTART"}
			}
			cur.onset = wall.Add(-time.Duration(from) * time.Second)
			list = append(list, *cur)
			cur = nil
		}
		if err != nil {
			return &ParseError{pr.line, err.Error()}
		}
	}
	if tzid == "" || len(list) == 0 {
		return &ParseError{line, "VTIMEZONE without TZID or observances"}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].onset.Before(list[j].onset) })
	p.zones[tzid] = list
	return nil
}

// parseOffset reads ±HHMM or ±HHMMSS as seconds.
func parseOffset(s string) (int, error) {
	var h, m, sec int
	if len(s) != 5 && len(s) != 7 || (s[0] != '+' && s[0] != '-') {
		return 0, fmt.Errorf("bad UTC offset %q", s)
	}
	if _, err := fmt.Sscanf(s[1:5], "%02d%02d", &h, &m); err != nil {
		return 0, fmt.Errorf("bad UTC offset %q", s)
	}
	if len(s) == 7 {
		if _, err := fmt.Sscanf(s[5:], "%02d", &sec); err != nil {
			return 0, fmt.Errorf("bad UTC offset %q", s)
		}
	}
	v := h*3600 + m*60 + sec
	if s[0] == '-' {
		v = -v
	}
	return v, nil
}
