package web

import (
	"net/http"
	"slices"
	"testing"

	"amur"
)

func TestPatchMergesNestedText(t *testing.T) {
	srv, st := newTestServer(t)
	s := mustSeed(t, st)
	path := "/api/v1/activities/" + s.forum.ID
	patch := `{"title":{"ru":"Форум CIEP","zh":null},"description":{"zh":"论坛"},"fields":["2.3"],"video_url":null}`
	r := do(t, srv, "PATCH", path, patch, "Content-Type", "application/merge-patch+json", "If-Match", `"1"`).want(t, http.StatusOK)
	if r.Header.Get("ETag") != `"2"` {
		t.Errorf("ETag = %s, want \"2\"", r.Header.Get("ETag"))
	}
	a, err := st.Activity(t.Context(), s.forum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title.EN != "CIEP forum" || a.Title.RU != "Форум CIEP" || a.Title.Orig != amur.EN {
		t.Errorf("title = %+v: the patch lost the untouched languages", a.Title)
	}
	if a.Description.ZH != "论坛" || !slices.Equal(a.Fields, []string{"2.3"}) {
		t.Errorf("description %+v, fields %v", a.Description, a.Fields)
	}
	if a.Type != amur.Forum || a.Zone != "Europe/Moscow" || len(a.Participants) != 1 || a.Start != s.forum.Start {
		t.Errorf("untouched members changed: %+v", a)
	}
	if a.Version != 2 || !a.CreatedAt.Equal(s.forum.CreatedAt) {
		t.Errorf("version %d created %v", a.Version, a.CreatedAt)
	}
}

func TestPatchRefusals(t *testing.T) {
	tests := []struct {
		name, patch, ifMatch string
		status               int
		key, field           string
	}{
		{"If-Match mismatch", `{"status":"held"}`, `"7"`, 412, "err.stale", "If-Match"},
		{"weak If-Match", `{"status":"held"}`, `W/"1"`, 412, "err.stale", "If-Match"},
		{"stale version in body", `{"status":"held","version":7}`, "", 412, "err.stale", "version"},
		{"id changed", `{"id":"` + amur.NewID() + `"}`, "", 400, "err.readonly", "id"},
		{"created_at changed", `{"created_at":"2001-01-01T00:00:00Z"}`, "", 400, "err.readonly", "created_at"},
		{"bad timestamp", `{"updated_at":"yesterday"}`, "", 400, "err.timestamp", "updated_at"},
		{"required member removed", `{"title":null}`, "", 400, "err.text_empty", "title"},
		{"unknown member", `{"colour":"red"}`, "", 400, "err.json_unknown", "colour"},
		{"impossible date", `{"end":"2021-02-29"}`, "", 400, "err.moment", "end"},
		{"bad enum", `{"status":"done"}`, "", 400, "err.enum", "status"},
		{"not an object", `[{"op":"replace","path":"/status","value":"held"}]`, "", 400, "err.json_object", ""},
		{"wrong type", `{"participants":{"org_id":"x"}}`, "", 400, "err.json_type", "participants"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, st := newTestServer(t)
			s := mustSeed(t, st)
			r := do(t, srv, "PATCH", "/api/v1/activities/"+s.forum.ID, tt.patch, "If-Match", tt.ifMatch).want(t, tt.status)
			if e := r.apiError(t); e.Key != tt.key || e.Field != tt.field {
				t.Errorf("error %+v, want key %s field %q", e, tt.key, tt.field)
			}
			a, err := st.Activity(t.Context(), s.forum.ID)
			if err != nil || a.Version != 1 || a.Status != amur.Planned {
				t.Errorf("the record changed: version %d status %s (%v)", a.Version, a.Status, err)
			}
		})
	}
}

func TestPatchSequence(t *testing.T) {
	srv, st := newTestServer(t)
	s := mustSeed(t, st)
	path := "/api/v1/organizations/" + s.ru.ID
	first := do(t, srv, "PATCH", path, `{"acronyms":["MSU"]}`, "If-Match", `"1"`).want(t, http.StatusOK)
	// A second writer that read version 1 must not overwrite the first.
	do(t, srv, "PATCH", path, `{"acronyms":["MGU"]}`, "If-Match", `"1"`).want(t, http.StatusPreconditionFailed)
	do(t, srv, "PATCH", path, `{"website":"https://www.msu.ru"}`, "If-Match", first.Header.Get("ETag")+`, "9"`).want(t, http.StatusOK)
	o, err := st.Organization(t.Context(), s.ru.ID)
	if err != nil || !slices.Equal(o.Acronyms, []string{"MSU"}) || o.Website != "https://www.msu.ru" || o.Version != 3 {
		t.Errorf("organization = %+v (%v)", o, err)
	}
	do(t, srv, "PATCH", "/api/v1/organizations/"+amur.NewID(), `{}`).want(t, http.StatusNotFound)
	do(t, srv, "PATCH", "/api/v1/fields/1.1", `{"id":"1.2"}`).want(t, http.StatusBadRequest)
	do(t, srv, "PATCH", "/api/v1/programs/crys-2020", `{"end":"2021-11-26"}`).want(t, http.StatusOK)
}

func TestDeleteIfMatch(t *testing.T) {
	srv, st := newTestServer(t)
	s := mustSeed(t, st)
	path := "/api/v1/timeline/" + s.milestones[0].ID
	do(t, srv, "DELETE", path, "", "If-Match", `"2"`).want(t, http.StatusPreconditionFailed)
	do(t, srv, "GET", path, "").want(t, http.StatusOK)
	do(t, srv, "DELETE", path, "", "If-Match", `"1"`).want(t, http.StatusNoContent)
	do(t, srv, "DELETE", path, "").want(t, http.StatusNotFound)
	// The organisation takes part in an activity, so it cannot go.
	e := do(t, srv, "DELETE", "/api/v1/organizations/"+s.cn.ID, "").want(t, http.StatusConflict).apiError(t)
	if e.Code != "conflict" {
		t.Errorf("delete of a referenced record: %+v", e)
	}
}
