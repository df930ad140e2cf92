package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"amur"
	"amur/auth"
)

// loginBody is the body of POST /api/v1/login.
type loginBody struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// passwordBody is the body of POST /api/v1/password.
type passwordBody struct {
	Current string `json:"current"`
	New     string `json:"new"`
}

// resetBody is the body of POST /api/v1/password/reset.
type resetBody struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// tokenRequest is the body of POST /api/v1/tokens.
type tokenRequest struct {
	Name string `json:"name"`
	// ExpiresAt is when the token stops working; absent means never.
	ExpiresAt *time.Time `json:"expires_at"`
}

// sessionInfo answers sign-in, GET /api/v1/me and a password change: the
// account and, for a session, the CSRF token its writes must carry and
// when it ends.
type sessionInfo struct {
	User      *amur.User `json:"user"`
	CSRFToken string     `json:"csrf_token,omitempty"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
}

// tokenInfo is the JSON form of an API token; its secret never appears
// except once, in newToken.
type tokenInfo struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	LastUsed  *time.Time `json:"last_used,omitempty"`
}

// newToken answers POST /api/v1/tokens: the token itself, shown this once.
type newToken struct {
	tokenInfo
	Token string `json:"token"`
}

// tokenList answers GET /api/v1/tokens.
type tokenList struct {
	Items []tokenInfo `json:"items"`
}

// optTime returns &t, or nil for the zero time, which JSON then omits.
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// infoOf is the JSON form of t.
func infoOf(t *amur.Token) tokenInfo {
	return tokenInfo{ID: t.ID, Name: t.Name, CreatedAt: t.CreatedAt, ExpiresAt: optTime(t.ExpiresAt), LastUsed: optTime(t.LastUsed)}
}

// readJSON reads the request body into dst, or answers the error and
// returns false.
func (s *Server) readJSON(w http.ResponseWriter, r *http.Request, dst any) bool {
	if err := s.decodeRequest(w, r, dst); err != nil {
		s.fail(w, r, err)
		return false
	}
	return true
}

// handleLogin answers POST /api/v1/login: it signs in, sets the session
// cookie and returns the account and the session's CSRF token. A session
// the client already had ends, so no cookie fixed before sign-in survives
// it.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	if !sameOrigin(r) {
		s.fail(w, r, amur.Errorf(amur.EForbidden, "err.csrf"))
		return
	}
	var in loginBody
	if !s.readJSON(w, r, &in) {
		return
	}
	signIn, err := s.login(w, r, in.Email, in.Password)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, sessionInfoOf(signIn))
}

// login signs in and sets the session cookie, ending any old session.
func (s *Server) login(w http.ResponseWriter, r *http.Request, email, password string) (*auth.SignIn, error) {
	actor, ra := amur.ActorFrom(r.Context()), authOf(r.Context())
	signIn, err := s.auth.Login(r.Context(), email, password, actor.Addr, r.UserAgent())
	if err != nil {
		return nil, err
	}
	if old := sessionSecret(r); old != "" {
		if err := s.auth.Logout(r.Context(), old); err != nil {
			return nil, err
		}
	}
	http.SetCookie(w, sessionCookieOf(signIn.Secret, signIn.Session.ExpiresAt, ra.https))
	return signIn, nil
}

// sessionInfoOf is the answer to a sign-in.
func sessionInfoOf(in *auth.SignIn) sessionInfo {
	return sessionInfo{User: in.User, CSRFToken: in.Session.CSRFToken, ExpiresAt: &in.Session.ExpiresAt}
}

// handleLogout answers POST /api/v1/logout: it ends the cookie's session
// and clears the cookie. Signing out twice is no error.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	if err := s.logout(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Del("Content-Type")
	w.WriteHeader(http.StatusNoContent)
}

// logout ends the request's session, if any, and clears its cookie.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	ra := authOf(r.Context())
	if ra.session != nil {
		if err := s.auth.Logout(r.Context(), ra.secret); err != nil {
			return err
		}
	}
	http.SetCookie(w, clearCookie(sessionCookie, ra.https))
	return nil
}

// handleMe answers GET /api/v1/me with the signed-in account.
func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	if err := noParams(r); err != nil {
		s.fail(w, r, err)
		return
	}
	u, err := s.auth.Me(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := sessionInfo{User: u}
	if sess := authOf(r.Context()).session; sess != nil {
		out.CSRFToken, out.ExpiresAt = sess.CSRFToken, &sess.ExpiresAt
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// handlePassword answers POST /api/v1/password: it changes the signed-in
// account's password, ends all its sessions and opens a new one for this
// client, whose cookie and CSRF token it returns.
func (s *Server) handlePassword(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	var in passwordBody
	if !s.readJSON(w, r, &in) {
		return
	}
	actor, ra := amur.ActorFrom(r.Context()), authOf(r.Context())
	signIn, err := s.auth.ChangePassword(r.Context(), in.Current, in.New, actor.Addr, r.UserAgent())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.SetCookie(w, sessionCookieOf(signIn.Secret, signIn.Session.ExpiresAt, ra.https))
	s.writeJSON(w, r, http.StatusOK, sessionInfoOf(signIn))
}

// handlePasswordReset answers POST /api/v1/password/reset: it sets a new
// password with a one-time reset token.
func (s *Server) handlePasswordReset(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	if !sameOrigin(r) {
		s.fail(w, r, amur.Errorf(amur.EForbidden, "err.csrf"))
		return
	}
	var in resetBody
	if !s.readJSON(w, r, &in) {
		return
	}
	if err := s.auth.ResetPassword(r.Context(), in.Token, in.Password); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Del("Content-Type")
	w.WriteHeader(http.StatusNoContent)
}

// handleTokenCreate answers POST /api/v1/tokens with a new API token of
// the signed-in account, shown this once.
func (s *Server) handleTokenCreate(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	var in tokenRequest
	if !s.readJSON(w, r, &in) {
		return
	}
	var expires time.Time
	if in.ExpiresAt != nil {
		expires = *in.ExpiresAt
	}
	userID := ""
	if p := amur.PrincipalFrom(r.Context()); p != nil {
		userID = p.UserID
	}
	secret, t, err := s.auth.CreateToken(r.Context(), userID, in.Name, expires)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/tokens/"+url.PathEscape(t.ID))
	s.writeJSON(w, r, http.StatusCreated, newToken{tokenInfo: infoOf(t), Token: secret})
}

// handleTokenList answers GET /api/v1/tokens with the signed-in account's
// tokens, without their secrets.
func (s *Server) handleTokenList(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	if err := noParams(r); err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.auth.Tokens(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := tokenList{Items: make([]tokenInfo, len(list))}
	for i, t := range list {
		out.Items[i] = infoOf(t)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// handleTokenDelete answers DELETE /api/v1/tokens/{id}: it revokes one of
// the signed-in account's tokens.
func (s *Server) handleTokenDelete(w http.ResponseWriter, r *http.Request) {
	if err := s.auth.DeleteToken(r.Context(), r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Del("Content-Type")
	w.WriteHeader(http.StatusNoContent)
}

// setRetryAfter tells a throttled client when to try again (RFC 9110,
// 10.2.3), from the seconds the error carries.
func setRetryAfter(w http.ResponseWriter, e *amur.Error) {
	if secs, ok := e.Args["retry_after"].(int); ok && e.Code == amur.EThrottled && secs > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	}
}

// noParams refuses every query parameter but lang, as the lists refuse
// the ones they do not know.
func noParams(r *http.Request) error {
	q, err := parseQuery(r)
	if err != nil {
		return err
	}
	return q.finish()
}

// noStore keeps answers about accounts and secrets out of every cache.
func noStore(w http.ResponseWriter) { w.Header().Set("Cache-Control", "no-store") }
