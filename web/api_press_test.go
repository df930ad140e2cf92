package web

import (
	"context"
	"encoding/base64"
	"maps"
	"net/http"
	"os"
	"reflect"
	"slices"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// The press routes in the route × role matrix. The matrix's server keeps
// no review queue, so the roles allowed in meet 404 where the others meet
// 401 or 403: reading and deciding the queue is for offices and admins.
// They go before the last case, the sign-out.
func init() {
	const reviewers = "401 404 404 404 403 403 403"
	last := routeCases[len(routeCases)-1]
	routeCases = append(routeCases[:len(routeCases)-1],
		routeCase{"POST /api/v1/press", "", body(`{"pages":[{"name":"a.txt","data":"YQ=="}]}`), reviewers},
		routeCase{"GET /api/v1/press", "", nil, reviewers},
		routeCase{"GET /api/v1/press/{id}", "", nil, reviewers},
		routeCase{"PATCH /api/v1/press/{id}", "", body(`{"version":1}`), reviewers},
		routeCase{"POST /api/v1/press/{id}/merge", "", body(`{"from":[]}`), reviewers},
		routeCase{"POST /api/v1/press/{id}/reject", "", nil, reviewers},
		routeCase{"POST /api/v1/press/{id}/publish", "", body(`{"program":"x"}`), reviewers},
		last,
	)
}

// TestOpenAPIPressSchemas checks that the press schemas document exactly
// the JSON members of the types they describe.
func TestOpenAPIPressSchemas(t *testing.T) {
	doc := loadOpenAPI(t)
	for name, v := range map[string]any{
		"PressEvent": amur.PressEvent{}, "PressUpload": pressUpload{}, "PressEdit": pressEdit{},
		"PressMerge": pressMerge{}, "PressPublish": pressPublish{}, "PressFileError": pressFileError{},
	} {
		schema, ok := doc.Components.Schemas[name]
		if !ok {
			t.Errorf("no schema %s", name)
			continue
		}
		want := slices.Sorted(maps.Keys(membersOf(reflect.TypeOf(v))))
		if got := slices.Sorted(maps.Keys(schema.Properties)); !slices.Equal(got, want) {
			t.Errorf("schema %s has %v, the type has %v", name, got, want)
		}
	}
}

// pressPage returns an upload body with one page of the press testdata.
func pressPage(t *testing.T, name string, dry bool) string {
	t.Helper()
	b, err := os.ReadFile("../press/testdata/pages/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return `{"pages":[{"name":"` + name + `","data":"` + base64.StdEncoding.EncodeToString(b) +
		`"},{"name":"empty.txt","data":""}],"dry_run":` + map[bool]string{true: "true", false: "false"}[dry] + `}`
}

// TestPressReview uploads pages, edits, merges, rejects and publishes
// their events, and checks the timeline entry and the audit log.
func TestPressReview(t *testing.T) {
	w := newAuthWorld(t, nil)
	ctx := context.Background()
	prog := testkit.Program("crys")
	if err := w.st.CreateProgram(ctx, prog); err != nil {
		t.Fatal(err)
	}
	admin := w.login(t, w.admin.Email).headers(true)
	applicant := w.login(t, w.applicant.Email).headers(true)
	do(t, w.srv, "POST", "/api/v1/press", pressPage(t, "ecns-style-call.txt", false), applicant...).want(t, http.StatusForbidden)

	var dry struct {
		Events []map[string]any `json:"events"`
		Errors []pressFileError `json:"errors"`
	}
	do(t, w.srv, "POST", "/api/v1/press", pressPage(t, "ecns-style-call.txt", true), admin...).want(t, http.StatusOK).decode(t, &dry)
	if len(dry.Events) != 1 || dry.Events[0]["date"] != "2020-12-28" || len(dry.Errors) != 1 || dry.Errors[0].File != "empty.txt" {
		t.Fatalf("dry run = %+v", dry)
	}
	if n := w.rowsContaining(t, "press_events", "2020-12-28"); n != 0 {
		t.Fatalf("a dry run stored %d events", n)
	}

	var up struct {
		Events []amur.PressEvent `json:"events"`
	}
	do(t, w.srv, "POST", "/api/v1/press", pressPage(t, "chronology.md", false), admin...).want(t, http.StatusCreated).decode(t, &up)
	if len(up.Events) != 5 {
		t.Fatalf("stored %d events, want 5", len(up.Events))
	}
	a, b, c := up.Events[0], up.Events[1], up.Events[2]

	var list listBody[*amur.PressEvent]
	do(t, w.srv, "GET", "/api/v1/press?status=proposed&count=true", "", admin...).want(t, http.StatusOK).decode(t, &list)
	if list.Total != 5 {
		t.Errorf("the queue holds %d proposed events, want 5", list.Total)
	}

	var edited amur.PressEvent
	do(t, w.srv, "PATCH", "/api/v1/press/"+a.ID, `{"version":1,"kind":"ceremony","people":["Xi Jinping"]}`, admin...).want(t, http.StatusOK).decode(t, &edited)
	if edited.Version != 2 || len(edited.People) != 1 {
		t.Errorf("edit = %+v", edited)
	}
	do(t, w.srv, "PATCH", "/api/v1/press/"+a.ID, `{"version":1,"kind":"call"}`, admin...).want(t, http.StatusPreconditionFailed)

	var merged amur.PressEvent
	do(t, w.srv, "POST", "/api/v1/press/"+a.ID+"/merge", `{"from":["`+b.ID+`"]}`, admin...).want(t, http.StatusOK).decode(t, &merged)
	if len(merged.Sources) != len(a.Sources)+len(b.Sources) {
		t.Errorf("merged sources = %v", merged.Sources)
	}
	do(t, w.srv, "POST", "/api/v1/press/"+b.ID+"/reject", "", admin...).want(t, http.StatusConflict)
	do(t, w.srv, "POST", "/api/v1/press/"+c.ID+"/reject", "", admin...).want(t, http.StatusOK)

	var entry amur.TimelineEntry
	do(t, w.srv, "POST", "/api/v1/press/"+a.ID+"/publish", `{"program":"crys"}`, admin...).want(t, http.StatusCreated).decode(t, &entry)
	if entry.ProgramID != prog.ID || entry.Kind != amur.CeremonyEntry || len(entry.Sources) != 2 || entry.Sources[0].File != "chronology.md" {
		t.Errorf("published entry = %+v", entry)
	}
	var got amur.PressEvent
	do(t, w.srv, "GET", "/api/v1/press/"+a.ID, "", admin...).want(t, http.StatusOK).decode(t, &got)
	if got.Status != amur.PressPublished || got.EntryID != entry.ID {
		t.Errorf("after publishing: %+v", got)
	}
	log, err := w.st.Audit(ctx, amur.AuditFilter{Kind: amur.KindPress, ID: a.ID, Page: amur.Page{Limit: 10}})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log.Items {
		actions = append(actions, e.Action)
	}
	if !slices.Equal(actions, []string{"decision", "merge", "update", "create"}) {
		t.Errorf("audit of the event = %v", actions)
	}
}
