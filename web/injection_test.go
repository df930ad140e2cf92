package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"amur"
)

// payloads are strings that break programs which build SQL, HTML or
// templates by pasting text: they must be stored and returned as they are.
var payloads = []string{
	`'; DROP TABLE activities;--`,
	`' OR '1'='1`,
	`%' OR 1=1 --`,
	`\'; DELETE FROM people; --`,
	`<script>alert(1)</script>`,
	`" onmouseover=alert(1) x="`,
	`{{.}}`,
	`{{template "x"}}${7*7}`,
	"null",
	"\ufeff\u202e\u200bnull\u2400",
	"💩 𠀀",
}

// controlPayload is refused everywhere: control characters never enter the
// store.
const controlPayload = "nul\x00l"

// TestPayloadsInFilters sends every payload in every query parameter of
// every list (the parameters each list itself names when it refuses an
// unknown one), and wants 400 or an empty answer, never a server error.
func TestPayloadsInFilters(t *testing.T) {
	fx := newFixture(t)
	admin := fx.clients(t, bySession)[1]
	lists := 0
	for _, rt := range fx.srv.routes {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if method != http.MethodGet || strings.Contains(path, "{") || path == "/healthz" || path == "/api/v1/openapi.json" {
			continue
		}
		lists++
		e := admin.do(t, "GET", path+"?zzz=1", "").want(t, http.StatusBadRequest).apiError(t)
		_, names, _ := strings.Cut(e.Message, "allowed: ")
		for _, name := range strings.Split(names, ", ") {
			if name == "lang" { // picks the language of messages; it filters nothing
				continue
			}
			for _, p := range append(payloads, controlPayload) {
				res := admin.do(t, "GET", path+"?"+name+"="+url.QueryEscape(p), "")
				if res.Code != http.StatusBadRequest && !emptyAnswer(t, res) {
					t.Errorf("GET %s?%s=%q: %d %s", path, name, p, res.Code, res.Body)
				}
			}
		}
	}
	if lists < 9 {
		t.Errorf("only %d lists found", lists)
	}
	assertTablesIntact(t, fx, 0)
}

// emptyAnswer reports whether res is a 200 JSON list without items, or
// figures that count nothing.
func emptyAnswer(t *testing.T, res response) bool {
	t.Helper()
	if res.Code != http.StatusOK || res.Header.Get("Content-Type") != jsonType {
		return false
	}
	var body struct {
		Items      []json.RawMessage `json:"items"`
		Activities *int              `json:"activities"`
	}
	res.decode(t, &body)
	return body.Items != nil && len(body.Items) == 0 || body.Activities != nil && *body.Activities == 0
}

// newRecordBodies are valid new records of each kind, numbered so that
// their unique keys differ.
var newRecordBodies = map[amur.Kind]func(i int) string{
	amur.KindProgram: func(i int) string {
		return fmt.Sprintf(`{"slug":"years-%d","name":{"en":"x"},"sides":["CN","RU"],"start":"2022"}`, i)
	},
	amur.KindActivity: func(int) string {
		return `{"title":{"en":"x"},"type":"forum","status":"planned","start":"2021-09-01","zone":"Asia/Shanghai","format":"online","sides":["CN"]}`
	},
	amur.KindOrganization: func(int) string { return `{"name":{"en":"x"},"kind":"university","country":"CN"}` },
	amur.KindPerson:       func(int) string { return `{"latin":{"family":"x"},"country":"RU"}` },
	amur.KindField:        func(i int) string { return fmt.Sprintf(`{"id":"4.%d","label":{"en":"x"}}`, 10+i) },
	amur.KindFlagship:     func(i int) string { return fmt.Sprintf(`{"slug":"flagship-%d","name":{"en":"x"}}`, i) },
	amur.KindTimeline:     func(int) string { return `{"date":"2021","kind":"call","title":{"en":"x"}}` },
}

// textMembers returns the JSON names of the Text members of kind k's type.
func textMembers(k amur.Kind) []string {
	var out []string
	for name, typ := range membersOf(reflect.TypeOf(amur.NewRecord(k)).Elem()) {
		if typ == reflect.TypeFor[amur.Text]() {
			out = append(out, name)
		}
	}
	return out
}

// TestPayloadsInTexts stores every payload in every language of every Text
// member of every kind through the API, and checks that reads return it
// byte for byte, as JSON with HTML characters escaped, and that the tables
// are intact afterwards.
func TestPayloadsInTexts(t *testing.T) {
	fx := newFixture(t)
	admin := fx.clients(t, bySession)[1]
	stored := 0
	for _, k := range amur.Kinds {
		members := textMembers(k)
		if len(members) == 0 {
			t.Fatalf("%s has no Text member", k)
		}
		if newRecordBodies[k] == nil {
			continue // records that refer to others: TestOfferPayloadsInTexts
		}
		for i, p := range payloads {
			var rec map[string]any
			if err := json.Unmarshal([]byte(newRecordBodies[k](i)), &rec); err != nil {
				t.Fatal(err)
			}
			for _, m := range members {
				rec[m] = map[string]string{"zh": p, "ru": p, "en": p}
			}
			res := admin.do(t, "POST", "/api/v1/"+string(k), mustJSON(t, rec)).want(t, http.StatusCreated)
			stored++
			got := admin.do(t, "GET", res.Header.Get("Location"), "").want(t, http.StatusOK)
			checkVerbatim(t, got, k, members, p)
		}
		rec := map[string]any{}
		_ = json.Unmarshal([]byte(newRecordBodies[k](99)), &rec)
		rec[members[0]] = map[string]string{"en": controlPayload}
		admin.do(t, "POST", "/api/v1/"+string(k), mustJSON(t, rec)).want(t, http.StatusBadRequest)
	}
	assertTablesIntact(t, fx, stored)
}

// checkVerbatim checks that every language of every Text member of the
// record in res holds p, and that no HTML character of p reaches the raw
// answer unescaped.
func checkVerbatim(t *testing.T, res response, k amur.Kind, members []string, p string) {
	t.Helper()
	if res.Header.Get("Content-Type") != jsonType || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: answered as %q", k, res.Header.Get("Content-Type"))
	}
	if strings.ContainsAny(p, "<>&") && strings.Contains(string(res.Body), p) {
		t.Errorf("%s: %q appears unescaped in %s", k, p, res.Body)
	}
	var raw map[string]json.RawMessage
	res.decode(t, &raw)
	for _, m := range members {
		var txt amur.Text
		if err := json.Unmarshal(raw[m], &txt); err != nil {
			t.Fatal(err)
		}
		if txt.ZH != p || txt.RU != p || txt.EN != p {
			t.Errorf("%s.%s = %+v, want %q in every language", k, m, txt, p)
		}
	}
}

// assertTablesIntact checks that every table still answers and holds the
// fixture's records plus extra ones stored by the test.
func assertTablesIntact(t *testing.T, fx *fixture, extra int) {
	t.Helper()
	want := map[amur.Kind]int{amur.KindField: 2, amur.KindProgram: 1, amur.KindOrganization: 4, amur.KindPerson: 2,
		amur.KindFlagship: 1, amur.KindActivity: 4, amur.KindTimeline: 1}
	total, wantTotal := 0, extra
	for _, k := range amur.Kinds {
		n, err := fx.db.Count(t.Context(), k)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if n < want[k] {
			t.Errorf("%s: %d records, want at least %d", k, n, want[k])
		}
		total += n
		wantTotal += want[k]
	}
	if total != wantTotal {
		t.Errorf("%d records in all, want %d", total, wantTotal)
	}
}
