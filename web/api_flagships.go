package web

import (
	"context"

	"amur"
)

// flagships reaches the flagship projects. A flagship is found by id or
// by slug.
func (s *Server) flagships() *resource[amur.Flagship, *amur.Flagship] {
	return &resource[amur.Flagship, *amur.Flagship]{
		s:      s,
		kind:   amur.KindFlagship,
		get:    s.store.Flagship,
		list:   s.listFlagships,
		create: s.store.CreateFlagship,
		update: s.store.UpdateFlagship,
		remove: s.store.DeleteFlagship,
	}
}

// listFlagships reads a flagship filter and lists the matches.
func (s *Server) listFlagships(ctx context.Context, q *query) (*amur.List[*amur.Flagship], amur.Page, error) {
	f := amur.FlagshipFilter{ProgramID: q.ref("program"), Page: q.page(amur.FlagshipSorts)}
	if err := q.finish(); err != nil {
		return nil, f.Page, err
	}
	if err := s.resolveRefs(ctx, &f.ProgramID, nil); err != nil {
		return nil, f.Page, err
	}
	list, err := s.store.Flagships(ctx, f)
	return list, f.Page, err
}
