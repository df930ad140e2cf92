package search

import (
	"context"
	"strings"

	"amur"
	"amur/lang"
)

// Doc is what the index keeps of a record: the texts it is found by, and
// the few values that facets and visibility need. Private data (a
// person's contact) never becomes part of a Doc, so no query can find it.
type Doc struct {
	Kind amur.Kind
	ID   string
	// Title is the record's name in each language, shown with a hit.
	Title amur.Text
	// Texts are the searched texts, the title first.
	Texts []FieldText
	// Type is the activity type or the organisation kind; "" for people.
	Type string
	// Sides are the countries the record belongs to.
	Sides []string
	// Year is the year an activity starts; 0 when the record has none.
	Year int
	// Fields are the codes of the fields of science.
	Fields []string
	// Draft marks an unpublished activity; Orgs are the organisations
	// taking part in it, whose coordinators may see it.
	Draft bool
	Orgs  []string
}

// FieldText is one searched part of a record.
type FieldText struct {
	// Name is the part's JSON name (title, description, name…), which
	// highlights refer to.
	Name string
	Text amur.Text
}

// DocOf extracts the searchable document of a record. It reports false for
// the kinds the search does not cover. A new kind of record is searchable
// with one more case here.
func DocOf(r amur.Record) (Doc, bool) {
	switch v := r.(type) {
	case *amur.Activity:
		return activityDoc(v), true
	case *amur.Organization:
		return orgDoc(v), true
	case *amur.Person:
		return personDoc(v), true
	case *amur.Offer:
		return listingDoc(amur.KindOffer, &v.Listing), true
	case *amur.Request:
		return listingDoc(amur.KindRequest, &v.Listing), true
	}
	return Doc{}, false
}

func activityDoc(a *amur.Activity) Doc {
	d := Doc{Kind: amur.KindActivity, ID: a.ID, Title: a.Title, Type: string(a.Type),
		Sides: a.Sides, Fields: a.Fields, Draft: a.Draft}
	d.Texts = []FieldText{{"title", a.Title}, {"description", a.Description}, {"location", a.Location}}
	if !a.Start.IsZero() {
		d.Year = a.Start.Y
	}
	if a.Draft {
		for _, p := range a.Participants {
			if p.OrgID != "" {
				d.Orgs = append(d.Orgs, p.OrgID)
			}
		}
	}
	return d
}

func orgDoc(o *amur.Organization) Doc {
	names := o.Name
	// Aliases and acronyms are in any script; each language of the Text
	// is analysed as written, so they go where their script says.
	other := strings.Join(append(append([]string{}, o.Aliases...), o.Acronyms...), "; ")
	d := Doc{Kind: amur.KindOrganization, ID: o.ID, Title: names, Type: string(o.Kind)}
	d.Texts = []FieldText{{"name", names}, {"aliases", byScript(other)}, {"city", o.City}}
	if o.Country != "" {
		d.Sides = []string{o.Country}
	}
	return d
}

func personDoc(p *amur.Person) Doc {
	title := amur.Text{ZH: p.DisplayName(amur.ZH), RU: p.DisplayName(amur.RU), EN: p.DisplayName(amur.EN)}
	names := strings.Join(append([]string{p.Native.Full(), p.Latin.Full()}, p.Aliases...), "; ")
	d := Doc{Kind: amur.KindPerson, ID: p.ID, Title: title}
	d.Texts = []FieldText{{"name", byScript(names)}, {"expertise", p.Expertise},
		{"keywords", byScript(strings.Join(p.Keywords, "; "))}}
	if p.Country != "" {
		d.Sides = []string{p.Country}
	}
	return d
}

// listingDoc is the document of an offer or a request. Its owner is not
// part of the searched text, so an anonymous listing cannot be found by
// its owner's name; a draft is visible to the owner's people, as the
// registry decides.
func listingDoc(k amur.Kind, l *amur.Listing) Doc {
	d := Doc{Kind: k, ID: l.ID, Title: l.Title, Fields: l.Fields,
		Draft: l.Status == amur.ListingDraft}
	if len(l.Coop) > 0 {
		d.Type = string(l.Coop[0])
	}
	d.Texts = []FieldText{{"title", l.Title}, {"description", l.Description},
		{"keywords", byScript(strings.Join(l.Keywords, "; "))}}
	if l.Side != "" {
		d.Sides = []string{l.Side}
	}
	if d.Draft && l.OwnerID != "" {
		d.Orgs = []string{l.OwnerID}
	}
	return d
}

// byScript sorts the "; "-separated parts of s into the languages their
// scripts tell (Latin is English), so that each part is analysed as the
// language it is written in.
func byScript(s string) amur.Text {
	var parts [3][]string
	for part := range strings.SplitSeq(s, "; ") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		switch lang.DetectLang(part) {
		case amur.ZH:
			parts[0] = append(parts[0], part)
		case amur.RU:
			parts[1] = append(parts[1], part)
		default:
			parts[2] = append(parts[2], part)
		}
	}
	return amur.Text{ZH: strings.Join(parts[0], "; "), RU: strings.Join(parts[1], "; "), EN: strings.Join(parts[2], "; ")}
}

// fetch reads the record of kind k and id from s, through whatever policy
// s enforces; a record the caller may not read is ENotFound.
func fetch(ctx context.Context, s amur.Store, k amur.Kind, id string) (amur.Record, error) {
	switch k {
	case amur.KindActivity:
		return s.Activity(ctx, id)
	case amur.KindOrganization:
		return s.Organization(ctx, id)
	case amur.KindPerson:
		return s.Person(ctx, id)
	case amur.KindOffer:
		return s.Offer(ctx, id)
	case amur.KindRequest:
		return s.Request(ctx, id)
	}
	return nil, amur.NotFound(string(k), id)
}
