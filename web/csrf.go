package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"amur"
)

// The CSRF defences. A request that a session cookie authenticates and that
// may change something must carry the session's CSRF token, which only
// pages and API answers of this site reveal: in the X-CSRF-Token header, or
// in the csrf_token field of an HTML form. Bearer-token requests need none,
// since no browser attaches a bearer token on its own. The forms used
// before there is a session (sign-in, password reset) are guarded by a
// double-submit cookie, amur_csrf, that their page sets and repeats in the
// form, and by refusing requests that a browser marks as cross-site; their
// JSON twins need a JSON body, which no cross-site form can send and no
// cross-site script may send without a CORS permission this site never
// grants.

const (
	// csrfHeader carries the session's CSRF token on API requests.
	csrfHeader = "X-CSRF-Token"
	// csrfField carries a CSRF token in HTML forms.
	csrfField = "csrf_token"
	// preCSRFCookie is the double-submit cookie of the forms used before
	// there is a session.
	preCSRFCookie = "amur_csrf"
)

// csrfExempt are the routes that withCSRF leaves to their own defences:
// those used to obtain a session, where an old cookie must not stand in
// the way.
var csrfExempt = map[string]bool{
	"POST /api/v1/login":          true,
	"POST /api/v1/password/reset": true,
	"POST /login":                 true,
	"POST /password/reset":        true,
}

// withCSRF refuses a state-changing request authenticated by a session
// cookie unless it carries the session's CSRF token; the refusal is 403
// err.csrf and happens before any handler runs, so nothing changes.
func (s *Server) withCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ra := authOf(r.Context())
		_, rest, _ := pathLang(r.URL.Path)
		if ra.session == nil || safeMethod(r.Method) || csrfExempt[r.Method+" "+rest] {
			next.ServeHTTP(w, r)
			return
		}
		token := r.Header.Get(csrfHeader)
		if token == "" && isForm(r) {
			r.Body = http.MaxBytesReader(w, r.Body, s.maxBody)
			token = r.PostFormValue(csrfField)
		}
		if !sameSecret(token, ra.session.CSRFToken) {
			s.fail(w, r, amur.Errorf(amur.EForbidden, "err.csrf"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// safeMethod reports whether method only reads (RFC 9110, 9.2.1).
func safeMethod(method string) bool {
	return method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions
}

// isForm reports whether the request body is an HTML form.
func isForm(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && (mt == "application/x-www-form-urlencoded" || mt == "multipart/form-data")
}

// sameSecret compares a presented token with the expected one in constant
// time; an empty expected token matches nothing.
func sameSecret(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// sameOrigin reports whether a request may come from this site's own
// pages: browsers mark cross-site requests with Sec-Fetch-Site and name
// the page's origin in Origin. Requests without either (curl, scripts) are
// not from a browser and pass; their other defences still apply.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

// preCSRFToken returns the request's double-submit token, setting a new
// amur_csrf cookie when it has none, for a form shown before sign-in.
func preCSRFToken(w http.ResponseWriter, r *http.Request, https bool) string {
	if c, err := r.Cookie(preCSRFCookie); err == nil && len(c.Value) == preCSRFLen {
		return c.Value
	}
	b := make([]byte, 32)
	rand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: preCSRFCookie, Value: token, Path: "/", HttpOnly: true, Secure: https,
		SameSite: http.SameSiteStrictMode})
	return token
}

// preCSRFLen is the length of a double-submit token.
var preCSRFLen = base64.RawURLEncoding.EncodedLen(32)

// checkPreCSRF verifies a form posted before sign-in: same origin, and the
// form's token equal to the amur_csrf cookie. A cross-site page can make a
// browser post a form but can neither read nor set that cookie.
func checkPreCSRF(r *http.Request) error {
	c, err := r.Cookie(preCSRFCookie)
	if err != nil || !sameOrigin(r) || !sameSecret(r.PostFormValue(csrfField), c.Value) {
		return amur.Errorf(amur.EForbidden, "err.csrf")
	}
	return nil
}
