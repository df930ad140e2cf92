package web

import (
	"net/http"
	"strings"
	"testing"
)

// crudCases give, for every kind, a valid new record, a patch and the
// member the patch changes with its new value.
var crudCases = []struct {
	kind, create, patch, member, want string
}{
	{"programs",
		`{"slug":"crys-2022","name":{"en":"Years of Innovation","orig":"en"},"sides":["cn","ru"],"start":"2022"}`,
		`{"slug":"crys-2023"}`, "slug", "crys-2023"},
	{"activities",
		`{"title":{"en":"Forum"},"type":"forum","status":"planned","start":"2020-09-07T10:00","zone":"Asia/Shanghai","format":"online","sides":["CN","RU"]}`,
		`{"status":"held"}`, "status", "held"},
	{"organizations",
		`{"name":{"ru":"Объединённый институт ядерных исследований"},"kind":"research_institute","country":"RU","ror":"https://ror.org/044yd9t77"}`,
		`{"kind":"government"}`, "kind", "government"},
	{"people",
		`{"native":{"family":"张","given":"平文"},"latin":{"family":"Zhang","given":"Pingwen"},"country":"CN"}`,
		`{"country":"RU"}`, "country", "RU"},
	{"fields",
		`{"id":"3","label":{"en":"Medical and health sciences"}}`,
		`{"label":{"ru":"Медицина"}}`, "label", `{"en":"Medical and health sciences","ru":"Медицина"}`},
	{"flagships",
		`{"slug":"math-center","name":{"en":"Russian–Chinese Mathematical Center"}}`,
		`{"website":"https://example.org/math"}`, "website", "https://example.org/math"},
	{"timeline",
		`{"date":"2020-12-28","kind":"call","title":{"en":"New Year call"}}`,
		`{"kind":"meeting"}`, "kind", "meeting"},
}

func TestCRUD(t *testing.T) {
	for _, tc := range crudCases {
		t.Run(tc.kind, func(t *testing.T) {
			srv, _ := newTestServer(t)
			created := do(t, srv, "POST", "/api/v1/"+tc.kind, tc.create).want(t, http.StatusCreated)
			var rec map[string]any
			created.decode(t, &rec)
			id, _ := rec["id"].(string)
			loc := "/api/v1/" + tc.kind + "/" + id
			if id == "" || created.Header.Get("Location") != loc {
				t.Fatalf("Location = %q, id = %q", created.Header.Get("Location"), id)
			}
			if got := created.Header.Get("ETag"); got != `"1"` {
				t.Errorf("ETag after create = %s, want \"1\"", got)
			}

			got := do(t, srv, "GET", loc, "").want(t, http.StatusOK)
			if string(got.Body) != string(created.Body) {
				t.Errorf("GET differs from POST answer:\n%s\n%s", got.Body, created.Body)
			}

			var list listBody[map[string]any]
			do(t, srv, "GET", "/api/v1/"+tc.kind+"?count=true", "").want(t, http.StatusOK).decode(t, &list)
			if list.Total != 1 || len(list.Items) != 1 || list.Items[0]["id"] != id {
				t.Errorf("list = %+v, want the one new record", list)
			}

			patched := do(t, srv, "PATCH", loc, tc.patch, "Content-Type", "application/merge-patch+json").want(t, http.StatusOK)
			var after map[string]any
			patched.decode(t, &after)
			if g := jsonString(t, after[tc.member]); g != tc.want && after[tc.member] != tc.want {
				t.Errorf("after patch %s = %s, want %s", tc.member, g, tc.want)
			}
			if patched.Header.Get("ETag") != `"2"` || after["version"] != 2.0 {
				t.Errorf("after patch ETag %s, version %v; want 2", patched.Header.Get("ETag"), after["version"])
			}

			do(t, srv, "DELETE", loc, "").want(t, http.StatusNoContent)
			if e := do(t, srv, "GET", loc, "").want(t, http.StatusNotFound).apiError(t); e.Code != "notfound" {
				t.Errorf("after delete: %+v", e)
			}
		})
	}
}

// jsonString returns the compact JSON of v.
func jsonString(t *testing.T, v any) string {
	return mustJSON(t, v)
}

func TestCreateIgnoresBookkeeping(t *testing.T) {
	srv, _ := newTestServer(t)
	body := `{"id":"00000000-0000-7000-8000-000000000000","version":9,"created_at":"2001-01-01T00:00:00Z",` +
		`"date":"2020-12-28","kind":"call","title":{"en":"New Year call"}}`
	var rec map[string]any
	do(t, srv, "POST", "/api/v1/timeline", body).want(t, http.StatusCreated).decode(t, &rec)
	if rec["id"] == "00000000-0000-7000-8000-000000000000" || rec["version"] != 1.0 || strings.HasPrefix(rec["created_at"].(string), "2001") {
		t.Errorf("client bookkeeping was kept: %v", rec)
	}
}

func TestGetBySlugAndNotModified(t *testing.T) {
	srv, st := newTestServer(t)
	s := mustSeed(t, st)
	for _, path := range []string{"/api/v1/programs/crys-2020", "/api/v1/flagships/nica"} {
		r := do(t, srv, "GET", path, "").want(t, http.StatusOK)
		var rec map[string]any
		r.decode(t, &rec)
		if rec["slug"] == nil {
			t.Errorf("%s: %s", path, r.Body)
		}
		do(t, srv, "GET", path, "", "If-None-Match", r.Header.Get("ETag")).want(t, http.StatusNotModified)
	}
	do(t, srv, "DELETE", "/api/v1/flagships/nica", "").want(t, http.StatusConflict)
	do(t, srv, "GET", "/api/v1/flagships/"+s.flagship.ID, "").want(t, http.StatusOK)
}

// TestPatchKeepsContact checks that a PATCH that does not name the
// contact data keeps it.
func TestPatchKeepsContact(t *testing.T) {
	srv, st := newTestServer(t)
	s := mustSeed(t, st)
	do(t, srv, "PATCH", "/api/v1/people/"+s.person.ID, `{"keywords":["law"]}`).want(t, http.StatusOK)
	p, err := st.Person(t.Context(), s.person.ID)
	if err != nil || p.Contact.Email != "shakhray@example.org" || len(p.Keywords) != 1 {
		t.Errorf("PATCH lost the contact data: %+v, %v", p, err)
	}
}
