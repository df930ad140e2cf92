package web

import (
	"bytes"
	"encoding/csv"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"amur"
	"amur/events"
	"amur/ical"
)

// The routes of events join the route × role matrix. The matrix's fixture
// server has no events service, so each answers 404 for every role; the
// roles of these routes are tried in depth by TestEventsAPI below.
func init() {
	const none = "404 404 404 404 404 404 404"
	var cases []routeCase
	for _, rt := range (&Server{}).eventsRoutes() {
		cases = append(cases, routeCase{rt.pattern, eventTarget(rt.pattern), eventBody(rt.pattern), none})
	}
	last := len(routeCases) - 1 // logout stays last: it ends the session
	routeCases = slices.Insert(routeCases, last, cases...)
}

// eventTarget names the record a pattern's {id} stands for in the matrix.
func eventTarget(pattern string) string {
	if bytes.Contains([]byte(pattern), []byte("{id}")) {
		return "program" // any existing id: without the service it is never read
	}
	return ""
}

// eventBody gives writes a JSON body.
func eventBody(pattern string) func(*fixture) string {
	if pattern[:4] == "POST" || pattern[:3] == "PUT" {
		return body(`{}`)
	}
	return nil
}

const apiForum = `{"kind":"forum","zone":"Asia/Shanghai","public":true,"title":{"en":"Forum","zh":"论坛"},
"venue":{"en":"Expo"},"start":"2030-06-10T09:00","end":"2030-06-10T18:00",
"sessions":[{"title":{"en":"Opening"},"start":"2030-06-10T09:00","end":"2030-06-10T10:00","room":"A","language":"zh","interpretation":true,"speakers":[]}],
"registration":{"open":true,"capacity":2,"waitlist":false,"approval":false,"questions":[]},
"brokerage":{"slots":["2030-06-10T14:00","2030-06-10T14:30"],"slot_minutes":30,"tables":1,"interpreters":1,"online":false}}`

func TestEventsAPI(t *testing.T) {
	w := newAuthWorld(t, nil)
	w.srv = New(Config{Store: w.st, Auth: w.svc, Events: events.New(w.st)})
	admin, appl := w.login(t, w.admin.Email), w.login(t, w.applicant.Email)

	// Only offices and admins create; bad input names its field.
	do(t, w.srv, "POST", "/api/v1/events", apiForum, appl.headers(true)...).want(t, http.StatusForbidden)
	do(t, w.srv, "POST", "/api/v1/events", apiForum).want(t, http.StatusUnauthorized)
	overlap := bytes.Replace([]byte(apiForum), []byte(`"speakers":[]}]`), []byte(`"speakers":[]},{"title":{"en":"Clash"},"start":"2030-06-10T09:30","end":"2030-06-10T11:00","room":"A","speakers":[]}]`), 1)
	e := do(t, w.srv, "POST", "/api/v1/events", string(overlap), admin.headers(true)...).want(t, http.StatusBadRequest).apiError(t)
	if e.Key != "events.session_overlap" || e.Field != "sessions[1].start" {
		t.Fatalf("overlap error %+v", e)
	}
	var ev eventView
	do(t, w.srv, "POST", "/api/v1/events", apiForum, admin.headers(true)...).want(t, http.StatusCreated).decode(t, &ev)
	if ev.ActivityID == "" || ev.Shown.Start.Beijing != "2030-06-10 09:00" || ev.Shown.Start.Moscow != "2030-06-10 04:00" ||
		len(ev.Shown.Sessions) != 1 || ev.Shown.Sessions[0].End.Moscow != "2030-06-10 05:00" {
		t.Fatalf("created %+v", ev)
	}
	base := "/api/v1/events/" + ev.ID

	// Registration: anonymous refused, then both register; the calendar parses back.
	form := `{"name":"Li","email":"li@example.org"}`
	do(t, w.srv, "POST", base+"/registrations", form).want(t, http.StatusUnauthorized)
	var reg amur.Registration
	do(t, w.srv, "POST", base+"/registrations", form, appl.headers(true)...).want(t, http.StatusCreated).decode(t, &reg)
	do(t, w.srv, "POST", base+"/registrations", form, admin.headers(true)...).want(t, http.StatusCreated)
	if reg.Status != amur.RegConfirmed || reg.Ticket == "" {
		t.Fatalf("registration %+v", reg)
	}
	var mine struct{ Items []amur.Registration }
	do(t, w.srv, "GET", "/api/v1/me/registrations", "", appl.headers(false)...).want(t, http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 1 || mine.Items[0].Ticket != reg.Ticket {
		t.Fatalf("my registrations %+v", mine)
	}
	do(t, w.srv, "GET", "/api/v1/me/registrations", "").want(t, http.StatusUnauthorized)
	cal := do(t, w.srv, "GET", base+"/calendar.ics?lang=zh", "").want(t, http.StatusOK)
	c, err := ical.Parse(bytes.NewReader(cal.Body))
	if err != nil || len(c.Events) != 2 || c.Events[0].Summary != "论坛" {
		t.Fatalf("calendar: %v %+v", err, c)
	}

	checkExports(t, w, base, admin, appl, reg.Ticket)
	checkBrokerageAPI(t, w, base, admin, appl)

	// Full without a waiting list: refused with a coded error.
	do(t, w.srv, "POST", "/api/v1/events/"+ev.ID+"/registrations", form, appl.headers(true)...).want(t, http.StatusConflict)
	do(t, w.srv, "GET", "/api/v1/events?zzz=1", "").want(t, http.StatusBadRequest)
	var list listBody[eventView]
	do(t, w.srv, "GET", "/api/v1/events", "").want(t, http.StatusOK).decode(t, &list)
	if len(list.Items) != 1 {
		t.Fatalf("list %+v", list)
	}
}

// checkExports reads the participant exports back; only offices may export.
func checkExports(t *testing.T, w *authWorld, base string, admin, appl session, ticket string) {
	t.Helper()
	// Exports: offices only; CSV and XLSX read back.
	do(t, w.srv, "GET", base+"/participants.csv", "", appl.headers(false)...).want(t, http.StatusForbidden)
	rows, err := csv.NewReader(bytes.NewReader(do(t, w.srv, "GET", base+"/participants.csv", "", admin.headers(false)...).want(t, http.StatusOK).Body)).ReadAll()
	if err != nil || len(rows) != 3 || rows[1][0] != ticket {
		t.Fatalf("csv %q %v", rows, err)
	}
	x := do(t, w.srv, "GET", base+"/participants.xlsx", "", admin.headers(false)...).want(t, http.StatusOK)
	f, err := excelize.OpenReader(bytes.NewReader(x.Body))
	if err != nil {
		t.Fatal(err)
	}
	xr, _ := f.GetRows("Participants")
	f.Close()
	if len(xr) != 3 {
		t.Fatalf("xlsx rows %q", xr)
	}

}

// checkBrokerageAPI runs profiles, a request, its acceptance, the schedule
// and the agenda through the API.
func checkBrokerageAPI(t *testing.T, w *authWorld, base string, admin, appl session) {
	t.Helper()
	// Brokerage: profiles, a request, its acceptance, the schedule, the agenda.
	bad := `{"name":"Li","languages":["zh"],"available":["2030-06-11T14:00"]}`
	e := do(t, w.srv, "PUT", base+"/brokerage/profile", bad, appl.headers(true)...).want(t, http.StatusBadRequest).apiError(t)
	if e.Key != "events.availability_outside" || e.Field != "available[0]" {
		t.Fatalf("availability error %+v", e)
	}
	do(t, w.srv, "PUT", base+"/brokerage/profile", `{"name":"Li","languages":["zh"],"available":["2030-06-10T14:00","2030-06-10T14:30"],"summary":{"zh":"激光焊接"}}`, appl.headers(true)...).want(t, http.StatusOK)
	do(t, w.srv, "PUT", base+"/brokerage/profile", `{"name":"Ivanov","languages":["ru"],"available":["2030-06-10T14:30"],"summary":{"ru":"лазерная сварка"}}`, admin.headers(true)...).want(t, http.StatusOK)
	var req amur.MeetingRequest
	do(t, w.srv, "POST", base+"/brokerage/requests", mustJSON(t, meetingBody{To: w.admin.ID, Priority: 5}), appl.headers(true)...).want(t, http.StatusCreated).decode(t, &req)
	do(t, w.srv, "POST", base+"/brokerage/requests/"+req.ID+"/accept", "", appl.headers(true)...).want(t, http.StatusNotFound)
	do(t, w.srv, "POST", base+"/brokerage/requests/"+req.ID+"/accept", "", admin.headers(true)...).want(t, http.StatusOK)
	do(t, w.srv, "POST", base+"/brokerage/schedule", "", appl.headers(true)...).want(t, http.StatusForbidden)
	var res events.ScheduleResult
	do(t, w.srv, "POST", base+"/brokerage/schedule", "", admin.headers(true)...).want(t, http.StatusOK).decode(t, &res)
	if res.Scheduled != 1 || res.Bound != 5 {
		t.Fatalf("schedule %+v", res)
	}
	ag := do(t, w.srv, "GET", base+"/brokerage/agenda.ics", "", appl.headers(false)...).want(t, http.StatusOK)
	c, err := ical.Parse(bytes.NewReader(ag.Body))
	if err != nil || len(c.Events) != 1 || c.Events[0].Summary != "Ivanov" || c.Events[0].Start.UTC().Hour() != 6 {
		t.Fatalf("agenda: %v %+v", err, c)
	}

}

func TestEventsSchemasMatchTypes(t *testing.T) {
	doc := loadOpenAPI(t)
	types := map[string]any{
		"Event": amur.Event{}, "EventSession": amur.EventSession{}, "SessionSpeaker": amur.SessionSpeaker{},
		"RegistrationRules": amur.RegistrationRules{}, "Question": amur.Question{}, "Brokerage": amur.Brokerage{},
		"Registration": amur.Registration{}, "RegistrationForm": events.RegistrationForm{}, "BrokerProfile": amur.BrokerProfile{},
		"ProfileInput": events.ProfileInput{}, "MeetingRequest": amur.MeetingRequest{}, "MeetingBody": meetingBody{},
		"ScheduleResult": events.ScheduleResult{}, "Meeting": events.Meeting{}, "Shown": events.Shown{},
		"EventCreate": eventCreate{}, "EventView": eventView{}, "SessionsBody": sessionsBody{},
	}
	for name, v := range types {
		schema, ok := doc.Components.Schemas[name]
		if !ok {
			t.Errorf("no schema %s", name)
			continue
		}
		want := slices.Sorted(maps.Keys(membersOf(reflect.TypeOf(v))))
		got := slices.Sorted(maps.Keys(schema.Properties))
		if !slices.Equal(got, want) {
			t.Errorf("schema %s has %v, the type has %v", name, got, want)
		}
	}
}
