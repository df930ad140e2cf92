package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"amur"
	"amur/events"
	"amur/i18n"
)

// eventPageSize is the number of events a list page shows.
const eventPageSize = 25

// eventPageRoutes lists the pages of events and the office queues under
// one language prefix.
func (s *Server) eventPageRoutes(pre string) []route {
	return append([]route{
		{"GET " + pre + "/events", s.pageEvents},
		{"GET " + pre + "/events/{id}", s.pageEvent},
		{"POST " + pre + "/events/{id}/register", s.pageEventRegister},
		{"GET " + pre + "/events/{id}/agenda", s.pageAgenda},
	}, s.queuePageRoutes(pre)...)
}

// eventsPage is the list of events.
type eventsPage struct {
	page
	Items []*amur.Event
	Pager pager
}

// pageEvents answers GET /{lang}/events: the events the principal may
// see, soonest first.
func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) {
	p := &eventsPage{page: newPage(r, "pages.events.title")}
	svc, err := s.eventsService()
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	q, err := parseQuery(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	no := max(1, q.integer("page", 1, 100_000))
	if err := q.finish(); err != nil {
		s.pageError(w, r, err)
		return
	}
	l, err := svc.List(r.Context(), amur.EventFilter{Page: amur.Page{Limit: eventPageSize, Offset: (no - 1) * eventPageSize}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Items = l.Items
	p.Pager = pager{Label: p.T("web.pager.label"), PrevLabel: p.T("web.pager.prev"), NextLabel: p.T("web.pager.next"),
		Where: p.T("web.pager.where", "page", no)}
	if no > 1 {
		p.Pager.Prev = p.Href("/events") + "?page=" + strconv.Itoa(no-1)
	}
	if l.More {
		p.Pager.Next = p.Href("/events") + "?page=" + strconv.Itoa(no+1)
	}
	s.render(w, r, http.StatusOK, "events", &p.page, p)
}

// Both shows an instant in Beijing and in Moscow time.
func (p *page) Both(t time.Time) string {
	return p.T("web.time.two_zones", "beijing", i18n.Time(p.Lang, t.In(zoneBeijing)), "moscow", i18n.Time(p.Lang, t.In(zoneMoscow)))
}

// eventPage is one event with its sessions and the registration form.
type eventPage struct {
	page
	Event      *amur.Event
	Organizers []*amur.Organization
	// Action is the registration form's address, empty for visitors.
	Action    string
	ICS       string
	AgendaURL string
	Values    url.Values
	FieldErr  map[string]string
	// Registered is the status of a registration just made.
	Registered string
}

// Val returns the registration form's value of name.
func (p *eventPage) Val(name string) string { return p.Values.Get(name) }

// Err returns the message shown next to the form's field name.
func (p *eventPage) Err(name string) string { return p.FieldErr[name] }

// eventPageOf reads the event the path names and its organisers.
func (s *Server) eventPageOf(r *http.Request) (*eventPage, *events.Service, error) {
	svc, err := s.eventsService()
	if err != nil {
		return nil, nil, err
	}
	ctx, id := r.Context(), r.PathValue("id")
	e, err := svc.Get(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	p := &eventPage{page: newPage(r, "pages.events.title"), Event: e, Values: url.Values{}, FieldErr: map[string]string{}}
	p.Title = p.Plain(e.Title)
	p.ICS = "/api/v1/events/" + e.ID + "/calendar.ics?lang=" + string(p.Lang)
	for _, oid := range e.Organizers {
		o, err := s.store.Organization(ctx, oid)
		if amur.ErrorCode(err) == amur.ENotFound {
			continue
		} else if err != nil {
			return nil, nil, err
		}
		p.Organizers = append(p.Organizers, o)
	}
	if pr := amur.PrincipalFrom(ctx); pr != nil {
		p.Action = p.Href("/events/" + e.ID + "/register")
		p.Values.Set("email", pr.Email)
		if e.Brokerage != nil {
			p.AgendaURL = p.Href("/events/" + e.ID + "/agenda")
		}
	}
	if ra := authOf(ctx); ra.session != nil {
		p.CSRF = ra.session.CSRFToken
	}
	return p, svc, nil
}

// pageEvent answers GET /{lang}/events/{id}.
func (s *Server) pageEvent(w http.ResponseWriter, r *http.Request) {
	p, _, err := s.eventPageOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	switch st := amur.RegistrationStatus(r.URL.Query().Get("registered")); st {
	case amur.RegConfirmed, amur.RegWaiting, amur.RegPending:
		p.Registered = string(st)
	}
	s.render(w, r, http.StatusOK, "events_detail", &p.page, p)
}

// pageEventRegister answers POST /{lang}/events/{id}/register: it
// registers the signed-in user, or shows the event again with each error
// next to its field.
func (s *Server) pageEventRegister(w http.ResponseWriter, r *http.Request) {
	if err := s.parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	p, svc, err := s.eventPageOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Values = r.PostForm
	form := events.RegistrationForm{Name: p.Val("name"), Email: p.Val("email"), Org: p.Val("org"), Answers: map[string]string{}}
	for _, q := range p.Event.Registration.Questions {
		if v := strings.TrimSpace(p.Val("answers." + q.Key)); v != "" {
			form.Answers[q.Key] = v
		}
	}
	reg, err := svc.Register(r.Context(), p.Event.ID, form)
	if err == nil {
		http.Redirect(w, r, p.Href("/events/"+p.Event.ID)+"?registered="+url.QueryEscape(string(reg.Status)), http.StatusSeeOther)
		return
	}
	e := amur.AsError(err)
	status := httpStatus(e.Code)
	if status == http.StatusInternalServerError {
		s.renderError(w, r, "events_detail", &p.page, p, err, nil)
		return
	}
	if e.Field != "" {
		p.FieldErr[e.Field] = i18n.T(p.Lang, e.Key, flatten(e.Args)...)
		p.Errors = append(p.Errors, p.N("web.form.fix", 1))
	} else {
		p.Errors = append(p.Errors, i18n.Message(p.Lang, e))
	}
	s.render(w, r, status, "events_detail", &p.page, p)
}

// agendaPage is a participant's brokerage agenda.
type agendaPage struct {
	page
	Event    *amur.Event
	Meetings []events.Meeting
	ICS      string
}

// Shown formats an instant of the agenda in both capitals' time.
func (p *agendaPage) Shown(s events.Shown) string { return p.Both(s.UTC) }

// pageAgenda answers GET /{lang}/events/{id}/agenda: the signed-in
// participant's scheduled meetings (an office may name one with ?user=).
func (s *Server) pageAgenda(w http.ResponseWriter, r *http.Request) {
	p := &agendaPage{page: newPage(r, "pages.agenda.title")}
	if signInFirst(w, r, &p.page) {
		return
	}
	svc, err := s.eventsService()
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	q, err := parseQuery(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	user := q.id("user")
	if err := q.finish(); err != nil {
		s.pageError(w, r, err)
		return
	}
	if user == "" {
		user = amur.PrincipalFrom(r.Context()).UserID
	}
	e, ms, err := svc.Agenda(r.Context(), r.PathValue("id"), user)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Event, p.Meetings = e, ms
	p.Title = p.T("pages.agenda.of", "event", p.Plain(e.Title))
	p.ICS = "/api/v1/events/" + e.ID + "/brokerage/agenda.ics?lang=" + string(p.Lang)
	s.render(w, r, http.StatusOK, "events_agenda", &p.page, p)
}
