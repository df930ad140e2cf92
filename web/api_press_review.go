package web

import (
	"net/http"

	"amur"
)

// pressEdit is the body of PATCH /api/v1/press/{id}: the members to
// change, and the version the reviewer read.
type pressEdit struct {
	Version       int             `json:"version"`
	Date          *amur.Date      `json:"date"`
	Kind          *amur.EntryKind `json:"kind"`
	Title         *amur.Text      `json:"title"`
	People        *[]string       `json:"people"`
	Organizations *[]string       `json:"organizations"`
	Fields        *[]string       `json:"fields"`
	PersonIDs     *[]string       `json:"person_ids"`
	OrgIDs        *[]string       `json:"org_ids"`
	Sources       *[]amur.Source  `json:"sources"`
}

// handlePressPatch answers PATCH /api/v1/press/{id}: it edits a proposed
// event whose version is the one given.
func (s *Server) handlePressPatch(w http.ResponseWriter, r *http.Request) {
	queue, err := s.pressQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var ed pressEdit
	if err := s.decodeRequest(w, r, &ed); err != nil {
		s.fail(w, r, err)
		return
	}
	if ed.Version <= 0 {
		s.fail(w, r, amur.Invalid("version", "err.required"))
		return
	}
	e, err := queue.PressEvent(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	e.Version = ed.Version
	setIf(&e.Date, ed.Date)
	setIf(&e.Kind, ed.Kind)
	setIf(&e.Title, ed.Title)
	setIf(&e.People, ed.People)
	setIf(&e.Organizations, ed.Organizations)
	setIf(&e.Fields, ed.Fields)
	setIf(&e.PersonIDs, ed.PersonIDs)
	setIf(&e.OrgIDs, ed.OrgIDs)
	setIf(&e.Sources, ed.Sources)
	if err := queue.UpdatePressEvent(r.Context(), e); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, e)
}

// pressMerge is the body of POST /api/v1/press/{id}/merge.
type pressMerge struct {
	From []string `json:"from"`
}

// pressPublish is the body of POST /api/v1/press/{id}/publish.
type pressPublish struct {
	Program string `json:"program"`
}

// setIf sets *dst to *v when v is given.
func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// handlePressMerge answers POST /api/v1/press/{id}/merge: the events
// listed in "from" are folded into {id}.
func (s *Server) handlePressMerge(w http.ResponseWriter, r *http.Request) {
	queue, err := s.pressQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var req pressMerge
	if err := s.decodeRequest(w, r, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	e, err := queue.MergePressEvents(r.Context(), r.PathValue("id"), req.From)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, e)
}

// handlePressReject answers POST /api/v1/press/{id}/reject.
func (s *Server) handlePressReject(w http.ResponseWriter, r *http.Request) {
	queue, err := s.pressQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	e, err := queue.RejectPressEvent(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, e)
}

// handlePressPublish answers POST /api/v1/press/{id}/publish: the event
// becomes a timeline entry of the program named in the body (id or slug).
func (s *Server) handlePressPublish(w http.ResponseWriter, r *http.Request) {
	queue, err := s.pressQueue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var req pressPublish
	if err := s.decodeRequest(w, r, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	if req.Program == "" {
		s.fail(w, r, amur.Invalid("program", "err.required"))
		return
	}
	prog, err := s.store.Program(r.Context(), req.Program)
	if err != nil {
		s.fail(w, r, amur.WithField(err, "program"))
		return
	}
	entry, err := queue.PublishPressEvent(r.Context(), r.PathValue("id"), prog.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/timeline/"+entry.ID)
	s.writeJSON(w, r, http.StatusCreated, entry)
}
