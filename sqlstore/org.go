package sqlstore

import (
	"context"

	"amur"
)

// Organization returns the organisation with id.
func (db *DB) Organization(ctx context.Context, id string) (*amur.Organization, error) {
	return getByID[amur.Organization](ctx, db, id)
}

// Organizations lists organisations, by default by name. Q matches a part
// of any name, alias or acronym regardless of case, and ё matches е.
func (db *DB) Organizations(ctx context.Context, f amur.OrganizationFilter) (*amur.List[*amur.Organization], error) {
	q := listQuery{table: "organizations", sorts: amur.OrganizationSorts,
		cols: map[string]string{"name": "x.sort_name", "created": "x.created_at"}}
	in(&q.where, "x.kind", f.Kinds)
	in(&q.where, "x.country", normSides(f.Countries))
	if f.Q != "" {
		q.where.add(`x.search LIKE ? ESCAPE '\'`, containsPattern(f.Q))
	}
	if f.ROR != "" {
		q.where.add("x.ror = ?", amur.NormalizeROR(f.ROR))
	}
	return list[amur.Organization](ctx, db, q, f.Page)
}

// CreateOrganization stores a new organisation.
func (db *DB) CreateOrganization(ctx context.Context, o *amur.Organization) error {
	return db.create(ctx, o)
}

// UpdateOrganization replaces a stored organisation.
func (db *DB) UpdateOrganization(ctx context.Context, o *amur.Organization) error {
	return db.update(ctx, o)
}

// DeleteOrganization deletes an organisation no record refers to.
func (db *DB) DeleteOrganization(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindOrganization, id)
}

// Person returns the person with id.
func (db *DB) Person(ctx context.Context, id string) (*amur.Person, error) {
	return getByID[amur.Person](ctx, db, id)
}

// People lists people, by default by family name. Q matches a part of any
// name or alias in either script regardless of case, and ё matches е.
func (db *DB) People(ctx context.Context, f amur.PersonFilter) (*amur.List[*amur.Person], error) {
	q := listQuery{table: "people", sorts: amur.PersonSorts,
		cols: map[string]string{"name": "x.sort_name", "created": "x.created_at"}}
	in(&q.where, "x.country", normSides(f.Countries))
	if f.OrgID != "" {
		q.where.add("x.id IN (SELECT person_id FROM person_affiliations WHERE org_id = ?)", f.OrgID)
	}
	if f.Q != "" {
		q.where.add(`x.search LIKE ? ESCAPE '\'`, containsPattern(f.Q))
	}
	if f.ORCID != "" {
		q.where.add("x.orcid = ?", amur.NormalizeORCID(f.ORCID))
	}
	return list[amur.Person](ctx, db, q, f.Page)
}

// CreatePerson stores a new person.
func (db *DB) CreatePerson(ctx context.Context, p *amur.Person) error { return db.create(ctx, p) }

// UpdatePerson replaces a stored person.
func (db *DB) UpdatePerson(ctx context.Context, p *amur.Person) error { return db.update(ctx, p) }

// DeletePerson deletes a person no record refers to.
func (db *DB) DeletePerson(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindPerson, id)
}

// normSides normalises country codes given to a filter.
func normSides(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = amur.NormalizeSide(v)
	}
	return out
}
