package web

import (
	"bytes"
	"html/template"
	"net/http"
	"strings"
	"time"

	"amur"
	"amur/i18n"
	"amur/lang"
)

// pageNames are the pages parsed with the shared layout and partials;
// each file templates/<name>.html defines "content".
var pageNames = []string{"login", "reset", "home", "activities", "activity", "activity_form",
	"orgs", "org", "people", "person", "flagships", "flagship", "timeline", "fields", "report", "error"}

// pages are the parsed pages by name. A template that does not parse is a
// build defect, caught by every test that starts a server.
var pages = parsePages()

// parsePages parses every page with the layout and the shared partials.
func parsePages() map[string]*template.Template {
	out := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		out[name] = template.Must(template.New(name).Funcs(pageFuncs).ParseFS(templateFS,
			"templates/layout.html", "templates/parts.html", "templates/"+name+".html"))
	}
	return out
}

// pageFuncs are the template functions; everything that depends on the
// page's language is a method of page instead.
var pageFuncs = template.FuncMap{
	"srcs":   func(p any, src []amur.Source) sourceList { return sourceList{P: pageOf(p), Sources: src} },
	"detect": func(s string) amur.Lang { return lang.DetectLang(s) },
	"list2":  func(a, b string) []string { return []string{a, b} },
	"dict3":  func(f *activityForm, name, label string) textGroup { return textGroup{F: f, Name: name, Label: label} },
}

// sourceList is the data of the "sources" partial.
type sourceList struct {
	P       *page
	Sources []amur.Source
}

// pageHolder is any page struct: each embeds page.
type pageHolder interface{ base() *page }

// base returns the layout data of a page struct.
func (p *page) base() *page { return p }

// pageOf returns the layout data of the page struct v.
func pageOf(v any) *page {
	if h, ok := v.(pageHolder); ok {
		return h.base()
	}
	return &page{Lang: amur.EN}
}

// textGroup is the data of the form's three-language inputs of one text.
type textGroup struct {
	F           *activityForm
	Name, Label string
}

// pathLang returns the language named by the first segment of path
// ("/ru/activities" → ru), if any.
func pathLang(path string) (amur.Lang, string, bool) {
	for _, l := range amur.Langs {
		p := "/" + string(l)
		if path == p || strings.HasPrefix(path, p+"/") {
			return l, strings.TrimPrefix(path, p), true
		}
	}
	return "", path, false
}

// navItem is one entry of the main navigation.
type navItem struct {
	Href    string
	Key     string
	Current bool
}

// navPages are the sections of the main navigation, by path and title key.
var navPages = []struct{ path, key string }{
	{"/", "web.nav.home"}, {"/activities", "web.nav.activities"}, {"/organizations", "web.nav.orgs"},
	{"/people", "web.nav.people"}, {"/flagships", "web.nav.flagships"}, {"/timeline", "web.nav.timeline"},
	{"/fields", "web.nav.fields"}, {"/report", "web.nav.report"},
}

// fillChrome adds what the layout shows around every page: the prefix of
// links in the page's language, the navigation and who is signed in.
func (p *page) fillChrome(r *http.Request) {
	p.Prefix = "/" + string(p.Lang)
	_, rest, _ := pathLang(r.URL.Path)
	for _, n := range navPages {
		cur := rest == n.path || (n.path != "/" && strings.HasPrefix(rest, n.path+"/"))
		p.Nav = append(p.Nav, navItem{Href: p.Prefix + n.path, Key: n.key, Current: cur})
	}
	if pr := amur.PrincipalFrom(r.Context()); pr != nil {
		p.Who = pr.Email
		if ra := authOf(r.Context()); ra.session != nil {
			p.LogoutCSRF = ra.session.CSRFToken
		}
	}
}

// T translates key into the page's language.
func (p *page) T(key string, args ...any) string { return i18n.T(p.Lang, key, args...) }

// N renders the plural message key for n.
func (p *page) N(key string, n int) string { return i18n.N(p.Lang, key, n) }

// Num formats an integer for the page's language.
func (p *page) Num(n int) string { return i18n.Number(p.Lang, n) }

// Date formats a date with its precision for the page's language.
func (p *page) Date(d amur.Date) string { return i18n.Date(p.Lang, d) }

// Href returns path under the page's language prefix.
func (p *page) Href(path string) string { return p.Prefix + path }

// Heading is the page's title: a record's own title when it has one,
// else the translated title key.
func (p *page) Heading() string {
	if p.Title != "" {
		return p.Title
	}
	return p.T(p.TitleKey)
}

// shown is a Text as a page shows it: the value, and when it is not an
// original or human translation in the page's language, the language it is
// in and a mark saying so.
type shown struct {
	V string
	// Lang is set when the value is in another language than the page.
	Lang amur.Lang
	Mark string
}

// Txt picks the value of t for the page's language and marks a fallback
// to another language or a machine translation.
func (p *page) Txt(t amur.Text) shown {
	v, l, origin := t.In(p.Lang)
	out := shown{V: v}
	var marks []string
	if l != p.Lang && v != "" {
		out.Lang = l
		marks = append(marks, p.T("web.mark.lang."+string(l)))
	}
	if origin == amur.Machine {
		marks = append(marks, p.T("web.mark.machine"))
	}
	out.Mark = strings.Join(marks, p.T("web.list_sep"))
	return out
}

// Plain returns the value of t for the page's language without marks, for
// attributes and titles.
func (p *page) Plain(t amur.Text) string { v, _, _ := t.In(p.Lang); return v }

// Zones are the two clocks of the program: event times show in both.
var (
	zoneBeijing = mustZone("Asia/Shanghai")
	zoneMoscow  = mustZone("Europe/Moscow")
)

// mustZone loads an IANA zone the server cannot run without.
func mustZone(name string) *time.Location {
	loc, err := amur.LoadZone(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// When formats an activity's start or end: a moment known to the minute
// shows in Beijing and Moscow time, anything coarser as a local date.
func (p *page) When(m amur.Moment, zone string) string {
	if m.IsZero() {
		return ""
	}
	if !m.HasTime {
		return p.Date(m.Date)
	}
	loc, err := amur.LoadZone(zone)
	if err != nil {
		loc = time.UTC
	}
	t := m.Start(loc)
	bj, msk := t.In(zoneBeijing), t.In(zoneMoscow)
	return p.T("web.time.two_zones", "beijing", i18n.Time(p.Lang, bj), "moscow", i18n.Time(p.Lang, msk))
}

// Side names a country code in the page's language.
// A country the catalogs do not name shows as its code.
func (p *page) Side(code string) string {
	if _, ok := i18n.Lookup(p.Lang, "web.side."+code); !ok {
		return code
	}
	return p.T("web.side." + code)
}

// Enum names a value of an enumeration (type, status, kind…) whose labels
// live under web.<group>.<value>. The value "other" is keyed "others",
// since a key ending in .other would read as a plural form.
func (p *page) Enum(group string, v any) string {
	s := toString(v)
	if s == "other" {
		s = "others"
	}
	return p.T("web." + group + "." + s)
}

// toString returns the text of a string-like enumeration value.
func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case amur.ActivityType:
		return string(x)
	case amur.ActivityStatus:
		return string(x)
	case amur.Format:
		return string(x)
	case amur.Role:
		return string(x)
	case amur.OrgKind:
		return string(x)
	case amur.EntryKind:
		return string(x)
	case amur.OutcomeKind:
		return string(x)
	}
	return ""
}

// pageError shows an error as an HTML page in the request's language.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	e := amur.AsError(err)
	p := &errorPage{page: newPage(r, "web.error.title")}
	status := httpStatus(e.Code)
	if status == http.StatusInternalServerError {
		s.renderError(w, r, "error", &p.page, p, err, nil)
		return
	}
	p.Message = i18n.Message(p.Lang, e)
	p.Status = status
	setRetryAfter(w, e)
	s.render(w, r, status, "error", &p.page, p)
}

// errorPage is the page of an error met while showing another page.
type errorPage struct {
	page
	Status  int
	Message string
}

// handleRoot answers GET /: it sends the visitor to the home page in the
// language their browser prefers.
func (s *Server) handleRoot(w http.ResponseWriter, r *http.Request) {
	l := i18n.Match(r.Header.Get("Accept-Language"))
	w.Header().Add("Vary", "Accept-Language")
	http.Redirect(w, r, "/"+string(l)+"/", http.StatusFound)
}

// renderPart writes one block of page name, for an htmx request that
// replaces only that block, followed by the language switch swapped out of
// band so that its links keep the new query.
func (s *Server) renderPart(w http.ResponseWriter, r *http.Request, name, block string, p *page, data any) {
	var buf bytes.Buffer
	t := pages[name]
	err := t.ExecuteTemplate(&buf, block, data)
	if err == nil {
		err = t.ExecuteTemplate(&buf, "langs-oob", data)
	}
	if err != nil {
		s.fail(w, r, &amur.Error{Code: amur.EInternal, Key: "err.internal", Err: err})
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(p.Lang))
	h.Add("Vary", "HX-Request")
	noStore(w)
	w.Write(buf.Bytes())
}
