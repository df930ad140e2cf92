package sqlstore_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// mergeFixture stores two records of one organisation (keep with a ROR id,
// drop under its Chinese name) and everything that can refer to drop.
type mergeFixture struct {
	keep, drop, child *amur.Organization
	person            *amur.Person
	activity          *amur.Activity
	flagship          *amur.Flagship
	entry             *amur.TimelineEntry
}

func newMergeFixture(t *testing.T, ctx context.Context, db *sqlstore.DB) *mergeFixture {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f := &mergeFixture{}
	must(db.CreateField(ctx, testkit.Field("1", "Natural sciences")))
	must(db.CreateField(ctx, testkit.Field("1.1", "Mathematics")))
	f.keep = testkit.Org("Peking University", "CN")
	f.keep.ROR = "02v51f717"
	must(db.CreateOrganization(ctx, f.keep))
	f.drop = testkit.Org("北京大学", "CN")
	f.drop.Aliases, f.drop.Acronyms, f.drop.Website = []string{"北大"}, []string{"PKU"}, "https://www.pku.edu.cn"
	must(db.CreateOrganization(ctx, f.drop))
	f.child = testkit.Org("中俄数学中心", "CN")
	f.child.ParentID = f.drop.ID
	must(db.CreateOrganization(ctx, f.child))
	f.person = testkit.Person("Zhang", "Pingwen", "CN")
	f.person.Affiliations = []amur.Affiliation{{OrgID: f.drop.ID}}
	must(db.CreatePerson(ctx, f.person))
	f.activity = testkit.Activity("Forum", amur.Forum, "2020-09-07", []string{"1.1"},
		testkit.OrgPart(f.drop.ID, "CN", amur.Organiser), testkit.OrgPart(f.keep.ID, "CN", amur.Partner),
		testkit.PersonPart(f.person.ID, "CN", amur.Speaker))
	must(db.CreateActivity(ctx, f.activity))
	f.flagship = &amur.Flagship{Slug: "math-center", Name: amur.T("en", "Mathematical Center"), OrgIDs: []string{f.drop.ID}}
	must(db.CreateFlagship(ctx, f.flagship))
	f.entry = &amur.TimelineEntry{Date: amur.Date{Y: 2020, M: 9, D: 7}, Kind: amur.EntryKinds[0],
		Title: amur.T("en", "Forum"), OrgIDs: []string{f.drop.ID, f.keep.ID}}
	must(db.CreateTimelineEntry(ctx, f.entry))
	return f
}

// snapshot returns the stored JSON of every record of the fixture.
func (f *mergeFixture) snapshot(t *testing.T, ctx context.Context, db *sqlstore.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	put := func(id string, r any, err error) {
		if err != nil {
			out[id] = amur.ErrorCode(err)
			return
		}
		b, _ := json.Marshal(r)
		out[id] = string(b)
	}
	for _, o := range []*amur.Organization{f.keep, f.drop, f.child} {
		r, err := db.Organization(ctx, o.ID)
		put(o.ID, r, err)
	}
	p, err := db.Person(ctx, f.person.ID)
	put(f.person.ID, p, err)
	a, err := db.Activity(ctx, f.activity.ID)
	put(f.activity.ID, a, err)
	fl, err := db.Flagship(ctx, f.flagship.ID)
	put(f.flagship.ID, fl, err)
	e, err := db.TimelineEntry(ctx, f.entry.ID)
	put(f.entry.ID, e, err)
	return out
}

// TestMergeAndUndo merges two records of one organisation end to end and
// undoes it: every reference is re-pointed in one transaction, the names
// are kept as aliases, the audit log has every change, a rescan proposes
// the pair no more, and undo restores every record exactly.
func TestMergeAndUndo(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := newMergeFixture(t, ctx, db)
		before := f.snapshot(t, ctx, db)
		cand := amur.DuplicateCandidate{Kind: amur.KindOrganization, A: f.drop.ID, B: f.keep.ID, Score: 1,
			Explanation: json.RawMessage(`[{"query":"北京大学","match":"Peking University","via":"known organisation","score":1}]`)}
		if n, err := db.ProposeDuplicates(ctx, []amur.DuplicateCandidate{cand}); err != nil || n != 1 {
			t.Fatalf("propose: %d, %v", n, err)
		}
		list, err := db.DuplicateCandidates(ctx, amur.DuplicateFilter{Kind: amur.KindOrganization})
		if err != nil || len(list.Items) != 1 {
			t.Fatalf("candidates: %+v, %v", list, err)
		}
		m, err := db.MergeRecords(ctx, amur.KindOrganization, f.keep.ID, f.drop.ID, list.Items[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.Changed != 6 {
			t.Errorf("merge changed %d records, want 6 (child, person, flagship, activity, entry, keep)", m.Changed)
		}
		if _, err := db.Organization(ctx, f.drop.ID); amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("merged record still there: %v", err)
		}
		keep, _ := db.Organization(ctx, f.keep.ID)
		for _, alias := range []string{"北京大学", "北大"} {
			if !slices.Contains(keep.Aliases, alias) {
				t.Errorf("keep lacks alias %q: %q", alias, keep.Aliases)
			}
		}
		if !slices.Contains(keep.Acronyms, "PKU") || keep.Website != "https://www.pku.edu.cn" {
			t.Errorf("keep did not take acronyms and website: %+v", keep)
		}
		child, _ := db.Organization(ctx, f.child.ID)
		person, _ := db.Person(ctx, f.person.ID)
		act, _ := db.Activity(ctx, f.activity.ID)
		fl, _ := db.Flagship(ctx, f.flagship.ID)
		entry, _ := db.TimelineEntry(ctx, f.entry.ID)
		if child.ParentID != f.keep.ID || person.Affiliations[0].OrgID != f.keep.ID ||
			!slices.Equal(fl.OrgIDs, []string{f.keep.ID}) || !slices.Equal(entry.OrgIDs, []string{f.keep.ID}) {
			t.Errorf("references not re-pointed: child %s, person %+v, flagship %v, entry %v", child.ParentID, person.Affiliations, fl.OrgIDs, entry.OrgIDs)
		}
		for _, p := range act.Participants {
			if p.OrgID == f.drop.ID {
				t.Errorf("activity still names the merged record: %+v", act.Participants)
			}
		}
		audit, err := db.Audit(ctx, amur.AuditFilter{Action: "merge"})
		if err != nil || len(audit.Items) != 1 {
			t.Fatalf("merge audit: %+v, %v", audit, err)
		}
		if n, err := db.ProposeDuplicates(ctx, []amur.DuplicateCandidate{cand}); err != nil || n != 0 {
			t.Errorf("rescan proposed a merged pair again: %d, %v", n, err)
		}
		if _, err := db.UndoMerge(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
		after := f.snapshot(t, ctx, db)
		for id, want := range before {
			if after[id] != want {
				t.Errorf("undo did not restore %s:\n got %s\nwant %s", id, after[id], want)
			}
		}
		if _, err := db.UndoMerge(ctx, m.ID); amur.ErrorCode(err) != amur.EConflict {
			t.Errorf("second undo: %v, want conflict", err)
		}
		open, _ := db.DuplicateCandidates(ctx, amur.DuplicateFilter{})
		if len(open.Items) != 1 {
			t.Errorf("undo did not reopen the pair: %+v", open.Items)
		}
	})
}

// TestRejectAndConflicts checks that a rejected pair is never proposed
// again and that records with different identifiers never merge.
func TestRejectAndConflicts(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		a, b := testkit.Person("Semin", "Alexey", "RU"), testkit.Person("Semin", "Alexei", "RU")
		a.ORCID, b.ORCID = "0000-0002-1825-0097", "0000-0001-5109-3700"
		for _, p := range []*amur.Person{a, b} {
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		cand := []amur.DuplicateCandidate{{Kind: amur.KindPerson, A: a.ID, B: b.ID, Score: 0.9}}
		if n, _ := db.ProposeDuplicates(ctx, cand); n != 1 {
			t.Fatalf("proposed %d", n)
		}
		list, _ := db.DuplicateCandidates(ctx, amur.DuplicateFilter{Kind: amur.KindPerson})
		if _, err := db.MergeRecords(ctx, amur.KindPerson, a.ID, b.ID, list.Items[0].ID); amur.ErrorCode(err) != amur.EConflict {
			t.Errorf("merge with different ORCID iDs: %v, want conflict", err)
		}
		if _, err := db.RejectDuplicate(ctx, list.Items[0].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RejectDuplicate(ctx, list.Items[0].ID); amur.ErrorCode(err) != amur.EConflict {
			t.Errorf("second reject: %v", err)
		}
		if n, _ := db.ProposeDuplicates(ctx, cand); n != 0 {
			t.Errorf("rescan proposed a rejected pair")
		}
		rejected, _ := db.DuplicateCandidates(ctx, amur.DuplicateFilter{Status: amur.CandidateRejected})
		if len(rejected.Items) != 1 {
			t.Errorf("rejected list: %+v", rejected.Items)
		}
		if _, err := db.MergeRecords(ctx, amur.KindPerson, a.ID, a.ID, ""); amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("merge with itself: %v", err)
		}
		if _, err := db.MergeRecords(ctx, amur.KindField, a.ID, b.ID, ""); amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("merge of fields: %v", err)
		}
	})
}

// TestImportROR creates organisations from ROR records, updates them on a
// second import, links parents, and stores nothing when one record fails.
func TestImportROR(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		org := func(ror, en, zh string) *amur.Organization {
			return &amur.Organization{ROR: ror, Name: amur.Text{EN: en, ZH: zh}, Kind: amur.University, Country: "CN"}
		}
		recs := []sqlstore.RORImport{
			{Org: org("034t30j35", "Chinese Academy of Sciences", "中国科学院"), Line: 1},
			{Org: org("05qbk4x57", "University of Chinese Academy of Sciences", ""), ParentROR: "034t30j35", Line: 2},
		}
		if c, u, err := db.ImportROR(ctx, recs); err != nil || c != 2 || u != 0 {
			t.Fatalf("first import: %d created, %d updated, %v", c, u, err)
		}
		again := []sqlstore.RORImport{{Org: org("05qbk4x57", "UCAS University", "中国科学院大学"), Line: 1}}
		if c, u, err := db.ImportROR(ctx, again); err != nil || c != 0 || u != 1 {
			t.Fatalf("second import: %d created, %d updated, %v", c, u, err)
		}
		list, _ := db.Organizations(ctx, amur.OrganizationFilter{ROR: "05qbk4x57"})
		if len(list.Items) != 1 {
			t.Fatalf("UCAS: %+v", list.Items)
		}
		u := list.Items[0]
		if u.Name.EN != "UCAS University" || u.Name.ZH != "中国科学院大学" || !slices.Contains(u.Aliases, "University of Chinese Academy of Sciences") || u.ParentID == "" {
			t.Errorf("updated UCAS: %+v", u)
		}
		bad := []sqlstore.RORImport{{Org: org("02v51f717", "Peking University", ""), Line: 1}, {Org: &amur.Organization{ROR: "01an7q238", Name: amur.Text{EN: "X"}, Country: "??"}, Line: 7}}
		_, _, err := db.ImportROR(ctx, bad)
		if e, ok := err.(*amur.Error); !ok || e.Line != 7 {
			t.Errorf("bad import: %v, want an error on line 7", err)
		}
		if n, _ := db.Count(ctx, amur.KindOrganization); n != 2 {
			t.Errorf("a failed import left %d organisations, want 2", n)
		}
	})
}
