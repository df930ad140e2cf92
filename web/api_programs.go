package web

import (
	"context"

	"amur"
)

// programs reaches the programs. A program is found by id or by slug.
func (s *Server) programs() *resource[amur.Program, *amur.Program] {
	return &resource[amur.Program, *amur.Program]{
		s:      s,
		kind:   amur.KindProgram,
		get:    s.store.Program,
		list:   s.listPrograms,
		create: s.store.CreateProgram,
		update: s.store.UpdateProgram,
		remove: s.store.DeleteProgram,
	}
}

// listPrograms pages through the programs. They are few, so the store
// returns them all and the page is cut here.
func (s *Server) listPrograms(ctx context.Context, q *query) (*amur.List[*amur.Program], amur.Page, error) {
	page := q.page(nil)
	if err := q.finish(); err != nil {
		return nil, page, err
	}
	all, err := s.store.Programs(ctx)
	if err != nil {
		return nil, page, err
	}
	lo := min(page.Offset, len(all))
	hi := min(lo+page.Limit, len(all))
	list := &amur.List[*amur.Program]{Items: all[lo:hi], Total: -1, More: hi < len(all)}
	if page.Count {
		list.Total = len(all)
	}
	return list, page, nil
}
