package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"amur"
	"amur/registry"
)

// The identity routes in the route × role matrix. The matrix's server keeps
// no review queue, so offices and admins get 404 where the others get 401
// or 403; TestIdentityReviewFlow runs them against one that does.
func init() {
	const reviewOnly = "401 404 404 404 403 403 403"
	// First, while every role is still signed in: later cases sign out.
	routeCases = append([]routeCase{
		{"GET /api/v1/identity/candidates", "", nil, reviewOnly},
		{"POST /api/v1/identity/candidates/{id}/reject", "", nil, reviewOnly},
		{"POST /api/v1/identity/merges", "", body(`{"kind":"people","keep":"x","drop":"y"}`), reviewOnly},
		{"POST /api/v1/identity/merges/{id}/undo", "", nil, reviewOnly},
		{"GET /api/v1/identity/suggest", "", nil, "401 400 400 400 400 400 400"},
	}, routeCases...)
}

// TestIdentityReviewFlow proposes a duplicate, lists it as an office,
// merges it, undoes the merge and rejects the pair through the API, and
// checks who may do what.
func TestIdentityReviewFlow(t *testing.T) {
	fx := newFixture(t)
	queue, ok := fx.db.(amur.IdentityStore)
	if !ok {
		t.Fatal("the fixture's store keeps no review queue")
	}
	fx.srv = New(Config{Store: registry.New(fx.db), Auth: fx.auth, Identity: queue})
	cl := fx.clients(t, bySession)
	admin, officeCN, coordinator := cl[1], cl[2], cl[4]
	ctx := context.Background()
	dup := &amur.Person{Native: amur.PersonName{Family: "张", Given: "平文"}, Country: "CN"}
	if err := fx.db.CreatePerson(ctx, dup); err != nil {
		t.Fatal(err)
	}
	keep := fx.personCN
	if _, err := queue.ProposeDuplicates(ctx, []amur.DuplicateCandidate{{Kind: amur.KindPerson, A: keep.ID, B: dup.ID, Score: 0.9}}); err != nil {
		t.Fatal(err)
	}
	coordinator.do(t, "GET", "/api/v1/identity/candidates", "").want(t, http.StatusForbidden)
	var list struct {
		Items []amur.DuplicateCandidate `json:"items"`
	}
	officeCN.do(t, "GET", "/api/v1/identity/candidates?kind=people", "").want(t, http.StatusOK).decode(t, &list)
	if len(list.Items) != 1 {
		t.Fatalf("candidates: %+v", list.Items)
	}
	officeCN.do(t, "GET", "/api/v1/identity/candidates?kind=fields", "").want(t, http.StatusBadRequest)
	c := list.Items[0]
	var m amur.Merge
	officeCN.do(t, "POST", "/api/v1/identity/merges", `{"kind":"people","keep":"`+keep.ID+`","drop":"`+dup.ID+`","candidate":"`+c.ID+`"}`).
		want(t, http.StatusCreated).decode(t, &m)
	if _, err := fx.db.Person(ctx, dup.ID); amur.ErrorCode(err) != amur.ENotFound {
		t.Errorf("merged person still there: %v", err)
	}
	got, _ := fx.db.Person(ctx, keep.ID)
	if !strings.Contains(strings.Join(got.Aliases, "|"), "张平文") {
		t.Errorf("keep lacks the merged name: %q", got.Aliases)
	}
	officeCN.do(t, "POST", "/api/v1/identity/merges", `{"kind":"people","keep":"`+keep.ID+`","drop":"`+keep.ID+`"}`).want(t, http.StatusBadRequest)
	admin.do(t, "POST", "/api/v1/identity/merges/"+m.ID+"/undo", "").want(t, http.StatusOK)
	admin.do(t, "POST", "/api/v1/identity/merges/"+m.ID+"/undo", "").want(t, http.StatusConflict)
	if _, err := fx.db.Person(ctx, dup.ID); err != nil {
		t.Errorf("undo did not bring the person back: %v", err)
	}
	officeCN.do(t, "POST", "/api/v1/identity/candidates/"+c.ID+"/reject", "").want(t, http.StatusOK)
	officeCN.do(t, "POST", "/api/v1/identity/candidates/"+c.ID+"/reject", "").want(t, http.StatusConflict)
	var sug struct {
		Items []struct {
			Record json.RawMessage `json:"record"`
			Score  float64         `json:"score"`
		} `json:"items"`
	}
	coordinator.do(t, "GET", "/api/v1/identity/suggest?kind=people&name=Pingwen+Zhang", "").want(t, http.StatusOK).decode(t, &sug)
	if len(sug.Items) == 0 || !strings.Contains(string(sug.Items[0].Record), dup.ID) {
		t.Errorf("suggest Pingwen Zhang: %+v", sug.Items)
	}
	cl[0].do(t, "GET", "/api/v1/identity/suggest?kind=people&name=x", "").want(t, http.StatusUnauthorized)
}
