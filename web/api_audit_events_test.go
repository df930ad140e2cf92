package web

import (
	"net/http"
	"testing"

	"amur"
	"amur/events"
)

// TestAuditEventKinds creates an event and a registration through the API
// and reads their audit entries back filtered by the events' kinds.
func TestAuditEventKinds(t *testing.T) {
	w := newAuthWorld(t, nil)
	w.srv = New(Config{Store: w.st, Auth: w.svc, Events: events.New(w.st)})
	admin, appl := w.login(t, w.admin.Email), w.login(t, w.applicant.Email)
	var ev eventView
	do(t, w.srv, "POST", "/api/v1/events", apiForum, admin.headers(true)...).want(t, http.StatusCreated).decode(t, &ev)
	do(t, w.srv, "POST", "/api/v1/events/"+ev.ID+"/registrations", `{"name":"Li","email":"li@example.org"}`,
		appl.headers(true)...).want(t, http.StatusCreated)
	for query, want := range map[string]amur.Kind{
		"?kind=events&action=create":        amur.KindEvents,
		"?kind=registrations&action=create": amur.KindRegistrations,
	} {
		var l listBody[auditEntry]
		do(t, w.srv, "GET", "/api/v1/audit"+query, "", admin.headers(false)...).want(t, http.StatusOK).decode(t, &l)
		if len(l.Items) != 1 || l.Items[0].Kind != want {
			t.Errorf("audit%s: %+v, want one %s entry", query, l.Items, want)
		}
	}
	var none listBody[auditEntry]
	do(t, w.srv, "GET", "/api/v1/audit?kind=broker_requests", "", admin.headers(false)...).want(t, http.StatusOK).decode(t, &none)
	if len(none.Items) != 0 {
		t.Errorf("broker requests: %+v, want none", none.Items)
	}
	do(t, w.srv, "GET", "/api/v1/audit?kind=event_things", "", admin.headers(false)...).want(t, http.StatusBadRequest)
}
