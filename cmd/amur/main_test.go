package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"amur"
)

// newTestMain returns a Main with captured output and a private environment.
func newTestMain(t *testing.T, env map[string]string) (*Main, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
		Lang:   langFromEnv(func(k string) string { return env[k] }),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	return m, &out, &errb
}

// startServe runs "amur serve" on a fresh database and returns its base URL.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	m, _, errb := newTestMain(t, nil)
	ready := make(chan string, 1)
	m.Ready = func(addr string) { ready <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	db := filepath.Join(t.TempDir(), "amur.db")
	go func() {
		done <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0", "--db", db}, args...))
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr
	case code := <-done:
		t.Fatalf("serve exited %d before listening: %s", code, errb.String())
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start within 60 s")
	}
	return ""
}

// getJSON fetches url and decodes its JSON body into v, returning the status.
func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: body is not JSON: %v", url, err)
	}
	return resp.StatusCode
}

// TestServeDemo checks that a fresh serve answers with the demo program.
func TestServeDemo(t *testing.T) {
	base := startServe(t)

	var list struct {
		Items []amur.Activity `json:"items"`
	}
	if code := getJSON(t, base+"/api/v1/activities?type=ceremony&limit=1000", &list); code != 200 {
		t.Fatalf("ceremonies: status %d", code)
	}
	starts := map[string]bool{}
	for _, a := range list.Items {
		if a.Type != amur.Ceremony {
			t.Errorf("type=ceremony returned a %s", a.Type)
		}
		starts[a.Start.Date.String()] = true
	}
	for _, d := range []string{"2020-08-26", "2021-11-26"} {
		if !starts[d] {
			t.Errorf("no ceremony starts on %s; starts: %v", d, starts)
		}
	}

	var st amur.Stats
	if code := getJSON(t, base+"/api/v1/stats", &st); code != 200 || st.Activities < 1000 {
		t.Errorf("stats: status %d, %d activities; want 200 and at least 1000", code, st.Activities)
	}

	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if code := getJSON(t, base+"/api/v1/activities/NOPE", &e); code != 404 || e.Error.Code != "notfound" || e.Error.Message == "" {
		t.Errorf("GET NOPE: status %d, error %+v; want 404 notfound with a message", code, e.Error)
	}
}

// run executes one command line on Main with env and returns code and output.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	m, out, errb := newTestMain(t, env)
	code := m.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

// TestExportImportRoundTrip checks that export → import → export gives
// identical bytes for every kind and format on the demo program.
func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	if code, _, errs := run(t, nil, "demo", "--activities", "300", "--db", src); code != exitOK {
		t.Fatalf("demo exited %d: %s", code, errs)
	}
	for _, format := range []string{"csv", "jsonl", "json"} {
		dst := dst + "." + format
		for _, kind := range amur.Kinds {
			first := filepath.Join(dir, string(kind)+"-1."+format)
			second := filepath.Join(dir, string(kind)+"-2."+format)
			if code, _, errs := run(t, nil, "export", "--kind", string(kind), "--format", format, "--out", first, "--db", src); code != exitOK {
				t.Fatalf("export %s %s exited %d: %s", kind, format, code, errs)
			}
			if code, _, errs := run(t, nil, "import", "--kind", string(kind), "--db", dst, first); code != exitOK {
				t.Fatalf("import %s %s exited %d: %s", kind, format, code, errs)
			}
			if code, _, errs := run(t, nil, "export", "--kind", string(kind), "--format", format, "--out", second, "--db", dst); code != exitOK {
				t.Fatalf("second export %s %s exited %d: %s", kind, format, code, errs)
			}
			a, _ := os.ReadFile(first)
			b, _ := os.ReadFile(second)
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s as %s: export → import → export differs (%d vs %d bytes)", kind, format, len(a), len(b))
			}
		}
	}
}

// TestImportErrorNamesLineAndField checks the CLI reports a bad record in
// the reader's language with its line and field, and stores nothing.
func TestImportErrorNamesLineAndField(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "amur.db")
	file := filepath.Join(dir, "fields.jsonl")
	body := `{"id":"1","label":{"en":"Natural sciences"}}
{"id":"1.1","label":{"en":"Mathematics"},"parent":"1"}
{"id":"1.2","label":{},"parent":"1"}
`
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, map[string]string{"AMUR_LANG": "ru"}, "import", "--kind", "fields", "--db", db, file)
	if code != exitFailure {
		t.Fatalf("import exited %d, want %d", code, exitFailure)
	}
	if !strings.Contains(errs, "строка 3") || !strings.Contains(errs, "label") {
		t.Errorf("error %q does not name line 3 and field label in Russian", errs)
	}
	_, out, _ := run(t, nil, "stats", "--json", "--db", db)
	var st amur.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Fields != 0 {
		t.Errorf("after a failed import the database holds %d fields (err %v); want 0", st.Fields, err)
	}
}

// TestUsage checks help and exit codes.
func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"--help"}, exitOK, "Commands:"},
		{[]string{}, exitUsage, "Commands:"},
		{[]string{"frobnicate"}, exitUsage, ""},
		{[]string{"serve", "--help"}, exitOK, "--addr"},
		{[]string{"import", "--help"}, exitOK, "--kind"},
		{[]string{"export", "--help"}, exitOK, "--format"},
		{[]string{"demo", "--help"}, exitOK, "--activities"},
		{[]string{"stats", "--help"}, exitOK, "--json"},
		{[]string{"import", "--kind", "widgets", "x.csv"}, exitUsage, ""},
		{[]string{"import", "--kind", "activities"}, exitUsage, ""},
		{[]string{"serve", "--bogus"}, exitUsage, ""},
	}
	for _, tt := range tests {
		code, out, _ := run(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) {
			t.Errorf("amur %v: exit %d, stdout %q; want exit %d with %q", tt.args, code, out, tt.code, tt.out)
		}
	}
}

// TestStatsDrafts checks that stats count published activities by default
// and drafts too with --drafts.
func TestStatsDrafts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "amur.db")
	if code, _, errs := run(t, nil, "demo", "--activities", "20", "--db", db); code != exitOK {
		t.Fatalf("demo exited %d: %s", code, errs)
	}
	out := filepath.Join(dir, "activities.jsonl")
	if code, _, errs := run(t, nil, "export", "--kind", "activities", "--out", out, "--db", db); code != exitOK {
		t.Fatalf("export exited %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Re-import the first activity under a new id as a draft.
	first := strings.SplitN(string(b), "\n", 2)[0]
	var a map[string]any
	if err := json.Unmarshal([]byte(first), &a); err != nil {
		t.Fatal(err)
	}
	a["id"], a["draft"] = amur.NewID(), true
	line, _ := json.Marshal(a)
	draft := filepath.Join(dir, "draft.jsonl")
	if err := os.WriteFile(draft, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, nil, "import", "--kind", "activities", "--db", db, draft); code != exitOK {
		t.Fatalf("import exited %d: %s", code, errs)
	}
	count := func(args ...string) int {
		_, out, errs := run(t, nil, append([]string{"stats", "--json", "--db", db}, args...)...)
		var st amur.Stats
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatalf("stats %v: %v (%s)", args, err, errs)
		}
		return st.Activities
	}
	published, all := count(), count("--drafts")
	if all != published+1 {
		t.Errorf("stats: %d published, %d with --drafts; want exactly one more with --drafts", published, all)
	}
}
