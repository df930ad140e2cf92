package sqlstore

import (
	"slices"

	"amur"
)

// programTable stores programs; priority fields are rows of program_fields.
var programTable = &table{
	kind: amur.KindProgram,
	name: "programs",
	cols: []string{"slug"},
	vals: func(r amur.Record) []any { return []any{r.(*amur.Program).Slug} },
	unique: []uniqueKey{{field: "slug", where: "slug = ?", vals: func(r amur.Record) []any {
		return []any{r.(*amur.Program).Slug}
	}}},
	children: []child{{name: "program_fields", cols: []string{"program_id", "field_code"},
		rows: func(r amur.Record) [][]any { return idRows(r.(*amur.Program).ID, r.(*amur.Program).PriorityFields) }}},
	refs: func(r amur.Record) []ref {
		return listRefs("priority_fields", amur.KindField, r.(*amur.Program).PriorityFields)
	},
}

// fieldTable stores fields of science under their code.
var fieldTable = &table{
	kind: amur.KindField,
	name: "fields",
	cols: []string{"parent"},
	vals: func(r amur.Record) []any { return []any{null(r.(*amur.Field).Parent)} },
	refs: func(r amur.Record) []ref { return optRef("parent", amur.KindField, r.(*amur.Field).Parent) },
}

// orgTable stores organisations with a folded search column.
var orgTable = &table{
	kind: amur.KindOrganization,
	name: "organizations",
	cols: []string{"ror", "country", "kind", "parent_id", "sort_name", "search"},
	vals: func(r amur.Record) []any {
		o := r.(*amur.Organization)
		return []any{null(o.ROR), o.Country, string(o.Kind), null(o.ParentID), fold(o.Name.String()), orgSearch(o)}
	},
	unique: []uniqueKey{{field: "ror", where: "ror = ?", vals: func(r amur.Record) []any {
		if o := r.(*amur.Organization); o.ROR != "" {
			return []any{o.ROR}
		}
		return nil
	}}},
	refs: func(r amur.Record) []ref {
		return optRef("parent_id", amur.KindOrganization, r.(*amur.Organization).ParentID)
	},
}

// orgSearch returns the search column of an organisation: every name,
// alias and acronym, folded.
func orgSearch(o *amur.Organization) string {
	v := textValues(o.Name)
	v = append(v, o.Aliases...)
	return searchText(append(v, o.Acronyms...)...)
}

// personTable stores people; affiliations are rows of person_affiliations.
var personTable = &table{
	kind: amur.KindPerson,
	name: "people",
	cols: []string{"orcid", "country", "sort_name", "search"},
	vals: func(r amur.Record) []any {
		p := r.(*amur.Person)
		return []any{null(p.ORCID), p.Country, personSortName(p), personSearch(p)}
	},
	unique: []uniqueKey{{field: "orcid", where: "orcid = ?", vals: func(r amur.Record) []any {
		if p := r.(*amur.Person); p.ORCID != "" {
			return []any{p.ORCID}
		}
		return nil
	}}},
	children: []child{{name: "person_affiliations", cols: []string{"person_id", "org_id"},
		rows: func(r amur.Record) [][]any {
			p := r.(*amur.Person)
			return idRows(p.ID, affiliationOrgs(p))
		}}},
	refs: func(r amur.Record) []ref {
		p := r.(*amur.Person)
		out := make([]ref, 0, len(p.Affiliations))
		for i, a := range p.Affiliations {
			out = append(out, ref{field: "affiliations", idx: i, sub: ".org_id", kind: amur.KindOrganization, id: a.OrgID})
		}
		return out
	},
}

// personSortName sorts people by family name, in Latin script when known
// so that one list reads in one alphabet.
func personSortName(p *amur.Person) string {
	if !p.Latin.IsZero() {
		return fold(p.Latin.FamilyFirst())
	}
	return fold(p.Native.FamilyFirst())
}

// personSearch returns the search column of a person: both scripts in both
// orders and the aliases, folded.
func personSearch(p *amur.Person) string {
	v := []string{p.Native.Full(), p.Native.FamilyFirst(), p.Latin.Full(), p.Latin.FamilyFirst()}
	return searchText(append(v, p.Aliases...)...)
}

// affiliationOrgs returns the distinct organisations of a person's
// affiliations; a person may hold several positions at one organisation.
func affiliationOrgs(p *amur.Person) []string {
	ids := make([]string, 0, len(p.Affiliations))
	for _, a := range p.Affiliations {
		ids = append(ids, a.OrgID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// flagshipTable stores flagship projects; the slug is unique per program.
var flagshipTable = &table{
	kind: amur.KindFlagship,
	name: "flagships",
	cols: []string{"program_id", "slug"},
	vals: func(r amur.Record) []any {
		f := r.(*amur.Flagship)
		return []any{null(f.ProgramID), f.Slug}
	},
	unique: []uniqueKey{{field: "slug", where: "COALESCE(program_id, '') = ? AND slug = ?", vals: func(r amur.Record) []any {
		f := r.(*amur.Flagship)
		return []any{f.ProgramID, f.Slug}
	}}},
	children: []child{
		{name: "flagship_fields", cols: []string{"flagship_id", "field_code"},
			rows: func(r amur.Record) [][]any { return idRows(r.(*amur.Flagship).ID, r.(*amur.Flagship).Fields) }},
		{name: "flagship_orgs", cols: []string{"flagship_id", "org_id"},
			rows: func(r amur.Record) [][]any { return idRows(r.(*amur.Flagship).ID, r.(*amur.Flagship).OrgIDs) }},
	},
	refs: func(r amur.Record) []ref {
		f := r.(*amur.Flagship)
		out := optRef("program_id", amur.KindProgram, f.ProgramID)
		out = append(out, listRefs("fields", amur.KindField, f.Fields)...)
		return append(out, listRefs("org_ids", amur.KindOrganization, f.OrgIDs)...)
	},
}
