package web

import (
	"context"
	"testing"

	"amur"
)

// The route × role cases of offers, requests, interests and matching, run
// by TestEveryRouteEveryRole with the others. The fixture's coordinator
// speaks for a Russian organisation that owns a published anonymous offer
// and a draft; a Chinese organisation owns a published request and has
// expressed interest in the offer.
func init() {
	last := len(routeCases) - 1 // the logout case stays last
	routeCases = append(routeCases[:last:last], append(offerRouteCases, routeCases[last])...)
}

// offerRouteCases are the cases, statuses in the order anonymous, admin,
// office CN, office RU, coordinator, applicant, reviewer.
var offerRouteCases = []routeCase{
	{"GET /api/v1/offers", "", nil, allRead},
	{"GET /api/v1/offers/{id}", "offer", nil, allRead},
	{"GET /api/v1/offers/{id}", "offerDraft", nil, "404 200 200 200 200 404 404"},
	{"POST /api/v1/offers", "", func(fx *fixture) string { return offerBody(fx.coordOrg) }, "401 201 403 201 201 403 403"},
	{"PATCH /api/v1/offers/{id}", "offer", body(`{"keywords":["ионы"]}`), "401 200 403 200 200 403 403"},
	{"PATCH /api/v1/offers/{id}", "offerDraft", body(`{"keywords":["ионы"]}`), "404 200 403 200 200 404 404"},
	{"DELETE /api/v1/offers/{id}", "new:offer", nil, "401 204 403 204 204 403 403"},
	{"GET /api/v1/offers/{id}/matches", "offer", nil, allRead},
	{"GET /api/v1/offers/{id}/matches", "offerDraft", nil, "404 200 200 200 200 404 404"},
	{"GET /api/v1/requests", "", nil, allRead},
	{"GET /api/v1/requests/{id}", "request", nil, allRead},
	{"POST /api/v1/requests", "", func(fx *fixture) string { return requestBody(fx.otherOrg) }, "401 201 201 403 403 403 403"},
	{"PATCH /api/v1/requests/{id}", "request", body(`{"keywords":["离子"]}`), "401 200 200 403 403 403 403"},
	{"DELETE /api/v1/requests/{id}", "new:request", nil, "401 204 204 403 403 403 403"},
	{"GET /api/v1/requests/{id}/matches", "request", nil, allRead},
	{"GET /api/v1/interests", "", nil, allRead},
	{"GET /api/v1/interests/{id}", "interest", nil, "404 200 200 200 200 404 404"},
	{"POST /api/v1/interests", "", func(fx *fixture) string {
		return `{"offer_id":"` + fx.offerIDs()["offer"] + `","person_id":"` + fx.personCN.ID + `"}`
	}, "401 201 201 201 400 201 403"},
	{"PATCH /api/v1/interests/{id}", "new:interest", body(`{"status":"accepted"}`), "404 200 200 200 200 404 404"},
	{"DELETE /api/v1/interests/{id}", "new:interest", nil, "404 204 204 204 403 404 404"},
	{"GET /api/v1/partners", "", nil, "400 400 400 400 400 400 400"},
}

// offerBody is a new published anonymous Russian offer of org.
func offerBody(org *amur.Organization) string {
	return `{"title":{"ru":"Облучение образцов тяжёлыми ионами"},"kind":"equipment","side":"` + org.Country +
		`","owner_id":"` + org.ID + `","status":"published","anonymous":true,"fields":["1.1"]}`
}

// requestBody is a new published Chinese request of org.
func requestBody(org *amur.Organization) string {
	return `{"title":{"zh":"重离子辐照试验"},"side":"` + org.Country + `","owner_id":"` + org.ID + `","status":"published"}`
}

// offerFixtures holds the offer records of each fixture, made on first use.
var offerFixtures = map[*fixture]map[string]string{}

// offerIDs returns the ids of the fixture's offer, draft, request and
// interest, storing them on first use.
func (fx *fixture) offerIDs() map[string]string {
	if ids := offerFixtures[fx]; ids != nil {
		return ids
	}
	ids := map[string]string{}
	ids["offer"] = fx.mustCreate(newOffer(fx.coordOrg, amur.ListingPublished)).Base().ID
	ids["offerDraft"] = fx.mustCreate(newOffer(fx.coordOrg, amur.ListingDraft)).Base().ID
	ids["request"] = fx.mustCreate(newRequest(fx.otherOrg)).Base().ID
	ids["interest"] = fx.mustCreate(&amur.Interest{OfferID: ids["offer"], OrgID: fx.otherOrg.ID}).Base().ID
	offerFixtures[fx] = ids
	return ids
}

// newOffer returns an anonymous Russian offer of org with status st.
func newOffer(org *amur.Organization, st amur.ListingStatus) *amur.Offer {
	return &amur.Offer{Kind: amur.OfferEquipment, Listing: amur.Listing{Title: amur.T("ru", "Облучение образцов тяжёлыми ионами"),
		Side: org.Country, OwnerID: org.ID, Status: st, Anonymous: true}}
}

// newRequest returns a published Chinese request of org.
func newRequest(org *amur.Organization) *amur.Request {
	return &amur.Request{Listing: amur.Listing{Title: amur.T("zh", "重离子辐照试验"), Side: org.Country, OwnerID: org.ID,
		Status: amur.ListingPublished}}
}

// mustCreate stores r as the system, panicking on failure: the fixture is
// broken then, whatever the case.
func (fx *fixture) mustCreate(r amur.Record) amur.Record {
	ctx := context.Background()
	var err error
	switch v := r.(type) {
	case *amur.Offer:
		err = fx.db.CreateOffer(ctx, v)
	case *amur.Request:
		err = fx.db.CreateRequest(ctx, v)
	case *amur.Interest:
		err = fx.db.CreateInterest(ctx, v)
	}
	if err != nil {
		panic(err)
	}
	return r
}

// offerTarget resolves the targets of the offer cases; "new:…" targets
// are stored for the case alone.
func (fx *fixture) offerTarget(tb testing.TB, name string) (amur.Kind, string, bool) {
	tb.Helper()
	ids := fx.offerIDs()
	switch name {
	case "offer", "offerDraft":
		return amur.KindOffer, ids[name], true
	case "request":
		return amur.KindRequest, ids[name], true
	case "interest":
		return amur.KindInterest, ids[name], true
	case "new:offer":
		return amur.KindOffer, fx.mustCreate(newOffer(fx.coordOrg, amur.ListingPublished)).Base().ID, true
	case "new:request":
		return amur.KindRequest, fx.mustCreate(newRequest(fx.otherOrg)).Base().ID, true
	case "new:interest":
		o := fx.mustCreate(newOffer(fx.coordOrg, amur.ListingPublished))
		return amur.KindInterest, fx.mustCreate(&amur.Interest{OfferID: o.Base().ID, OrgID: fx.otherOrg.ID}).Base().ID, true
	}
	return "", "", false
}
