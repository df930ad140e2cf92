package web

import (
	"context"

	"amur"
)

// people reaches the people registry. Contact data is private: the store
// in front of the web adapter (package registry) blanks it for readers who
// may not see it, so the handlers show what the store gives them.
func (s *Server) people() *resource[amur.Person, *amur.Person] {
	return &resource[amur.Person, *amur.Person]{
		s:      s,
		kind:   amur.KindPerson,
		get:    s.store.Person,
		list:   s.listPeople,
		create: s.store.CreatePerson,
		update: s.store.UpdatePerson,
		remove: s.store.DeletePerson,
	}
}

// listPeople reads a person filter and lists the matches.
func (s *Server) listPeople(ctx context.Context, q *query) (*amur.List[*amur.Person], amur.Page, error) {
	f := amur.PersonFilter{
		Countries: q.sides("country"),
		OrgID:     q.id("org"),
		Q:         q.text("q"),
		ORCID:     amur.NormalizeORCID(q.one("orcid")),
		Page:      q.page(amur.PersonSorts),
	}
	if f.ORCID != "" && !amur.ValidORCID(f.ORCID) {
		q.fail(amur.Invalid("orcid", "err.orcid", "value", f.ORCID))
	}
	if err := q.finish(); err != nil {
		return nil, f.Page, err
	}
	list, err := s.store.People(ctx, f)
	return list, f.Page, err
}
