package web

import (
	"context"

	"amur"
)

// organizations reaches the organisation registry.
func (s *Server) organizations() *resource[amur.Organization, *amur.Organization] {
	return &resource[amur.Organization, *amur.Organization]{
		s:      s,
		kind:   amur.KindOrganization,
		get:    s.store.Organization,
		list:   s.listOrganizations,
		create: s.store.CreateOrganization,
		update: s.store.UpdateOrganization,
		remove: s.store.DeleteOrganization,
	}
}

// listOrganizations reads an organisation filter and lists the matches.
func (s *Server) listOrganizations(ctx context.Context, q *query) (*amur.List[*amur.Organization], amur.Page, error) {
	f := amur.OrganizationFilter{
		Kinds:     enums(q, "kind", amur.OrgKinds),
		Countries: q.sides("country"),
		Q:         q.text("q"),
		ROR:       amur.NormalizeROR(q.one("ror")),
		Page:      q.page(amur.OrganizationSorts),
	}
	if f.ROR != "" && !amur.ValidROR(f.ROR) {
		q.fail(amur.Invalid("ror", "err.ror", "value", f.ROR))
	}
	if err := q.finish(); err != nil {
		return nil, f.Page, err
	}
	list, err := s.store.Organizations(ctx, f)
	return list, f.Page, err
}
