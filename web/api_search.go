package web

import (
	"net/http"

	"amur"
	"amur/search"
)

// searchRoutes lists the routes of the multilingual search.
func (s *Server) searchRoutes() []route {
	return []route{{"GET /api/v1/search", s.handleSearch}}
}

// handleSearch answers GET /api/v1/search: records of every searched kind
// matching a query in any language, resolved through the server's store,
// so that the caller sees only what the registry lets them see.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sq := search.Query{Text: q.one("q"), Lang: amur.Lang(q.one("lang")),
		Limit: q.integer("limit", 1, search.MaxLimit), Offset: q.integer("offset", 0, search.MaxOffset)}
	if !sq.Lang.Valid() {
		// lang also picks the language of messages, where other values
		// fall back to Accept-Language; titles then follow the query.
		sq.Lang = ""
	}
	for _, k := range q.list("kind") {
		kind, err := amur.ParseKind(k)
		if err != nil {
			q.fail(err)
			break
		}
		sq.Kinds = append(sq.Kinds, kind)
	}
	err = q.finish()
	if err == nil {
		err = sq.Validate()
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := search.Search(r.Context(), s.search, s.store, sq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, res)
}
