package web

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/auth"
	"amur/match"
	"amur/registry"
)

// offersWorld is the permission fixture with a matcher over the database
// itself, as amur serve wires it, and a coordinator of a Chinese
// organisation to express interest.
type offersWorld struct {
	fx *fixture
	// public, admin, officeCN, officeRU, coord (of fx.coordOrg, RU),
	// applicant, reviewer and cnCoord (of fx.otherOrg, CN).
	public, admin, officeCN, officeRU, coord, applicant, reviewer, cnCoord client
}

// newOffersWorld returns the fixture signed in with API tokens.
func newOffersWorld(t *testing.T) *offersWorld {
	t.Helper()
	fx := newFixture(t)
	fx.srv = New(Config{Store: registry.New(fx.db), Auth: fx.auth, Matcher: match.New(fx.db)})
	cl := fx.clients(t, byToken)
	w := &offersWorld{fx: fx, public: cl[0], admin: cl[1], officeCN: cl[2], officeRU: cl[3], coord: cl[4], applicant: cl[5], reviewer: cl[6]}
	ctx := auth.System(context.Background())
	u := &amur.User{Email: "coordinator-cn@example.org", Role: amur.RoleCoordinator, OrgID: fx.otherOrg.ID}
	if err := fx.auth.AddUser(ctx, u, testPassword); err != nil {
		t.Fatal(err)
	}
	secret, _, err := fx.auth.CreateToken(ctx, u.ID, "tests", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	w.cnCoord = client{name: "coordinator CN", user: u, srv: fx.srv, headers: []string{"Authorization", "Bearer " + secret}}
	return w
}

// listing returns the JSON of a listing owned by org.
func listing(org *amur.Organization, extra string) string {
	return fmt.Sprintf(`{"side":%q,"owner_id":%q,"fields":["1.1"],"trl":6,"coop":["contract_research"]%s}`, org.Country, org.ID, extra)
}

// TestOffersPermissions checks who may create and change offers, and that
// drafts stay with their owner.
func TestOffersPermissions(t *testing.T) {
	w := newOffersWorld(t)
	ru := listing(w.fx.coordOrg, `,"kind":"equipment","title":{"ru":"Испытания микросхем на радиационную стойкость"}`)
	cases := []struct {
		who  client
		body string
		want int
	}{
		{w.public, ru, http.StatusUnauthorized},
		{w.reviewer, ru, http.StatusForbidden},
		{w.applicant, ru, http.StatusForbidden},
		{w.officeCN, ru, http.StatusForbidden},
		{w.coord, listing(w.fx.otherOrg, `,"kind":"technology","title":{"zh":"别人的成果"}`), http.StatusForbidden},
		{w.officeRU, ru, http.StatusCreated},
		{w.coord, ru, http.StatusCreated},
		{w.admin, ru, http.StatusCreated},
	}
	for _, c := range cases {
		if r := c.who.do(t, "POST", "/api/v1/offers", c.body); r.Code != c.want {
			t.Errorf("%s: POST /offers = %d, want %d: %s", c.who.name, r.Code, c.want, r.Body)
		}
	}
	var draft amur.Offer
	w.coord.do(t, "POST", "/api/v1/offers", ru).want(t, http.StatusCreated).decode(t, &draft)
	if draft.Status != amur.ListingDraft {
		t.Errorf("a new offer is %q, want draft", draft.Status)
	}
	for _, c := range []struct {
		who  client
		want int
	}{{w.public, 404}, {w.reviewer, 404}, {w.cnCoord, 404}, {w.coord, 200}, {w.officeCN, 200}} {
		if r := c.who.do(t, "GET", "/api/v1/offers/"+draft.ID, ""); r.Code != c.want {
			t.Errorf("%s: GET draft = %d, want %d", c.who.name, r.Code, c.want)
		}
	}
	var l listBody[*amur.Offer]
	w.public.do(t, "GET", "/api/v1/offers?count=true", "").want(t, 200).decode(t, &l)
	if l.Total != 0 {
		t.Errorf("the public lists %d drafts", l.Total)
	}
	w.cnCoord.do(t, "PATCH", "/api/v1/offers/"+draft.ID, `{"title":{"ru":"Чужое"}}`).want(t, http.StatusNotFound)
	w.coord.do(t, "PATCH", "/api/v1/offers/"+draft.ID, `{"status":"published"}`).want(t, http.StatusOK)
	w.cnCoord.do(t, "PATCH", "/api/v1/offers/"+draft.ID, `{"title":{"ru":"Чужое"}}`).want(t, http.StatusForbidden)
	w.public.do(t, "GET", "/api/v1/offers?status=published&side=RU&field=1", "").want(t, 200).decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].ID != draft.ID {
		t.Errorf("published RU offers in field 1: %+v", l.Items)
	}
	w.public.do(t, "GET", "/api/v1/offers?status=bogus", "").want(t, http.StatusBadRequest)
	w.public.do(t, "GET", "/api/v1/offers?owner=nope", "").want(t, http.StatusBadRequest)
}

// TestOffersAnonymity checks that the owner and contact of an anonymous
// listing reach only its owner's people, offices and admins, in reads,
// lists, owner filters and matches.
func TestOffersAnonymity(t *testing.T) {
	w := newOffersWorld(t)
	body := listing(w.fx.coordOrg, `,"kind":"equipment","anonymous":true,"status":"published","contact_id":"`+w.fx.personRU.ID+
		`","title":{"ru":"Испытания микросхем на радиационную стойкость"},"description":{"ru":"Облучение тяжёлыми ионами и протонами, одиночные сбои."}`)
	var o amur.Offer
	w.coord.do(t, "POST", "/api/v1/offers", body).want(t, http.StatusCreated).decode(t, &o)
	for _, c := range []struct {
		who   client
		shown bool
	}{{w.public, false}, {w.reviewer, false}, {w.cnCoord, false}, {w.applicant, false}, {w.coord, true}, {w.officeCN, true}, {w.admin, true}} {
		var got amur.Offer
		c.who.do(t, "GET", "/api/v1/offers/"+o.ID, "").want(t, 200).decode(t, &got)
		if shown := got.OwnerID != "" || got.ContactID != ""; shown != c.shown {
			t.Errorf("%s sees owner %q contact %q, want shown=%v", c.who.name, got.OwnerID, got.ContactID, c.shown)
		}
		var l listBody[*amur.Offer]
		c.who.do(t, "GET", "/api/v1/offers?owner="+w.fx.coordOrg.ID, "").want(t, 200).decode(t, &l)
		if (len(l.Items) == 1) != c.shown {
			t.Errorf("%s: the owner filter finds %d anonymous offers, want shown=%v", c.who.name, len(l.Items), c.shown)
		}
	}
	var req amur.Request
	w.cnCoord.do(t, "POST", "/api/v1/requests", listing(w.fx.otherOrg, `,"status":"published","title":{"zh":"集成电路抗辐射测试"},"description":{"zh":"重离子和质子辐照试验，单粒子效应"}`)).
		want(t, http.StatusCreated).decode(t, &req)
	var m match.Matches
	w.public.do(t, "GET", "/api/v1/requests/"+req.ID+"/matches?limit=5", "").want(t, 200).decode(t, &m)
	if len(m.Items) != 1 || m.Items[0].ID != o.ID || m.Items[0].OwnerID != "" || !m.Items[0].Anonymous {
		t.Fatalf("public matches of the request: %+v", m.Items)
	}
	w.officeRU.do(t, "GET", "/api/v1/requests/"+req.ID+"/matches", "").want(t, 200).decode(t, &m)
	if len(m.Items) != 1 || m.Items[0].OwnerID != w.fx.coordOrg.ID {
		t.Errorf("an office does not see the owner in matches: %+v", m.Items)
	}
	var back match.Matches
	w.public.do(t, "GET", "/api/v1/offers/"+o.ID+"/matches", "").want(t, 200).decode(t, &back)
	if len(back.Items) != 1 || back.Items[0].ID != req.ID || back.Items[0].OwnerID != w.fx.otherOrg.ID {
		t.Errorf("matches of the offer: %+v", back.Items)
	}
}

// TestInterests checks that an interest is seen by its two parties, the
// offices and admins only, and that each party makes only its own moves.
func TestInterests(t *testing.T) {
	w := newOffersWorld(t)
	var o amur.Offer
	w.coord.do(t, "POST", "/api/v1/offers", listing(w.fx.coordOrg, `,"kind":"expertise","status":"published","title":{"ru":"Экспертиза"}`)).
		want(t, http.StatusCreated).decode(t, &o)
	in := `{"offer_id":"` + o.ID + `","message":{"zh":"我们有兴趣"}}`
	w.public.do(t, "POST", "/api/v1/interests", in).want(t, http.StatusUnauthorized)
	w.coord.do(t, "POST", "/api/v1/interests", in).want(t, http.StatusBadRequest)
	w.cnCoord.do(t, "POST", "/api/v1/interests", `{"offer_id":"`+amur.NewID()+`"}`).want(t, http.StatusBadRequest)
	w.cnCoord.do(t, "POST", "/api/v1/interests", `{"offer_id":"`+o.ID+`","org_id":"`+w.fx.cnOrg.ID+`"}`).want(t, http.StatusForbidden)
	var i amur.Interest
	w.cnCoord.do(t, "POST", "/api/v1/interests", in).want(t, http.StatusCreated).decode(t, &i)
	if i.UserID != w.cnCoord.user.ID || i.OrgID != w.fx.otherOrg.ID || i.Status != amur.InterestSent {
		t.Errorf("stored interest %+v", i)
	}
	for _, c := range []struct {
		who  client
		want int
		n    int
	}{{w.public, 404, 0}, {w.reviewer, 404, 0}, {w.applicant, 404, 0}, {w.coord, 200, 1}, {w.cnCoord, 200, 1}, {w.officeCN, 200, 1}, {w.admin, 200, 1}} {
		if r := c.who.do(t, "GET", "/api/v1/interests/"+i.ID, ""); r.Code != c.want {
			t.Errorf("%s: GET interest = %d, want %d", c.who.name, r.Code, c.want)
		}
		var l listBody[*amur.Interest]
		c.who.do(t, "GET", "/api/v1/interests?offer="+o.ID, "").want(t, 200).decode(t, &l)
		if len(l.Items) != c.n {
			t.Errorf("%s lists %d interests, want %d", c.who.name, len(l.Items), c.n)
		}
	}
	w.cnCoord.do(t, "PATCH", "/api/v1/interests/"+i.ID, `{"status":"accepted"}`).want(t, http.StatusForbidden)
	w.coord.do(t, "PATCH", "/api/v1/interests/"+i.ID, `{"message":{"ru":"подмена"}}`).want(t, http.StatusForbidden)
	w.coord.do(t, "PATCH", "/api/v1/interests/"+i.ID, `{"status":"accepted"}`).want(t, http.StatusOK)
	w.cnCoord.do(t, "PATCH", "/api/v1/interests/"+i.ID, `{"status":"withdrawn"}`).want(t, http.StatusForbidden)
	w.cnCoord.do(t, "DELETE", "/api/v1/interests/"+i.ID, "").want(t, http.StatusForbidden)
	w.coord.do(t, "DELETE", "/api/v1/offers/"+o.ID, "").want(t, http.StatusConflict)
	audit, err := w.fx.db.Audit(context.Background(), amur.AuditFilter{Kind: amur.KindInterest, ID: i.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(audit.Items) != 2 || audit.Items[0].UserID != w.coord.user.ID {
		t.Errorf("audit of the interest: %d entries, first by %q", len(audit.Items), firstUser(audit.Items))
	}
}

// firstUser returns the user of the first entry, for messages.
func firstUser(es []*amur.AuditEntry) string {
	if len(es) == 0 {
		return ""
	}
	return es[0].UserID
}

// TestMatchBadInput checks that unknown listings answer 404 and bad
// partner queries 400 naming the parameter, never 500.
func TestMatchBadInput(t *testing.T) {
	w := newOffersWorld(t)
	c := w.public
	for _, target := range []string{"/api/v1/requests/" + amur.NewID() + "/matches", "/api/v1/offers/" + amur.NewID() + "/matches",
		"/api/v1/requests/not-an-id/matches"} {
		c.do(t, "GET", target, "").want(t, http.StatusNotFound)
	}
	bad := map[string]string{
		"/api/v1/partners":                                      "q",
		"/api/v1/partners?q=":                                   "q",
		"/api/v1/partners?q=%00%01%02":                          "q",
		"/api/v1/partners?q=%FF%FE":                             "q",
		"/api/v1/partners?q=" + strings.Repeat("%D0%B0", 600):   "q",
		"/api/v1/partners?q=a&kind=things":                      "kind",
		"/api/v1/partners?q=a&limit=1000":                       "limit",
		"/api/v1/requests/" + amur.NewID() + "/matches?limit=0": "limit",
	}
	for target, field := range bad {
		e := c.do(t, "GET", target, "").want(t, http.StatusBadRequest).apiError(t)
		if e.Field != field {
			t.Errorf("GET %s names %q, want %q", target, e.Field, field)
		}
	}
	var m match.Matches
	c.do(t, "GET", "/api/v1/partners?q="+url.QueryEscape("Томский университет")+"&kind=organizations", "").want(t, 200).decode(t, &m)
	if len(m.Items) == 0 || m.Items[0].ID != w.fx.ruOrg.ID {
		t.Errorf("partners for Томский университет: %+v", m.Items)
	}
}

// TestOffersSchemasMatchTypes checks that the fragment's schemas document
// exactly the JSON members of their Go types.
func TestOffersSchemasMatchTypes(t *testing.T) {
	doc := loadOpenAPI(t)
	types := map[string]any{
		"Offer": amur.Offer{}, "Request": amur.Request{}, "Interest": amur.Interest{},
		"OfferList": listBody[*amur.Offer]{}, "Matches": match.Matches{}, "MatchQuery": match.Query{},
		"MatchResult": match.Result{}, "MatchExplain": match.Explain{}, "MatchTerm": match.Term{},
		"FieldFit": match.FieldFit{}, "FieldPair": match.FieldPair{}, "TRLFit": match.TRLFit{},
		"CoopFit": match.CoopFit{}, "SideFit": match.SideFit{}, "MatchSource": match.Source{},
	}
	for name, v := range types {
		want := slices.Sorted(maps.Keys(membersOf(reflect.TypeOf(v))))
		got := slices.Sorted(maps.Keys(doc.Components.Schemas[name].Properties))
		if !slices.Equal(got, want) {
			t.Errorf("schema %s has %v, the type has %v", name, got, want)
		}
	}
}

// TestOfferPayloadsInTexts stores every payload in every Text member of
// offers, requests and interests, which refer to other records and so are
// left to this test by TestPayloadsInTexts, and reads them back verbatim.
func TestOfferPayloadsInTexts(t *testing.T) {
	w := newOffersWorld(t)
	var o amur.Offer
	w.admin.do(t, "POST", "/api/v1/offers", listing(w.fx.cnOrg, `,"kind":"result","status":"published","title":{"en":"x"}`)).
		want(t, http.StatusCreated).decode(t, &o)
	bodies := map[amur.Kind]string{
		amur.KindOffer:    listing(w.fx.ruOrg, `,"kind":"result"`),
		amur.KindRequest:  listing(w.fx.ruOrg, ""),
		amur.KindInterest: `{"offer_id":"` + o.ID + `","org_id":"` + w.fx.ruOrg.ID + `"}`,
	}
	for k, body := range bodies {
		members := textMembers(k)
		for _, p := range payloads {
			rec := map[string]any{}
			if err := json.Unmarshal([]byte(body), &rec); err != nil {
				t.Fatal(err)
			}
			for _, m := range members {
				rec[m] = map[string]string{"zh": p, "ru": p, "en": p}
			}
			res := w.admin.do(t, "POST", "/api/v1/"+string(k), mustJSON(t, rec)).want(t, http.StatusCreated)
			checkVerbatim(t, w.admin.do(t, "GET", res.Header.Get("Location"), "").want(t, http.StatusOK), k, members, p)
		}
		rec := map[string]any{}
		_ = json.Unmarshal([]byte(body), &rec)
		rec[members[0]] = map[string]string{"en": controlPayload}
		w.admin.do(t, "POST", "/api/v1/"+string(k), mustJSON(t, rec)).want(t, http.StatusBadRequest)
	}
}
