package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"amur"
	"amur/internal/testkit"
)

// TestActivityFilters checks each activity filter on the seeded world.
func TestActivityFilters(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		yes := true
		tests := []struct {
			name string
			f    amur.ActivityFilter
			want []*amur.Activity
		}{
			{"all by start", amur.ActivityFilter{}, []*amur.Activity{w.forum, w.research, w.webinar, w.exhibition}},
			{"type", amur.ActivityFilter{Types: []amur.ActivityType{amur.Forum}}, []*amur.Activity{w.forum, w.webinar}},
			{"two types", amur.ActivityFilter{Types: []amur.ActivityType{amur.Exhibition, amur.JointResearch}}, []*amur.Activity{w.research, w.exhibition}},
			{"status", amur.ActivityFilter{Statuses: []amur.ActivityStatus{amur.Held, amur.InProgress}}, []*amur.Activity{w.research, w.webinar}},
			{"field with sub-fields", amur.ActivityFilter{Fields: []string{"1"}}, []*amur.Activity{w.forum, w.research}},
			{"sub-field", amur.ActivityFilter{Fields: []string{"1.1.quantum"}}, []*amur.Activity{w.research}},
			{"field prefix is not a parent", amur.ActivityFilter{Fields: []string{"2.3"}}, []*amur.Activity{w.research, w.webinar}},
			{"two fields", amur.ActivityFilter{Fields: []string{"1.1", "2"}}, []*amur.Activity{w.forum, w.research, w.webinar, w.exhibition}},
			{"side", amur.ActivityFilter{Sides: []string{"by"}}, []*amur.Activity{w.exhibition}},
			{"date range", amur.ActivityFilter{From: mustTime(t, "2020-09-30T21:00:00Z"), To: mustTime(t, "2021-02-28T20:59:59Z")}, []*amur.Activity{w.research}},
			{"from is inclusive", amur.ActivityFilter{From: w.exhibition.StartTime()}, []*amur.Activity{w.exhibition}},
			{"to is inclusive", amur.ActivityFilter{To: w.forum.StartTime()}, []*amur.Activity{w.forum}},
			{"org", amur.ActivityFilter{OrgID: w.pku.ID}, []*amur.Activity{w.forum, w.exhibition}},
			{"person", amur.ActivityFilter{PersonID: w.ivanov.ID}, []*amur.Activity{w.webinar}},
			{"program and type and field", amur.ActivityFilter{ProgramID: w.program.ID, Types: []amur.ActivityType{amur.Forum},
				Fields: []string{"2"}}, []*amur.Activity{w.webinar}},
			{"synthetic", amur.ActivityFilter{Synthetic: &yes}, nil},
			{"unknown org", amur.ActivityFilter{OrgID: amur.NewID()}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.Activities(ctx, tt.f)
				must(t, err)
				if d := cmp.Diff(ids(tt.want), ids(got.Items)); d != "" {
					t.Errorf("ids differ (-want +got):\n%s", d)
				}
				if got.Total != -1 || got.More {
					t.Errorf("total %d more %v, want -1 and false", got.Total, got.More)
				}
			})
		}
		got, err := s.Activities(ctx, amur.ActivityFilter{Types: []amur.ActivityType{amur.Forum}})
		must(t, err)
		if d := cmp.Diff(w.forum, got.Items[0]); d != "" {
			t.Errorf("listed activity differs from the stored one (-want +got):\n%s", d)
		}
	})
}

// TestPagination walks activities in pages in both directions.
func TestPagination(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		// Two activities at the same instant are ordered by id.
		twin := testkit.Activity("Twin forum", amur.Forum, "2020-08-26T15:00", []string{"1"})
		must(t, s.CreateActivity(ctx, twin))
		want := []string{w.forum.ID, twin.ID, w.research.ID, w.webinar.ID, w.exhibition.ID}
		if twin.ID < w.forum.ID {
			want[0], want[1] = twin.ID, w.forum.ID
		}
		for _, sort := range []string{"start", "-start"} {
			var got []string
			for off := 0; ; off += 2 {
				l, err := s.Activities(ctx, amur.ActivityFilter{Page: amur.Page{Limit: 2, Offset: off, Sort: sort, Count: true}})
				must(t, err)
				if l.Total != 5 {
					t.Fatalf("total = %d, want 5", l.Total)
				}
				got = append(got, ids(l.Items)...)
				if !l.More {
					break
				}
			}
			exp := append([]string(nil), want...)
			if sort == "-start" {
				for i, j := 0, len(exp)-1; i < j; i, j = i+1, j-1 {
					exp[i], exp[j] = exp[j], exp[i]
				}
			}
			if d := cmp.Diff(exp, got); d != "" {
				t.Errorf("sort %s: pages differ (-want +got):\n%s", sort, d)
			}
		}
		l, err := s.Activities(ctx, amur.ActivityFilter{Page: amur.Page{Limit: 5}})
		must(t, err)
		if l.More || len(l.Items) != 5 {
			t.Errorf("a page holding all: %d items, more %v", len(l.Items), l.More)
		}
		l, err = s.Activities(ctx, amur.ActivityFilter{Page: amur.Page{Sort: "-created", Limit: 1}})
		must(t, err)
		if len(l.Items) != 1 || l.Items[0].ID != twin.ID {
			t.Errorf("newest by -created = %v, want the twin", ids(l.Items))
		}
	})
}

// TestOtherLists checks the filters and sort orders of the other lists.
func TestOtherLists(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		orgs, err := s.Organizations(ctx, amur.OrganizationFilter{Countries: []string{"ru"}, Page: amur.Page{Sort: "-name", Count: true}})
		must(t, err)
		if got := orgIDs(orgs.Items); !cmp.Equal(got, []string{w.jinr.ID, w.msu.ID}) || orgs.Total != 2 {
			t.Errorf("Russian organisations by -name = %v (total %d)", got, orgs.Total)
		}
		orgs, err = s.Organizations(ctx, amur.OrganizationFilter{ROR: "https://ror.org/02v51f717"})
		must(t, err)
		if got := orgIDs(orgs.Items); !cmp.Equal(got, []string{w.pku.ID}) {
			t.Errorf("organisation by ROR = %v, want PKU", got)
		}
		orgs, err = s.Organizations(ctx, amur.OrganizationFilter{Kinds: []amur.OrgKind{amur.Institute}})
		must(t, err)
		if got := orgIDs(orgs.Items); !cmp.Equal(got, []string{w.jinr.ID}) {
			t.Errorf("institutes = %v, want JINR", got)
		}
		people, err := s.People(ctx, amur.PersonFilter{OrgID: w.pku.ID})
		must(t, err)
		if len(people.Items) != 1 || people.Items[0].ID != w.zhang.ID {
			t.Errorf("people of PKU = %d, want Zhang", len(people.Items))
		}
		people, err = s.People(ctx, amur.PersonFilter{ORCID: "https://orcid.org/0000-0002-1825-0097"})
		must(t, err)
		if len(people.Items) != 1 || people.Items[0].ID != w.ivanov.ID {
			t.Errorf("person by ORCID: %d found, want Ivanov", len(people.Items))
		}
		people, err = s.People(ctx, amur.PersonFilter{Page: amur.Page{Sort: "name"}})
		must(t, err)
		if len(people.Items) != 2 || people.Items[0].ID != w.ivanov.ID {
			t.Errorf("people by name: first is not Ivanov")
		}
		fields, err := s.Fields(ctx, amur.FieldFilter{Parent: "-"})
		must(t, err)
		if got := fieldIDs(fields.Items); !cmp.Equal(got, []string{"1", "2"}) {
			t.Errorf("top-level fields = %v", got)
		}
		fields, err = s.Fields(ctx, amur.FieldFilter{Parent: "1.1", Page: amur.Page{Sort: "-code"}})
		must(t, err)
		if got := fieldIDs(fields.Items); !cmp.Equal(got, []string{"1.1.quantum"}) {
			t.Errorf("sub-fields of 1.1 = %v", got)
		}
	})
}

// TestTimelineAndFlagshipLists checks timeline date filters and flagship
// lists by program.
func TestTimelineAndFlagshipLists(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		nica := &amur.Flagship{ProgramID: w.program.ID, Slug: "nica", Name: amur.T("en", "NICA")}
		must(t, s.CreateFlagship(ctx, nica))
		must(t, s.CreateFlagship(ctx, &amur.Flagship{Slug: "loose", Name: amur.T("en", "No program")}))
		entries := map[string]*amur.TimelineEntry{}
		for _, d := range []string{"2020", "2020-08", "2020-08-26", "2020-09-01", "2021-03-18"} {
			e := &amur.TimelineEntry{ProgramID: w.program.ID, Date: amur.MustDate(d), Kind: amur.Meeting, Title: amur.T("en", "Meeting "+d)}
			if d == "2020-09-01" {
				e.FlagshipID, e.PersonIDs, e.Kind = nica.ID, []string{w.zhang.ID}, amur.Launch
			}
			must(t, s.CreateTimelineEntry(ctx, e))
			entries[d] = e
		}
		tests := []struct {
			name string
			f    amur.TimelineFilter
			want []string
		}{
			{"all by date", amur.TimelineFilter{}, []string{"2020", "2020-08", "2020-08-26", "2020-09-01", "2021-03-18"}},
			{"within August 2020", amur.TimelineFilter{From: amur.MustDate("2020-08"), To: amur.MustDate("2020-08")}, []string{"2020-08", "2020-08-26"}},
			{"until 2020", amur.TimelineFilter{To: amur.MustDate("2020")}, []string{"2020", "2020-08", "2020-08-26", "2020-09-01"}},
			{"kind", amur.TimelineFilter{Kinds: []amur.EntryKind{amur.Launch}}, []string{"2020-09-01"}},
			{"flagship", amur.TimelineFilter{FlagshipID: nica.ID}, []string{"2020-09-01"}},
			{"person", amur.TimelineFilter{PersonID: w.zhang.ID}, []string{"2020-09-01"}},
			{"newest first", amur.TimelineFilter{Page: amur.Page{Sort: "-date", Limit: 2}}, []string{"2021-03-18", "2020-09-01"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				l, err := s.Timeline(ctx, tt.f)
				must(t, err)
				var got []string
				for _, e := range l.Items {
					got = append(got, e.Date.String())
				}
				if d := cmp.Diff(tt.want, got); d != "" {
					t.Errorf("dates differ (-want +got):\n%s", d)
				}
			})
		}
		fl, err := s.Flagships(ctx, amur.FlagshipFilter{ProgramID: w.program.ID})
		must(t, err)
		if len(fl.Items) != 1 || fl.Items[0].ID != nica.ID {
			t.Errorf("flagships of the program: %d, want NICA alone", len(fl.Items))
		}
		wantError(t, s.DeleteFlagship(ctx, nica.ID), amur.EConflict, "err.in_use", "")
	})
}

// TestStats counts the seeded activities by every dimension.
func TestStats(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		got, err := s.Stats(ctx, amur.ActivityFilter{ProgramID: w.program.ID, Page: amur.Page{Limit: 1}})
		must(t, err)
		want := &amur.Stats{
			Activities:    4,
			ByType:        map[string]int{"forum": 2, "joint_research": 1, "exhibition": 1},
			ByStatus:      map[string]int{"planned": 2, "in_progress": 1, "held": 1},
			BySide:        map[string]int{"CN": 4, "RU": 4, "BY": 1},
			ByField:       map[string]int{"1.1": 1, "1.1.quantum": 1, "2": 1, "2.3": 2},
			ByMonth:       map[string]int{"2020-08": 1, "2020-10": 1, "2021-03": 2},
			Organizations: 3, People: 2, Fields: 5, Flagships: 0, Timeline: 0,
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("stats differ (-want +got):\n%s", d)
		}
		got, err = s.Stats(ctx, amur.ActivityFilter{Fields: []string{"1"}})
		must(t, err)
		if got.Activities != 2 || got.ByType["forum"] != 1 || got.ByField["2.3"] != 1 {
			t.Errorf("stats of field 1 = %+v", got)
		}
	})
}

// TestStatsLocalMonth checks that the month of an activity is the month of
// its start in its own zone, not in UTC.
func TestStatsLocalMonth(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		a := testkit.Activity("New year forum", amur.Forum, "2021-01-01T02:00", nil)
		a.Zone = "Asia/Shanghai" // 2020-12-31 18:00 UTC
		must(t, s.CreateActivity(ctx, a))
		st, err := s.Stats(ctx, amur.ActivityFilter{})
		must(t, err)
		if d := cmp.Diff(map[string]int{"2021-01": 1}, st.ByMonth); d != "" {
			t.Errorf("by month (-want +got):\n%s", d)
		}
		l, err := s.Activities(ctx, amur.ActivityFilter{To: time.Date(2020, 12, 31, 18, 0, 0, 0, time.UTC)})
		must(t, err)
		if len(l.Items) != 1 {
			t.Errorf("the activity does not start at its UTC instant")
		}
	})
}

// orgIDs returns the ids of organisations.
func orgIDs(list []*amur.Organization) []string {
	out := make([]string, len(list))
	for i, o := range list {
		out[i] = o.ID
	}
	return out
}

// fieldIDs returns the codes of fields.
func fieldIDs(list []*amur.Field) []string {
	out := make([]string, len(list))
	for i, f := range list {
		out[i] = f.ID
	}
	return out
}
