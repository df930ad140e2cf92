package transfer

import (
	"context"
	"strconv"

	"amur"
)

// idSet is a set of record ids with a number for each. UUIDs are kept as
// 16 bytes rather than 36-byte strings, which more than halves the memory
// of an import of a million records; other ids (field codes) as strings.
type idSet struct {
	uuids map[[16]byte]int
	other map[string]int
}

// newIDSet returns an empty set.
func newIDSet() *idSet {
	return &idSet{uuids: map[[16]byte]int{}, other: map[string]int{}}
}

// add puts id into the set with number n.
func (s *idSet) add(id string, n int) {
	if u, ok := parseUUID(id); ok {
		s.uuids[u] = n
		return
	}
	s.other[id] = n
}

// get returns the number of id and whether the set holds it.
func (s *idSet) get(id string) (int, bool) {
	if u, ok := parseUUID(id); ok {
		n, found := s.uuids[u]
		return n, found
	}
	n, found := s.other[id]
	return n, found
}

// has reports whether the set holds id.
func (s *idSet) has(id string) bool {
	_, ok := s.get(id)
	return ok
}

// parseUUID reads the canonical lower- or upper-case form of a UUID
// (8-4-4-4-12 hex digits) without allocating.
func parseUUID(s string) ([16]byte, bool) {
	var u [16]byte
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, false
	}
	pos := 0
	for j := range u {
		if pos == 8 || pos == 13 || pos == 18 || pos == 23 {
			pos++
		}
		hi, ok1 := unhex(s[pos])
		lo, ok2 := unhex(s[pos+1])
		if !ok1 || !ok2 {
			return u, false
		}
		u[j] = hi<<4 | lo
		pos += 2
	}
	return u, true
}

// unhex returns the value of one hex digit.
func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// ref is a reference from a record to another record, with the place of
// the field that holds it, built into a path only when an error needs it.
type ref struct {
	kind  amur.Kind
	id    string
	field string // "program_id", "participants", ...
	index int    // the element of a list of structures, or -1
	sub   string // the field within that element ("org_id"), or ""
}

// path returns the field path of the reference, such as
// "participants[1].org_id".
func (r ref) path() string {
	if r.index < 0 {
		return r.field
	}
	return r.field + "[" + strconv.Itoa(r.index) + "]." + r.sub
}

// one appends a reference held by a single field, when it is set.
func one(refs []ref, k amur.Kind, id, field string) []ref {
	if id == "" {
		return refs
	}
	return append(refs, ref{kind: k, id: id, field: field, index: -1})
}

// list appends the references of a list of ids. Normalize sorts such
// lists, so an error names the list and the value, not a position.
func list(refs []ref, k amur.Kind, ids []string, field string) []ref {
	for _, id := range ids {
		refs = append(refs, ref{kind: k, id: id, field: field, index: -1})
	}
	return refs
}

// refsOf appends the references rec makes to records of other kinds (and
// to other records of its own kind), apart from field codes.
func refsOf(rec amur.Record, refs []ref) []ref {
	switch r := rec.(type) {
	case *amur.Activity:
		refs = one(refs, amur.KindProgram, r.ProgramID, "program_id")
		refs = one(refs, amur.KindFlagship, r.FlagshipID, "flagship_id")
		for i, p := range r.Participants {
			if p.OrgID != "" {
				refs = append(refs, ref{kind: amur.KindOrganization, id: p.OrgID, field: "participants", index: i, sub: "org_id"})
			} else {
				refs = append(refs, ref{kind: amur.KindPerson, id: p.PersonID, field: "participants", index: i, sub: "person_id"})
			}
		}
	case *amur.Organization:
		refs = one(refs, amur.KindOrganization, r.ParentID, "parent_id")
	case *amur.Person:
		for i, a := range r.Affiliations {
			refs = append(refs, ref{kind: amur.KindOrganization, id: a.OrgID, field: "affiliations", index: i, sub: "org_id"})
		}
	case *amur.Flagship:
		refs = one(refs, amur.KindProgram, r.ProgramID, "program_id")
		refs = list(refs, amur.KindOrganization, r.OrgIDs, "org_ids")
	case *amur.TimelineEntry:
		refs = one(refs, amur.KindProgram, r.ProgramID, "program_id")
		refs = list(refs, amur.KindPerson, r.PersonIDs, "person_ids")
		refs = list(refs, amur.KindOrganization, r.OrgIDs, "org_ids")
		refs = one(refs, amur.KindFlagship, r.FlagshipID, "flagship_id")
		refs = one(refs, amur.KindActivity, r.ActivityID, "activity_id")
	}
	return refs
}

// fieldCodes returns the field codes rec names and the field holding them.
func fieldCodes(rec amur.Record) (string, []string) {
	switch r := rec.(type) {
	case *amur.Activity:
		return "fields", r.Fields
	case *amur.Flagship:
		return "fields", r.Fields
	case *amur.Program:
		return "priority_fields", r.PriorityFields
	case *amur.Field:
		if r.Parent != "" {
			return "parent", []string{r.Parent}
		}
	}
	return "", nil
}

// uniqueKey is a value that must be unique among the records of a kind.
type uniqueKey struct {
	field, value string
}

// uniqueKeys returns the unique keys of rec besides its id.
func uniqueKeys(rec amur.Record) []uniqueKey {
	switch r := rec.(type) {
	case *amur.Organization:
		if r.ROR != "" {
			return []uniqueKey{{"ror", r.ROR}}
		}
	case *amur.Person:
		if r.ORCID != "" {
			return []uniqueKey{{"orcid", r.ORCID}}
		}
	case *amur.Program:
		return []uniqueKey{{"slug", r.Slug}}
	case *amur.Flagship:
		return []uniqueKey{{"slug", r.Slug}}
	}
	return nil
}

// storedKey reports whether a record of kind k other than the one being
// imported already holds unique key u in the store. The store would refuse
// the record too, but a store that writes in batches may do so only when
// the batch is flushed, too late to name the line.
func storedKey(ctx context.Context, s amur.Store, k amur.Kind, u uniqueKey) (bool, error) {
	one := amur.Page{Limit: 1}
	var err error
	switch {
	case u.field == "ror":
		var l *amur.List[*amur.Organization]
		if l, err = s.Organizations(ctx, amur.OrganizationFilter{ROR: u.value, Page: one}); err == nil {
			return len(l.Items) > 0, nil
		}
	case u.field == "orcid":
		var l *amur.List[*amur.Person]
		if l, err = s.People(ctx, amur.PersonFilter{ORCID: u.value, Page: one}); err == nil {
			return len(l.Items) > 0, nil
		}
	case k == amur.KindProgram:
		_, err = s.Program(ctx, u.value)
	case k == amur.KindFlagship:
		_, err = s.Flagship(ctx, u.value)
	}
	if amur.ErrorCode(err) == amur.ENotFound {
		return false, nil
	}
	return err == nil, err
}

// provenanceOf returns the provenance of rec, or nil for kinds without one.
func provenanceOf(rec amur.Record) *amur.Provenance {
	switch r := rec.(type) {
	case *amur.Activity:
		return &r.Provenance
	case *amur.Organization:
		return &r.Provenance
	case *amur.Person:
		return &r.Provenance
	case *amur.Flagship:
		return &r.Provenance
	case *amur.TimelineEntry:
		return &r.Provenance
	}
	return nil
}
