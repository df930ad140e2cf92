package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"amur"
	"amur/demo"
	"amur/internal/testkit"
	"amur/registry"
)

// demoStore returns a store holding the demo program with a few
// synthetic activities, and an index built from it.
func demoStore(t *testing.T) (amur.Store, *Index) {
	t.Helper()
	s := testkit.MustOpenStore(t)
	ctx := context.Background()
	if err := demo.Load(ctx, s, demo.Options{Activities: 200}); err != nil {
		t.Fatal(err)
	}
	ix := New()
	if err := Build(ctx, s, ix, nil); err != nil {
		t.Fatal(err)
	}
	return s, ix
}

// activityTitled returns the stored activity whose English title is en.
func activityTitled(t *testing.T, s amur.Store, en string) *amur.Activity {
	t.Helper()
	var found *amur.Activity
	err := s.Each(context.Background(), amur.KindActivity, func(r amur.Record) error {
		if a := r.(*amur.Activity); a.Title.EN == en {
			found = a
		}
		return nil
	})
	if err != nil || found == nil {
		t.Fatalf("no demo activity %q (%v)", en, err)
	}
	return found
}

func search(t *testing.T, ctx context.Context, ix *Index, s amur.Store, q Query) *Result {
	t.Helper()
	res, err := Search(ctx, ix, registry.New(s), q)
	if err != nil {
		t.Fatalf("%q: %v", q.Text, err)
	}
	return res
}

func rankOf(res *Result, id string) int {
	for i, h := range res.Hits {
		if h.ID == id {
			return i + 1
		}
	}
	return 0
}

// TestRussianFindsChineseOnly makes the real ground-breaking of Tianwan
// units 7 and 8 a Chinese-only record, as the Chinese office would enter
// it, lets the index follow the change from the outbox, and searches for
// it in Russian: it must be found through the zh-en and en-ru lexicons,
// with no same-language match to help it.
func TestRussianFindsChineseOnly(t *testing.T) {
	s, ix := demoStore(t)
	ctx := context.Background()
	a := activityTitled(t, s, "Ground-breaking of Tianwan NPP units 7 and 8")
	a.Title = amur.T("zh", a.Title.ZH)
	a.Description = amur.T("zh", a.Description.ZH)
	a.Location = amur.T("zh", a.Location.ZH)
	if err := s.UpdateActivity(ctx, a); err != nil {
		t.Fatal(err)
	}
	if n, err := CatchUp(ctx, s, ix); err != nil || n == 0 {
		t.Fatalf("catch-up applied %d changes: %v", n, err)
	}
	res := search(t, ctx, ix, s, Query{Text: "начало строительства атомной электростанции", Limit: 5, Lang: amur.RU})
	r := rankOf(res, a.ID)
	if r == 0 {
		t.Fatalf("the Chinese-only activity is not in the top 5: %+v", res.Hits)
	}
	h := res.Hits[r-1]
	if h.TitleLang != amur.ZH || h.Title != a.Title.ZH {
		t.Errorf("title %q in %s, want the Chinese title", h.Title, h.TitleLang)
	}
	for _, e := range h.Explain {
		if e.Lang != amur.ZH || e.Bridge == "same-language" {
			t.Errorf("explanation %+v: the record has Chinese text only", e)
		}
	}
	if !slices.ContainsFunc(h.Explain, func(e Explanation) bool { return e.Bridge == "pivot zh-en-ru" }) {
		t.Errorf("no zh-en-ru explanation in %+v", h.Explain)
	}
	for _, hl := range h.Highlights {
		if got := a.Title.ZH; hl.Field == "title" && got[hl.Start:hl.End] != hl.Text {
			t.Errorf("highlight %+v does not point into the title %q", hl, got)
		}
	}
}

// TestCrossLanguageOutranksWeak checks the scoring promise: a record that
// matches every query word through translations outranks one that
// matches a single word in the query's own language.
func TestCrossLanguageOutranksWeak(t *testing.T) {
	ix := New()
	ix.Put(Doc{Kind: amur.KindActivity, ID: "zh", Texts: []FieldText{{"title", amur.T("zh", "核电站安全合作")}}})
	ix.Put(Doc{Kind: amur.KindActivity, ID: "ru", Texts: []FieldText{{"title", amur.T("ru", "Безопасность дорожного движения в крупных городах")}}})
	for i, text := range []string{"Выставка современного искусства", "Фестиваль детского кино", "Семинар по истории", "电影节", "Film festival"} {
		ix.Put(Doc{Kind: amur.KindActivity, ID: string(rune('a' + i)), Texts: []FieldText{{"title", amur.T("ru", text)}}})
	}
	q := Query{Text: "безопасность атомной электростанции"}
	if err := q.Validate(); err != nil {
		t.Fatal(err)
	}
	got := ix.run(q).matches
	if len(got) < 2 || got[0].id != "zh" || got[1].id != "ru" {
		t.Fatalf("ranking %+v, want the Chinese translation first, then the weak Russian match", got)
	}
}

// TestVisibility checks that search never reveals a draft to those who
// may not see it, not even in the counts, and never matches contacts.
func TestVisibility(t *testing.T) {
	s, ix := demoStore(t)
	ctx := context.Background()
	org := firstOrg(t, s)
	draft := &amur.Activity{Title: amur.T("en", "Quasicrystal lithography workshop"), Type: amur.Forum,
		Status: amur.Planned, Start: amur.MustMoment("2021-05-01"), Zone: "Europe/Moscow", Format: amur.Online,
		Draft: true, Sides: []string{"RU"}, Participants: []amur.Participant{{OrgID: org.ID, Side: org.Country, Role: amur.Organiser}}}
	if err := s.CreateActivity(ctx, draft); err != nil {
		t.Fatal(err)
	}
	p := firstPerson(t, s)
	p.Contact.Email = "zyxwvut.secret@example.org"
	if err := s.UpdatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	if _, err := CatchUp(ctx, s, ix); err != nil {
		t.Fatal(err)
	}
	as := func(pr *amur.Principal) context.Context { return amur.WithActor(ctx, &amur.Actor{Principal: pr}) }
	tests := []struct {
		name string
		ctx  context.Context
		want bool
	}{
		{"public", ctx, false},
		{"applicant", as(&amur.Principal{Role: amur.RoleApplicant}), false},
		{"coordinator of another organisation", as(&amur.Principal{Role: amur.RoleCoordinator, OrgID: amur.NewID()}), false},
		{"coordinator of a participant", as(&amur.Principal{Role: amur.RoleCoordinator, OrgID: org.ID}), true},
		{"office", as(&amur.Principal{Role: amur.RoleOffice, Side: "CN"}), true},
		{"admin", as(&amur.Principal{Role: amur.RoleAdmin}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, tt.ctx, ix, s, Query{Text: "quasicrystal lithography"})
			found := rankOf(res, draft.ID) > 0
			if found != tt.want || (res.Total > 0) != tt.want {
				t.Errorf("found %v, total %d, want %v", found, res.Total, tt.want)
			}
			for _, f := range res.Facets.Kind {
				if !tt.want && f.Count > 0 {
					t.Errorf("facets count the hidden draft: %+v", res.Facets.Kind)
				}
			}
		})
	}
	admin := as(&amur.Principal{Role: amur.RoleAdmin})
	if res := search(t, admin, ix, s, Query{Text: "zyxwvut.secret@example.org"}); rankOf(res, p.ID) > 0 {
		t.Errorf("a contact e-mail address finds its person: %+v", res.Hits)
	}
}

func firstOrg(t *testing.T, s amur.Store) *amur.Organization {
	t.Helper()
	l, err := s.Organizations(context.Background(), amur.OrganizationFilter{Countries: []string{"RU"}, Page: amur.Page{Limit: 1}})
	if err != nil || len(l.Items) == 0 {
		t.Fatalf("no organisation: %v", err)
	}
	return l.Items[0]
}

func firstPerson(t *testing.T, s amur.Store) *amur.Person {
	t.Helper()
	l, err := s.People(context.Background(), amur.PersonFilter{Page: amur.Page{Limit: 1}})
	if err != nil || len(l.Items) == 0 {
		t.Fatalf("no person: %v", err)
	}
	return l.Items[0]
}

// TestFollowChanges checks that creates, updates and deletes reach the
// index through the outbox, on SQLite and PostgreSQL.
func TestFollowChanges(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		ix := New()
		if err := Build(ctx, s, ix, nil); err != nil {
			t.Fatal(err)
		}
		o := &amur.Organization{Name: amur.T("ru", "Институт вычислительной математики"), Kind: "research_institute", Country: "RU"}
		if err := s.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
		find := func(q string) bool {
			t.Helper()
			if _, err := CatchUp(ctx, s, ix); err != nil {
				t.Fatal(err)
			}
			return rankOf(search(t, ctx, ix, s, Query{Text: q}), o.ID) > 0
		}
		if !find("计算数学") {
			t.Error("the new organisation is not found in Chinese")
		}
		o.Name = amur.T("ru", "Институт органической химии")
		if err := s.UpdateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
		if find("вычислительной") || !find("organic chemistry") {
			t.Error("the index did not follow the renaming")
		}
		if err := s.DeleteOrganization(ctx, o.ID); err != nil {
			t.Fatal(err)
		}
		if find("органической химии") || ix.Len() != 0 {
			t.Errorf("the deleted organisation is still found (%d docs)", ix.Len())
		}
	})
}

// TestFacetsAndFilters checks kind and language filters, paging and that
// the facets count every visible match.
func TestFacetsAndFilters(t *testing.T) {
	s, ix := demoStore(t)
	ctx := context.Background()
	all := search(t, ctx, ix, s, Query{Text: "университет", Limit: 100})
	var kinds int
	for _, f := range all.Facets.Kind {
		kinds += f.Count
	}
	if all.Total == 0 || kinds != all.Total {
		t.Fatalf("total %d, kind facet sums to %d", all.Total, kinds)
	}
	orgs := search(t, ctx, ix, s, Query{Text: "университет", Kinds: []amur.Kind{amur.KindOrganization}, Lang: amur.ZH, Limit: 5})
	for _, h := range orgs.Hits {
		if h.Kind != amur.KindOrganization || h.TitleLang != amur.ZH {
			t.Errorf("hit %s %q in %s, want organisations titled in Chinese", h.Kind, h.Title, h.TitleLang)
		}
	}
	page2 := search(t, ctx, ix, s, Query{Text: "университет", Kinds: []amur.Kind{amur.KindOrganization}, Limit: 5, Offset: 5})
	if len(page2.Hits) > 0 && len(orgs.Hits) > 0 && page2.Hits[0].ID == orgs.Hits[0].ID {
		t.Error("offset did not move the page")
	}
	if page2.Total != orgs.Total {
		t.Errorf("totals differ between pages: %d, %d", orgs.Total, page2.Total)
	}
}

// TestTypo checks that a misspelt Latin or Cyrillic word finds what the
// right spelling finds, and says it was corrected.
func TestTypo(t *testing.T) {
	s, ix := demoStore(t)
	ctx := context.Background()
	for _, tt := range []struct{ typo, right string }{
		{"matematics", "mathematics"},
		{"сотрудничстве", "сотрудничестве"},
		{"Lomonosow", "Lomonosov"},
	} {
		want := search(t, ctx, ix, s, Query{Text: tt.right, Limit: 1})
		got := search(t, ctx, ix, s, Query{Text: tt.typo, Limit: 1})
		if len(want.Hits) == 0 || len(got.Hits) == 0 || got.Hits[0].ID != want.Hits[0].ID {
			t.Errorf("%q finds %+v, %q finds %+v", tt.typo, got.Hits, tt.right, want.Hits)
			continue
		}
		if !slices.ContainsFunc(got.Hits[0].Explain, func(e Explanation) bool { return strings.HasPrefix(e.Bridge, "typo, ") }) {
			t.Errorf("%q: no typo explanation in %+v", tt.typo, got.Hits[0].Explain)
		}
	}
}
