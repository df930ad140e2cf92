package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"amur/demo"
	"amur/internal/testkit"
	"amur/search"
	"amur/sqlstore"
)

// serveNode starts "amur serve" on a free loopback port and returns its
// base URL; the process is stopped when the test ends.
func serveNode(t *testing.T, bin, dsn, pwFile string) string {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", dsn, "--no-demo",
		"--admin-email", "admin@example.org", "--admin-password-file", pwFile)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "Amur is serving on "); ok {
				found <- strings.Fields(rest)[0]
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case u := <-found:
		return u
	case <-time.After(60 * time.Second):
		t.Fatalf("amur serve did not start: %s", stderr.String())
	}
	return ""
}

// send makes one JSON request and decodes the answer into v.
func send(t *testing.T, method, target, body string, v any, headers ...string) *http.Response {
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
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %d %s", method, target, resp.StatusCode, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s %s: %v: %s", method, target, err, b)
		}
	}
	return resp
}

// TestTwoNodesSearch runs two "amur serve" processes on one PostgreSQL
// database: an organisation created through one node's API is found, in
// another language, through the other node's search within two seconds.
func TestTwoNodesSearch(t *testing.T) {
	if os.Getenv(testkit.PostgresEnv) == "" {
		t.Skip(testkit.PostgresEnv + " is not set")
	}
	dsn := testkit.PostgresURL(t)
	dir := t.TempDir()
	bin := buildAmur(t, dir)
	pwFile := filepath.Join(dir, "admin-password")
	const pw = "correct horse battery staple 42"
	if err := os.WriteFile(pwFile, []byte(pw+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := serveNode(t, bin, dsn, pwFile)
	b := serveNode(t, bin, dsn, pwFile)
	// A node serves at once and builds its index (lexicons first) in the
	// background; the two seconds count from when it says it is complete.
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var res search.Result
		send(t, "GET", b+"/api/v1/search?q=x", "", &res)
		if res.Complete {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("node B's index is not built after 60 s")
		}
	}

	var sess struct {
		CSRFToken string `json:"csrf_token"`
	}
	resp := send(t, "POST", a+"/api/v1/login", `{"email":"admin@example.org","password":"`+pw+`"}`, &sess)
	var cookie string
	for _, c := range resp.Cookies() {
		if c.Name == "amur_session" {
			cookie = c.Name + "=" + c.Value
		}
	}
	var org struct {
		ID string `json:"id"`
	}
	send(t, "POST", a+"/api/v1/organizations",
		`{"name":{"ru":"Институт квантовой оптики","orig":"ru"},"kind":"research_institute","country":"RU"}`,
		&org, "Cookie", cookie, "X-CSRF-Token", sess.CSRFToken)

	created := time.Now()
	q := b + "/api/v1/search?" + url.Values{"q": {"量子光学"}, "kind": {"organizations"}}.Encode()
	for {
		var res search.Result
		send(t, "GET", q, "", &res)
		if len(res.Hits) > 0 && res.Hits[0].ID == org.ID {
			t.Logf("found on the other node after %v", time.Since(created).Round(time.Millisecond))
			return
		}
		if time.Since(created) > 2*time.Second {
			t.Fatalf("node B does not find the organisation created on node A after 2 s: %+v", res)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSearchAndReindexCommands runs the two commands on a demo database.
func TestSearchAndReindexCommands(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "amur.db")
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx); err == nil {
		err = demo.Load(ctx, db, demo.Options{Activities: 50})
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, int) {
		var out, errb bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Lang: "en", Logger: NewMain().Logger}
		code := m.Run(ctx, args)
		return out.String() + errb.String(), code
	}
	out, code := run("search", "--db", path, "--json", "--lang", "en", "математический", "центр")
	var res search.Result
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Hits) == 0 ||
		res.Hits[0].Title != "Russian–Chinese Mathematical Center" {
		t.Errorf("amur search: exit %d, %s", code, out)
	}
	if out, code := run("search", "--db", path, "--kind", "fields", "x"); code != 1 || !strings.Contains(out, "kind") {
		t.Errorf("amur search --kind fields: exit %d, %s", code, out)
	}
	if out, code := run("search", "--db", path); code != 2 {
		t.Errorf("amur search without a query: exit %d, %s", code, out)
	}
	out, code = run("reindex", "--db", path, "--json")
	var rep reindexReport
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Records == 0 || rep.Stats.Docs != rep.Records || rep.Found == 0 {
		t.Errorf("amur reindex: exit %d, %s", code, out)
	}
}
