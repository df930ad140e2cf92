package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// wholeRequestKeys are the error keys about a request as a whole, which
// name no field because no single one is at fault.
var wholeRequestKeys = map[string]bool{
	"err.query": true, "err.json": true, "err.json_object": true,
	"err.body_empty": true, "err.json_trailing": true, "err.body_too_large": true,
	"err.param_no_name": true,
}

// FuzzActivityQuery sends arbitrary query strings to GET /api/v1/activities
// over a small stored program. The list never answers 500: it is a page of
// at most limit items, or a 400 whose error names the parameter at fault
// (or the query string as a whole, when it cannot be parsed at all).
func FuzzActivityQuery(f *testing.F) {
	srv, st := newTestServer(f)
	s := mustSeed(f, st)
	for _, q := range []string{
		"", "type=forum&field=1.1&side=RU&from=2020-08&to=2021-06&offset=1&limit=2",
		"type=forum,ceremony&sort=-start&count=true", "field=1&field=2.3&side=cn,by",
		"org=" + s.cn.ID, "flagship=nica&program=crys-2020", "synthetic=maybe",
		"from=2021-02-30", "to=2020&from=2021", "limit=0", "offset=-1", "sort=title",
		"q=%zz", "lang=ru&colour=red", "type=forum&type=", "side=XX", "field=1..1",
		"status=held;type=forum", "limit=1000&offset=10000000",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		req := httptest.NewRequest("GET", "/api/v1/activities", nil)
		req.URL.RawQuery = raw
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		r := response{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
		switch r.Code {
		case http.StatusOK:
			var list listBody[json.RawMessage]
			r.decode(t, &list)
			if list.Limit < 1 || len(list.Items) > list.Limit {
				t.Fatalf("?%s: %d items on a page of limit %d", raw, len(list.Items), list.Limit)
			}
		case http.StatusBadRequest:
			if e := r.apiError(t); e.Field == "" && !wholeRequestKeys[e.Key] {
				t.Fatalf("?%s: a 400 (%s) that names no field", raw, e.Key)
			}
		default:
			t.Fatalf("?%s: status %d: %s", raw, r.Code, r.Body)
		}
	})
}

// FuzzMergePatch checks the JSON Merge Patch of PATCH requests. On any two
// JSON documents, mergePatch never panics, leaves the patch unchanged,
// keeps the target's members the patch does not name, removes those it
// nulls, takes the others from it, and is idempotent: applying a patch a
// second time changes nothing. Through the HTTP API, no patch body answers
// 500, and a patch that touches no bookkeeping member stores the same
// record when it is sent twice.
func FuzzMergePatch(f *testing.F) {
	f.Add([]byte(`{"a":"b","c":{"d":1,"e":[1,2]}}`), []byte(`{"a":null,"c":{"d":{"x":null},"f":true}}`))
	f.Add([]byte(`{"title":{"en":"x"}}`), []byte(`{"title":{"ru":"Форум","zh":null},"fields":["2.3"],"video_url":null}`))
	f.Add([]byte(`[1,2]`), []byte(`{"outcomes":[{"kind":"patent","title":{"en":"P"}}],"status":"held"}`))
	f.Add([]byte(`{}`), []byte(`{"participants":[],"sides":["ru","CN"],"description":{"en":"  spaced  "}}`))
	srv, st := newTestServer(f)
	path := "/api/v1/activities/" + mustSeed(f, st).forum.ID
	f.Fuzz(func(t *testing.T, target, patch []byte) {
		checkMergeProperties(t, target, patch)
		checkPatchTwice(t, srv, path, patch)
	})
}

// checkMergeProperties checks mergePatch on two documents, if both parse.
func checkMergeProperties(t *testing.T, target, patch []byte) {
	tdoc, err := parseJSON(target)
	if err != nil {
		return
	}
	pdoc, err := parseJSON(patch)
	if err != nil {
		return
	}
	orig, porig := deepCopy(tdoc), deepCopy(pdoc)
	once := mergePatch(deepCopy(tdoc), pdoc)
	if !cmp.Equal(pdoc, porig) {
		t.Fatalf("mergePatch changed the patch %s", patch)
	}
	if twice := mergePatch(deepCopy(once), pdoc); !cmp.Equal(once, twice) {
		t.Fatalf("patch %s applied twice to %s:\nonce  %v\ntwice %v", patch, target, once, twice)
	}
	p, ok := pdoc.(map[string]any)
	if !ok {
		if !cmp.Equal(once, pdoc) {
			t.Fatalf("a patch that is not an object must replace the target: got %v", once)
		}
		return
	}
	got := once.(map[string]any)
	tobj, _ := orig.(map[string]any)
	for k, v := range tobj {
		if _, named := p[k]; !named && !cmp.Equal(got[k], v) {
			t.Fatalf("member %q not in the patch changed from %v to %v", k, v, got[k])
		}
	}
	for k, v := range p {
		_, kept := got[k]
		_, isObj := v.(map[string]any)
		switch {
		case v == nil && kept:
			t.Fatalf("member %q nulled by the patch is still there: %v", k, got[k])
		case v != nil && !isObj && !cmp.Equal(got[k], v):
			t.Fatalf("member %q is %v, want the patch's %v", k, got[k], v)
		case isObj && !isObject(got[k]):
			t.Fatalf("member %q is %v, want an object", k, got[k])
		}
	}
}

// checkPatchTwice sends patch to the record at path; a patch that is
// stored once must store the same record again, with the version one on.
func checkPatchTwice(t *testing.T, srv http.Handler, path string, patch []byte) {
	first := do(t, srv, "PATCH", path, string(patch), "Content-Type", "application/merge-patch+json")
	switch first.Code {
	case http.StatusOK:
	case http.StatusInternalServerError:
		t.Fatalf("PATCH %s: 500: %s", patch, first.Body)
	default:
		if e := first.apiError(t); e.Key == "" {
			t.Fatalf("PATCH %s: status %d without an error key", patch, first.Code)
		}
		return
	}
	if touchesMeta(patch) {
		return
	}
	second := do(t, srv, "PATCH", path, string(patch), "Content-Type", "application/merge-patch+json",
		"If-Match", first.Header.Get("ETag"))
	if second.Code != http.StatusOK {
		t.Fatalf("PATCH %s stored once, then answered %d: %s", patch, second.Code, second.Body)
	}
	a, b := withoutMeta(t, first.Body), withoutMeta(t, second.Body)
	if d := cmp.Diff(a, b); d != "" {
		t.Fatalf("PATCH %s sent twice stored a different record (-once +twice):\n%s", patch, d)
	}
}

// touchesMeta tells whether a patch names a bookkeeping member, which
// legitimately refuses a second application (its version is stale).
func touchesMeta(patch []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(patch, &m) != nil {
		return true
	}
	for k := range m {
		switch strings.ToLower(k) {
		case "id", "version", "created_at", "updated_at":
			return true
		}
	}
	return false
}

// withoutMeta decodes a record without its version and update time.
func withoutMeta(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("record is not JSON: %v", err)
	}
	delete(m, "version")
	delete(m, "updated_at")
	return m
}

// isObject tells whether v is a JSON object.
func isObject(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}

// deepCopy copies a parsed JSON document, since mergePatch works in place.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}
