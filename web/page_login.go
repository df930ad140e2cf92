package web

import (
	"bytes"
	"embed"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"amur"
	"amur/auth"
	"amur/i18n"
)

// templateFS holds the HTML templates: one shared layout and one file per
// page, each defining "content".
//
//go:embed templates/*.html
var templateFS embed.FS

// page is what the layout shows of every page.
type page struct {
	Lang     amur.Lang
	TitleKey string
	// Query keeps a language chosen with ?lang= on the page's own links.
	Query  string
	Langs  []langLink
	CSRF   string
	Errors []string
	// Prefix is the language's path prefix ("/ru") for links; Prefixed
	// tells that the request's own path carries it.
	Prefix   string
	Prefixed bool
	// Title, when set, is the heading instead of TitleKey's message.
	Title string
	Nav   []navItem
	// Who is the e-mail address of the signed-in account, if any, and
	// LogoutCSRF the token of its sign-out form.
	Who        string
	LogoutCSRF string
}

// langLink is one entry of the language switch.
type langLink struct {
	Lang    amur.Lang
	Label   string
	Href    string
	Current bool
}

// langLabels are the names of the languages in themselves.
var langLabels = map[amur.Lang]string{amur.ZH: "中文", amur.RU: "Русский", amur.EN: "English"}

// newPage returns the layout data of a page titled by titleKey. Under a
// language prefix (/ru/…) the language switch swaps the prefix and keeps
// the query; elsewhere it sets ?lang=.
func newPage(r *http.Request, titleKey string) page {
	p := page{Lang: requestLang(r), TitleKey: titleKey}
	_, rest, prefixed := pathLang(r.URL.Path)
	p.Prefixed = prefixed
	if _, ok := i18n.Parse(r.URL.Query().Get("lang")); ok && !prefixed {
		p.Query = "?lang=" + string(p.Lang)
	}
	for _, l := range amur.Langs {
		href := ""
		if prefixed {
			href = "/" + string(l) + rest
			if r.URL.RawQuery != "" {
				href += "?" + r.URL.RawQuery
			}
		} else {
			q := r.URL.Query()
			q.Set("lang", string(l))
			href = r.URL.Path + "?" + q.Encode()
		}
		p.Langs = append(p.Langs, langLink{Lang: l, Label: langLabels[l], Href: href, Current: l == p.Lang})
	}
	p.fillChrome(r)
	return p
}

// loginPage is the sign-in page.
type loginPage struct {
	page
	// SignedIn is the e-mail address of the signed-in account, if any.
	SignedIn string
	Email    string
	Next     string
}

// resetPage is the password-reset page.
type resetPage struct {
	page
	Token string
	Min   int
	Done  bool
}

// render writes the page name with data, or a logged internal error when
// the template fails; it never panics.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page, data any) {
	var buf bytes.Buffer
	if err := pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		s.fail(w, r, &amur.Error{Code: amur.EInternal, Key: "err.internal", Err: err})
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(p.Lang))
	h.Add("Vary", "Accept-Language")
	noStore(w)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// renderError shows a form again with err translated above it, answering
// the status of err's code (and Retry-After when throttled). Internal
// errors are logged and shown without detail.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, name string, p *page, data any, err error, labels map[string]string) {
	e := amur.AsError(err)
	status := httpStatus(e.Code)
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "internal error",
			slog.String("request_id", requestID(r.Context())), slog.String("path", r.URL.Path), slog.Any("error", err))
		e = amur.Errorf(amur.EInternal, "err.internal")
	}
	setRetryAfter(w, e)
	msg := i18n.T(p.Lang, e.Key, flatten(e.Args)...)
	if label, ok := labels[e.Field]; ok {
		msg = p.T(label) + ": " + msg
	}
	p.Errors = append(p.Errors, msg)
	s.render(w, r, status, name, p, data)
}

// flatten turns message arguments into the name, value pairs i18n.T takes.
func flatten(args map[string]any) []any {
	out := make([]any, 0, 2*len(args))
	for k, v := range args {
		out = append(out, k, v)
	}
	return out
}

// loginLabels name the sign-in form's fields in messages.
var loginLabels = map[string]string{"email": "page.login.email", "password": "page.login.password"}

// pageLogin answers GET /login: the sign-in form, or for a signed-in
// visitor who it is and a sign-out button.
func (s *Server) pageLogin(w http.ResponseWriter, r *http.Request) {
	ra := authOf(r.Context())
	p := &loginPage{page: newPage(r, "page.login.title"), Next: safeNext(r.URL.Query().Get("next"))}
	if ra.session != nil {
		p.SignedIn, p.CSRF = amur.PrincipalFrom(r.Context()).Email, ra.session.CSRFToken
	} else {
		p.CSRF = preCSRFToken(w, r, ra.https)
	}
	s.render(w, r, http.StatusOK, "login", &p.page, p)
}

// pageLoginPost answers POST /login: it signs in and goes on to the page
// the visitor came for, or shows the form again with the error.
func (s *Server) pageLoginPost(w http.ResponseWriter, r *http.Request) {
	ra := authOf(r.Context())
	p := &loginPage{page: newPage(r, "page.login.title")}
	err := s.parseForm(w, r)
	if err == nil {
		p.Email, p.Next = r.PostFormValue("email"), safeNext(r.PostFormValue("next"))
		err = checkPreCSRF(r)
	}
	if err == nil {
		_, err = s.login(w, r, p.Email, r.PostFormValue("password"))
	}
	if err != nil {
		p.CSRF = preCSRFToken(w, r, ra.https)
		s.renderError(w, r, "login", &p.page, p, err, loginLabels)
		return
	}
	next := p.Next
	if next == "" && p.Prefixed {
		next = p.Prefix + "/"
	} else if next == "" {
		next = "/login" + p.Query
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// pageLogout answers POST /logout: it ends the session (withCSRF checked
// the form's token) and returns to the sign-in page.
func (s *Server) pageLogout(w http.ResponseWriter, r *http.Request) {
	if err := s.logout(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/login"+newPage(r, "").Query, http.StatusSeeOther)
}

// resetLabels name the reset form's fields in messages.
var resetLabels = map[string]string{"token": "page.reset.token", "password": "page.reset.password", "confirm": "page.reset.confirm"}

// pageReset answers GET /password/reset: the form to choose a new password
// with the reset token of the link (?token=), or a field to paste it into.
func (s *Server) pageReset(w http.ResponseWriter, r *http.Request) {
	p := &resetPage{page: newPage(r, "page.reset.title"), Token: r.URL.Query().Get("token"), Min: auth.MinPasswordLen}
	p.CSRF = preCSRFToken(w, r, authOf(r.Context()).https)
	s.render(w, r, http.StatusOK, "reset", &p.page, p)
}

// pageResetPost answers POST /password/reset: it spends the token on the
// new password, or shows the form again with the error.
func (s *Server) pageResetPost(w http.ResponseWriter, r *http.Request) {
	p := &resetPage{page: newPage(r, "page.reset.title"), Min: auth.MinPasswordLen}
	err := s.parseForm(w, r)
	if err == nil {
		p.Token = r.PostFormValue("token")
		err = checkPreCSRF(r)
	}
	if err == nil && r.PostFormValue("password") != r.PostFormValue("confirm") {
		err = amur.Invalid("confirm", "err.password_mismatch")
	}
	if err == nil {
		err = s.auth.ResetPassword(r.Context(), p.Token, r.PostFormValue("password"))
	}
	if err != nil {
		p.CSRF = preCSRFToken(w, r, authOf(r.Context()).https)
		s.renderError(w, r, "reset", &p.page, p, err, resetLabels)
		return
	}
	p.Done = true
	s.render(w, r, http.StatusOK, "reset", &p.page, p)
}

// parseForm reads the request's form body within the server's limit.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, s.maxBody)
	err := r.ParseForm()
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return amur.Errorf(amur.ETooLarge, "err.body_too_large", "max", int(s.maxBody))
	case err != nil:
		return &amur.Error{Code: amur.EInvalid, Key: "err.body_read", Err: err}
	}
	return nil
}

// safeNext returns v when it is a path on this site to go on to after
// sign-in, and "" otherwise, so the form cannot send anyone elsewhere.
func safeNext(v string) string {
	if !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") || strings.HasPrefix(v, "/\\") || len(v) > 2048 {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.ContainsAny(v, "\r\n\t\\") {
		return ""
	}
	return v
}
