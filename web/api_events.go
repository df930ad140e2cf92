package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"time"

	"amur"
	"amur/events"
)

// eventView is an event as the API shows it: the record, and its start and
// end as Beijing and Moscow read them.
type eventView struct {
	amur.Event
	Shown eventShown `json:"shown"`
}

// eventShown holds the event's start and end, and those of each session
// in order, in both capitals' time.
type eventShown struct {
	Start    events.Shown `json:"start"`
	End      events.Shown `json:"end"`
	Sessions []spanShown  `json:"sessions"`
}

// spanShown is one session's start and end in both capitals' time.
type spanShown struct {
	Start events.Shown `json:"start"`
	End   events.Shown `json:"end"`
}

// viewEvent wraps e for the API.
func viewEvent(e *amur.Event) eventView {
	start, end, _ := e.Span()
	v := eventView{Event: *e, Shown: eventShown{Start: events.Show(start), End: events.Show(end), Sessions: []spanShown{}}}
	for i := range e.Sessions {
		from, to := e.SessionSpan(i)
		v.Shown.Sessions = append(v.Shown.Sessions, spanShown{events.Show(from), events.Show(to)})
	}
	return v
}

// eventsRoutes lists the routes of events, registration and brokerage.
func (s *Server) eventsRoutes() []route {
	return []route{
		{"GET /api/v1/events", s.handleEventList},
		{"POST /api/v1/events", s.handleEventCreate},
		{"GET /api/v1/events.ics", s.handleEventsICS},
		{"GET /api/v1/events/{id}", s.handleEventGet},
		{"PUT /api/v1/events/{id}", s.handleEventPut},
		{"DELETE /api/v1/events/{id}", s.handleEventDelete},
		{"PUT /api/v1/events/{id}/sessions", s.handleSessionsPut},
		{"GET /api/v1/events/{id}/calendar.ics", s.handleEventICS},
		{"POST /api/v1/events/{id}/registrations", s.handleRegister},
		{"GET /api/v1/events/{id}/registrations", s.handleRegistrations},
		{"POST /api/v1/events/{id}/registrations/{reg}/cancel", s.handleRegCancel},
		{"POST /api/v1/events/{id}/registrations/{reg}/approve", s.handleRegApprove},
		{"GET /api/v1/events/{id}/participants.csv", s.handleExportCSV},
		{"GET /api/v1/events/{id}/participants.xlsx", s.handleExportXLSX},
		{"GET /api/v1/me/calendar.ics", s.handleMyICS},
		{"GET /api/v1/me/registrations", s.handleMyRegistrations},
		{"PUT /api/v1/events/{id}/brokerage/profile", s.handleProfilePut},
		{"GET /api/v1/events/{id}/brokerage/profiles", s.handleProfiles},
		{"POST /api/v1/events/{id}/brokerage/requests", s.handleMeetingRequest},
		{"GET /api/v1/events/{id}/brokerage/requests", s.handleMeetingRequests},
		{"POST /api/v1/events/{id}/brokerage/requests/{req}/accept", s.handleMeetingAnswer(true)},
		{"POST /api/v1/events/{id}/brokerage/requests/{req}/decline", s.handleMeetingAnswer(false)},
		{"POST /api/v1/events/{id}/brokerage/schedule", s.handleSchedule},
		{"GET /api/v1/events/{id}/brokerage/agenda", s.handleAgenda},
		{"GET /api/v1/events/{id}/brokerage/agenda.ics", s.handleAgendaICS},
	}
}

// eventsService returns the events service, which a server without an
// events store lacks.
func (s *Server) eventsService() (*events.Service, error) {
	if s.events == nil {
		return nil, amur.Errorf(amur.ENotFound, "err.route")
	}
	return s.events, nil
}

// serve runs fn with the service after checking the query has no
// parameters, answering fn's error or its value with status.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, status int, fn func(ctx context.Context, svc *events.Service) (any, error)) {
	err := noQuery(r)
	svc, serr := s.eventsService()
	if err == nil {
		err = serr
	}
	var v any
	if err == nil {
		v, err = fn(r.Context(), svc)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, status, v)
}

func (s *Server) handleEventList(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := amur.EventFilter{Page: q.page([]string{"start", "-start"})}
	from, to := q.dateRange()
	if !from.IsZero() {
		f.From = from.First(time.UTC)
	}
	if !to.IsZero() {
		f.To = to.Last(time.UTC)
	}
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	svc, err := s.eventsService()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := svc.List(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := make([]eventView, len(list.Items))
	for i, e := range list.Items {
		items[i] = viewEvent(e)
	}
	s.writeJSON(w, r, http.StatusOK, listBody[eventView]{Items: items, Total: list.Total, More: list.More, Limit: f.Limit, Offset: f.Offset})
}

// eventCreate is the body of POST /api/v1/events: an event, and the
// program its activity joins (the only program when absent).
type eventCreate struct {
	amur.Event
	ProgramID string `json:"program_id,omitempty"`
}

func (s *Server) handleEventCreate(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusCreated, func(ctx context.Context, svc *events.Service) (any, error) {
		var in eventCreate
		if err := s.decodeRequest(w, r, &in); err != nil {
			return nil, err
		}
		e := in.Event
		e.Meta = amur.Meta{}
		if err := svc.Create(ctx, &e, in.ProgramID); err != nil {
			return nil, err
		}
		w.Header().Set("Location", "/api/v1/events/"+url.PathEscape(e.ID))
		return viewEvent(&e), nil
	})
}

func (s *Server) handleEventGet(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		e, err := svc.Get(ctx, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		return viewEvent(e), nil
	})
}

func (s *Server) handleEventPut(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		var e amur.Event
		if err := s.decodeRequest(w, r, &e); err != nil {
			return nil, err
		}
		e.ID = r.PathValue("id")
		if err := svc.Update(ctx, &e); err != nil {
			return nil, err
		}
		return viewEvent(&e), nil
	})
}

func (s *Server) handleEventDelete(w http.ResponseWriter, r *http.Request) {
	err := noQuery(r)
	svc, serr := s.eventsService()
	if err == nil {
		err = serr
	}
	if err == nil {
		err = svc.Delete(r.Context(), r.PathValue("id"))
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// sessionsBody replaces an event's sessions.
type sessionsBody struct {
	Version  int                 `json:"version"`
	Sessions []amur.EventSession `json:"sessions"`
}

func (s *Server) handleSessionsPut(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		var in sessionsBody
		if err := s.decodeRequest(w, r, &in); err != nil {
			return nil, err
		}
		e, err := svc.Get(ctx, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		e.Sessions, e.Version = in.Sessions, in.Version
		if err := svc.Update(ctx, e); err != nil {
			return nil, err
		}
		return viewEvent(e), nil
	})
}

// calendar writes an iCalendar answer produced by fn.
func (s *Server) calendar(w http.ResponseWriter, r *http.Request, name string, fn func(ctx context.Context, svc *events.Service, l amur.Lang, w io.Writer) error) {
	err := noQuery(r)
	svc, serr := s.eventsService()
	if err == nil {
		err = serr
	}
	var b bytes.Buffer
	if err == nil {
		err = fn(r.Context(), svc, requestLang(r), &b)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(b.Bytes())
}

func (s *Server) handleEventsICS(w http.ResponseWriter, r *http.Request) {
	s.calendar(w, r, "events.ics", func(ctx context.Context, svc *events.Service, l amur.Lang, w io.Writer) error {
		return svc.PublicCalendar(ctx, l, "Amur", w)
	})
}

func (s *Server) handleEventICS(w http.ResponseWriter, r *http.Request) {
	s.calendar(w, r, "event.ics", func(ctx context.Context, svc *events.Service, l amur.Lang, w io.Writer) error {
		return svc.EventCalendar(ctx, r.PathValue("id"), l, w)
	})
}

func (s *Server) handleMyICS(w http.ResponseWriter, r *http.Request) {
	s.calendar(w, r, "agenda.ics", func(ctx context.Context, svc *events.Service, l amur.Lang, w io.Writer) error {
		return svc.MyCalendar(ctx, l, w)
	})
}

func (s *Server) handleAgendaICS(w http.ResponseWriter, r *http.Request) {
	s.calendar(w, r, "meetings.ics", func(ctx context.Context, svc *events.Service, l amur.Lang, w io.Writer) error {
		p := amur.PrincipalFrom(ctx)
		if p == nil {
			return amur.Errorf(amur.EUnauthorized, "err.unauthorized")
		}
		return svc.AgendaCalendar(ctx, r.PathValue("id"), p.UserID, l, w)
	})
}
