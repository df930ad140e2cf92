package press

import (
	"slices"
	"sort"
	"strings"

	"amur"
)

// events folds the reports of one page into events: a page tells of one
// happening per day, so the reports of a day become one event; reports
// known only to the month or year count only on a page that names no day,
// since beside dated news they are background.
func (x *extractor) events(cands []cand) []*Event {
	hasDay := slices.ContainsFunc(cands, func(c cand) bool { return c.date.date.D != 0 && !c.weak })
	full := x.fullIDs()
	var order []*Event
	last := map[string]*Event{}
	for _, c := range cands {
		if c.date.date.D == 0 && (hasDay || c.rank < 40) {
			continue
		}
		key := c.date.date.String()
		if c.date.date.D == 0 {
			key += "/" + string(c.kind)
		}
		e := last[key]
		if e == nil || !c.anchored && separate(e, c) {
			e = nil
			for _, o := range order {
				if o.Date == c.date.date && (c.date.date.D != 0 || o.Kind == c.kind) && !separate(o, c) {
					e = o
					break
				}
			}
		}
		if e == nil {
			e = &Event{Date: c.date.date, weak: true}
			order = append(order, e)
		}
		last[key] = e
		x.add(e, c, full)
	}
	out := make([]*Event, 0, len(order))
	for _, e := range order {
		if !e.weak {
			out = append(out, e)
		}
	}
	return secondary(out)
}

// secondary drops, from a page that reports a happening of substance, the
// events it only mentions in passing: one known only from someone saying
// or attending something, and one still to come.
func secondary(evs []*Event) []*Event {
	strong := slices.ContainsFunc(evs, func(e *Event) bool { return e.rank > 25 })
	past := slices.ContainsFunc(evs, func(e *Event) bool { return !e.future })
	return slices.DeleteFunc(evs, func(e *Event) bool {
		return strong && e.rank <= 25 || past && e.future
	})
}

// separate reports whether a report of the same day is another happening
// than e: of another kind, with people named on both sides and none in
// common (a premier's meeting beside the presidents' call).
func separate(e *Event, c cand) bool {
	if e.Kind == c.kind || len(e.People) == 0 || len(c.people) == 0 {
		return false
	}
	for _, p := range c.people {
		if slices.Contains(e.People, p.Name) {
			return false
		}
	}
	return true
}

// add folds one report into an event.
func (x *extractor) add(e *Event, c cand, full map[string]bool) {
	if !c.weak && (e.weak || c.rank > e.rank) {
		e.Kind, e.rank = c.kind, c.rank
		e.Title = eventTitle(x.doc.Lang, title(c.text), c.kind, nil)
	}
	if e.weak && !c.weak {
		e.weak, e.future = false, c.future
	} else if !c.weak {
		e.future = e.future && c.future
	}
	if e.Kind == "" {
		e.Kind, e.rank = c.kind, c.rank
		e.Title = eventTitle(x.doc.Lang, title(c.text), c.kind, nil)
	}
	for _, p := range c.people {
		if p.Partial && !full[p.ID] {
			continue
		}
		e.People, e.PersonIDs = addName(e.People, p.Name), addID(e.PersonIDs, p.ID)
	}
	for _, o := range c.orgs {
		e.Organizations, e.OrgIDs = addName(e.Organizations, o.Name), addID(e.OrgIDs, o.ID)
	}
	for _, f := range c.flagships {
		e.Flagships = addName(e.Flagships, f.Name)
	}
	for _, f := range c.fields {
		e.Fields = addName(e.Fields, f)
	}
	start := x.runeOffset(c.start)
	e.addSource(Source{File: x.doc.Name, Start: start, End: x.runeOffset(c.end), Weak: c.weak})
	if e.Title.EN == "" || e.Title.Orig != amur.EN {
		e.Title = eventTitle(x.doc.Lang, e.Title.Get(x.doc.Lang), e.Kind, e.People)
	}
}

// kindTitles name each kind in English titles made for pages in Chinese
// or Russian.
var kindTitles = map[amur.EntryKind]string{
	amur.Letter: "Letters", amur.Call: "Phone call", amur.Meeting: "Meeting", amur.CeremonyEntry: "Ceremony",
	amur.ForumEntry: "Forum", amur.Statement: "Statement", amur.AgreementEntry: "Agreement",
	amur.Visit: "Visit", amur.Launch: "Launch", amur.OtherEntry: "Event",
}

// eventTitle is the sentence in the page's language and, for a page not in
// English, an English title made from the kind and the people, marked as
// machine-made.
func eventTitle(l amur.Lang, s string, k amur.EntryKind, people []string) amur.Text {
	if !l.Valid() {
		l = amur.EN
	}
	t := amur.T(string(l), s)
	if l != amur.EN {
		en := kindTitles[k]
		if len(people) > 0 {
			en += ": " + strings.Join(people, ", ")
		}
		t.EN, t.Machine = en, []amur.Lang{amur.EN}
	}
	return t
}

// addName appends a name unless present, up to amur.MaxListLen names.
func addName(list []string, n string) []string {
	if n == "" || len(list) >= amur.MaxListLen || slices.Contains(list, n) {
		return list
	}
	return append(list, n)
}

// addID appends a registry id unless empty or present, up to
// amur.MaxListLen ids.
func addID(list []string, id string) []string {
	if id == "" || len(list) >= amur.MaxListLen || slices.Contains(list, id) {
		return list
	}
	return append(list, id)
}

// Merge folds the events of several pages that report the same happening:
// the same date, and the same kind or a person in common. The merged event
// keeps the strongest kind, every name and every source. Events come out
// in date order.
func Merge(evs []*Event) []*Event {
	var out []*Event
	for _, e := range evs {
		i := slices.IndexFunc(out, func(o *Event) bool { return same(o, e) })
		if i < 0 {
			out = append(out, e)
			continue
		}
		fold(out[i], e)
	}
	for _, e := range out {
		if e.People == nil {
			e.People = []string{}
		}
		if e.Organizations == nil {
			e.Organizations = []string{}
		}
		if e.Fields == nil {
			e.Fields = []string{}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Date.String(), out[j].Date.String()
		if a != b {
			return a < b
		}
		return out[i].rank > out[j].rank
	})
	return out
}

// same reports whether two events are reports of one happening.
func same(a, b *Event) bool {
	if a.Date != b.Date {
		return false
	}
	if a.Kind == b.Kind {
		return true
	}
	for _, p := range b.People {
		if slices.Contains(a.People, p) {
			return true
		}
	}
	if len(a.People) > 0 && len(b.People) > 0 {
		return false
	}
	return kindGroup[a.Kind] != 0 && kindGroup[a.Kind] == kindGroup[b.Kind]
}

// kindGroup puts together the kinds by which pages may report one
// happening: an occasion (a ceremony, a forum, the letters sent to it, its
// launch) or talks (a meeting, a call, a visit and what they sign). A
// report that names nobody merges with a same-day report of its group.
var kindGroup = map[amur.EntryKind]int{
	amur.CeremonyEntry: 1, amur.ForumEntry: 1, amur.Letter: 1, amur.Launch: 1,
	amur.Meeting: 2, amur.Call: 2, amur.Visit: 2, amur.AgreementEntry: 2, amur.Statement: 2,
}

// fold adds b's names and sources to a.
func fold(a, b *Event) {
	if b.rank > a.rank {
		a.Kind, a.rank, a.Title = b.Kind, b.rank, b.Title
	}
	for _, p := range b.People {
		a.People = addName(a.People, p)
	}
	for _, id := range b.PersonIDs {
		a.PersonIDs = addID(a.PersonIDs, id)
	}
	for _, o := range b.Organizations {
		a.Organizations = addName(a.Organizations, o)
	}
	for _, id := range b.OrgIDs {
		a.OrgIDs = addID(a.OrgIDs, id)
	}
	for _, f := range b.Fields {
		a.Fields = addName(a.Fields, f)
	}
	for _, f := range b.Flagships {
		a.Flagships = addName(a.Flagships, f)
	}
	for _, s := range b.Sources {
		a.addSource(s)
	}
}

// addSource adds a source unless the event cites it already or cites as
// many as a timeline entry may hold (amur.MaxListLen).
func (e *Event) addSource(s Source) {
	if len(e.Sources) >= amur.MaxListLen {
		return
	}
	if e.cited == nil {
		e.cited = map[Source]bool{}
		for _, o := range e.Sources {
			e.cited[o] = true
		}
	}
	if !e.cited[s] {
		e.cited[s] = true
		e.Sources = append(e.Sources, s)
	}
}
