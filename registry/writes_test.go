package registry

import (
	"context"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// TestWritesThroughStore checks the policy's decisions on a real store:
// refused changes leave the record as it was, allowed ones are stored.
func TestWritesThroughStore(t *testing.T) {
	w := newWorld(t)
	sys := context.Background()

	// A CN office may not touch a RU-only activity.
	a, err := w.store.Activity(as(officeCN), w.ruOnly.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.Status = amur.Cancelled
	if got := outcome(w.store.UpdateActivity(as(officeCN), a)); got != "403" {
		t.Errorf("office CN updating a RU-only activity: %s", got)
	}
	if got := outcome(w.store.DeleteActivity(as(officeCN), w.ruOnly.ID)); got != "403" {
		t.Errorf("office CN deleting a RU-only activity: %s", got)
	}
	if stored, _ := w.store.Activity(sys, w.ruOnly.ID); stored.Version != 1 || stored.Status != amur.Planned {
		t.Errorf("the RU-only activity changed: version %d status %s", stored.Version, stored.Status)
	}

	// A coordinator may not edit another organisation's published activity,
	// nor see the other organisation's draft, whose change is then 404.
	j, _ := w.store.Activity(as(coordinator), w.joint.ID)
	j.Title = amur.T("en", "Hijacked")
	if got := outcome(w.store.UpdateActivity(as(coordinator), j)); got != "403" {
		t.Errorf("coordinator updating the joint activity: %s", got)
	}
	their := *w.their
	if got := outcome(w.store.UpdateActivity(as(coordinator), &their)); got != "404" {
		t.Errorf("coordinator updating another organisation's draft: %s", got)
	}
	if stored, _ := w.store.Activity(as(admin), w.joint.ID); stored.Title.EN != "Joint forum" {
		t.Errorf("the joint activity changed: %+v", stored.Title)
	}
}

// TestDraftLifecycle follows drafts through the store: the coordinator
// edits its draft but may not publish it, and only the office of the
// draft's side may.
func TestDraftLifecycle(t *testing.T) {
	w := newWorld(t)
	// A coordinator's own draft: edit yes, publish no, delete yes.
	mine, _ := w.store.Activity(as(coordinator), w.mine.ID)
	mine.Location = amur.T("ru", "Владивосток")
	if err := w.store.UpdateActivity(as(coordinator), mine); err != nil {
		t.Fatalf("coordinator editing its draft: %v", err)
	}
	mine.Draft = false
	if e := amur.AsError(w.store.UpdateActivity(as(coordinator), mine)); e.Key != "err.forbidden_publish" {
		t.Errorf("coordinator publishing its draft: %v", e)
	}
	mine.Draft = true
	stale := *mine
	stale.Version = 1
	if got := amur.ErrorCode(w.store.UpdateActivity(as(coordinator), &stale)); got != amur.EStale {
		t.Errorf("update from a stale copy: %s", got)
	}
	if err := w.store.DeleteActivity(as(coordinator), w.mine.ID); err != nil {
		t.Errorf("coordinator deleting its draft: %v", err)
	}

	// Only the office of the draft's side (CN) may publish it.
	their2, _ := w.store.Activity(as(officeRU), w.their.ID)
	their2.Draft = false
	if got := outcome(w.store.UpdateActivity(as(officeRU), their2)); got != "403" {
		t.Errorf("office RU publishing a CN draft: %s", got)
	}
	their2, _ = w.store.Activity(as(officeCN), w.their.ID)
	their2.Draft = false
	if err := w.store.UpdateActivity(as(officeCN), their2); err != nil {
		t.Errorf("office CN publishing a CN draft: %v", err)
	}
	if _, err := w.store.Activity(as(anon), w.their.ID); err != nil {
		t.Errorf("the published draft is not public: %v", err)
	}
}

// TestCoordinatorCreatesDrafts checks that a coordinator's activity is
// stored as a draft and must name its organisation.
func TestCoordinatorCreatesDrafts(t *testing.T) {
	w := newWorld(t)
	ctx := as(coordinator)
	a := testkit.Activity("New proposal", amur.Forum, "2021-09-01", nil, testkit.OrgPart(orgCoord, "RU", amur.Organiser))
	if err := w.store.CreateActivity(ctx, a); err != nil {
		t.Fatal(err)
	}
	if stored, err := w.store.Activity(as(admin), a.ID); err != nil || !stored.Draft {
		t.Errorf("coordinator's activity: %+v, %v", stored, err)
	}
	b := testkit.Activity("Not ours", amur.Forum, "2021-09-01", nil, testkit.OrgPart(orgRU, "RU", amur.Organiser))
	if got := outcome(w.store.CreateActivity(ctx, b)); got != "403" {
		t.Errorf("coordinator creating another organisation's activity: %s", got)
	}
	if n, _ := w.store.Count(as(admin), amur.KindActivity); n != 5 {
		t.Errorf("%d activities, want 5", n)
	}
}

// TestBulkDecidesEachRecord checks that a bulk is all or nothing under the
// policy too: one record the principal may not create refuses the bulk.
func TestBulkDecidesEachRecord(t *testing.T) {
	w := newWorld(t)
	put := func(ctx context.Context, recs ...amur.Record) error {
		return w.store.Bulk(ctx, func(bw amur.BulkWriter) error {
			for _, r := range recs {
				if err := amur.Prepare(r); err != nil {
					return err
				}
				if err := bw.Put(r); err != nil {
					return err
				}
			}
			return nil
		})
	}
	ok := testkit.Org("Сибирский федеральный университет", "RU")
	bad := testkit.Org("浙江大学", "CN")
	if got := outcome(put(as(officeRU), ok, bad)); got != "403" {
		t.Errorf("office RU importing a CN organisation: %s", got)
	}
	if got := outcome(put(as(anon), testkit.Org("Новый", "RU"))); got != "401" {
		t.Errorf("anonymous import: %s", got)
	}
	if n, _ := w.store.Count(as(admin), amur.KindOrganization); n != 4 {
		t.Errorf("%d organisations after refused imports, want 4", n)
	}
	draft := testkit.Activity("Imported proposal", amur.Forum, "2021-09-01", nil, testkit.OrgPart(orgCoord, "RU", amur.Organiser))
	if err := put(as(coordinator), draft); err != nil {
		t.Fatal(err)
	}
	if stored, err := w.store.Activity(as(admin), draft.ID); err != nil || !stored.Draft {
		t.Errorf("coordinator's imported activity: %+v, %v", stored, err)
	}
}

// TestAuditAndFeedForAdmins checks who may read the audit log and the
// change feed, and that the log records the principal of each change.
func TestAuditAndFeedForAdmins(t *testing.T) {
	w := newWorld(t)
	o, _ := w.store.Organization(as(coordinator), orgCoord)
	o.Website = "https://www.dvfu.ru/"
	if err := w.store.UpdateOrganization(as(coordinator), o); err != nil {
		t.Fatal(err)
	}
	for i, pr := range principals {
		_, err := w.store.Audit(as(i), amur.AuditFilter{})
		_, ferr := w.store.Changes(as(i), 0, 10)
		want := map[int]string{anon: "401", admin: "ok"}[i]
		if want == "" {
			want = "403"
		}
		if outcome(err) != want || outcome(ferr) != want {
			t.Errorf("%s reads the audit log: %s, the feed: %s; want %s", pr.name, outcome(err), outcome(ferr), want)
		}
	}
	l, err := w.store.Audit(as(admin), amur.AuditFilter{Kind: amur.KindOrganization, Action: amur.AuditUpdate})
	if err != nil || len(l.Items) != 1 || l.Items[0].UserID != "o" || l.Items[0].Via != "api" {
		t.Errorf("audit of the coordinator's change: %+v, %v", l, err)
	}
}
