package demo

import (
	"math/rand/v2"
	"slices"

	"amur"
)

// orgPool holds the organisations synthetic activities draw from, by side,
// the synthetic researchers of each organisation, and the candidates found
// for each side, type, field and role, which repeat across activities.
type orgPool struct {
	bySide map[string][]orgRow
	people map[string][]synthPerson
	cache  map[poolKey][]orgRow
}

// poolKey selects the candidates of one draw.
type poolKey struct {
	side  string
	typ   amur.ActivityType
	field string
	host  bool
}

// newOrgPool returns the pool of every real organisation that is not a
// body of the heads of government or a fund, with the researchers people.
func newOrgPool(people []synthPerson) *orgPool {
	p := &orgPool{bySide: map[string][]orgRow{}, people: map[string][]synthPerson{}, cache: map[poolKey][]orgRow{}}
	for _, r := range orgRows {
		if !r.official && r.kind != amur.Fund {
			p.bySide[r.country] = append(p.bySide[r.country], r)
		}
	}
	for _, sp := range people {
		p.people[sp.org] = append(p.people[sp.org], sp)
	}
	return p
}

// kindsFor lists the kinds of organisations that take part in activities
// of each type.
var kindsFor = map[amur.ActivityType][]amur.OrgKind{
	amur.JointResearch:     {amur.University, amur.Institute, amur.Institute, amur.Enterprise},
	amur.AcademicExchange:  {amur.University, amur.Institute},
	amur.Training:          {amur.University, amur.Institute},
	amur.EnterpriseCoop:    {amur.Enterprise, amur.Institute, amur.University},
	amur.Forum:             {amur.University, amur.Institute, amur.Enterprise, amur.Government},
	amur.Exhibition:        {amur.University, amur.Institute, amur.Enterprise, amur.Government},
	amur.Ceremony:          {amur.University, amur.Institute, amur.Enterprise, amur.Government},
	amur.OtherActivityType: {amur.University, amur.Institute},
}

// choose returns a random organisation of side that works in the topic
// and takes part in activities of type t; a host must have a city, which
// sets the activity's zone.
func (p *orgPool) choose(rng *rand.Rand, side string, t amur.ActivityType, tp topic, host bool) orgRow {
	k := poolKey{side, t, tp.field, host}
	cand, ok := p.cache[k]
	if !ok {
		cand = p.candidates(k)
		p.cache[k] = cand
	}
	return pick(rng, cand)
}

// candidates returns the organisations that fit k or, when none fits the
// topic, every organisation of the side with a city.
func (p *orgPool) candidates(k poolKey) []orgRow {
	kinds := kindsFor[k.typ]
	var fit, fallback []orgRow
	for _, r := range p.bySide[k.side] {
		if k.host && r.city == "" {
			continue
		}
		fallback = append(fallback, r)
		if slices.Contains(kinds, r.kind) && r.worksIn(k.field) {
			fit = append(fit, r)
		}
	}
	if len(fit) > 0 {
		return fit
	}
	return fallback
}
