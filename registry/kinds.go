package registry

import (
	"context"

	"amur"
)

// Program returns a program; every program is public.
func (s *Store) Program(ctx context.Context, idOrSlug string) (*amur.Program, error) {
	return get(ctx, s.next.Program, idOrSlug)
}

// Programs lists the programs.
func (s *Store) Programs(ctx context.Context) ([]*amur.Program, error) { return s.next.Programs(ctx) }

// CreateProgram stores a new program if the principal may (admins only).
func (s *Store) CreateProgram(ctx context.Context, p *amur.Program) error {
	return create(ctx, p, s.next.CreateProgram)
}

// UpdateProgram replaces a program if the principal may.
func (s *Store) UpdateProgram(ctx context.Context, p *amur.Program) error {
	return update(ctx, p, s.next.Program, s.next.UpdateProgram)
}

// DeleteProgram deletes a program if the principal may.
func (s *Store) DeleteProgram(ctx context.Context, id string) error {
	return remove(ctx, id, s.next.Program, s.next.DeleteProgram)
}

// Organization returns an organisation; every organisation is public.
func (s *Store) Organization(ctx context.Context, id string) (*amur.Organization, error) {
	return get(ctx, s.next.Organization, id)
}

// Organizations lists organisations.
func (s *Store) Organizations(ctx context.Context, f amur.OrganizationFilter) (*amur.List[*amur.Organization], error) {
	return s.next.Organizations(ctx, f)
}

// CreateOrganization stores a new organisation if the principal may.
func (s *Store) CreateOrganization(ctx context.Context, o *amur.Organization) error {
	return create(ctx, o, s.next.CreateOrganization)
}

// UpdateOrganization replaces an organisation if the principal may.
func (s *Store) UpdateOrganization(ctx context.Context, o *amur.Organization) error {
	return update(ctx, o, s.next.Organization, s.next.UpdateOrganization)
}

// DeleteOrganization deletes an organisation if the principal may.
func (s *Store) DeleteOrganization(ctx context.Context, id string) error {
	return remove(ctx, id, s.next.Organization, s.next.DeleteOrganization)
}

// Field returns a field; every field is public.
func (s *Store) Field(ctx context.Context, code string) (*amur.Field, error) {
	return get(ctx, s.next.Field, code)
}

// Fields lists fields.
func (s *Store) Fields(ctx context.Context, f amur.FieldFilter) (*amur.List[*amur.Field], error) {
	return s.next.Fields(ctx, f)
}

// CreateField stores a new field if the principal may (admins only).
func (s *Store) CreateField(ctx context.Context, f *amur.Field) error {
	return create(ctx, f, s.next.CreateField)
}

// UpdateField replaces a field if the principal may.
func (s *Store) UpdateField(ctx context.Context, f *amur.Field) error {
	return update(ctx, f, s.next.Field, s.next.UpdateField)
}

// DeleteField deletes a field if the principal may.
func (s *Store) DeleteField(ctx context.Context, code string) error {
	return remove(ctx, code, s.next.Field, s.next.DeleteField)
}

// Flagship returns a flagship project; every one is public.
func (s *Store) Flagship(ctx context.Context, idOrSlug string) (*amur.Flagship, error) {
	return get(ctx, s.next.Flagship, idOrSlug)
}

// Flagships lists flagship projects.
func (s *Store) Flagships(ctx context.Context, f amur.FlagshipFilter) (*amur.List[*amur.Flagship], error) {
	return s.next.Flagships(ctx, f)
}

// CreateFlagship stores a new flagship project if the principal may.
func (s *Store) CreateFlagship(ctx context.Context, f *amur.Flagship) error {
	return create(ctx, f, s.next.CreateFlagship)
}

// UpdateFlagship replaces a flagship project if the principal may.
func (s *Store) UpdateFlagship(ctx context.Context, f *amur.Flagship) error {
	return update(ctx, f, s.next.Flagship, s.next.UpdateFlagship)
}

// DeleteFlagship deletes a flagship project if the principal may.
func (s *Store) DeleteFlagship(ctx context.Context, id string) error {
	return remove(ctx, id, s.next.Flagship, s.next.DeleteFlagship)
}

// TimelineEntry returns a timeline entry; every entry is public.
func (s *Store) TimelineEntry(ctx context.Context, id string) (*amur.TimelineEntry, error) {
	return get(ctx, s.next.TimelineEntry, id)
}

// Timeline lists timeline entries.
func (s *Store) Timeline(ctx context.Context, f amur.TimelineFilter) (*amur.List[*amur.TimelineEntry], error) {
	return s.next.Timeline(ctx, f)
}

// CreateTimelineEntry stores a new timeline entry if the principal may.
func (s *Store) CreateTimelineEntry(ctx context.Context, e *amur.TimelineEntry) error {
	return create(ctx, e, s.next.CreateTimelineEntry)
}

// UpdateTimelineEntry replaces a timeline entry if the principal may.
func (s *Store) UpdateTimelineEntry(ctx context.Context, e *amur.TimelineEntry) error {
	return update(ctx, e, s.next.TimelineEntry, s.next.UpdateTimelineEntry)
}

// DeleteTimelineEntry deletes a timeline entry if the principal may.
func (s *Store) DeleteTimelineEntry(ctx context.Context, id string) error {
	return remove(ctx, id, s.next.TimelineEntry, s.next.DeleteTimelineEntry)
}
