package fund

import (
	"context"
	"unicode"

	"amur"
	"amur/identity"
)

// The conflicts of interest recognised by name rather than by record: the
// reviewer and a team member are two records of one person or
// organisation, written in different scripts or forms.
const (
	ConflictSamePersonScripts = "same_person_across_scripts"
	ConflictSameOrgScripts    = "same_organisation_across_scripts"
	ConflictSamePersonName    = "same_person_by_name"
	ConflictSameOrgName       = "same_organisation_by_name"
)

// The scores from which identity.Compare's verdict counts as the same
// person or organisation. Two people who share only a family name (张伟
// and Zhang Pingwen, Семин Андрей and Alexei Semin) score 0.5, a name met
// in a declined form (Семина Алексея) about 0.84 and the same name in
// another script 1; organisations sharing only a kind (university) score
// 0.4 to 0.6, while the same one under its names in three languages scores
// 1. A missed conflict lets a reviewer judge a colleague's work, so the
// person threshold admits declined forms; organisations need all their
// concepts aligned, since a loose match would bar a whole field.
const (
	samePersonScore = 0.8
	sameOrgScore    = 0.9
)

// nameMatcher caches the entities and comparisons of one conflict check,
// since one reviewer meets every proposal's team.
type nameMatcher struct {
	ents   map[string]identity.Entity
	scores map[[2]string]identity.Result
}

// sameByName returns the conflict of r with a member of p's team who is
// the same person or works at the same organisation by name, or "".
func (s *Service) sameByName(ctx context.Context, k *conflicts, r *amur.Reviewer, p *amur.Proposal) (string, error) {
	if k.names == nil {
		k.names = &nameMatcher{ents: map[string]identity.Entity{}, scores: map[[2]string]identity.Result{}}
	}
	nm := k.names
	rp, err := s.personEntity(ctx, nm, r.PersonID, r.Name)
	if err != nil {
		return "", err
	}
	ro, err := s.orgEntity(ctx, nm, r.OrgID)
	if err != nil {
		return "", err
	}
	for _, m := range p.Team {
		mp, err := s.personEntity(ctx, nm, m.PersonID, m.Name)
		if err != nil {
			return "", err
		}
		if res, ok := nm.same(rp, mp, samePersonScore); ok {
			return byName(res, ConflictSamePersonScripts, ConflictSamePersonName), nil
		}
		mo, err := s.orgEntity(ctx, nm, m.OrgID)
		if err != nil {
			return "", err
		}
		if res, ok := nm.same(ro, mo, sameOrgScore); ok {
			return byName(res, ConflictSameOrgScripts, ConflictSameOrgName), nil
		}
	}
	return "", nil
}

// byName picks the reason saying whether the two names that matched are
// in different scripts.
func byName(res identity.Result, across, same string) string {
	if script(res.Query) != script(res.Name) {
		return across
	}
	return same
}

// same compares two entities once, telling whether they score at least min.
func (nm *nameMatcher) same(a, b identity.Entity, min float64) (identity.Result, bool) {
	if len(a.Names) == 0 || len(b.Names) == 0 || (a.ID != "" && a.ID == b.ID) {
		return identity.Result{}, false
	}
	key := [2]string{entityKey(a), entityKey(b)}
	res, ok := nm.scores[key]
	if !ok {
		res = identity.Compare(a, b)
		nm.scores[key] = res
	}
	return res, res.Conflict == "" && res.Score >= min
}

// entityKey names an entity for the cache: its id, else its one name.
func entityKey(e identity.Entity) string {
	if e.ID != "" {
		return string(e.Kind) + ":" + e.ID
	}
	return string(e.Kind) + "=" + e.Names[0]
}

// personEntity returns the registry person's entity, or one made of the
// name written on the record when it names no person.
func (s *Service) personEntity(ctx context.Context, nm *nameMatcher, id, name string) (identity.Entity, error) {
	if id == "" {
		if name == "" {
			return identity.Entity{Kind: amur.KindPerson}, nil
		}
		return identity.Entity{Kind: amur.KindPerson, Names: []string{name}}, nil
	}
	if e, ok := nm.ents[id]; ok {
		return e, nil
	}
	per, err := s.reg.Person(ctx, id)
	if err != nil {
		return identity.Entity{}, err
	}
	e := identity.PersonEntity(per)
	nm.ents[id] = e
	return e, nil
}

// orgEntity returns the registry organisation's entity, empty without one.
func (s *Service) orgEntity(ctx context.Context, nm *nameMatcher, id string) (identity.Entity, error) {
	if id == "" {
		return identity.Entity{Kind: amur.KindOrganization}, nil
	}
	if e, ok := nm.ents[id]; ok {
		return e, nil
	}
	o, err := s.reg.Organization(ctx, id)
	if err != nil {
		return identity.Entity{}, err
	}
	e := identity.OrganizationEntity(o)
	nm.ents[id] = e
	return e, nil
}

// script tells the writing system of a name: "han", "cyrillic" or "latin".
func script(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			return "han"
		case unicode.Is(unicode.Cyrillic, r):
			return "cyrillic"
		}
	}
	return "latin"
}
