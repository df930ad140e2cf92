package press

import (
	"regexp"
	"strings"

	"amur"
)

// isDateOnly reports whether a line is nothing but a date ("Dec. 15",
// "12月15日", "15 декабря 2021 года").
func isDateOnly(s string, ms []mention) bool {
	if len(ms) != 1 || ms[0].rel == relWeekday || ms[0].rel == relDays {
		return false
	}
	rest := strings.Trim(s[:ms[0].start]+s[ms[0].end:], " \t:：-–—.,，。()（）")
	return rest == ""
}

// isDateLed reports whether a line starts with a date: a heading of a
// chronology ("Dec. 15 — Virtual talks").
func isDateLed(ms []mention) bool {
	return len(ms) > 0 && ms[0].start == 0 && (ms[0].d != 0 || ms[0].m != 0) && ms[0].rel != relWeekday
}

// hasDate reports whether a line holds a date with a month.
func hasDate(ms []mention) bool {
	for _, m := range ms {
		if m.m != 0 {
			return true
		}
	}
	return false
}

// pubLabel marks a line that states when the page was published.
var pubLabel = regexp.MustCompile(`(?i)updated|published|posted|release|date|time|发布|时间|日期|更新|来源|опубликован|обновлен|дата|время|\d{1,2}:\d{2}`)

// publication returns the page's publication date: --published when
// given, else a date from the page's meta tags, from a labelled or timed
// date line, or from the first full date before the body. found is false
// when the page says nothing of its own date.
func publication(d *Doc, opts Options) (amur.Date, bool) {
	if !opts.Published.IsZero() {
		return opts.Published, true
	}
	for _, t := range d.TagDates {
		if v, ok := fullDate(t); ok {
			return v, true
		}
	}
	var fallback amur.Date
	for _, l := range d.Lines {
		if l.Kind == Body || l.Kind == Caption || l.Kind == Heading {
			continue
		}
		v, ok := fullDate(l.Text)
		if !ok {
			continue
		}
		if pubLabel.MatchString(l.Text) {
			return v, true
		}
		if fallback.IsZero() {
			fallback = v
		}
	}
	return fallback, !fallback.IsZero()
}

// fullDate returns the first date of s known to the day with its year.
func fullDate(s string) (amur.Date, bool) {
	for _, m := range scanDates(s) {
		if m.y != 0 && m.m != 0 && m.d != 0 && m.rel == relNone {
			if r, ok := mk(m.y, m.m, m.d, true); ok {
				return r.date, true
			}
		}
	}
	return amur.Date{}, false
}

// contentDate returns a reference date for a page that gives none of its
// own: the latest full date its body names, or the month and day of its
// dateline in the latest year it names.
func contentDate(d *Doc) (amur.Date, bool) {
	var best amur.Date
	maxY := 0
	for _, l := range d.Lines {
		if l.Kind != Body && l.Kind != Heading {
			continue
		}
		for _, m := range scanDates(l.Text) {
			if m.background || m.rel != relNone {
				continue
			}
			maxY = max(maxY, m.y)
			if r, ok := mk(m.y, m.m, m.d, true); ok && m.y != 0 && m.d != 0 && best.Before(r.date) {
				best = r.date
			}
		}
	}
	if !best.IsZero() {
		return best, true
	}
	if maxY != 0 {
		return amur.Date{Y: maxY}, true
	}
	return amur.Date{}, false
}
