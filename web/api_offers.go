package web

import (
	"context"
	"net/http"

	"amur"
	"amur/match"
)

// offersRoutes are the routes of research offers, industrial requests,
// expressions of interest and matching. What each principal may see and
// change (drafts, anonymous owners, the parties of an interest) is the
// registry's business, and the matches follow the same policy.
func (s *Server) offersRoutes() []route {
	offers, requests, interests := s.offerResource(), s.requestResource(), s.interestResource()
	return []route{
		{"GET /api/v1/offers", offers.handleList},
		{"POST /api/v1/offers", offers.handleCreate},
		{"GET /api/v1/offers/{id}", offers.handleGet},
		{"PATCH /api/v1/offers/{id}", offers.handlePatch},
		{"DELETE /api/v1/offers/{id}", offers.handleDelete},
		{"GET /api/v1/offers/{id}/matches", s.handleOfferMatches},

		{"GET /api/v1/requests", requests.handleList},
		{"POST /api/v1/requests", requests.handleCreate},
		{"GET /api/v1/requests/{id}", requests.handleGet},
		{"PATCH /api/v1/requests/{id}", requests.handlePatch},
		{"DELETE /api/v1/requests/{id}", requests.handleDelete},
		{"GET /api/v1/requests/{id}/matches", s.handleRequestMatches},

		{"GET /api/v1/interests", interests.handleList},
		{"POST /api/v1/interests", interests.handleCreate},
		{"GET /api/v1/interests/{id}", interests.handleGet},
		{"PATCH /api/v1/interests/{id}", interests.handlePatch},
		{"DELETE /api/v1/interests/{id}", interests.handleDelete},

		{"GET /api/v1/partners", s.handlePartners},
	}
}

// offerResource reaches the offers.
func (s *Server) offerResource() *resource[amur.Offer, *amur.Offer] {
	return &resource[amur.Offer, *amur.Offer]{
		s: s, kind: amur.KindOffer, get: s.store.Offer,
		list: func(ctx context.Context, q *query) (*amur.List[*amur.Offer], amur.Page, error) {
			f, err := listingFilter(q)
			if err != nil {
				return nil, f.Page, err
			}
			l, err := s.store.Offers(ctx, f)
			return l, f.Page, err
		},
		create: s.store.CreateOffer, update: s.store.UpdateOffer, remove: s.store.DeleteOffer,
	}
}

// requestResource reaches the requests.
func (s *Server) requestResource() *resource[amur.Request, *amur.Request] {
	return &resource[amur.Request, *amur.Request]{
		s: s, kind: amur.KindRequest, get: s.store.Request,
		list: func(ctx context.Context, q *query) (*amur.List[*amur.Request], amur.Page, error) {
			f, err := listingFilter(q)
			if err != nil {
				return nil, f.Page, err
			}
			l, err := s.store.Requests(ctx, f)
			return l, f.Page, err
		},
		create: s.store.CreateRequest, update: s.store.UpdateRequest, remove: s.store.DeleteRequest,
	}
}

// interestResource reaches the expressions of interest.
func (s *Server) interestResource() *resource[amur.Interest, *amur.Interest] {
	return &resource[amur.Interest, *amur.Interest]{
		s: s, kind: amur.KindInterest, get: s.store.Interest,
		list: func(ctx context.Context, q *query) (*amur.List[*amur.Interest], amur.Page, error) {
			f := amur.InterestFilter{
				OfferID:   q.id("offer"),
				RequestID: q.id("request"),
				Statuses:  enums(q, "status", amur.InterestStatuses),
				Page:      q.page(amur.InterestSorts),
			}
			if err := q.finish(); err != nil {
				return nil, f.Page, err
			}
			l, err := s.store.Interests(ctx, f)
			return l, f.Page, err
		},
		create: s.store.CreateInterest, update: s.store.UpdateInterest, remove: s.store.DeleteInterest,
	}
}

// listingFilter reads the filter of offer and request lists: status,
// side, field (with its sub-fields), owner and synthetic.
func listingFilter(q *query) (amur.ListingFilter, error) {
	f := amur.ListingFilter{
		Statuses:  enums(q, "status", amur.ListingStatuses),
		Sides:     q.sides("side"),
		Fields:    q.fieldCodes("field"),
		OwnerID:   q.id("owner"),
		Synthetic: q.optBool("synthetic"),
		Page:      q.page(amur.ListingSorts),
	}
	return f, q.finish()
}

// handleRequestMatches answers GET /api/v1/requests/{id}/matches: the
// offers of the other side that best meet the request.
func (s *Server) handleRequestMatches(w http.ResponseWriter, r *http.Request) {
	s.answerMatches(w, r, s.matcher.ForRequest)
}

// handleOfferMatches answers GET /api/v1/offers/{id}/matches: the
// requests of the other side that the offer best meets.
func (s *Server) handleOfferMatches(w http.ResponseWriter, r *http.Request) {
	s.answerMatches(w, r, s.matcher.ForOffer)
}

// answerMatches reads the limit and answers with the matches of the
// listing named by the path.
func (s *Server) answerMatches(w http.ResponseWriter, r *http.Request, find func(context.Context, string, int) (*match.Matches, error)) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	limit := q.integer("limit", 1, match.MaxLimit)
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := find(r.Context(), r.PathValue("id"), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, m)
}

// handlePartners answers GET /api/v1/partners?q=…: organisations and
// people whose expertise matches a text in any language.
func (s *Server) handlePartners(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	text := q.one("q")
	kind, kerr := match.ParseKind(q.one("kind"))
	if kerr != nil {
		q.fail(kerr)
	}
	limit := q.integer("limit", 1, match.MaxLimit)
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := s.matcher.Partners(r.Context(), text, kind, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, m)
}
