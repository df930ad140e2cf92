package press

import (
	"slices"
	"strings"
	"unicode/utf8"

	"amur"
)

// cand is one report of a happening: a dated sentence with a trigger.
type cand struct {
	date      resolved
	kind      amur.EntryKind
	rank      int
	text      string
	start     int // byte span in the original
	end       int
	people    []Match
	orgs      []Match
	flagships []Match
	fields    []string
	weak      bool
	future    bool
	// anchored marks a report dated by the sentence before it, which it
	// continues.
	anchored bool
}

// extractor reads one cleaned page.
type extractor struct {
	doc *Doc
	reg *Registry
	res Resolver
	ref amur.Date
	// lastByte and lastRune are the last offset runeOffset converted.
	lastByte, lastRune int
}

// Extract returns the events a cleaned page reports, one per happening.
// A page with no date of its own and none in its text is refused.
func Extract(d *Doc, opts Options) ([]*Event, error) {
	x := &extractor{doc: d, reg: opts.Registry, res: opts.Resolver}
	if x.res == nil && x.reg != nil {
		x.res = x.reg
	}
	ref, ok := publication(d, opts)
	if !ok {
		ref, ok = contentDate(d)
	}
	if !ok {
		return nil, fileErr(amur.EInvalid, "press.no_date", d.Name)
	}
	x.ref = ref
	cands := x.scan(0)
	if bias := x.republished(cands); bias != 0 {
		cands = x.scan(bias)
	}
	return x.events(cands), nil
}

// scan reads every body, heading and caption sentence. bias shifts the
// years the page leaves implicit, for a page republished years after what
// it reports.
func (x *extractor) scan(bias int) []cand {
	c := dctx{ref: x.ref, yearBias: bias}
	var out []cand
	var section, anchor *resolved
	anchorAge := 99
	// pair are the people of the first sentence that named two or more,
	// as a lead does: those whom "the two presidents" and "两国元首" later
	// stand for.
	var pair []Match
	for li := range x.doc.Lines {
		l := &x.doc.Lines[li]
		if l.Kind != Body && l.Kind != Heading && l.Kind != Caption {
			continue
		}
		if l.Kind == Heading {
			if ms := scanDates(l.Text); len(ms) > 0 {
				if r, ok := resolve(ms[0], c); ok {
					section, anchor = &r, nil
				}
			}
		}
		for _, sp := range sentences(l.Text) {
			s := l.Text[sp[0]:sp[1]]
			anchorAge++
			c.future = futureRE.MatchString(lower(s))
			dates := x.sentenceDates(s, &c)
			if recallRE.MatchString(s) {
				continue
			}
			hits := findTriggers(s)
			if l.Kind == Body && x.res != nil && pair == nil {
				if ps := x.res.People(s, x.doc.Lang); len(ps) >= 2 {
					pair = ps
				}
			}
			anchored := false
			if len(dates) == 0 {
				switch {
				case len(hits) == 0:
					continue
				case anchor != nil && anchorAge <= maxAnchorAge && topRank(hits) > 20:
					dates, anchored = []dated{{*anchor, 0}}, true
				case section != nil:
					dates = []dated{{*section, 0}}
				default:
					continue
				}
			} else if l.Kind != Caption && dates[0].r.date.D != 0 && !c.future {
				anchor, anchorAge = &dates[0].r, 0
			}
			if len(hits) == 0 {
				continue
			}
			a, b := l.span(sp[0], sp[1])
			base := cand{text: s, start: a, end: b, weak: l.Kind == Caption, future: c.future, anchored: anchored}
			x.names(&base, s)
			if len(base.people) < 2 && containsAny(lower(s), leaderWords) {
				base.people = append(base.people, pair...)
			}
			for _, dt := range dates {
				k := bestHit(hits, dt.pos, len(dates) > 1)
				cd := base
				cd.date, cd.kind, cd.rank = dt.r, k.kind, k.rank
				out = append(out, cd)
			}
		}
	}
	return out
}

// leaderWords are the phrases by which a report names the leaders it has
// named before, in lower case.
var leaderWords = []string{"two presidents", "two heads of state", "two leaders", "both leaders", "both presidents",
	"the leaders", "两国元首", "双方元首", "两国领导人", "главы государств", "главы двух государств", "лидеры двух стран",
	"лидеры россии и китая", "президенты", "два лидера", "оба лидера", "лидеры"}

// maxAnchorAge is how many sentences after a dated one an undated report
// ("Sun Chunlan attended the ceremony") still belongs to its happening.
const maxAnchorAge = 6

// recallRE marks a sentence that recalls an earlier happening as
// background to the news ("Earlier, on June 5, 2019, …", "Напомним, …").
var recallRE = rx(`^\s*(?:earlier|previously|it is recalled|it was recalled|as reported earlier)\b|^\s*(?:ранее|напомним|как сообщалось)|^\s*(?:此前|早在|据悉此前)`)

// dated is a resolved date and where its expression starts.
type dated struct {
	r   resolved
	pos int
}

// sentenceDates resolves the date expressions of a sentence, leaving out
// background ones and, when a day is named, coarser ones beside it.
func (x *extractor) sentenceDates(s string, c *dctx) []dated {
	var out []dated
	hasDay := false
	for _, m := range scanDates(s) {
		if m.background {
			continue
		}
		r, ok := resolve(m, *c)
		if !ok {
			continue
		}
		if r.date.M != 0 {
			c.lastY, c.lastM = r.date.Y-c.yearBias, r.date.M
		}
		hasDay = hasDay || r.date.D != 0
		if !slices.ContainsFunc(out, func(d dated) bool { return d.r.date == r.date }) {
			out = append(out, dated{r, m.start})
		}
	}
	if hasDay {
		out = slices.DeleteFunc(out, func(d dated) bool { return d.r.date.D == 0 })
	}
	if end := datelineEnd(s); end > 0 && len(out) > 1 && out[0].pos < end {
		out = out[1:] // the dateline dates the report, the text the happening
	}
	return out
}

// datelineRE finds the dateline that opens an agency report: "BEIJING,
// Nov. 26 (Xinhua) --", "МОСКВА, 28 декабря. /ТАСС/.", "新华社北京8月26日电".
var datelineRE = lx(`^.{0,60}?(\((?:xinhua|reuters|ap|afp|tass|sputnik|ria novosti)\)\s*(?:--|—|–)?|\s--\s|\s—\s|/тасс/\.?|/риа новости/\.?|电)`)

// datelineEnd returns where the dateline of s ends, or 0.
func datelineEnd(s string) int {
	if loc := datelineRE.FindStringIndex(lower(s)); loc != nil {
		return loc[1]
	}
	return 0
}

// bestHit picks the trigger that names the happening: the strongest, or
// with several dates in the sentence the one nearest to the date.
func bestHit(hits []hit, pos int, nearest bool) hit {
	best := hits[0]
	for _, h := range hits[1:] {
		if nearest {
			if abs(h.pos-pos) < abs(best.pos-pos) {
				best = h
			}
		} else if h.rank > best.rank {
			best = h
		}
	}
	return best
}

// topRank returns the highest rank among hits.
func topRank(hits []hit) int {
	r := 0
	for _, h := range hits {
		r = max(r, h.rank)
	}
	return r
}

// abs returns |v|.
func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// names fills in the people, organisations, flagship projects and fields
// a sentence names.
func (x *extractor) names(c *cand, s string) {
	if x.res != nil {
		c.people = x.res.People(s, x.doc.Lang)
		c.orgs = x.res.Organizations(s, x.doc.Lang)
	} else {
		c.people = titledPeople(s)
	}
	if x.reg != nil {
		c.flagships = x.reg.Flagships(s)
	}
	c.fields = fieldsOf(s)
}

// republished returns how many years a republished page's implicit dates
// are off: when none of its undated-year happenings is in the registry's
// timeline but one is there on the same day of another year, the page
// was published later than what it reports.
func (x *extractor) republished(cands []cand) int {
	if x.reg == nil || len(x.reg.timeline) == 0 {
		return 0
	}
	bias := 0
	for _, c := range cands {
		if c.date.date.D == 0 || c.weak {
			continue
		}
		for _, h := range x.reg.timeline {
			if h.Date.M != c.date.date.M || h.Date.D != c.date.date.D {
				continue
			}
			if h.Date.Y == c.date.date.Y {
				return 0
			}
			if !c.date.explicit && bias == 0 && abs(h.Date.Y-c.date.date.Y) <= 10 && (h.Kind == c.kind || sharesPerson(h, c)) {
				bias = h.Date.Y - c.date.date.Y
			}
		}
	}
	return bias
}

// sharesPerson reports whether a timeline entry and a report name a
// common person.
func sharesPerson(h Hint, c cand) bool {
	for _, p := range c.people {
		if p.ID != "" && slices.Contains(h.PersonIDs, p.ID) {
			return true
		}
	}
	return false
}

// fullIDs returns the registry people the page names in full.
func (x *extractor) fullIDs() map[string]bool {
	out := map[string]bool{}
	if x.res == nil {
		return out
	}
	for _, l := range x.doc.Lines {
		if l.Kind != Body && l.Kind != Title && l.Kind != Heading {
			continue
		}
		var ms []Match
		if r, ok := x.res.(*Registry); ok {
			ms = r.find(l.Text, 'p')
		} else {
			ms = x.res.People(l.Text, x.doc.Lang)
		}
		for _, m := range ms {
			if !m.Partial && m.ID != "" {
				out[m.ID] = true
			}
		}
	}
	return out
}

// runeOffset converts a byte offset of the original to a character
// offset. Offsets mostly come in page order, so counting goes on from the
// last one asked, which keeps a long page linear.
func (x *extractor) runeOffset(b int) int {
	if b < x.lastByte {
		x.lastRune -= utf8.RuneCountInString(x.doc.Orig[b:x.lastByte])
	} else {
		x.lastRune += utf8.RuneCountInString(x.doc.Orig[x.lastByte:b])
	}
	x.lastByte = b
	return x.lastRune
}

// title shortens a sentence into an event title: the dateline is cut
// off and long sentences end at a word near 160 characters.
func title(s string) string {
	for _, sep := range []string{" -- ", " — ", "电 ", "电　", "/ТАСС/. ", "/ТАСС/ "} {
		if k := strings.Index(s, sep); k >= 0 && k < 80 {
			s = s[k+len(sep):]
			break
		}
	}
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= 160 {
		return s
	}
	rs := []rune(s)[:160]
	cut := string(rs)
	if k := strings.LastIndexByte(cut, ' '); k > 100 {
		cut = cut[:k]
	}
	return cut + "…"
}
