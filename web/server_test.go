package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"amur"
	"amur/internal/testkit"
)

func TestMessagesInRequestLanguage(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		path, accept, want string
	}{
		{"/api/v1/activities/NOPE", "", `activity "NOPE" was not found`},
		{"/api/v1/activities/NOPE?lang=ru", "", `не найдено: мероприятие «NOPE»`},
		{"/api/v1/activities/NOPE?lang=zh", "", `未找到活动“NOPE”`},
		{"/api/v1/activities/NOPE", "ru-RU,ru;q=0.9,en;q=0.5", `не найдено: мероприятие «NOPE»`},
		{"/api/v1/activities/NOPE", "zh-CN", `未找到活动“NOPE”`},
		{"/api/v1/activities/NOPE?lang=zh", "ru", `未找到活动“NOPE”`},
		{"/api/v1/activities/NOPE?lang=de", "ru", `не найдено: мероприятие «NOPE»`},
		{"/api/v1/activities?type=party&lang=ru", "", `поле «type»: значение «party» недопустимо; допустимы: joint_research, exhibition, academic_exchange, forum, training, enterprise_cooperation, ceremony, other`},
		{"/api/v1/activities?type=party&lang=zh", "", `字段“type”：不允许的值“party”；允许的值：joint_research, exhibition, academic_exchange, forum, training, enterprise_cooperation, ceremony, other`},
		{"/api/v1/activities?type=party", "", `field "type": "party" is not allowed; allowed values: joint_research, exhibition, academic_exchange, forum, training, enterprise_cooperation, ceremony, other`},
		{"/nowhere?lang=ru", "", `такой страницы или метода API нет`},
	}
	for _, tt := range tests {
		r := do(t, srv, "GET", tt.path, "", "Accept-Language", tt.accept)
		if e := r.apiError(t); e.Message != tt.want {
			t.Errorf("%s (Accept-Language %q): message %q, want %q", tt.path, tt.accept, e.Message, tt.want)
		}
	}
	e := do(t, srv, "POST", "/api/v1/programs?lang=ru", `{"slug":"x","start":"2021-02-30"}`).apiError(t)
	if want := `поле «start»: «2021-02-30» не является датой (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)`; e.Message != want {
		t.Errorf("body error in Russian = %q, want %q", e.Message, want)
	}
}

func TestUnmatchedRoutes(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		method, path string
		status       int
		allow, key   string
	}{
		{"GET", "/nowhere", 404, "", "err.route"},
		{"GET", "/api/v1/projects", 404, "", "err.route"},
		{"GET", "/api/v1/activities/x/y", 404, "", "err.route"},
		{"DELETE", "/api/v1/activities", 405, "GET, HEAD, POST", "err.method"},
		{"PUT", "/api/v1/activities/x", 405, "GET, HEAD, PATCH, DELETE", "err.method"},
		{"POST", "/healthz", 405, "GET, HEAD", "err.method"},
	}
	for _, tt := range tests {
		r := do(t, srv, tt.method, tt.path, "")
		if r.Code != tt.status || r.Header.Get("Allow") != tt.allow {
			t.Errorf("%s %s: status %d Allow %q, want %d %q", tt.method, tt.path, r.Code, r.Header.Get("Allow"), tt.status, tt.allow)
			continue
		}
		if e := r.apiError(t); e.Key != tt.key || r.Header.Get("Content-Type") != jsonType {
			t.Errorf("%s %s: %+v, Content-Type %q", tt.method, tt.path, e, r.Header.Get("Content-Type"))
		}
	}
	// The activity itself does not exist: a JSON 404 with the record's own message.
	if e := do(t, srv, "GET", "/api/v1/activities/NOPE", "").want(t, 404).apiError(t); e.Code != "notfound" || e.Key != "err.notfound" {
		t.Errorf("missing activity: %+v", e)
	}
}

func TestMiddleware(t *testing.T) {
	var logs bytes.Buffer
	srv := New(Config{Store: testkit.MustOpenStore(t), Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	srv.mux.HandleFunc("GET /api/v1/boom", func(http.ResponseWriter, *http.Request) { panic("secret detail") })

	r := do(t, srv, "GET", "/api/v1/programs", "", "X-Request-ID", "abc-123")
	if r.Header.Get("X-Request-ID") != "abc-123" {
		t.Errorf("X-Request-ID = %q, want the client's", r.Header.Get("X-Request-ID"))
	}
	for name, want := range map[string]string{"Content-Type": jsonType, "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"} {
		if got := r.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if id := do(t, srv, "GET", "/healthz", "", "X-Request-ID", "bad id\n").Header.Get("X-Request-ID"); !amur.ValidID(id) {
		t.Errorf("a malformed client request id was kept: %q", id)
	}
	var entry struct {
		Msg, Method, Path, RequestID string
		Status                       int
		Duration                     float64
	}
	line, _, _ := bytes.Cut(logs.Bytes(), []byte("\n"))
	if err := json.Unmarshal(line, &entry); err != nil || entry.Method != "GET" || entry.Path != "/api/v1/programs" || entry.Status != 200 {
		t.Errorf("access log line %s (%v)", line, err)
	}
	if !bytes.Contains(line, []byte(`"request_id":"abc-123"`)) || !bytes.Contains(line, []byte(`"duration":`)) {
		t.Errorf("access log lacks the request id or duration: %s", line)
	}

	r = do(t, srv, "GET", "/api/v1/boom", "").want(t, http.StatusInternalServerError)
	if e := r.apiError(t); e.Key != "err.internal" || strings.Contains(string(r.Body), "secret") {
		t.Errorf("panic answer %s", r.Body)
	}
	if !strings.Contains(logs.String(), "secret detail") {
		t.Errorf("the panic was not logged")
	}
}

func TestInternalErrorsHideDetails(t *testing.T) {
	var logs bytes.Buffer
	st := testkit.MustOpenStore(t)
	srv := New(Config{Store: st, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	do(t, srv, "GET", "/healthz", "").want(t, http.StatusOK)
	st.Close()
	r := do(t, srv, "GET", "/api/v1/activities?lang=zh", "").want(t, http.StatusInternalServerError)
	if e := r.apiError(t); e.Code != "internal" || e.Message != "发生内部错误，已记录在日志中" {
		t.Errorf("internal error answer %+v", e)
	}
	if !strings.Contains(logs.String(), "internal error") {
		t.Errorf("the internal error was not logged: %s", logs.String())
	}
	var h health
	do(t, srv, "GET", "/healthz", "").want(t, http.StatusServiceUnavailable).decode(t, &h)
	if h.Status != "unavailable" {
		t.Errorf("health = %+v", h)
	}
}

func TestHealth(t *testing.T) {
	srv, _ := newTestServer(t)
	var h health
	do(t, srv, "GET", "/healthz", "").want(t, http.StatusOK).decode(t, &h)
	if h.Status != "ok" {
		t.Errorf("health = %+v", h)
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	hs := HTTPServer(":0", http.NotFoundHandler())
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 || hs.MaxHeaderBytes <= 0 {
		t.Errorf("HTTPServer leaves a limit unset: %+v", hs)
	}
}
