package demo

import (
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"amur"
)

// seen holds the ids of the records met so far, by kind.
type seen map[amur.Kind]map[string]bool

// check reports the first reference of r to a record not met before it.
func (s seen) check(t *testing.T, r amur.Record) {
	t.Helper()
	ref := func(k amur.Kind, what, id string) {
		t.Helper()
		if id != "" && !s[k][id] {
			t.Errorf("%s %s: %s %q is not among the records before it", r.RecordKind(), r.Base().ID, what, id)
		}
	}
	fields := func(codes []string) {
		t.Helper()
		for _, c := range codes {
			ref(amur.KindField, "field", c)
		}
	}
	switch v := r.(type) {
	case *amur.Field:
		ref(amur.KindField, "parent", v.Parent)
	case *amur.Program:
		fields(v.PriorityFields)
	case *amur.Organization:
		ref(amur.KindOrganization, "parent", v.ParentID)
	case *amur.Person:
		for _, a := range v.Affiliations {
			ref(amur.KindOrganization, "affiliation", a.OrgID)
		}
	case *amur.Flagship:
		ref(amur.KindProgram, "program", v.ProgramID)
		fields(v.Fields)
		for _, id := range v.OrgIDs {
			ref(amur.KindOrganization, "organization", id)
		}
	case *amur.Activity:
		ref(amur.KindProgram, "program", v.ProgramID)
		ref(amur.KindFlagship, "flagship", v.FlagshipID)
		fields(v.Fields)
		for _, p := range v.Participants {
			ref(amur.KindOrganization, "participant", p.OrgID)
			ref(amur.KindPerson, "participant", p.PersonID)
		}
	case *amur.TimelineEntry:
		ref(amur.KindProgram, "program", v.ProgramID)
		ref(amur.KindFlagship, "flagship", v.FlagshipID)
		ref(amur.KindActivity, "activity", v.ActivityID)
		for _, id := range v.PersonIDs {
			ref(amur.KindPerson, "person", id)
		}
		for _, id := range v.OrgIDs {
			ref(amur.KindOrganization, "organization", id)
		}
	}
}

// TestReferencesResolve checks that every field code, organisation, person,
// flagship, program and activity a record refers to comes before it, and that
// no id repeats.
func TestReferencesResolve(t *testing.T) {
	s := seen{}
	for _, k := range amur.Kinds {
		s[k] = map[string]bool{}
	}
	for _, r := range defaults(t) {
		s.check(t, r)
		k, id := r.RecordKind(), r.Base().ID
		if s[k][id] {
			t.Errorf("%s %s appears twice", k, id)
		}
		s[k][id] = true
	}
}

// TestKindsInDependencyOrder checks that the records come kind by kind in
// amur.Kinds order.
func TestKindsInDependencyOrder(t *testing.T) {
	last := -1
	for _, r := range defaults(t) {
		i := slices.Index(amur.Kinds, r.RecordKind())
		if i < last {
			t.Fatalf("%s %s follows a record of kind %s", r.RecordKind(), r.Base().ID, amur.Kinds[last])
		}
		last = i
	}
}

// TestMeta checks ids and timestamps: UUIDv7 ids whose time is the creation
// time, ascending in build order, version 1 and UTC millisecond timestamps.
func TestMeta(t *testing.T) {
	var prev string
	for _, r := range defaults(t) {
		m := r.Base()
		if m.Version != 1 || m.CreatedAt.IsZero() || !m.UpdatedAt.Equal(m.CreatedAt) ||
			m.CreatedAt.Location() != time.UTC || !m.CreatedAt.Equal(m.CreatedAt.Truncate(time.Millisecond)) {
			t.Errorf("%s %s: meta %+v, want version 1 and equal UTC millisecond timestamps", r.RecordKind(), m.ID, m)
		}
		if r.RecordKind() == amur.KindField {
			continue
		}
		u, err := uuid.Parse(m.ID)
		if err != nil || !amur.ValidID(m.ID) || u.Version() != 7 || u.Variant() != uuid.RFC4122 {
			t.Errorf("%s %q is not a UUIDv7", r.RecordKind(), m.ID)
			continue
		}
		sec, nsec := u.Time().UnixTime()
		if !time.Unix(sec, nsec).Equal(m.CreatedAt) {
			t.Errorf("%s %s: id time %v, created %v", r.RecordKind(), m.ID, time.Unix(sec, nsec).UTC(), m.CreatedAt)
		}
		if m.ID <= prev {
			t.Errorf("%s %s sorts before the record built before it (%s)", r.RecordKind(), m.ID, prev)
		}
		prev = m.ID
	}
}
