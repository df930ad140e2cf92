package web

import (
	"net/http"
	"strings"
	"time"

	"amur"
)

// auditEntry is the JSON form of one audit entry: the entry, and the
// top-level members of the record that the change altered, so a reader
// sees what changed without comparing the two documents.
type auditEntry struct {
	amur.AuditEntry
	Diff map[string]amur.AuditChange `json:"diff,omitempty"`
}

// handleAudit answers GET /api/v1/audit: one page of the audit log, newest
// first. Who may read it is the store's decision (the registry lets admins
// only); the handler reads the filter.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	f, err := auditFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.store.Audit(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := make([]auditEntry, len(list.Items))
	for i, e := range list.Items {
		items[i] = auditEntry{AuditEntry: *e, Diff: e.Diff()}
	}
	s.writeJSON(w, r, http.StatusOK, listBody[auditEntry]{Items: items, Total: list.Total, More: list.More, Limit: f.Limit, Offset: f.Offset})
}

// auditFilter reads the audit filter. user takes a user id or an e-mail
// address; from and to are dates, inclusive, in UTC.
func auditFilter(r *http.Request) (amur.AuditFilter, error) {
	q, err := parseQuery(r)
	if err != nil {
		return amur.AuditFilter{}, err
	}
	f := amur.AuditFilter{ID: q.one("id"), Action: q.one("action")}
	if user := q.one("user"); strings.Contains(user, "@") {
		f.Email = user
	} else {
		f.UserID = user
	}
	if k := q.one("kind"); k != "" {
		kind, err := amur.ParseAuditKind(k)
		if err != nil {
			q.fail(err)
		}
		f.Kind = kind
	}
	from, to := q.dateRange()
	if !from.IsZero() {
		f.From = from.First(time.UTC)
	}
	if !to.IsZero() {
		f.To = to.Last(time.UTC)
	}
	f.Page = q.page(amur.AuditSorts)
	if err := q.finish(); err != nil {
		return f, err
	}
	return f, f.Validate()
}
