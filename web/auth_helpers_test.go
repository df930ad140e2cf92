package web

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"amur"
	"amur/auth"
	"amur/sqlstore"
)

// testPassword satisfies the password rules.
const testPassword = "correct horse battery"

// cheapParams keep argon2id fast in tests of the HTTP flow; the auth
// package tests the real costs.
var cheapParams = auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// authWorld is a server with two accounts over a SQLite file that the test
// can also read directly, to see what is stored.
type authWorld struct {
	srv              *Server
	st               *sqlstore.DB
	raw              *sql.DB
	svc              *auth.Service
	admin, applicant *amur.User
}

// newAuthWorld returns an authWorld; edit may change the server's Config.
func newAuthWorld(t testing.TB, edit func(*Config)) *authWorld {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "amur.db")
	st, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	w := &authWorld{st: st, raw: raw, svc: auth.New(st, auth.Options{Params: cheapParams})}
	w.admin = &amur.User{Email: "admin@example.org", Role: amur.RoleAdmin}
	w.applicant = &amur.User{Email: "applicant@example.org", Role: amur.RoleApplicant}
	for _, u := range []*amur.User{w.admin, w.applicant} {
		if err := w.svc.AddUser(auth.System(ctx), u, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	cfg := Config{Store: st, Auth: w.svc}
	if edit != nil {
		edit(&cfg)
	}
	w.srv = New(cfg)
	return w
}

// session is a signed-in browser: its cookie and CSRF token.
type session struct {
	cookie, csrf string
}

// login signs email in through the API and returns the session.
func (w *authWorld) login(t *testing.T, email string) session {
	t.Helper()
	r := do(t, w.srv, "POST", "/api/v1/login", mustJSON(t, loginBody{Email: email, Password: testPassword})).want(t, http.StatusOK)
	var body sessionInfo
	r.decode(t, &body)
	c := cookieNamed(r, sessionCookie)
	if c == nil || body.CSRFToken == "" {
		t.Fatalf("sign-in set no session cookie or CSRF token: %v %s", r.Header["Set-Cookie"], r.Body)
	}
	return session{cookie: c.Value, csrf: body.CSRFToken}
}

// headers returns the request headers of the session, with its CSRF token
// when withCSRF is set.
func (s session) headers(withCSRF bool, more ...string) []string {
	h := append([]string{"Cookie", sessionCookie + "=" + s.cookie}, more...)
	if withCSRF {
		h = append(h, csrfHeader, s.csrf)
	}
	return h
}

// cookieNamed returns the cookie name that the answer sets, or nil.
func cookieNamed(r response, name string) *http.Cookie {
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// sha256Hex is how the store names a secret.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// rowsContaining counts the rows of table in which any column holds s.
func (w *authWorld) rowsContaining(t *testing.T, table, s string) int {
	t.Helper()
	rows, err := w.raw.Query("SELECT * FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	n := 0
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			if strings.Contains(v.String, s) {
				n++
				break
			}
		}
	}
	return n
}
