package web

import (
	"net/http"
	"strings"
	"testing"

	"amur"
)

// validActivity is a valid activity body; cases splice bad members into it.
const validActivity = `"title":{"en":"Forum"},"type":"forum","status":"planned","start":"2020-09-07","zone":"Asia/Shanghai","format":"online","sides":["CN","RU"]`

func TestBadBodies(t *testing.T) {
	tests := []struct {
		name, path, body string
		status           int
		code, key, field string
		line             int
	}{
		{"malformed", "/api/v1/activities", "{\n  \"title\": {\"en\": \"Forum\"},\n  \"type\" \"forum\"\n}", 400, "invalid", "err.json", "", 3},
		{"truncated", "/api/v1/activities", `{"title": {"en": "Forum"`, 400, "invalid", "err.json", "", 1},
		{"empty", "/api/v1/activities", " ", 400, "invalid", "err.body_empty", "", 0},
		{"not an object", "/api/v1/activities", `["forum"]`, 400, "invalid", "err.json_object", "", 0},
		{"two values", "/api/v1/activities", `{} {}`, 400, "invalid", "err.json_trailing", "", 0},
		{"unknown member", "/api/v1/activities", `{` + validActivity + `,"colour":"red"}`, 400, "invalid", "err.json_unknown", "colour", 0},
		{"unknown nested member", "/api/v1/activities", `{` + validActivity + `,"participants":[{"org":"x"}]}`, 400, "invalid", "err.json_unknown", "participants[0].org", 0},
		{"member in wrong case", "/api/v1/activities", `{` + validActivity + `,"Title":{"en":"x"}}`, 400, "invalid", "err.json_unknown", "Title", 0},
		{"wrong type", "/api/v1/activities", `{` + validActivity + `,"synthetic":"yes"}`, 400, "invalid", "err.json_type", "synthetic", 0},
		{"wrong nested type", "/api/v1/activities", `{` + validActivity + `,"fields":[1.1]}`, 400, "invalid", "err.json_type", "fields[0]", 0},
		{"text not an object", "/api/v1/activities", `{"title":"Forum"}`, 400, "invalid", "err.json_type", "title", 0},
		{"fraction for integer", "/api/v1/programs", `{"goals":[{"target":1.5}]}`, 400, "invalid", "err.json_type", "goals[0].target", 0},
		{"impossible date", "/api/v1/programs", `{"slug":"x","start":"2021-02-30"}`, 400, "invalid", "err.date", "start", 0},
		{"impossible moment", "/api/v1/activities", `{"title":{"en":"Forum"},"start":"2021-02-30T10:00"}`, 400, "invalid", "err.moment", "start", 0},
		{"nested impossible date", "/api/v1/activities", `{` + validActivity + `,"outcomes":[{"kind":"patent","title":{"en":"P"},"date":"2021-13"}]}`, 400, "invalid", "err.date", "outcomes[0].date", 0},
		{"date as number", "/api/v1/timeline", `{"date":2020}`, 400, "invalid", "err.json_type", "date", 0},
		{"unknown enum", "/api/v1/activities", `{` + strings.Replace(validActivity, `"forum"`, `"party"`, 1) + `}`, 400, "invalid", "err.enum", "type", 0},
		{"text with no language", "/api/v1/activities", `{` + strings.Replace(validActivity, `{"en":"Forum"}`, `{"en":"  "}`, 1) + `}`, 400, "invalid", "err.text_empty", "title", 0},
		{"invalid UTF-8", "/api/v1/activities", "{\"title\":{\"en\":\"For\xffum\"}}", 400, "invalid", "err.utf8", "title.en", 0},
		{"invalid UTF-8 in a key", "/api/v1/activities", "{\"title\":{\"e\xffn\":\"Forum\"}}", 400, "invalid", "err.utf8", "title", 0},
		{"control character", "/api/v1/activities", `{"title":{"en":"For\u0007um"}}`, 400, "invalid", "err.control_chars", "title.en", 0},
		{"repeated member", "/api/v1/activities", `{"type":"forum","type":"ceremony"}`, 400, "invalid", "err.json_duplicate", "type", 0},
		{"too deep", "/api/v1/activities", `{"title":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, 400, "invalid", "err.json_depth", "title" + strings.Repeat("[0]", 31), 0},
		{"bad reference", "/api/v1/activities", `{` + validActivity + `,"program_id":"` + amur.NewID() + `"}`, 400, "invalid", "err.ref", "program_id", 0},
		{"duplicate ROR", "/api/v1/organizations", `{"name":{"zh":"北大"},"kind":"university","country":"CN","ror":"02v51f717"}`, 409, "conflict", "err.duplicate", "ror", 0},
		{"duplicate ORCID", "/api/v1/people", `{"latin":{"family":"Semin"},"country":"RU","orcid":"0000-0002-1825-0097"}`, 409, "conflict", "err.duplicate", "orcid", 0},
		{"duplicate field code", "/api/v1/fields", `{"id":"1.1","label":{"en":"Again"}}`, 409, "conflict", "err.duplicate", "id", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, st := newTestServer(t)
			mustSeed(t, st)
			before := countAll(t, st)
			r := do(t, srv, "POST", tt.path, tt.body).want(t, tt.status)
			e := r.apiError(t)
			if e.Code != tt.code || (tt.key != "" && e.Key != tt.key) || e.Field != tt.field || e.Line != tt.line {
				t.Errorf("error %+v, want code %s key %s field %q line %d", e, tt.code, tt.key, tt.field, tt.line)
			}
			if tt.field != "" && !strings.Contains(e.Message, `"`+tt.field+`"`) {
				t.Errorf("message %q does not name the field %q", e.Message, tt.field)
			}
			if after := countAll(t, st); after != before {
				t.Errorf("the store changed: %d records before, %d after", before, after)
			}
		})
	}
}

// countAll counts every stored record.
func countAll(t *testing.T, st amur.Store) int {
	t.Helper()
	n := 0
	for _, k := range amur.Kinds {
		c, err := st.Count(t.Context(), k)
		if err != nil {
			t.Fatal(err)
		}
		n += c
	}
	return n
}

func TestBodyLimits(t *testing.T) {
	_, st := newTestServer(t)
	srv := New(Config{Store: st, MaxBodyBytes: 256})
	big := `{"title":{"en":"` + strings.Repeat("x", 300) + `"}}`
	e := do(t, srv, "POST", "/api/v1/activities", big).want(t, http.StatusRequestEntityTooLarge).apiError(t)
	if e.Code != "toolarge" || e.Key != "err.body_too_large" || !strings.Contains(e.Message, "256") {
		t.Errorf("oversized body: %+v", e)
	}

	// Without a Content-Length the limit is met while reading.
	req := strings.NewReader(big)
	r := doReader(t, srv, "POST", "/api/v1/activities", req)
	if r.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("streamed oversized body: status %d, want 413", r.Code)
	}

	if DefaultMaxBodyBytes != 1<<20 || New(Config{Store: st}).maxBody != DefaultMaxBodyBytes {
		t.Errorf("default body limit is not 1 MiB")
	}
}

func TestContentType(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, ct := range []string{"application/x-www-form-urlencoded", "text/plain", "", "application/json; charset=latin1"} {
		r := do(t, srv, "POST", "/api/v1/timeline", `{}`, "Content-Type", ct)
		if r.Code != http.StatusUnsupportedMediaType || r.apiError(t).Key != "err.content_type" {
			t.Errorf("Content-Type %q: status %d, body %s", ct, r.Code, r.Body)
		}
	}
	for _, ct := range []string{"application/json", "application/json; charset=UTF-8", "application/merge-patch+json"} {
		r := do(t, srv, "POST", "/api/v1/timeline", `{}`, "Content-Type", ct)
		if r.Code != http.StatusBadRequest || r.apiError(t).Key != "err.required" {
			t.Errorf("Content-Type %q: status %d, body %s", ct, r.Code, r.Body)
		}
	}
}
