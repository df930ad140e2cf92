package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// TestDraftScopes checks that lists and figures see exactly the drafts
// their filter's scope admits.
func TestDraftScopes(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		pkuDraft := testkit.Activity("PKU proposal", amur.Forum, "2021-06-01", []string{"1.1"},
			testkit.OrgPart(w.pku.ID, "CN", amur.Organiser))
		pkuDraft.Draft = true
		jinrDraft := testkit.Activity("JINR proposal", amur.JointResearch, "2021-07-01", []string{"2.3"},
			testkit.OrgPart(w.jinr.ID, "RU", amur.Lead))
		jinrDraft.Draft = true
		must(t, s.CreateActivity(ctx, pkuDraft))
		must(t, s.CreateActivity(ctx, jinrDraft))
		got, err := s.Activity(ctx, pkuDraft.ID)
		must(t, err)
		if !got.Draft {
			t.Fatal("the draft mark was not stored")
		}
		published := []string{w.forum.ID, w.research.ID, w.exhibition.ID, w.webinar.ID}
		yes, no := true, false
		for name, c := range map[string]struct {
			f    amur.ActivityFilter
			want []string
		}{
			"zero scope":            {amur.ActivityFilter{}, published},
			"no drafts":             {amur.ActivityFilter{Drafts: amur.NoDrafts}, published},
			"all":                   {amur.ActivityFilter{Drafts: amur.AllDrafts}, append(slices.Clone(published), pkuDraft.ID, jinrDraft.ID)},
			"org":                   {amur.ActivityFilter{Drafts: amur.OrgDrafts, DraftOrg: w.pku.ID}, append(slices.Clone(published), pkuDraft.ID)},
			"org without drafts":    {amur.ActivityFilter{Drafts: amur.OrgDrafts, DraftOrg: w.msu.ID}, published},
			"only drafts":           {amur.ActivityFilter{Drafts: amur.AllDrafts, Draft: &yes}, []string{pkuDraft.ID, jinrDraft.ID}},
			"only an org's drafts":  {amur.ActivityFilter{Drafts: amur.OrgDrafts, DraftOrg: w.jinr.ID, Draft: &yes}, []string{jinrDraft.ID}},
			"drafts the scope hide": {amur.ActivityFilter{Draft: &yes}, nil},
			"only published":        {amur.ActivityFilter{Drafts: amur.AllDrafts, Draft: &no}, published},
			"with another filter":   {amur.ActivityFilter{Drafts: amur.AllDrafts, OrgID: w.pku.ID}, []string{w.forum.ID, w.exhibition.ID, pkuDraft.ID}},
		} {
			l, err := s.Activities(ctx, c.f)
			must(t, err)
			got := ids(l.Items)
			slices.Sort(got)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %d activities %v, want %d", name, len(got), got, len(want))
			}
			st, err := s.Stats(ctx, c.f)
			must(t, err)
			if st.Activities != len(want) {
				t.Errorf("%s: stats count %d activities, want %d", name, st.Activities, len(want))
			}
		}
		for _, f := range []amur.ActivityFilter{{Drafts: amur.OrgDrafts}, {Drafts: amur.OrgDrafts, DraftOrg: "x' OR 1=1"}, {Drafts: 7}} {
			if _, err := s.Activities(ctx, f); amur.ErrorCode(err) != amur.EInvalid {
				t.Errorf("scope %+v: %v, want invalid", f, err)
			}
		}
	})
}
