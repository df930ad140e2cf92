package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"amur"
	"amur/internal/testkit"
)

// TestUniqueConflicts checks that a taken unique key is EConflict naming
// its field, on create and on update, and that nothing is written.
func TestUniqueConflicts(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		org := testkit.Org("Another university", "RU")
		org.ROR = "https://ror.org/010PMPE69" // MSU's, in another spelling
		person := testkit.Person("Ivanova", "Maria", "RU")
		person.ORCID = w.ivanov.ORCID
		tests := []struct {
			name  string
			write func() error
			field string
		}{
			{"ror on create", func() error { return s.CreateOrganization(ctx, org) }, "ror"},
			{"orcid on create", func() error { return s.CreatePerson(ctx, person) }, "orcid"},
			{"program slug", func() error { return s.CreateProgram(ctx, testkit.Program("crystin")) }, "slug"},
			{"id on create", func() error {
				f := testkit.Program("fresh")
				f.ID = w.program.ID
				return s.CreateProgram(ctx, f)
			}, "id"},
			{"field code", func() error { return s.CreateField(ctx, testkit.Field("1.1", "Again")) }, "id"},
			{"ror on update", func() error {
				o, err := s.Organization(ctx, w.jinr.ID)
				must(t, err)
				o.ROR = w.pku.ROR
				return s.UpdateOrganization(ctx, o)
			}, "ror"},
			{"flagship slug per program", func() error {
				must(t, s.CreateFlagship(ctx, &amur.Flagship{ProgramID: w.program.ID, Slug: "nica", Name: amur.T("en", "NICA")}))
				return s.CreateFlagship(ctx, &amur.Flagship{ProgramID: w.program.ID, Slug: "nica", Name: amur.T("en", "NICA 2")})
			}, "slug"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantError(t, tt.write(), amur.EConflict, "err.duplicate", tt.field)
			})
		}
		if n, err := s.Count(ctx, amur.KindOrganization); err != nil || n != 3 {
			t.Errorf("organizations = %d, %v; want 3", n, err)
		}
		if got, err := s.Organization(ctx, w.jinr.ID); err != nil || got.ROR != "" || got.Version != 1 {
			t.Errorf("JINR after failed update = %+v, %v; want unchanged", got, err)
		}
		// The same slug under another program is allowed.
		other := testkit.Program("other")
		must(t, s.CreateProgram(ctx, other))
		must(t, s.CreateFlagship(ctx, &amur.Flagship{ProgramID: other.ID, Slug: "nica", Name: amur.T("en", "NICA")}))
	})
}

// TestUnknownReferences checks that a reference to a missing record is
// EInvalid "err.ref" naming the referring field and its value.
func TestUnknownReferences(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		ghost := amur.NewID()
		tests := []struct {
			name  string
			write func() error
			field string
			value string
		}{
			{"activity field", func() error {
				return s.CreateActivity(ctx, testkit.Activity("x", amur.Forum, "2020-09-01", []string{"1", "4.4"}))
			}, "fields", "4.4"},
			{"participant org", func() error {
				return s.CreateActivity(ctx, testkit.Activity("x", amur.Forum, "2020-09-01", []string{"1"},
					testkit.OrgPart(w.msu.ID, "RU", amur.Organiser), testkit.OrgPart(w.pku.ID, "CN", amur.Partner),
					testkit.OrgPart(ghost, "CN", amur.Partner)))
			}, "participants[2].org_id", ghost},
			{"participant person", func() error {
				return s.CreateActivity(ctx, testkit.Activity("x", amur.Forum, "2020-09-01", nil,
					testkit.PersonPart(ghost, "RU", amur.Speaker)))
			}, "participants[0].person_id", ghost},
			{"activity program", func() error {
				a := testkit.Activity("x", amur.Forum, "2020-09-01", nil)
				a.ProgramID = ghost
				return s.CreateActivity(ctx, a)
			}, "program_id", ghost},
			{"affiliation", func() error {
				p := testkit.Person("Sidorov", "Petr", "RU")
				p.Affiliations = []amur.Affiliation{{OrgID: w.msu.ID}, {OrgID: ghost}}
				return s.CreatePerson(ctx, p)
			}, "affiliations[1].org_id", ghost},
			{"org parent", func() error {
				o := testkit.Org("Branch", "RU")
				o.ParentID = ghost
				return s.CreateOrganization(ctx, o)
			}, "parent_id", ghost},
			{"field parent", func() error { return s.CreateField(ctx, testkit.Field("5.1", "Economics")) }, "parent", "5"},
			{"timeline activity", func() error {
				return s.CreateTimelineEntry(ctx, &amur.TimelineEntry{Date: amur.MustDate("2020"), Kind: amur.Letter,
					Title: amur.T("en", "Letter"), ActivityID: ghost})
			}, "activity_id", ghost},
			{"flagship org on update", func() error {
				f := &amur.Flagship{Slug: "f", Name: amur.T("en", "F")}
				must(t, s.CreateFlagship(ctx, f))
				f.OrgIDs = []string{ghost}
				return s.UpdateFlagship(ctx, f)
			}, "org_ids", ghost},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := wantError(t, tt.write(), amur.EInvalid, "err.ref", tt.field)
				if e.Args["value"] != tt.value {
					t.Errorf("value = %v, want %s", e.Args["value"], tt.value)
				}
			})
		}
		if n, err := s.Count(ctx, amur.KindActivity); err != nil || n != 4 {
			t.Errorf("activities = %d, %v; want the 4 seeded", n, err)
		}
	})
}

// TestStaleUpdate checks that an update from an old version is EStale and
// changes nothing.
func TestStaleUpdate(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		first, err := s.Activity(ctx, w.forum.ID)
		must(t, err)
		second, err := s.Activity(ctx, w.forum.ID)
		must(t, err)
		first.Status = amur.Held
		must(t, s.UpdateActivity(ctx, first))
		second.Status = amur.Cancelled
		second.Fields = []string{"2"}
		wantError(t, s.UpdateActivity(ctx, second), amur.EStale, "err.stale", "version")
		if second.Version != 1 {
			t.Errorf("version of the rejected record = %d, want it left at 1", second.Version)
		}
		got, err := s.Activity(ctx, w.forum.ID)
		must(t, err)
		if d := cmp.Diff(first, got); d != "" {
			t.Errorf("stored activity changed by the stale update (-want +got):\n%s", d)
		}
		l, err := s.Activities(ctx, amur.ActivityFilter{Fields: []string{"2"}})
		must(t, err)
		for _, a := range l.Items {
			if a.ID == w.forum.ID {
				t.Errorf("the stale update's fields were stored")
			}
		}
		missing := testkit.Program("ghost")
		missing.ID = amur.NewID()
		missing.Version = 1
		wantError(t, s.UpdateProgram(ctx, missing), amur.ENotFound, "err.notfound", "")
	})
}

// TestDeleteInUse checks that deleting a referenced record is EConflict
// "err.in_use" and deletes nothing.
func TestDeleteInUse(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		tests := []struct {
			name string
			del  func() error
		}{
			{"org in an activity", func() error { return s.DeleteOrganization(ctx, w.jinr.ID) }},
			{"org in an affiliation", func() error {
				o := testkit.Org("Lab", "RU")
				must(t, s.CreateOrganization(ctx, o))
				p := testkit.Person("Lebedev", "Oleg", "RU")
				p.Affiliations = []amur.Affiliation{{OrgID: o.ID}}
				must(t, s.CreatePerson(ctx, p))
				return s.DeleteOrganization(ctx, o.ID)
			}},
			{"person in an activity", func() error { return s.DeletePerson(ctx, w.zhang.ID) }},
			{"field of an activity", func() error { return s.DeleteField(ctx, "2.3") }},
			{"field with sub-fields", func() error { return s.DeleteField(ctx, "1") }},
			{"program of activities", func() error { return s.DeleteProgram(ctx, w.program.ID) }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantError(t, tt.del(), amur.EConflict, "err.in_use", "")
			})
		}
		if _, err := s.Organization(ctx, w.jinr.ID); err != nil {
			t.Errorf("JINR was deleted: %v", err)
		}
		// Once its activity is gone, the person may go.
		must(t, s.DeleteActivity(ctx, w.research.ID))
		must(t, s.DeletePerson(ctx, w.zhang.ID))
	})
}

// TestInvalidInput checks that invalid records and filters are EInvalid
// naming the field, before anything is written.
func TestInvalidInput(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		a := testkit.Activity("", amur.Forum, "2020-09-01", nil)
		wantError(t, s.CreateActivity(ctx, a), amur.EInvalid, "err.text_empty", "title")
		_, err := s.Activities(ctx, amur.ActivityFilter{Page: amur.Page{Sort: "title"}})
		wantError(t, err, amur.EInvalid, "err.enum", "sort")
		_, err = s.Activities(ctx, amur.ActivityFilter{Fields: []string{"1%"}})
		wantError(t, err, amur.EInvalid, "err.field_code", "fields")
		_, err = s.Organizations(ctx, amur.OrganizationFilter{Page: amur.Page{Limit: amur.MaxLimit + 1}})
		wantError(t, err, amur.EInvalid, "err.range", "limit")
	})
}
