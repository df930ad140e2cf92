package web

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"amur"
	"amur/auth"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// sharedPostgres returns the URL of a fresh schema of the PostgreSQL server
// named by AMUR_TEST_POSTGRES, dropped when the test ends, so that several
// stores can open the same database. It skips the test without a server.
func sharedPostgres(t *testing.T) string {
	t.Helper()
	base := os.Getenv(testkit.PostgresEnv)
	if base == "" {
		t.Skip(testkit.PostgresEnv + " is not set")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "amur_nodes_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			_, err = db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// node is one "amur serve" process: its own connection pool to the shared
// database and its own web server on a loopback port.
type node struct {
	url string
	svc *auth.Service
}

// startNode opens dsn and serves it on a loopback listener.
func startNode(t *testing.T, dsn string) node {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	svc := auth.New(db, auth.Options{Params: cheapParams})
	ts := httptest.NewServer(New(Config{Store: db, Auth: svc}))
	t.Cleanup(ts.Close)
	return node{url: ts.URL, svc: svc}
}

// call sends one request over the network and returns the answer.
func call(t *testing.T, method, target, body string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{Code: resp.StatusCode, Header: resp.Header, Body: b}
}

// TestTwoNodesShareSessionsAndLimits runs two servers, each with its own
// store connection, over one PostgreSQL database, as two "amur serve"
// processes behind a load balancer would: a session, a token and the
// failure count of one node hold on the other.
func TestTwoNodesShareSessionsAndLimits(t *testing.T) {
	dsn := sharedPostgres(t)
	a, b := startNode(t, dsn), startNode(t, dsn)
	sys := auth.System(context.Background())
	for _, u := range []*amur.User{{Email: "office@example.org", Role: amur.RoleOffice, Side: "RU"}, {Email: "admin@example.org", Role: amur.RoleAdmin}} {
		if err := a.svc.AddUser(sys, u, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	good := mustJSON(t, loginBody{Email: "office@example.org", Password: testPassword})

	r := call(t, "POST", a.url+"/api/v1/login", good).want(t, http.StatusOK)
	var in sessionInfo
	r.decode(t, &in)
	c := cookieNamed(r, sessionCookie)
	if c == nil {
		t.Fatal("node A set no session cookie")
	}
	cookie := []string{"Cookie", sessionCookie + "=" + c.Value}
	var me sessionInfo
	call(t, "GET", b.url+"/api/v1/me", "", cookie...).want(t, http.StatusOK).decode(t, &me)
	if me.User.Email != "office@example.org" || me.CSRFToken != in.CSRFToken {
		t.Errorf("node B sees %+v, want the session opened on A", me)
	}
	var tok newToken
	call(t, "POST", b.url+"/api/v1/tokens", `{"name":"sync"}`, append(cookie, csrfHeader, in.CSRFToken)...).want(t, http.StatusCreated).decode(t, &tok)
	call(t, "GET", a.url+"/api/v1/me", "", "Authorization", "Bearer "+tok.Token).want(t, http.StatusOK)
	call(t, "POST", b.url+"/api/v1/logout", "", append(cookie, csrfHeader, in.CSRFToken)...).want(t, http.StatusNoContent)
	call(t, "GET", a.url+"/api/v1/me", "", cookie...).want(t, http.StatusUnauthorized)

	bad := mustJSON(t, loginBody{Email: "admin@example.org", Password: "not the password"})
	for range auth.DefaultMaxFailures {
		call(t, "POST", a.url+"/api/v1/login", bad).want(t, http.StatusUnauthorized)
	}
	r = call(t, "POST", b.url+"/api/v1/login", bad).want(t, http.StatusTooManyRequests)
	if r.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
}
