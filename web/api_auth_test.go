package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/auth"
	"amur/internal/testkit"
)

func TestLoginCookieAndStoredHash(t *testing.T) {
	w := newAuthWorld(t, nil)
	r := do(t, w.srv, "POST", "/api/v1/login", `{"email":"Applicant@Example.org","password":"`+testPassword+`"}`).want(t, http.StatusOK)
	var body sessionInfo
	r.decode(t, &body)
	if body.User == nil || body.User.ID != w.applicant.ID || body.CSRFToken == "" || body.ExpiresAt == nil {
		t.Fatalf("sign-in answer %s", r.Body)
	}
	if strings.Contains(string(r.Body), "password") {
		t.Errorf("the answer mentions a password: %s", r.Body)
	}
	c := cookieNamed(r, sessionCookie)
	if c == nil {
		t.Fatalf("no %s cookie in %v", sessionCookie, r.Header["Set-Cookie"])
	}
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Secure {
		t.Errorf("cookie %+v: want HttpOnly, SameSite=Lax, Path=/, not Secure over plain HTTP", c)
	}
	if ttl := time.Duration(c.MaxAge) * time.Second; ttl < auth.DefaultSessionTTL-time.Minute || ttl > auth.DefaultSessionTTL {
		t.Errorf("cookie Max-Age %v, want about %v", ttl, auth.DefaultSessionTTL)
	}
	if r.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", r.Header.Get("Cache-Control"))
	}
	if n := w.rowsContaining(t, "sessions", sha256Hex(c.Value)); n != 1 {
		t.Errorf("%d session rows hold the cookie's SHA-256, want 1", n)
	}
	if n := w.rowsContaining(t, "sessions", c.Value); n != 0 {
		t.Errorf("%d session rows hold the cookie's secret itself", n)
	}
	me := do(t, w.srv, "GET", "/api/v1/me", "", "Cookie", sessionCookie+"="+c.Value).want(t, http.StatusOK)
	var got sessionInfo
	me.decode(t, &got)
	if got.User.Email != "applicant@example.org" || got.CSRFToken != body.CSRFToken {
		t.Errorf("me = %s", me.Body)
	}
}

func TestLoginOverTLS(t *testing.T) {
	w := newAuthWorld(t, nil)
	body := mustJSON(t, loginBody{Email: "admin@example.org", Password: testPassword})
	r := do(t, w.srv, "POST", "https://amur.example/api/v1/login", body).want(t, http.StatusOK)
	if c := cookieNamed(r, sessionCookie); c == nil || !c.Secure {
		t.Errorf("cookie over TLS %+v, want Secure", c)
	}
	if r.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS over TLS")
	}
}

// TestLoginFailuresAnswerAlike checks that a wrong password and an unknown
// account get byte-identical answers.
func TestLoginFailuresAnswerAlike(t *testing.T) {
	w := newAuthWorld(t, nil)
	wrong := do(t, w.srv, "POST", "/api/v1/login?lang=ru", `{"email":"admin@example.org","password":"not the password"}`).want(t, http.StatusUnauthorized)
	unknown := do(t, w.srv, "POST", "/api/v1/login?lang=ru", `{"email":"nobody@example.org","password":"not the password"}`).want(t, http.StatusUnauthorized)
	if string(wrong.Body) != string(unknown.Body) {
		t.Errorf("answers differ:\n%s\n%s", wrong.Body, unknown.Body)
	}
	if e := wrong.apiError(t); e.Key != "err.login" || e.Message != "неверный адрес электронной почты или пароль" {
		t.Errorf("error %+v", e)
	}
	if cookieNamed(wrong, sessionCookie) != nil {
		t.Error("a failed sign-in set a session cookie")
	}
}

func TestLoginRefusesCrossSite(t *testing.T) {
	w := newAuthWorld(t, nil)
	body := mustJSON(t, loginBody{Email: "admin@example.org", Password: testPassword})
	tests := []struct {
		name    string
		headers []string
		status  int
	}{
		{"other origin", []string{"Origin", "https://evil.example"}, http.StatusForbidden},
		{"cross-site fetch", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"form body", []string{"Content-Type", "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"text body", []string{"Content-Type", "text/plain"}, http.StatusUnsupportedMediaType},
		{"same origin", []string{"Origin", "http://example.com", "Sec-Fetch-Site", "same-origin"}, http.StatusOK},
	}
	for _, tt := range tests {
		r := do(t, w.srv, "POST", "/api/v1/login", body, tt.headers...)
		if r.Code != tt.status || (tt.status != http.StatusOK) != (cookieNamed(r, sessionCookie) == nil) {
			t.Errorf("%s: status %d, cookie %v; want %d", tt.name, r.Code, cookieNamed(r, sessionCookie), tt.status)
		}
	}
}

func TestLogoutEndsSession(t *testing.T) {
	w := newAuthWorld(t, nil)
	s := w.login(t, "applicant@example.org")
	r := do(t, w.srv, "POST", "/api/v1/logout", "", s.headers(true)...).want(t, http.StatusNoContent)
	if c := cookieNamed(r, sessionCookie); c == nil || c.MaxAge >= 0 {
		t.Errorf("logout did not clear the cookie: %v", r.Header["Set-Cookie"])
	}
	me := do(t, w.srv, "GET", "/api/v1/me", "", s.headers(false)...).want(t, http.StatusUnauthorized)
	if c := cookieNamed(me, sessionCookie); c == nil || c.MaxAge >= 0 {
		t.Error("a request with the ended session's cookie did not clear it")
	}
	if n := w.rowsContaining(t, "sessions", sha256Hex(s.cookie)); n != 0 {
		t.Errorf("the ended session is still stored")
	}
	do(t, w.srv, "POST", "/api/v1/logout", "").want(t, http.StatusNoContent)
}

// TestCSRF checks that every state-changing request authenticated by a
// cookie needs the session's CSRF token, and that a refused request changes
// nothing.
func TestCSRF(t *testing.T) {
	w := newAuthWorld(t, nil)
	ctx := context.Background()
	prog := testkit.Program("crys")
	if err := w.st.CreateProgram(ctx, prog); err != nil {
		t.Fatal(err)
	}
	s := w.login(t, "admin@example.org")
	patch := `{"slug":"renamed"}`
	tests := []struct {
		name, method, path, body string
		headers                  []string
	}{
		{"token without CSRF", "POST", "/api/v1/tokens", `{"name":"x"}`, s.headers(false)},
		{"token with a wrong CSRF", "POST", "/api/v1/tokens", `{"name":"x"}`, s.headers(false, csrfHeader, "wrong")},
		{"token with another session's CSRF", "POST", "/api/v1/tokens", `{"name":"x"}`, s.headers(false, csrfHeader, w.login(t, "admin@example.org").csrf)},
		{"patch a record", "PATCH", "/api/v1/programs/" + prog.ID, patch, s.headers(false)},
		{"delete a record", "DELETE", "/api/v1/programs/" + prog.ID, "", s.headers(false)},
		{"password change", "POST", "/api/v1/password", `{"current":"` + testPassword + `","new":"another long password"}`, s.headers(false)},
		{"logout", "POST", "/api/v1/logout", "", s.headers(false)},
		{"html logout", "POST", "/logout", "csrf_token=wrong", s.headers(false, "Content-Type", "application/x-www-form-urlencoded")},
	}
	for _, tt := range tests {
		r := do(t, w.srv, tt.method, tt.path, tt.body, tt.headers...)
		if e := r.want(t, http.StatusForbidden).apiError(t); e.Code != amur.EForbidden || e.Key != "err.csrf" {
			t.Errorf("%s: %+v, want forbidden err.csrf", tt.name, e)
		}
	}
	if n := w.rowsContaining(t, "api_tokens", w.admin.ID); n != 0 {
		t.Errorf("%d tokens were created without a CSRF token", n)
	}
	if got, err := w.st.Program(ctx, prog.ID); err != nil || got.Slug != "crys" || got.Version != 1 {
		t.Errorf("program after refused writes: %+v, %v", got, err)
	}
	do(t, w.srv, "GET", "/api/v1/me", "", s.headers(false)...).want(t, http.StatusOK)

	// With the token the same requests go through.
	do(t, w.srv, "POST", "/api/v1/tokens", `{"name":"x"}`, s.headers(true)...).want(t, http.StatusCreated)
	do(t, w.srv, "PATCH", "/api/v1/programs/"+prog.ID, patch, s.headers(true)...).want(t, http.StatusOK)
	do(t, w.srv, "POST", "/logout", "csrf_token="+s.csrf, s.headers(false, "Content-Type", "application/x-www-form-urlencoded")...).want(t, http.StatusSeeOther)
	do(t, w.srv, "GET", "/api/v1/me", "", s.headers(false)...).want(t, http.StatusUnauthorized)
}

func TestBearerToken(t *testing.T) {
	w := newAuthWorld(t, nil)
	ctx := context.Background()
	prog := testkit.Program("crys")
	if err := w.st.CreateProgram(ctx, prog); err != nil {
		t.Fatal(err)
	}
	s := w.login(t, "admin@example.org")
	r := do(t, w.srv, "POST", "/api/v1/tokens", `{"name":"nightly export"}`, s.headers(true)...).want(t, http.StatusCreated)
	var created newToken
	r.decode(t, &created)
	if !strings.HasPrefix(created.Token, auth.TokenPrefix) || created.Name != "nightly export" || r.Header.Get("Location") != "/api/v1/tokens/"+created.ID {
		t.Fatalf("created token %s (Location %q)", r.Body, r.Header.Get("Location"))
	}
	bearer := []string{"Authorization", "Bearer " + created.Token}

	me := do(t, w.srv, "GET", "/api/v1/me", "", bearer...).want(t, http.StatusOK)
	var info sessionInfo
	me.decode(t, &info)
	if info.User.ID != w.admin.ID || info.CSRFToken != "" {
		t.Errorf("me by token = %s; want the admin and no CSRF token", me.Body)
	}
	// Bearer requests need no CSRF token.
	do(t, w.srv, "PATCH", "/api/v1/programs/"+prog.ID, `{"slug":"by-token"}`, bearer...).want(t, http.StatusOK)
	// A token cannot mint tokens.
	e := do(t, w.srv, "POST", "/api/v1/tokens", `{"name":"bred"}`, bearer...).want(t, http.StatusForbidden).apiError(t)
	if e.Key != "err.session_required" {
		t.Errorf("token minting a token: %+v", e)
	}
	for _, h := range []string{"Bearer " + created.Token[:20], "Bearer", "Basic YWRtaW46cGFzcw==", "Bearer amur_" + strings.Repeat("A", 43)} {
		r := do(t, w.srv, "GET", "/api/v1/me", "", "Authorization", h).want(t, http.StatusUnauthorized)
		if r.apiError(t).Key != "err.token" || !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("Authorization %q: %s %v", h, r.Body, r.Header)
		}
	}
	do(t, w.srv, "DELETE", "/api/v1/tokens/"+created.ID, "", bearer...).want(t, http.StatusNoContent)
	do(t, w.srv, "GET", "/api/v1/me", "", bearer...).want(t, http.StatusUnauthorized)
}

func TestTokenShownOnceStoredHashed(t *testing.T) {
	w := newAuthWorld(t, nil)
	s := w.login(t, "applicant@example.org")
	r := do(t, w.srv, "POST", "/api/v1/tokens", `{"name":"import","expires_at":"2099-01-01T00:00:00Z"}`, s.headers(true)...).want(t, http.StatusCreated)
	var created newToken
	r.decode(t, &created)
	if created.ExpiresAt == nil || created.ExpiresAt.Year() != 2099 {
		t.Errorf("expiry %v, want 2099", created.ExpiresAt)
	}
	list := do(t, w.srv, "GET", "/api/v1/tokens", "", s.headers(false)...).want(t, http.StatusOK)
	if strings.Contains(string(list.Body), created.Token) || strings.Contains(string(list.Body), `"token"`) {
		t.Errorf("the list shows the token again: %s", list.Body)
	}
	var tokens tokenList
	list.decode(t, &tokens)
	if len(tokens.Items) != 1 || tokens.Items[0].ID != created.ID {
		t.Errorf("tokens = %s", list.Body)
	}
	if n := w.rowsContaining(t, "api_tokens", created.Token); n != 0 {
		t.Errorf("%d rows hold the token itself", n)
	}
	var hash string
	if err := w.raw.QueryRow("SELECT hash FROM api_tokens WHERE id = ?", created.ID).Scan(&hash); err != nil || hash != sha256Hex(created.Token) {
		t.Errorf("stored hash %q (%v), want the token's SHA-256", hash, err)
	}
	e := do(t, w.srv, "POST", "/api/v1/tokens", `{"name":"old","expires_at":"2001-01-01T00:00:00Z"}`, s.headers(true)...).want(t, http.StatusBadRequest).apiError(t)
	if e.Field != "expires_at" || e.Key != "err.future" {
		t.Errorf("past expiry: %+v", e)
	}
	do(t, w.srv, "GET", "/api/v1/tokens", "").want(t, http.StatusUnauthorized)
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	w := newAuthWorld(t, nil)
	a, b := w.login(t, "applicant@example.org"), w.login(t, "applicant@example.org")
	const next = "a fresh long password"
	e := do(t, w.srv, "POST", "/api/v1/password", `{"current":"wrong password","new":"`+next+`"}`, a.headers(true)...).want(t, http.StatusBadRequest).apiError(t)
	if e.Field != "current" || e.Key != "err.password_wrong" {
		t.Errorf("wrong current password: %+v", e)
	}
	r := do(t, w.srv, "POST", "/api/v1/password", `{"current":"`+testPassword+`","new":"`+next+`"}`, a.headers(true)...).want(t, http.StatusOK)
	c := cookieNamed(r, sessionCookie)
	if c == nil || c.Value == a.cookie {
		t.Fatalf("the change set no new session cookie: %v", r.Header["Set-Cookie"])
	}
	do(t, w.srv, "GET", "/api/v1/me", "", b.headers(false)...).want(t, http.StatusUnauthorized)
	do(t, w.srv, "GET", "/api/v1/me", "", a.headers(false)...).want(t, http.StatusUnauthorized)
	do(t, w.srv, "GET", "/api/v1/me", "", "Cookie", sessionCookie+"="+c.Value).want(t, http.StatusOK)
	do(t, w.srv, "POST", "/api/v1/login", `{"email":"applicant@example.org","password":"`+testPassword+`"}`).want(t, http.StatusUnauthorized)
	do(t, w.srv, "POST", "/api/v1/login", `{"email":"applicant@example.org","password":"`+next+`"}`).want(t, http.StatusOK)
}

func TestResetTokenWorksOnce(t *testing.T) {
	w := newAuthWorld(t, nil)
	token, _, err := w.svc.IssueResetToken(auth.System(context.Background()), w.applicant.ID)
	if err != nil {
		t.Fatal(err)
	}
	e := do(t, w.srv, "POST", "/api/v1/password/reset", `{"token":"`+token+`","password":"applicant@example.org"}`).want(t, http.StatusBadRequest).apiError(t)
	if e.Key != "err.password_email" {
		t.Errorf("the address as password: %+v", e)
	}
	const next = "reset to this password"
	do(t, w.srv, "POST", "/api/v1/password/reset", `{"token":"`+token+`","password":"`+next+`"}`).want(t, http.StatusNoContent)
	e = do(t, w.srv, "POST", "/api/v1/password/reset", `{"token":"`+token+`","password":"`+next+` again"}`).want(t, http.StatusBadRequest).apiError(t)
	if e.Field != "token" || e.Key != "err.reset_token" {
		t.Errorf("second use: %+v", e)
	}
	do(t, w.srv, "POST", "/api/v1/login", `{"email":"applicant@example.org","password":"`+next+`"}`).want(t, http.StatusOK)
}

func TestBruteForceThrottled(t *testing.T) {
	w := newAuthWorld(t, nil)
	wrong := `{"email":"admin@example.org","password":"guess number x"}`
	for i := range auth.DefaultMaxFailures {
		do(t, w.srv, "POST", "/api/v1/login", strings.Replace(wrong, "x", strconv.Itoa(i), 1)).want(t, http.StatusUnauthorized)
	}
	for _, body := range []string{wrong, `{"email":"admin@example.org","password":"` + testPassword + `"}`} {
		r := do(t, w.srv, "POST", "/api/v1/login?lang=zh", body).want(t, http.StatusTooManyRequests)
		secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
		if err != nil || secs < 1 || secs > int(auth.DefaultFailureWindow/time.Second) {
			t.Errorf("Retry-After %q, want 1..900 seconds", r.Header.Get("Retry-After"))
		}
		if e := r.apiError(t); e.Code != amur.EThrottled || e.Key != "err.throttled" || !strings.Contains(e.Message, "分钟后重试") {
			t.Errorf("throttled answer %+v", e)
		}
		if cookieNamed(r, sessionCookie) != nil {
			t.Error("a throttled sign-in set a cookie")
		}
	}
}
