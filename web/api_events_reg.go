package web

import (
	"bytes"
	"context"
	"io"
	"net/http"

	"amur"
	"amur/events"
)

func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusCreated, func(ctx context.Context, svc *events.Service) (any, error) {
		var form events.RegistrationForm
		if err := s.decodeRequest(w, r, &form); err != nil {
			return nil, err
		}
		return svc.Register(ctx, r.PathValue("id"), form)
	})
}

func (s *Server) handleRegistrations(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		regs, err := svc.Registrations(ctx, r.PathValue("id"))
		if regs == nil {
			regs = []*amur.Registration{}
		}
		return map[string]any{"items": regs}, err
	})
}

func (s *Server) handleMyRegistrations(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		regs, err := svc.MyRegistrations(ctx)
		return map[string]any{"items": regs}, err
	})
}

func (s *Server) handleRegCancel(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		return svc.Cancel(ctx, r.PathValue("id"), r.PathValue("reg"))
	})
}

func (s *Server) handleRegApprove(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		return svc.Approve(ctx, r.PathValue("id"), r.PathValue("reg"))
	})
}

// download writes a file produced by fn with its media type and name.
func (s *Server) download(w http.ResponseWriter, r *http.Request, mediaType, name string, fn func(ctx context.Context, svc *events.Service, w io.Writer) error) {
	err := noQuery(r)
	svc, serr := s.eventsService()
	if err == nil {
		err = serr
	}
	var b bytes.Buffer
	if err == nil {
		err = fn(r.Context(), svc, &b)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", mediaType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(b.Bytes())
}

func (s *Server) handleExportCSV(w http.ResponseWriter, r *http.Request) {
	s.download(w, r, "text/csv; charset=utf-8", "participants.csv", func(ctx context.Context, svc *events.Service, w io.Writer) error {
		return svc.ExportCSV(ctx, r.PathValue("id"), w)
	})
}

func (s *Server) handleExportXLSX(w http.ResponseWriter, r *http.Request) {
	const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	s.download(w, r, xlsx, "participants.xlsx", func(ctx context.Context, svc *events.Service, w io.Writer) error {
		return svc.ExportXLSX(ctx, r.PathValue("id"), w)
	})
}

func (s *Server) handleProfilePut(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		var in events.ProfileInput
		if err := s.decodeRequest(w, r, &in); err != nil {
			return nil, err
		}
		return svc.PutProfile(ctx, r.PathValue("id"), in)
	})
}

func (s *Server) handleProfiles(w http.ResponseWriter, r *http.Request) {
	svc, err := s.eventsService()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	text, qlang := q.text("q"), amur.Lang(q.one("qlang"))
	k := q.integer("limit", 1, 200)
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	hits, err := svc.SearchProfiles(r.Context(), r.PathValue("id"), text, qlang, k)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"items": hits})
}

// meetingBody is the body of a meeting request.
type meetingBody struct {
	To       string `json:"to"`
	Message  string `json:"message,omitempty"`
	Priority int    `json:"priority,omitempty"`
}

func (s *Server) handleMeetingRequest(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusCreated, func(ctx context.Context, svc *events.Service) (any, error) {
		var in meetingBody
		if err := s.decodeRequest(w, r, &in); err != nil {
			return nil, err
		}
		return svc.RequestMeeting(ctx, r.PathValue("id"), in.To, in.Message, in.Priority)
	})
}

func (s *Server) handleMeetingRequests(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		rs, err := svc.Requests(ctx, r.PathValue("id"))
		return map[string]any{"items": rs}, err
	})
}

func (s *Server) handleMeetingAnswer(accept bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
			return svc.Respond(ctx, r.PathValue("id"), r.PathValue("req"), accept)
		})
	}
}

func (s *Server) handleSchedule(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		return svc.Schedule(ctx, r.PathValue("id"))
	})
}

func (s *Server) handleAgenda(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, http.StatusOK, func(ctx context.Context, svc *events.Service) (any, error) {
		p := amur.PrincipalFrom(ctx)
		if p == nil {
			return nil, amur.Errorf(amur.EUnauthorized, "err.unauthorized")
		}
		_, ms, err := svc.Agenda(ctx, r.PathValue("id"), p.UserID)
		return map[string]any{"items": ms}, err
	})
}
