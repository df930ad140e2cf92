package web

import (
	"net/http"

	"amur"
	"amur/identity"
)

// identityRoutes are the routes of identity resolution: the review queue
// of proposed duplicates, merges and their undoing, and suggestions.
func (s *Server) identityRoutes() []route {
	return []route{
		{"GET /api/v1/identity/candidates", s.handleDuplicateList},
		{"POST /api/v1/identity/candidates/{id}/reject", s.handleDuplicateReject},
		{"POST /api/v1/identity/merges", s.handleMerge},
		{"POST /api/v1/identity/merges/{id}/undo", s.handleMergeUndo},
		{"GET /api/v1/identity/suggest", s.handleSuggest},
	}
}

// maxSuggestions is the most records a suggestion lists.
const maxSuggestions = 20

// signedIn refuses the anonymous public.
func signedIn(r *http.Request) (*amur.Principal, error) {
	p := amur.PrincipalFrom(r.Context())
	if p == nil {
		return nil, amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	}
	return p, nil
}

// reviewer checks that the request comes from an office or an admin, the
// only roles that decide whether two records are one, and that the server
// keeps a review queue.
func (s *Server) reviewer(r *http.Request) (amur.IdentityStore, error) {
	p, err := signedIn(r)
	if err != nil {
		return nil, err
	}
	if !p.Is(amur.RoleOffice) && !p.Is(amur.RoleAdmin) {
		return nil, amur.Errorf(amur.EForbidden, "identity.err.office_only")
	}
	if s.identity == nil {
		return nil, amur.Errorf(amur.ENotFound, "identity.err.off")
	}
	return s.identity, nil
}

// identityKind reads an optional kind parameter: people or organizations.
func identityKind(q *query, name string) amur.Kind {
	v := q.one(name)
	if v == "" {
		return ""
	}
	k, err := amur.ParseKind(v)
	if err != nil || k != amur.KindPerson && k != amur.KindOrganization {
		q.fail(amur.Invalid(name, "identity.err.kind"))
	}
	return k
}

// handleDuplicateList answers GET /api/v1/identity/candidates: proposed
// duplicates, best first, each with the explanation of its match.
func (s *Server) handleDuplicateList(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := q.one("status")
	switch status {
	case "", amur.CandidateOpen, amur.CandidateMerged, amur.CandidateRejected:
	default:
		q.fail(amur.Invalid("status", "err.enum", "value", status, "allowed", "open, merged, rejected"))
	}
	f := amur.DuplicateFilter{Kind: identityKind(q, "kind"), Status: status,
		Page: amur.Page{Limit: q.integer("limit", 1, amur.MaxLimit), Offset: q.integer("offset", 0, maxOffset)}}
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.reviewer(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := st.DuplicateCandidates(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, listBody[*amur.DuplicateCandidate]{Items: list.Items, Total: list.Total, More: list.More, Limit: f.Limit, Offset: f.Offset})
}

// handleDuplicateReject answers POST /api/v1/identity/candidates/{id}/reject.
func (s *Server) handleDuplicateReject(w http.ResponseWriter, r *http.Request) {
	st, err := s.reviewer(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := st.RejectDuplicate(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, c)
}

// mergeRequest is the body of a merge.
type mergeRequest struct {
	Kind      amur.Kind `json:"kind"`
	Keep      string    `json:"keep"`
	Drop      string    `json:"drop"`
	Candidate string    `json:"candidate"`
}

// handleMerge answers POST /api/v1/identity/merges: merges drop into keep.
func (s *Server) handleMerge(w http.ResponseWriter, r *http.Request) {
	st, err := s.reviewer(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var req mergeRequest
	if err := s.decodeRequest(w, r, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	for f, v := range map[string]string{"keep": req.Keep, "drop": req.Drop} {
		if !amur.ValidID(v) {
			s.fail(w, r, amur.Invalid(f, "err.id"))
			return
		}
	}
	m, err := st.MergeRecords(r.Context(), req.Kind, req.Keep, req.Drop, req.Candidate)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, m)
}

// handleMergeUndo answers POST /api/v1/identity/merges/{id}/undo.
func (s *Server) handleMergeUndo(w http.ResponseWriter, r *http.Request) {
	st, err := s.reviewer(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := st.UndoMerge(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, m)
}

// suggestion is one "did you mean" answer.
type suggestion struct {
	Record   amur.Record         `json:"record"`
	Score    float64             `json:"score"`
	Name     string              `json:"name"`
	Evidence []identity.Evidence `json:"evidence"`
}

// handleSuggest answers GET /api/v1/identity/suggest?kind=…&name=…: the
// stored records a new one may repeat, best first, with why.
func (s *Server) handleSuggest(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	k, name := identityKind(q, "kind"), q.text("name")
	limit := q.integer("limit", 1, maxSuggestions)
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := signedIn(r); err != nil {
		s.fail(w, r, err)
		return
	}
	if k == "" {
		s.fail(w, r, amur.Invalid("kind", "identity.err.kind"))
		return
	}
	if name == "" {
		s.fail(w, r, amur.Invalid("name", "err.required"))
		return
	}
	if limit == 0 {
		limit = 5
	}
	hits, err := identity.Suggest(r.Context(), s.store, k, name, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := []suggestion{}
	for _, h := range hits {
		rec, err := s.record(r, k, h.ID)
		if err != nil {
			continue // gone since, or not visible to the caller
		}
		out = append(out, suggestion{Record: rec, Score: h.Score, Name: h.Name, Evidence: h.Evidence})
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"items": out})
}

// record reads one person or organisation through the store.
func (s *Server) record(r *http.Request, k amur.Kind, id string) (amur.Record, error) {
	if k == amur.KindPerson {
		return s.store.Person(r.Context(), id)
	}
	return s.store.Organization(r.Context(), id)
}
