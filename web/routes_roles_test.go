package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"amur"
)

// routeCase is one request of the route × role matrix: a registered route,
// the record its {id} names (see fixture.target), a body, and the status
// each role must get, in the order of roleNames: anonymous, admin, office
// CN, office RU, coordinator, applicant, reviewer.
type routeCase struct {
	route  string
	target string
	body   func(fx *fixture) string
	want   string
}

// body returns a constant body.
func body(s string) func(*fixture) string { return func(*fixture) string { return s } }

// activityBody returns the JSON of a new activity of one fixture shape.
func activityBody(shape string) func(*fixture) string {
	return func(fx *fixture) string {
		a := fx.activityOf(shape)
		return `{"title":{"en":"New"},"type":"forum","status":"planned","start":"2021-09-01","zone":"Europe/Moscow",` +
			`"format":"online","draft":` + map[bool]string{true: "true", false: "false"}[a.Draft] +
			`,"sides":["` + strings.Join(a.Sides, `","`) + `"],"participants":[{"org_id":"` + a.Participants[0].OrgID +
			`","side":"` + a.Participants[0].Side + `","role":"organiser"}]}`
	}
}

// allRead is the status of a public read for every role.
const allRead = "200 200 200 200 200 200 200"

// routeCases covers every route; TestEveryRouteEveryRole checks that the
// set of their routes is exactly the set the server registers.
var routeCases = []routeCase{
	{"GET /api/v1/programs", "", nil, allRead},
	{"GET /api/v1/programs/{id}", "program", nil, allRead},
	{"POST /api/v1/programs", "", body(`{"slug":"crys-2022","name":{"en":"Years of Innovation"},"sides":["CN","RU"],"start":"2022"}`), "401 201 403 403 403 403 403"},
	{"PATCH /api/v1/programs/{id}", "program", body(`{"name":{"ru":"Годы инноваций"}}`), "401 200 403 403 403 403 403"},
	{"DELETE /api/v1/programs/{id}", "new:program", nil, "401 204 403 403 403 403 403"},

	{"GET /api/v1/activities", "", nil, allRead},
	{"GET /api/v1/activities/{id}", "joint", nil, allRead},
	{"GET /api/v1/activities/{id}", "ruOnly", nil, allRead},
	{"GET /api/v1/activities/{id}", "coordDraft", nil, "404 200 200 200 200 404 404"},
	{"GET /api/v1/activities/{id}", "otherDraft", nil, "404 200 200 200 404 404 404"},
	{"POST /api/v1/activities", "", activityBody("joint"), "401 201 201 201 403 403 403"},
	{"POST /api/v1/activities", "", activityBody("ruOnly"), "401 201 403 201 403 403 403"},
	{"POST /api/v1/activities", "", activityBody("coordDraft"), "401 201 403 201 201 403 403"},
	{"POST /api/v1/activities", "", activityBody("otherDraft"), "401 201 201 403 403 403 403"},
	{"PATCH /api/v1/activities/{id}", "joint", body(`{"location":{"en":"Hall 2"}}`), "401 200 200 200 403 403 403"},
	{"PATCH /api/v1/activities/{id}", "ruOnly", body(`{"location":{"en":"Hall 3"}}`), "401 200 403 200 403 403 403"},
	{"PATCH /api/v1/activities/{id}", "coordDraft", body(`{"location":{"ru":"Зал 4"}}`), "404 200 403 200 200 404 404"},
	{"PATCH /api/v1/activities/{id}", "otherDraft", body(`{"location":{"zh":"5号厅"}}`), "404 200 200 403 404 404 404"},
	{"PATCH /api/v1/activities/{id}", "new:coordDraft", body(`{"draft":false}`), "404 200 403 200 403 404 404"},
	{"PATCH /api/v1/activities/{id}", "new:coordDraft", body(`{"status":"approved"}`), "404 200 403 200 403 404 404"},
	{"PATCH /api/v1/activities/{id}", "new:joint", body(`{"draft":true}`), "401 200 200 200 403 403 403"},
	{"DELETE /api/v1/activities/{id}", "new:joint", nil, "401 204 204 204 403 403 403"},
	{"DELETE /api/v1/activities/{id}", "new:ruOnly", nil, "401 204 403 204 403 403 403"},
	{"DELETE /api/v1/activities/{id}", "new:coordDraft", nil, "404 204 403 204 204 404 404"},

	{"GET /api/v1/organizations", "", nil, allRead},
	{"GET /api/v1/organizations/{id}", "cnOrg", nil, allRead},
	{"POST /api/v1/organizations", "", body(`{"name":{"zh":"浙江大学"},"kind":"university","country":"CN"}`), "401 201 201 403 403 403 403"},
	{"PATCH /api/v1/organizations/{id}", "cnOrg", body(`{"website":"https://www.tsinghua.edu.cn/"}`), "401 200 200 403 403 403 403"},
	{"PATCH /api/v1/organizations/{id}", "coordOrg", body(`{"website":"https://www.dvfu.ru/"}`), "401 200 403 200 200 403 403"},
	{"DELETE /api/v1/organizations/{id}", "new:ruOrg", nil, "401 204 403 204 403 403 403"},

	{"GET /api/v1/people", "", nil, allRead},
	{"GET /api/v1/people/{id}", "personRU", nil, allRead},
	{"POST /api/v1/people", "", body(`{"latin":{"family":"Orlov","given":"Oleg"},"country":"RU","contact":{"email":"orlov@example.org"}}`), "401 201 403 201 403 403 403"},
	{"PATCH /api/v1/people/{id}", "personCN", body(`{"keywords":["optics"]}`), "401 200 200 403 403 403 403"},
	{"DELETE /api/v1/people/{id}", "new:personRU", nil, "401 204 403 204 403 403 403"},

	{"GET /api/v1/fields", "", nil, allRead},
	{"GET /api/v1/fields/{id}", "field", nil, allRead},
	{"POST /api/v1/fields", "", body(`{"id":"3","label":{"en":"Medical and health sciences"}}`), "401 201 403 403 403 403 403"},
	{"PATCH /api/v1/fields/{id}", "field", body(`{"label":{"ru":"Математика"}}`), "401 200 403 403 403 403 403"},
	{"DELETE /api/v1/fields/{id}", "new:field", nil, "401 204 403 403 403 403 403"},

	{"GET /api/v1/flagships", "", nil, allRead},
	{"GET /api/v1/flagships/{id}", "flagship", nil, allRead},
	{"POST /api/v1/flagships", "", body(`{"slug":"math-center","name":{"en":"Mathematical Center"}}`), "401 201 201 201 403 403 403"},
	{"PATCH /api/v1/flagships/{id}", "flagship", body(`{"website":"https://nica.jinr.ru/"}`), "401 200 200 200 403 403 403"},
	{"DELETE /api/v1/flagships/{id}", "new:flagship", nil, "401 204 204 204 403 403 403"},

	{"GET /api/v1/timeline", "", nil, allRead},
	{"GET /api/v1/timeline/{id}", "entry", nil, allRead},
	{"POST /api/v1/timeline", "", body(`{"date":"2020-12-28","kind":"call","title":{"en":"New Year call"}}`), "401 201 201 201 403 403 403"},
	{"PATCH /api/v1/timeline/{id}", "entry", body(`{"kind":"meeting"}`), "401 200 200 200 403 403 403"},
	{"DELETE /api/v1/timeline/{id}", "new:entry", nil, "401 204 204 204 403 403 403"},

	{"GET /api/v1/stats", "", nil, allRead},
	{"GET /api/v1/audit", "", nil, "401 200 403 403 403 403 403"},
	{"GET /api/v1/openapi.json", "", nil, allRead},
	{"GET /healthz", "", nil, allRead},
	{"GET /api/v1/search", "", nil, "400 400 400 400 400 400 400"}, // q is required

	// One's own account; api_auth_test.go tries these routes in depth.
	{"POST /api/v1/login", "", body(`{"email":"nobody@example.org","password":"not the password"}`), "401 401 401 401 401 401 401"},
	{"GET /api/v1/me", "", nil, "401 200 200 200 200 200 200"},
	{"POST /api/v1/password", "", body(`{"current":"not the password","new":"a long new password"}`), "401 400 400 400 400 400 400"},
	{"POST /api/v1/password/reset", "", body(`{"token":"not-a-token","password":"a long new password"}`), "400 400 400 400 400 400 400"},
	{"GET /api/v1/tokens", "", nil, "401 200 200 200 200 200 200"},
	{"POST /api/v1/tokens", "", body(`{"name":"script"}`), "401 201 201 201 201 201 201"},
	{"DELETE /api/v1/tokens/{id}", "ownToken", nil, "401 204 204 204 204 204 204"},
	{"DELETE /api/v1/tokens/{id}", "adminToken", nil, "401 204 404 404 404 404 404"},
	// Last, since it ends the session the cases above ran in.
	{"POST /api/v1/logout", "", nil, "204 204 204 204 204 204 204"},
}

// tokenWants replace the wants of routes that need a password session: a
// client signed in by API token gets 403 err.session_required there.
var tokenWants = map[string]string{
	"POST /api/v1/password": "401 403 403 403 403 403 403",
	"POST /api/v1/tokens":   "401 403 403 403 403 403 403",
}

// TestEveryRouteEveryRole sends every case as every role, each role on a
// fresh fixture and signed in through the server itself, once with a
// session opened by POST /api/v1/login (writes carrying its CSRF token)
// and once with an API token, and checks the status. A refused change must
// leave its record (or, for a create, the number of records) as it was.
func TestEveryRouteEveryRole(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range routeCases {
		covered[c.route] = true
	}
	first := newFixture(t)
	registered := map[string]bool{}
	for _, rt := range first.srv.routes {
		registered[rt.pattern] = true
		if !covered[rt.pattern] {
			t.Errorf("route %s has no case in routeCases", rt.pattern)
		}
	}
	for route := range covered {
		if !registered[route] {
			t.Errorf("routeCases has %s, which is not a route", route)
		}
	}
	for _, how := range []string{bySession, byToken} {
		for i, name := range roleNames {
			fx := first
			if i > 0 || how != bySession {
				fx = newFixture(t)
			}
			t.Run(how+"/"+name, func(t *testing.T) {
				cl := fx.clients(t, how)[i]
				for _, c := range routeCases {
					want, ok := tokenWants[c.route]
					if how != byToken || !ok {
						want = c.want
					}
					runCase(t, fx, cl, c, strings.Fields(want)[i])
				}
			})
		}
	}
}

// runCase sends one case as cl, checks its status against want and, when
// it was refused, that nothing changed.
func runCase(t *testing.T, fx *fixture, cl client, c routeCase, want string) {
	t.Helper()
	method, path, _ := strings.Cut(c.route, " ")
	var kind amur.Kind
	var id string
	if c.target != "" {
		kind, id = fx.targetFor(t, c.target, cl)
		path = strings.Replace(path, "{id}", id, 1)
	}
	body := ""
	if c.body != nil {
		body = c.body(fx)
	}
	kindOfPath := amur.Kind(strings.Split(strings.TrimPrefix(path, "/api/v1/"), "/")[0])
	before := countKind(t, fx, kindOfPath, method)
	version := 0
	if kind != "" {
		version = fx.version(kind, id)
	}
	res := cl.do(t, method, path, body)
	if code := status(t, want); res.Code != code {
		t.Errorf("%s (%s): %d, want %d; %s", c.route, c.target, res.Code, code, res.Body)
	}
	if res.Code < 400 {
		return
	}
	if kind != "" && fx.version(kind, id) != version {
		t.Errorf("%s (%s) was refused but changed the record (version %d, was %d)", c.route, c.target, fx.version(kind, id), version)
	}
	if after := countKind(t, fx, kindOfPath, method); after != before {
		t.Errorf("%s was refused but the %s went from %d to %d", c.route, kindOfPath, before, after)
	}
}

// countKind counts the stored records of k for a POST, and returns 0 for
// other methods and paths that are no collection.
func countKind(t *testing.T, fx *fixture, k amur.Kind, method string) int {
	t.Helper()
	if method != http.MethodPost || !slices.Contains(amur.Kinds, k) {
		return 0
	}
	n, err := fx.db.Count(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
