package web

import (
	"context"

	"amur"
)

// fields reaches the fields of science. A field's id is its code, which
// the client chooses.
func (s *Server) fields() *resource[amur.Field, *amur.Field] {
	return &resource[amur.Field, *amur.Field]{
		s:      s,
		kind:   amur.KindField,
		get:    s.store.Field,
		list:   s.listFields,
		create: s.store.CreateField,
		update: s.store.UpdateField,
		remove: s.store.DeleteField,
		keepID: true,
	}
}

// listFields reads a field filter and lists the matches. parent=- selects
// the top-level fields.
func (s *Server) listFields(ctx context.Context, q *query) (*amur.List[*amur.Field], amur.Page, error) {
	f := amur.FieldFilter{Parent: q.one("parent"), Page: q.page(amur.FieldSorts)}
	if f.Parent != "" && f.Parent != "-" && !amur.ValidFieldCode(f.Parent) {
		q.fail(amur.Invalid("parent", "err.field_code", "value", f.Parent))
	}
	if err := q.finish(); err != nil {
		return nil, f.Page, err
	}
	list, err := s.store.Fields(ctx, f)
	return list, f.Page, err
}
