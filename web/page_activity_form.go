package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"amur"
	"amur/i18n"
)

// formZones are the time zones the activity form offers: the program's
// two capitals first, then other cities where activities take place.
var formZones = []string{"Asia/Shanghai", "Europe/Moscow", "Asia/Harbin", "Asia/Urumqi", "Asia/Yekaterinburg",
	"Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Vladivostok", "Europe/Kaliningrad", "UTC"}

// activityForm is the form to create or edit an activity. Values holds
// what the reader typed, so that a refused form comes back as it was sent.
type activityForm struct {
	page
	Action  string
	Values  url.Values
	Version int
	// FieldErr holds the message shown next to each input group.
	FieldErr map[string]string
	Types    []amur.ActivityType
	Statuses []amur.ActivityStatus
	Formats  []amur.Format
	Zones    []string
	Sides    []string
	Fields   []fieldLink
	LangList []amur.Lang
}

// Has tells whether the form's value name includes v, for checkboxes and
// multiple selects.
func (f *activityForm) Has(name, v string) bool { return slices.Contains(f.Values[name], v) }

// Val returns the form's value of name.
func (f *activityForm) Val(name string) string { return f.Values.Get(name) }

// Err returns the message shown next to the input group name, if any.
func (f *activityForm) Err(name string) string { return f.FieldErr[name] }

// newActivityForm returns the form with its choices filled in.
func (s *Server) newActivityForm(r *http.Request, titleKey, action string) (*activityForm, error) {
	f := &activityForm{page: newPage(r, titleKey), Action: action, Values: url.Values{}, FieldErr: map[string]string{},
		Types: amur.ActivityTypes, Statuses: amur.ActivityStatuses, Formats: amur.Formats, Zones: formZones,
		Sides: []string{"CN", "RU"}, LangList: amur.Langs}
	f.Action = f.Href(action)
	if ra := authOf(r.Context()); ra.session != nil {
		f.CSRF = ra.session.CSRFToken
	}
	fields, list, err := s.fieldLabels(r.Context())
	if err != nil {
		return nil, err
	}
	for _, fl := range list {
		f.Fields = append(f.Fields, f.fieldLinks(fields, []string{fl.ID})...)
	}
	return f, nil
}

// signInFirst sends an anonymous visitor to the sign-in page, to come back.
func signInFirst(w http.ResponseWriter, r *http.Request, p *page) bool {
	if amur.PrincipalFrom(r.Context()) != nil {
		return false
	}
	http.Redirect(w, r, p.Href("/login")+"?next="+url.QueryEscape(r.URL.Path), http.StatusSeeOther)
	return true
}

// pageActivityNew answers GET /{lang}/activities/new.
func (s *Server) pageActivityNew(w http.ResponseWriter, r *http.Request) {
	f, err := s.newActivityForm(r, "web.form.new_title", "/activities/new")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if signInFirst(w, r, &f.page) {
		return
	}
	f.Values.Set("zone", "Asia/Shanghai")
	f.Values.Set("status", string(amur.Planned))
	f.Values.Set("format", string(amur.InPerson))
	f.Values["sides"] = []string{"CN", "RU"}
	s.render(w, r, http.StatusOK, "activity_form", &f.page, f)
}

// pageActivityCreate answers POST /{lang}/activities/new: it stores the
// activity through the permission-checked store, or shows the form again
// with each error next to its field.
func (s *Server) pageActivityCreate(w http.ResponseWriter, r *http.Request) {
	f, err := s.newActivityForm(r, "web.form.new_title", "/activities/new")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	f.Values = r.PostForm
	a := &amur.Activity{}
	if prog, err := s.program(r.Context()); err == nil && prog != nil {
		a.ProgramID = prog.ID
	}
	a.Provenance.Source = "web"
	if f.apply(a) {
		err = s.store.CreateActivity(r.Context(), a)
		if err == nil {
			http.Redirect(w, r, f.Href("/activities/"+a.ID), http.StatusSeeOther)
			return
		}
		f.fieldError(err)
	}
	s.formFailed(w, r, f, err)
}

// formFailed shows the form again with its errors, answering the status
// of the error (400 when the form itself was refused).
func (s *Server) formFailed(w http.ResponseWriter, r *http.Request, f *activityForm, err error) {
	status := http.StatusBadRequest
	if err != nil {
		if st := httpStatus(amur.ErrorCode(err)); st != http.StatusInternalServerError {
			status = st
		} else {
			s.renderError(w, r, "activity_form", &f.page, f, err, nil)
			return
		}
	}
	if len(f.FieldErr) > 0 {
		f.Errors = append(f.Errors, f.N("web.form.fix", len(f.FieldErr)))
	}
	s.render(w, r, status, "activity_form", &f.page, f)
}

// pageActivityEdit answers GET /{lang}/activities/{id}/edit.
func (s *Server) pageActivityEdit(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	f, err := s.newActivityForm(r, "web.form.edit_title", "/activities/"+id+"/edit")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if signInFirst(w, r, &f.page) {
		return
	}
	a, err := s.store.Activity(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f.fill(a)
	s.render(w, r, http.StatusOK, "activity_form", &f.page, f)
}

// pageActivityUpdate answers POST /{lang}/activities/{id}/edit: the form's
// values replace those of the version it was read at.
func (s *Server) pageActivityUpdate(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	f, err := s.newActivityForm(r, "web.form.edit_title", "/activities/"+id+"/edit")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	a, err := s.store.Activity(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f.Values = r.PostForm
	f.Version, _ = strconv.Atoi(f.Val("version"))
	a.Version = f.Version
	if f.apply(a) {
		err = s.store.UpdateActivity(r.Context(), a)
		if err == nil {
			http.Redirect(w, r, f.Href("/activities/"+a.ID), http.StatusSeeOther)
			return
		}
		f.fieldError(err)
	}
	s.formFailed(w, r, f, err)
}

// fill puts a stored activity into the form.
func (f *activityForm) fill(a *amur.Activity) {
	v := url.Values{}
	for _, l := range amur.Langs {
		v.Set("title_"+string(l), a.Title.Get(l))
		v.Set("description_"+string(l), a.Description.Get(l))
		v.Set("location_"+string(l), a.Location.Get(l))
	}
	v.Set("type", string(a.Type))
	v.Set("status", string(a.Status))
	v.Set("format", string(a.Format))
	v.Set("start", a.Start.String())
	v.Set("end", a.End.String())
	v.Set("zone", a.Zone)
	v.Set("video_url", a.VideoURL)
	v["sides"] = a.Sides
	v["fields"] = a.Fields
	if a.Draft {
		v.Set("draft", "on")
	}
	f.Values, f.Version = v, a.Version
}

// apply copies the form's values onto a, noting every value that cannot
// be read next to its field; it reports whether all could.
func (f *activityForm) apply(a *amur.Activity) bool {
	a.Title = f.text("title", a.Title)
	a.Description = f.text("description", a.Description)
	a.Location = f.text("location", a.Location)
	a.Type = amur.ActivityType(f.Val("type"))
	a.Status = amur.ActivityStatus(f.Val("status"))
	a.Format = amur.Format(f.Val("format"))
	a.Zone = f.Val("zone")
	a.VideoURL = strings.TrimSpace(f.Val("video_url"))
	a.Sides = f.Values["sides"]
	a.Fields = f.Values["fields"]
	a.Draft = f.Val("draft") != ""
	var err error
	if a.Start, err = amur.ParseMoment(f.Val("start")); err != nil {
		f.FieldErr["start"] = f.T("web.form.bad_moment")
	} else if a.Start.IsZero() {
		f.FieldErr["start"] = i18n.T(f.Lang, "err.required")
	}
	if a.End, err = amur.ParseMoment(f.Val("end")); err != nil {
		f.FieldErr["end"] = f.T("web.form.bad_moment")
	}
	if a.Title.IsZero() {
		f.FieldErr["title"] = i18n.T(f.Lang, "err.text_empty")
	}
	if len(a.Sides) == 0 {
		f.FieldErr["sides"] = i18n.T(f.Lang, "err.required")
	}
	return len(f.FieldErr) == 0
}

// text reads the three languages of a text field; a language whose value
// changed becomes a human translation, and the first language filled in is
// the original when none was.
func (f *activityForm) text(name string, old amur.Text) amur.Text {
	t := amur.Text{Orig: old.Orig}
	for _, l := range amur.Langs {
		v := strings.TrimSpace(f.Val(name + "_" + string(l)))
		t.Set(l, v)
		if v != "" && v == old.Get(l) && slices.Contains(old.Machine, l) {
			t.Machine = append(t.Machine, l)
		}
	}
	if t.Orig == "" || t.Get(t.Orig) == "" {
		t.Orig = ""
		if t.Get(f.Lang) != "" {
			t.Orig = f.Lang
		} else {
			for _, l := range amur.Langs {
				if t.Get(l) != "" {
					t.Orig = l
					break
				}
			}
		}
	}
	return t
}

// fieldError puts a coded validation error next to the input group it
// names ("title.ru" → title, "participants[2].side" → participants); an
// error that names no input of the form stays at the top.
func (f *activityForm) fieldError(err error) {
	e := amur.AsError(err)
	group := e.Field
	if i := strings.IndexAny(group, ".["); i >= 0 {
		group = group[:i]
	}
	msg := i18n.T(f.Lang, e.Key, flatten(e.Args)...)
	if e.Key == "" {
		msg = i18n.Message(f.Lang, e)
	}
	switch group {
	case "title", "description", "location", "type", "status", "format", "start", "end", "zone", "sides", "fields", "video_url":
		f.FieldErr[group] = msg
	default:
		f.Errors = append(f.Errors, i18n.Message(f.Lang, e))
	}
}
