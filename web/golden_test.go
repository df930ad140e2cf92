package web

import (
	"bytes"
	"testing"

	"amur/internal/testkit"
)

// TestErrorAnswersGolden keeps the exact JSON of representative error
// answers in every language; refresh with go test ./web -update.
func TestErrorAnswersGolden(t *testing.T) {
	srv, _ := newTestServer(t)
	var got bytes.Buffer
	for _, lang := range []string{"en", "ru", "zh"} {
		for _, r := range []response{
			do(t, srv, "POST", "/api/v1/programs?lang="+lang, `{"slug":"crys","start":"2021-02-30"}`),
			do(t, srv, "POST", "/api/v1/activities?lang="+lang, "{\n\"title\": {\"en\": \"x\"}\n\"type\": \"forum\"}"),
			do(t, srv, "GET", "/api/v1/people?lang="+lang+"&sort=age", ""),
			do(t, srv, "GET", "/api/v1/fields?lang="+lang+"&code=1", ""),
		} {
			got.Write(r.Body)
		}
	}
	testkit.Golden(t, "errors.golden.jsonl", got.Bytes())
}
