package web

import (
	"context"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"amur"
	"amur/auth"
	"amur/i18n"
)

// formHeaders are the headers of an HTML form post with the double-submit
// cookie.
func formHeaders(csrfCookie string, more ...string) []string {
	return append([]string{"Content-Type", "application/x-www-form-urlencoded", "Cookie", preCSRFCookie + "=" + csrfCookie}, more...)
}

// formCSRF returns the pre-session CSRF token of a page: its cookie, which
// the form repeats.
func formCSRF(t *testing.T, r response) string {
	t.Helper()
	c := cookieNamed(r, preCSRFCookie)
	if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
		t.Fatalf("the form page set no strict %s cookie: %v", preCSRFCookie, r.Header["Set-Cookie"])
	}
	if !strings.Contains(string(r.Body), `name="csrf_token" value="`+c.Value+`"`) {
		t.Fatalf("the form does not repeat the %s cookie", preCSRFCookie)
	}
	return c.Value
}

func TestLoginPage(t *testing.T) {
	w := newAuthWorld(t, nil)
	r := do(t, w.srv, "GET", "/login?lang=ru&next=/api/v1/me", "").want(t, http.StatusOK)
	page := string(r.Body)
	for _, want := range []string{`<html lang="ru">`, `<label for="email">Адрес электронной почты</label>`, `id="email" name="email" type="email"`,
		`<label for="password">Пароль</label>`, `autocomplete="current-password"`, `action="/login?lang=ru"`, `name="next" value="/api/v1/me"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s:\n%s", want, page)
		}
	}
	if ct := r.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	csrf := formCSRF(t, r)

	// Without the cookie's token the form is refused, in Russian.
	r = do(t, w.srv, "POST", "/login?lang=ru", "email=admin%40example.org&password="+url.QueryEscape(testPassword)+"&csrf_token=forged",
		formHeaders(csrf)...).want(t, http.StatusForbidden)
	if !strings.Contains(string(r.Body), "нет защитного токена") || cookieNamed(r, sessionCookie) != nil {
		t.Errorf("forged form: %s", r.Body)
	}
	// A wrong password shows the translated error and keeps the address.
	r = do(t, w.srv, "POST", "/login?lang=zh", "email=admin%40example.org&password=wrong+password+here&csrf_token="+csrf,
		formHeaders(csrf)...).want(t, http.StatusUnauthorized)
	if b := string(r.Body); !strings.Contains(b, "电子邮箱或密码错误") || !strings.Contains(b, `value="admin@example.org"`) || !strings.Contains(b, `role="alert"`) {
		t.Errorf("failed sign-in page:\n%s", b)
	}
	// The right one signs in and goes on to next.
	r = do(t, w.srv, "POST", "/login", "email=admin%40example.org&password="+url.QueryEscape(testPassword)+"&csrf_token="+csrf+"&next=/api/v1/me",
		formHeaders(csrf)...).want(t, http.StatusSeeOther)
	c := cookieNamed(r, sessionCookie)
	if c == nil || r.Header.Get("Location") != "/api/v1/me" {
		t.Fatalf("sign-in: Location %q, cookies %v", r.Header.Get("Location"), r.Header["Set-Cookie"])
	}
	signed := do(t, w.srv, "GET", "/login", "", "Cookie", sessionCookie+"="+c.Value).want(t, http.StatusOK)
	if !strings.Contains(string(signed.Body), "admin@example.org") || !strings.Contains(string(signed.Body), `action="/logout"`) {
		t.Errorf("signed-in page:\n%s", signed.Body)
	}
}

func TestLoginPageRefusesCrossSite(t *testing.T) {
	w := newAuthWorld(t, nil)
	csrf := formCSRF(t, do(t, w.srv, "GET", "/login", ""))
	body := "email=admin%40example.org&password=" + url.QueryEscape(testPassword) + "&csrf_token=" + csrf
	for name, h := range map[string][]string{
		"other origin":   formHeaders(csrf, "Origin", "https://evil.example"),
		"cross-site":     formHeaders(csrf, "Sec-Fetch-Site", "cross-site"),
		"no cookie":      {"Content-Type", "application/x-www-form-urlencoded"},
		"another cookie": formHeaders(strings.Repeat("B", len(csrf))),
	} {
		r := do(t, w.srv, "POST", "/login", body, h...)
		if r.Code != http.StatusForbidden || cookieNamed(r, sessionCookie) != nil {
			t.Errorf("%s: status %d, cookies %v; want 403 and no session", name, r.Code, r.Header["Set-Cookie"])
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/api/v1/me": "/api/v1/me", "/login?lang=ru": "/login?lang=ru", "": "", "//evil.example": "",
		"/\\evil.example": "", "https://evil.example/": "", "javascript:alert(1)": "", "/ok\r\nSet-Cookie: x": "",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResetPage(t *testing.T) {
	w := newAuthWorld(t, nil)
	token, _, err := w.svc.IssueResetToken(auth.System(context.Background()), w.applicant.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := do(t, w.srv, "GET", "/password/reset?lang=en&token="+token, "").want(t, http.StatusOK)
	if b := string(r.Body); !strings.Contains(b, `name="token" value="`+token+`"`) || !strings.Contains(b, `<label for="confirm">`) {
		t.Fatalf("reset page:\n%s", b)
	}
	csrf := formCSRF(t, r)
	const next = "a reset password here"
	form := func(pw, confirm string) string {
		return url.Values{"token": {token}, "password": {pw}, "confirm": {confirm}, "csrf_token": {csrf}}.Encode()
	}
	r = do(t, w.srv, "POST", "/password/reset?lang=ru", form(next, next+"x"), formHeaders(csrf)...).want(t, http.StatusBadRequest)
	if !strings.Contains(string(r.Body), "Повторите новый пароль: пароли не совпадают") {
		t.Errorf("mismatch page:\n%s", r.Body)
	}
	r = do(t, w.srv, "POST", "/password/reset", form("short", "short"), formHeaders(csrf)...).want(t, http.StatusBadRequest)
	if !strings.Contains(string(r.Body), "New password: must be at least 12 characters long") {
		t.Errorf("short password page:\n%s", r.Body)
	}
	r = do(t, w.srv, "POST", "/password/reset", form(next, next), formHeaders(csrf)...).want(t, http.StatusOK)
	if !strings.Contains(string(r.Body), `role="status"`) {
		t.Errorf("done page:\n%s", r.Body)
	}
	r = do(t, w.srv, "POST", "/password/reset", form(next, next), formHeaders(csrf)...).want(t, http.StatusBadRequest)
	if !strings.Contains(string(r.Body), "the reset link is invalid, used or expired") {
		t.Errorf("second use:\n%s", r.Body)
	}
	do(t, w.srv, "POST", "/api/v1/login", mustJSON(t, loginBody{Email: "applicant@example.org", Password: next})).want(t, http.StatusOK)
}

// templateKeyRE finds the message keys templates translate.
var templateKeyRE = regexp.MustCompile(`\.T "([a-z_.]+)"`)

// TestTemplateKeysExist fails when a template names a message key that a
// catalog lacks.
func TestTemplateKeysExist(t *testing.T) {
	found := 0
	err := fs.WalkDir(templateFS, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFS, path)
		if err != nil {
			return err
		}
		for _, m := range templateKeyRE.FindAllStringSubmatch(string(b), -1) {
			found++
			for _, l := range amur.Langs {
				if _, ok := i18n.Lookup(l, m[1]); !ok {
					t.Errorf("%s uses %q, which the %s catalog lacks", path, m[1], l)
				}
			}
		}
		return nil
	})
	if err != nil || found < 10 {
		t.Fatalf("found %d keys (%v); the scan is broken", found, err)
	}
	for _, labels := range []map[string]string{loginLabels, resetLabels} {
		for _, k := range labels {
			if _, ok := i18n.Lookup(amur.EN, k); !ok {
				t.Errorf("label key %q is missing", k)
			}
		}
	}
}
