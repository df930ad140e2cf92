package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// testPassword satisfies the password rules.
const testPassword = "correct horse battery"

// serveOn runs "amur serve" on the database db with args until the test
// ends, and returns its base URL and a function that stops it and returns
// everything it printed to standard output.
func serveOn(t *testing.T, db string, args ...string) (string, func() string) {
	t.Helper()
	m, out, errb := newTestMain(t, nil)
	ready := make(chan string, 1)
	m.Ready = func(addr string) { ready <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0", "--no-demo", "--db", db}, args...))
	}()
	stopped := false
	stop := func() string {
		if !stopped {
			stopped = true
			cancel()
			if code := <-done; code != exitOK {
				t.Errorf("serve exited %d: %s", code, errb.String())
			}
		}
		return out.String()
	}
	t.Cleanup(func() { stop() })
	select {
	case addr := <-ready:
		scheme := "http://"
		if strings.Contains(strings.Join(args, " "), "--tls-cert") {
			scheme = "https://"
		}
		return scheme + addr, stop
	case code := <-done:
		stopped = true // its result is read; the clean-up must not wait for it again
		t.Fatalf("serve exited %d before listening: %s", code, errb.String())
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start within 60 s")
	}
	return "", nil
}

// post sends a JSON body and returns the status and the answer's body.
func post(t *testing.T, client *http.Client, url, body string, headers ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}

// signIn tries to sign in over the API and returns the status.
func signIn(t *testing.T, base, email, password string) int {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	code, _ := post(t, http.DefaultClient, base+"/api/v1/login", string(body))
	return code
}

// writeFile writes content to a new file in dir.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// secretRE finds the indented secret a command prints once.
var secretRE = regexp.MustCompile(`(?m)^    (\S+)$`)

// addAccounts adds an office with the password of a file and an applicant
// with a generated one, checking what the commands print, and returns the
// generated password.
func addAccounts(t *testing.T, dir, db string) string {
	t.Helper()
	pwFile := writeFile(t, dir, "pw", testPassword+"\n")
	code, out, errs := run(t, nil, "user", "add", "--db", db, "--email", "Office@Example.org", "--role", "office", "--side", "ru", "--name", "Office RU", "--password-file", pwFile)
	if code != exitOK || !strings.Contains(out, "added office@example.org (office)") || strings.Contains(out, testPassword) {
		t.Fatalf("user add: exit %d, %q %q", code, out, errs)
	}
	code, out, _ = run(t, nil, "user", "add", "--db", db, "--email", "applicant@example.org", "--role", "applicant")
	generated := secretRE.FindStringSubmatch(out)
	if code != exitOK || generated == nil || !strings.Contains(out, "shown once") {
		t.Fatalf("user add without a password: exit %d, %q", code, out)
	}
	return generated[1]
}

func TestUserAddAndList(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "amur.db")
	addAccounts(t, dir, db)
	for _, tt := range []struct {
		args []string
		env  map[string]string
		code int
		msg  string
	}{
		{[]string{"--email", "office@example.org", "--role", "reviewer"}, nil, exitFailure, `field "email": "office@example.org" is already used`},
		{[]string{"--email", "x@example.org", "--role", "office"}, map[string]string{"AMUR_LANG": "ru"}, exitFailure, "поле «side»"},
		{[]string{"--email", "x@example.org", "--role", "king"}, nil, exitFailure, `field "role"`},
		{[]string{"--email", "x@example.org", "--role", "reviewer", "--password-file", writeFile(t, dir, "short", "short\n")}, nil, exitFailure, "at least 12 characters"},
		{[]string{"--email", "x@example.org", "--role", "reviewer", "--password-file", filepath.Join(dir, "nope")}, nil, exitFailure, "does not exist"},
		{[]string{"--role", "reviewer"}, nil, exitUsage, "--email and --role are required"},
	} {
		code, _, errs := run(t, tt.env, append([]string{"user", "add", "--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("user add %v: exit %d, %q; want %d with %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
	code, out, _ := run(t, nil, "user", "list", "--db", db)
	if code != exitOK || !regexp.MustCompile(`office@example.org\s+office\s+RU`).MatchString(out) || !strings.Contains(out, "applicant@example.org") || strings.Contains(out, "x@example.org") {
		t.Errorf("user list: exit %d\n%s", code, out)
	}
}

// TestUserCommandsEndToEnd checks the commands against a running server:
// accounts made on the command line sign in, a printed token works as a
// bearer token, a reset link works once, and passwd takes effect.
func TestUserCommandsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "amur.db")
	generated := addAccounts(t, dir, db)
	code, out, errs := run(t, nil, "token", "create", "--db", db, "--email", "office@example.org", "--name", "nightly export")
	token := secretRE.FindStringSubmatch(out)
	if code != exitOK || token == nil || !strings.HasPrefix(token[1], "amur_") {
		t.Fatalf("token create: exit %d, %q %q", code, out, errs)
	}
	code, out, _ = run(t, nil, "user", "reset-token", "--db", db, "--email", "applicant@example.org", "--url", "https://amur.example/")
	link := regexp.MustCompile(`https://amur\.example/password/reset\?token=(\S+)`).FindStringSubmatch(out)
	if code != exitOK || link == nil {
		t.Fatalf("reset-token: exit %d, %q", code, out)
	}

	base, _ := serveOn(t, db)
	if got := signIn(t, base, "office@example.org", testPassword); got != http.StatusOK {
		t.Errorf("the office cannot sign in with the file's password: %d", got)
	}
	if got := signIn(t, base, "applicant@example.org", generated); got != http.StatusOK {
		t.Errorf("the applicant cannot sign in with the generated password: %d", got)
	}
	req, _ := http.NewRequest("GET", base+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+token[1])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("the printed token does not work: %d", resp.StatusCode)
	}
	const next = "chosen with the reset link"
	for i, want := range []int{http.StatusNoContent, http.StatusBadRequest} {
		body, _ := json.Marshal(map[string]string{"token": link[1], "password": next})
		if got, body := post(t, http.DefaultClient, base+"/api/v1/password/reset", string(body)); got != want {
			t.Errorf("reset use %d: %d %s, want %d", i+1, got, body, want)
		}
	}
	if got := signIn(t, base, "applicant@example.org", next); got != http.StatusOK {
		t.Errorf("the reset password does not sign in: %d", got)
	}
	code, out, _ = run(t, nil, "user", "passwd", "--db", db, "--email", "applicant@example.org")
	if again := secretRE.FindStringSubmatch(out); code != exitOK || again == nil || signIn(t, base, "applicant@example.org", again[1]) != http.StatusOK {
		t.Errorf("user passwd: exit %d, %q", code, out)
	}
	if code, _, errs := run(t, nil, "user", "passwd", "--db", db, "--email", "nobody@example.org"); code != exitFailure || !strings.Contains(errs, "nobody@example.org") {
		t.Errorf("passwd of an unknown account: exit %d, %q", code, errs)
	}
}

func TestUserUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"user"}, exitUsage, ""},
		{[]string{"user", "--help"}, exitOK, "reset-token"},
		{[]string{"user", "frobnicate"}, exitUsage, ""},
		{[]string{"user", "add", "--help"}, exitOK, "--password-file"},
		{[]string{"user", "passwd", "--help"}, exitOK, "--email"},
		{[]string{"user", "reset-token", "--help"}, exitOK, "--url"},
		{[]string{"user", "list", "--help"}, exitOK, "--db"},
		{[]string{"user", "list", "extra"}, exitUsage, ""},
		{[]string{"token"}, exitUsage, ""},
		{[]string{"token", "create", "--help"}, exitOK, "--expires-in"},
		{[]string{"token", "create", "--email", "a@example.org"}, exitUsage, ""},
		{[]string{"serve", "--tls-cert", "cert.pem"}, exitUsage, ""},
		{[]string{"serve", "--trusted-proxy", "not-a-network"}, exitUsage, ""},
	}
	for _, tt := range tests {
		code, out, _ := run(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) {
			t.Errorf("amur %v: exit %d, stdout %q; want exit %d with %q", tt.args, code, out, tt.code, tt.out)
		}
	}
}

// TestServeBootstrapsAdmin checks that the first start on a database
// without accounts creates an admin and prints its password once, and that
// the next start prints nothing of the kind.
func TestServeBootstrapsAdmin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "amur.db")
	_, stop := serveOn(t, db)
	out := stop()
	pw := secretRE.FindStringSubmatch(out)
	if pw == nil || !strings.Contains(out, "admin@localhost (admin)") {
		t.Fatalf("first start printed no admin password:\n%s", out)
	}
	base, stop := serveOn(t, db)
	if got := signIn(t, base, "admin@localhost", pw[1]); got != http.StatusOK {
		t.Errorf("the printed password does not sign in: %d", got)
	}
	if out := stop(); strings.Contains(out, pw[1]) || strings.Contains(out, "Created the first account") {
		t.Errorf("the second start printed the password again:\n%s", out)
	}

	db2 := filepath.Join(t.TempDir(), "amur.db")
	file := writeFile(t, t.TempDir(), "admin-pw", testPassword+"\n")
	base, stop = serveOn(t, db2, "--admin-email", "chief@example.org", "--admin-password-file", file)
	if got := signIn(t, base, "chief@example.org", testPassword); got != http.StatusOK {
		t.Errorf("the admin from --admin-password-file cannot sign in: %d", got)
	}
	if out := stop(); strings.Contains(out, testPassword) || !strings.Contains(out, "chief@example.org (admin)") {
		t.Errorf("start with a password file printed:\n%s", out)
	}
}
