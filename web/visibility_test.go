package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"amur"
)

// TestListsHideDrafts checks, for every role, which activities the list
// (also with draft=true and draft=false) and the figures show.
func TestListsHideDrafts(t *testing.T) {
	fx := newFixture(t)
	published := []string{fx.joint.ID, fx.ruOnly.ID}
	drafts := []string{fx.coordDraft.ID, fx.otherDr.ID}
	wantDrafts := map[string][]string{
		"admin": drafts, "office CN": drafts, "office RU": drafts, "coordinator": {fx.coordDraft.ID},
	}
	for _, c := range fx.clients(t, bySession) {
		mine := wantDrafts[c.name]
		for query, want := range map[string][]string{
			"":            append(slices.Clone(published), mine...),
			"?draft=true": mine,
			"?draft=0":    published,
		} {
			var list listBody[*amur.Activity]
			c.do(t, "GET", "/api/v1/activities"+query, "").want(t, http.StatusOK).decode(t, &list)
			var got []string
			for _, a := range list.Items {
				got = append(got, a.ID)
			}
			slices.Sort(got)
			want = slices.Clone(want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s lists%s: %v, want %v", c.name, query, got, want)
			}
			var st amur.Stats
			c.do(t, "GET", "/api/v1/stats"+query, "").want(t, http.StatusOK).decode(t, &st)
			if st.Activities != len(want) {
				t.Errorf("%s: stats%s count %d activities, want %d", c.name, query, st.Activities, len(want))
			}
		}
	}
}

// TestContactByRole checks that contact data reaches admins and offices
// only, by id and in lists.
func TestContactByRole(t *testing.T) {
	fx := newFixture(t)
	for _, c := range fx.clients(t, byToken) {
		want := c.name == "admin" || strings.HasPrefix(c.name, "office")
		for _, path := range []string{"/api/v1/people/" + fx.personCN.ID, "/api/v1/people"} {
			res := c.do(t, "GET", path, "").want(t, http.StatusOK)
			if got := strings.Contains(string(res.Body), "li.wei@example.org"); got != want {
				t.Errorf("%s GET %s shows contact: %v, want %v; %s", c.name, path, got, want, res.Body)
			}
			if !want && !strings.Contains(string(res.Body), `"contact":{}`) {
				t.Errorf("%s GET %s: contact not blank: %s", c.name, path, res.Body)
			}
		}
	}
}

// TestRefusedPatchChangesNothing checks the two refusals users meet most:
// a coordinator editing another organisation's activity, and a Chinese
// office editing a Russia-only one.
func TestRefusedPatchChangesNothing(t *testing.T) {
	fx := newFixture(t)
	cs := fx.clients(t, bySession)
	for _, c := range []struct {
		who    client
		target *amur.Activity
	}{{cs[4], fx.joint}, {cs[4], fx.ruOnly}, {cs[2], fx.ruOnly}} {
		res := c.who.do(t, "PATCH", "/api/v1/activities/"+c.target.ID, `{"title":{"en":"Changed"}}`)
		if e := res.want(t, http.StatusForbidden).apiError(t); e.Code != amur.EForbidden || e.Message == "" {
			t.Errorf("%s: %+v", c.who.name, e)
		}
		stored, err := fx.db.Activity(context.Background(), c.target.ID)
		if err != nil || stored.Title.EN != c.target.Title.EN || stored.Version != 1 {
			t.Errorf("%s changed %q: %+v, %v", c.who.name, c.target.Title.EN, stored, err)
		}
	}
	e := cs[2].do(t, "PATCH", "/api/v1/activities/"+fx.ruOnly.ID+"?lang=ru", `{"status":"held"}`).apiError(t)
	if e.Key != "err.forbidden_side" || !strings.Contains(e.Message, "CN") {
		t.Errorf("office CN refusal: %+v", e)
	}
}

// TestAuditAPI checks the audit log over HTTP: changes made through the
// API appear newest first with their actor and diff, and the filters work.
func TestAuditAPI(t *testing.T) {
	fx := newFixture(t)
	cs := fx.clients(t, bySession)
	office, admin := cs[3], cs[1]
	office.do(t, "PATCH", "/api/v1/activities/"+fx.ruOnly.ID, `{"status":"held"}`).want(t, http.StatusOK)
	office.do(t, "DELETE", "/api/v1/activities/"+fx.ruOnly.ID, "").want(t, http.StatusNoContent)

	var list listBody[auditEntry]
	admin.do(t, "GET", "/api/v1/audit?user=office-ru@example.org&count=true", "").want(t, http.StatusOK).decode(t, &list)
	if len(list.Items) != 2 || list.Total != 2 {
		t.Fatalf("entries of the RU office: %+v", list)
	}
	del, upd := list.Items[0], list.Items[1]
	if del.Action != "delete" || upd.Action != "update" || upd.Email != "office-ru@example.org" ||
		upd.UserID != office.user.ID || upd.Via != "api" || upd.Addr != "192.0.2.1" || upd.ID != fx.ruOnly.ID {
		t.Errorf("entries: %+v / %+v", del, upd)
	}
	if c, ok := upd.Diff["status"]; !ok || string(c.Before) != `"planned"` || string(c.After) != `"held"` {
		t.Errorf("diff of the update: %v", upd.Diff)
	}
	if len(del.Before) == 0 || del.After != nil {
		t.Errorf("delete entry documents: %s / %s", del.Before, del.After)
	}
	for query, n := range map[string]int{
		"?kind=activities&action=update":       1,
		"?id=" + fx.ruOnly.ID:                  3, // created by the system, updated, deleted
		"?user=" + office.user.ID + "&limit=1": 1,
		"?kind=activity&from=2000&to=2999":     6, // four created, one updated, one deleted
		"?kind=people":                         2,
		"?kind=users&action=create":            6, // one account per role
		"?from=1999-01&to=1999-12":             0,
	} {
		var l listBody[auditEntry]
		admin.do(t, "GET", "/api/v1/audit"+query, "").want(t, http.StatusOK).decode(t, &l)
		if len(l.Items) != n {
			t.Errorf("audit%s: %d entries, want %d", query, len(l.Items), n)
		}
	}
	for _, query := range []string{"?kind=sessions", "?action=drop", "?user=nobody", "?sort=at", "?from=2021&to=2020", "?q=x"} {
		admin.do(t, "GET", "/api/v1/audit"+query, "").want(t, http.StatusBadRequest)
	}
}
