package web

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"

	"amur"
	"amur/i18n"
	"amur/press"
)

// pressRoutes are the routes of the press review queue: upload pages,
// then list, edit, merge, reject and publish the events read from them.
func (s *Server) pressRoutes() []route {
	return []route{
		{"POST /api/v1/press", s.handlePressUpload},
		{"GET /api/v1/press", s.handlePressList},
		{"GET /api/v1/press/{id}", s.handlePressGet},
		{"PATCH /api/v1/press/{id}", s.handlePressPatch},
		{"POST /api/v1/press/{id}/merge", s.handlePressMerge},
		{"POST /api/v1/press/{id}/reject", s.handlePressReject},
		{"POST /api/v1/press/{id}/publish", s.handlePressPublish},
	}
}

// pressQueue returns the review queue when the principal of ctx is an
// administrator or a program office, the people who review press events.
func (s *Server) pressQueue(ctx context.Context) (amur.PressStore, error) {
	p := amur.PrincipalFrom(ctx)
	switch {
	case p == nil:
		return nil, amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	case !p.Is(amur.RoleAdmin) && !p.Is(amur.RoleOffice):
		return nil, amur.Errorf(amur.EForbidden, "err.forbidden")
	case s.press == nil:
		return nil, amur.Errorf(amur.ENotFound, "press.unavailable")
	}
	return s.press, nil
}

// pressUpload is the body of POST /api/v1/press.
type pressUpload struct {
	// Pages are the files, their bytes in base64 as JSON carries them.
	Pages []struct {
		Name string `json:"name"`
		Data string `json:"data"`
	} `json:"pages"`
	Published amur.Date `json:"published"`
	DryRun    bool      `json:"dry_run"`
}

// pressFileError is one page that could not be read.
type pressFileError struct {
	File    string `json:"file"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// maxPressPages bounds the pages of one upload.
const maxPressPages = 100

// handlePressUpload reads the pages, proposes their events to the queue
// (unless dry_run) and answers the events and the pages that failed.
func (s *Server) handlePressUpload(w http.ResponseWriter, r *http.Request) {
	queue, err := s.pressQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var up pressUpload
	if err := s.decodeRequest(w, r, &up); err != nil {
		s.fail(w, r, err)
		return
	}
	if len(up.Pages) == 0 || len(up.Pages) > maxPressPages {
		s.fail(w, r, amur.Invalid("pages", "err.range", "min", 1, "max", maxPressPages))
		return
	}
	reg, err := press.LoadIdentityResolver(r.Context(), s.store)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pages := make([]press.Page, len(up.Pages))
	for i, p := range up.Pages {
		data, err := base64.StdEncoding.DecodeString(p.Data)
		if err != nil {
			s.fail(w, r, amur.Invalid(fmt.Sprintf("pages[%d].data", i), "press.base64"))
			return
		}
		pages[i] = press.Page{Name: p.Name, Data: data}
	}
	res := press.Ingest(pages, press.Options{Published: up.Published, Registry: reg.Registry, Resolver: reg})
	errs := make([]pressFileError, len(res.Errors))
	for i, fe := range res.Errors {
		errs[i] = pressFileError{File: fe.File, Code: amur.ErrorCode(fe.Err), Message: i18n.Message(requestLang(r), fe.Err)}
	}
	if up.DryRun {
		s.writeJSON(w, r, http.StatusOK, map[string]any{"events": nonNilEvents(res.Events), "errors": errs})
		return
	}
	evs := proposed(res.Events)
	if err := queue.ProposePress(r.Context(), evs); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, map[string]any{"events": evs, "errors": errs})
}

// nonNilEvents returns evs, or an empty list.
func nonNilEvents(evs []*press.Event) []*press.Event {
	if evs == nil {
		return []*press.Event{}
	}
	return evs
}

// proposed turns extracted events into events of the queue.
func proposed(evs []*press.Event) []*amur.PressEvent {
	out := make([]*amur.PressEvent, 0, len(evs))
	for _, e := range evs {
		p := &amur.PressEvent{Date: e.Date, Kind: e.Kind, Title: e.Title, People: e.People,
			Organizations: e.Organizations, Fields: e.Fields, PersonIDs: e.PersonIDs, OrgIDs: e.OrgIDs}
		for _, src := range e.Sources {
			p.Sources = append(p.Sources, amur.Source{File: src.File, Start: src.Start, End: src.End})
		}
		out = append(out, p)
	}
	return out
}

// handlePressList answers GET /api/v1/press: one page of the queue.
// The query is read before the principal is checked, so that a wrong
// parameter is named whoever asks.
func (s *Server) handlePressList(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := amur.PressFilter{Statuses: enums(q, "status", amur.PressStatuses)}
	f.Page = q.page(amur.PressSorts)
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	queue, err := s.pressQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := queue.PressEvents(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, listBody[*amur.PressEvent]{Items: list.Items, Total: list.Total, More: list.More, Limit: f.Limit, Offset: f.Offset})
}

// handlePressGet answers GET /api/v1/press/{id}.
func (s *Server) handlePressGet(w http.ResponseWriter, r *http.Request) {
	queue, err := s.pressQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	e, err := queue.PressEvent(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, e)
}
