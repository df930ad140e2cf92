package demo

import (
	"fmt"
	"strings"

	"amur"
)

// peoplePerOrg bounds the synthetic researchers of one organisation.
const peoplePerOrg = 3

// synthPerson is a synthetic researcher as activities need them: id, side,
// organisation and topics.
type synthPerson struct {
	id, side, org string
	topics        []int
}

// researchOrgs returns the organisations that employ synthetic researchers:
// universities, institutes and enterprises.
func researchOrgs() []orgRow {
	var out []orgRow
	for _, r := range orgRows {
		switch r.kind {
		case amur.University, amur.Institute, amur.Enterprise:
			if !r.official {
				out = append(out, r)
			}
		}
	}
	return out
}

// addSynthPeople emits one synthetic researcher per six synthetic
// activities, at most peoplePerOrg per organisation, spread over the
// organisations in turn.
func (b *builder) addSynthPeople() {
	orgs := researchOrgs()
	n := min(b.opts.Activities/6, peoplePerOrg*len(orgs))
	for i := range n {
		r := orgs[i%len(orgs)]
		key := fmt.Sprintf("synthetic/%d/%d", b.opts.Seed, i)
		p := &amur.Person{
			Meta:       b.meta(amur.KindPerson, key),
			Country:    r.country,
			Provenance: prov(synthSource),
			Synthetic:  true,
		}
		female := chance(b.rng, 0.4)
		if r.country == "CN" {
			b.cnName(p, female)
		} else {
			b.ruName(p, female)
		}
		sp := synthPerson{id: p.ID, side: r.country, org: r.key, topics: b.personTopics(r)}
		b.describe(p, r, sp.topics, female)
		p.Contact.Email = fmt.Sprintf("%s.%s.%d@example.org",
			strings.ToLower(p.Latin.Given), strings.ToLower(p.Latin.Family), i+1)
		b.people = append(b.people, sp)
		b.add(key, p)
	}
}

// cnName gives p a random Chinese name with its Russian transcription.
func (b *builder) cnName(p *amur.Person, female bool) {
	fam := pick(b.rng, cnFamilies)
	given := pick(b.rng, cnGivenMale)
	if female {
		given = pick(b.rng, cnGivenFemale)
	}
	p.Native = name(fam.han, given.han, "")
	p.Latin = name(fam.pinyin, given.pinyin, "")
	p.Aliases = []string{given.pinyin + " " + fam.pinyin, fam.ru + " " + given.ru}
}

// ruName gives p a random Russian name with patronymic and its initials
// forms.
func (b *builder) ruName(p *amur.Person, female bool) {
	fam, given, pat := pick(b.rng, ruFamilies), pick(b.rng, ruGivenMale), pick(b.rng, ruPatronymics).male
	if female {
		fam = cyrName{fam.cyr + "а", fam.lat + "a"}
		given, pat = pick(b.rng, ruGivenFemale), pick(b.rng, ruPatronymics).female
	}
	p.Native = name(fam.cyr, given.cyr, pat.cyr)
	p.Latin = name(fam.lat, given.lat, pat.lat)
	p.Aliases = []string{
		given.lat + " " + fam.lat,
		initial(given.lat) + " " + initial(pat.lat) + " " + fam.lat,
		fam.cyr + " " + initial(given.cyr) + " " + initial(pat.cyr),
	}
}

// initial returns the first letter of s followed by a full stop.
func initial(s string) string {
	for _, r := range s {
		return string(r) + "."
	}
	return ""
}

// personTopics returns one or two distinct topics the organisation of r
// works in.
func (b *builder) personTopics(r orgRow) []int {
	cand := topicsFor(r)
	first := pick(b.rng, cand)
	second := pick(b.rng, cand)
	if second == first || chance(b.rng, 0.3) {
		return []int{first}
	}
	return []int{first, second}
}

// describe fills in the affiliation, expertise and keywords of a synthetic
// researcher at the organisation of r working on the topics ts.
func (b *builder) describe(p *amur.Person, r orgRow, ts []int, female bool) {
	positions := universityPositions
	switch r.kind {
	case amur.Institute:
		positions = institutePositions
	case amur.Enterprise:
		positions = enterprisePositions
	}
	pos := pick(b.rng, positions)
	ru := pos.ru
	if female && pos.ruF != "" {
		ru = pos.ruF
	}
	title := tri(sideLang(r.country), pos.zh, ru, pos.en)
	p.Affiliations = []amur.Affiliation{{OrgID: b.orgID(r.key), Title: title}}
	var zh, rus, en []string
	for _, i := range ts {
		t := topics[i]
		zh, rus, en = append(zh, t.zh), append(rus, t.nom), append(en, t.en)
		p.Keywords = append(p.Keywords, t.en, t.zh, t.nom)
	}
	p.Expertise = withMachine(b.rng, tri(sideLang(r.country),
		"研究方向："+strings.Join(zh, "、")+"。",
		"Научные интересы: "+strings.Join(rus, "; ")+".",
		"Research interests: "+strings.Join(en, "; ")+"."), 0.35)
}
