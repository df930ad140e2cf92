package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"amur"
)

// handleStats answers GET /api/v1/stats: the program's figures for the
// activities matching the same filter as the activity list.
func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	stats, err := s.stats(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, stats)
}

// stats reads the activity filter and asks the store for the figures.
func (s *Server) stats(r *http.Request) (*amur.Stats, error) {
	q, err := parseQuery(r)
	if err != nil {
		return nil, err
	}
	f := activityFilter(q)
	if err := q.finish(); err != nil {
		return nil, err
	}
	if err := s.resolveRefs(r.Context(), &f.ProgramID, &f.FlagshipID); err != nil {
		return nil, err
	}
	return s.store.Stats(r.Context(), f)
}

// healthTimeout bounds the store check of the health endpoint, so a stuck
// database makes the check fail instead of hang.
const healthTimeout = 3 * time.Second

// health is the answer of the health endpoint.
type health struct {
	Status string `json:"status"`
}

// handleHealth answers GET /healthz: 200 when the store answers a query,
// 503 otherwise, for load balancers and orchestrators.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
	defer cancel()
	if _, err := s.store.Count(ctx, amur.KindProgram); err != nil {
		s.log.ErrorContext(r.Context(), "health check: the store does not answer",
			slog.String("request_id", requestID(r.Context())), slog.Any("error", err))
		s.writeJSON(w, r, http.StatusServiceUnavailable, health{Status: "unavailable"})
		return
	}
	s.writeJSON(w, r, http.StatusOK, health{Status: "ok"})
}
