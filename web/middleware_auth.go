package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"amur"
)

// sessionCookie carries the secret of a browser session. Only its SHA-256
// is stored, so the cookie is the one copy of the secret.
const sessionCookie = "amur_session"

// requestAuth is what withPrincipal learned about a request's credentials.
type requestAuth struct {
	// session is the session of the request's cookie, nil when the request
	// was not authenticated by a cookie.
	session *amur.Session
	// secret is the cookie's secret when session is set.
	secret string
	// https tells that the client reached us over TLS, directly or through
	// a trusted proxy, and so gets Secure cookies.
	https bool
}

// authKey keys the requestAuth in request contexts.
type authKey struct{}

// authOf returns the requestAuth of ctx; never nil under withPrincipal.
func authOf(ctx context.Context) *requestAuth {
	if a, ok := ctx.Value(authKey{}).(*requestAuth); ok {
		return a
	}
	return &requestAuth{}
}

// withPrincipal resolves who makes the request, from an Authorization
// bearer token or else the session cookie, and puts the amur.Actor on the
// context: the principal (nil for the anonymous public), the client's
// address and the entry point. A bad bearer token answers 401 at once: a
// script that sent one expects it to count. A stale session cookie is
// cleared and the request goes on anonymously, as public pages should.
//
// A context that already carries an actor is left alone: then whatever
// serves the Server (a program embedding it behind its own sign-in, or a
// test) has said who is asking. Requests from net/http never carry one.
func (s *Server) withPrincipal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		addr, https := s.client(r)
		if amur.ActorFrom(r.Context()) != nil {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), authKey{}, &requestAuth{https: https})))
			return
		}
		actor := &amur.Actor{Addr: addr, Via: "web", At: time.Now().UTC()}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			actor.Via = "api"
		}
		ra := &requestAuth{https: https}
		ctx := amur.WithActor(r.Context(), actor)
		if h := r.Header.Get("Authorization"); h != "" {
			p, err := s.auth.Token(ctx, bearerToken(h))
			if err != nil {
				w.Header().Set("WWW-Authenticate", `Bearer realm="amur"`)
				s.fail(w, r, err)
				return
			}
			actor.Principal, actor.Via = p, "api"
		} else if secret := sessionSecret(r); secret != "" {
			p, sess, err := s.auth.Session(ctx, secret)
			switch {
			case err == nil:
				actor.Principal, ra.session, ra.secret = p, sess, secret
			case amur.ErrorCode(err) == amur.EUnauthorized:
				http.SetCookie(w, clearCookie(sessionCookie, https))
			default:
				s.fail(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, authKey{}, ra)))
	})
}

// bearerToken returns the token of an Authorization header value in the
// Bearer scheme (RFC 6750), or "" for any other value.
func bearerToken(h string) string {
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// sessionSecret returns the value of the request's session cookie, or "".
// When several cookies of that name arrive (one set for a parent path, say)
// only the first counts, as browsers send the most specific first.
func sessionSecret(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// sessionCookieOf is the cookie that carries a new session: unreadable by
// scripts, sent on top-level navigation from other sites (so links into
// the platform keep one signed in) but not on their subrequests or forms,
// Secure over TLS, and expiring with the session.
func sessionCookieOf(secret string, expires time.Time, https bool) *http.Cookie {
	return &http.Cookie{
		Name:     sessionCookie,
		Value:    secret,
		Path:     "/",
		Expires:  expires,
		MaxAge:   max(1, int(time.Until(expires).Seconds())),
		HttpOnly: true,
		Secure:   https,
		SameSite: http.SameSiteLaxMode,
	}
}

// clearCookie is a cookie that makes the browser forget the cookie name.
func clearCookie(name string, https bool) *http.Cookie {
	return &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: https, SameSite: http.SameSiteLaxMode}
}
