package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"amur"
)

// record is a pointer to an entity type, which is what the store takes.
type record[T any] interface {
	*T
	amur.Record
}

// resource tells the generic handlers how to reach one kind of record.
type resource[T any, P record[T]] struct {
	s      *Server
	kind   amur.Kind
	get    func(context.Context, string) (P, error)
	list   func(context.Context, *query) (*amur.List[P], amur.Page, error)
	create func(context.Context, P) error
	update func(context.Context, P) error
	remove func(context.Context, string) error
	// keepID keeps a client-given id on create: a field's id is its code.
	keepID bool
}

// listBody is the JSON form of one page of a list.
type listBody[P any] struct {
	Items []P `json:"items"`
	// Total counts every match, or is -1 when the client did not ask.
	Total  int  `json:"total"`
	More   bool `json:"more"`
	Limit  int  `json:"limit"`
	Offset int  `json:"offset"`
}

// handleList answers GET /api/v1/{kind}.
func (res *resource[T, P]) handleList(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		res.s.fail(w, r, err)
		return
	}
	list, page, err := res.list(r.Context(), q)
	if err != nil {
		res.s.fail(w, r, err)
		return
	}
	items := list.Items
	if items == nil {
		items = []P{} // an empty list is [] in JSON, never null
	}
	res.s.writeJSON(w, r, http.StatusOK, listBody[P]{Items: items, Total: list.Total, More: list.More, Limit: page.Limit, Offset: page.Offset})
}

// handleGet answers GET /api/v1/{kind}/{id}, or 304 when the client's copy
// (If-None-Match) is current.
func (res *resource[T, P]) handleGet(w http.ResponseWriter, r *http.Request) {
	rec, err := res.get(r.Context(), r.PathValue("id"))
	if err != nil {
		res.s.fail(w, r, err)
		return
	}
	tag := etag(rec.Base().Version)
	w.Header().Set("ETag", tag)
	if etagListed(r.Header.Values("If-None-Match"), tag, true) {
		w.Header().Del("Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	res.s.writeJSON(w, r, http.StatusOK, rec)
}

// handleCreate answers POST /api/v1/{kind}. The server owns the
// bookkeeping fields, so any id, version or timestamps in the body are
// dropped (except a field's code).
func (res *resource[T, P]) handleCreate(w http.ResponseWriter, r *http.Request) {
	body, err := res.s.readBody(w, r)
	if err != nil {
		res.s.fail(w, r, err)
		return
	}
	rec := P(new(T))
	if err := decodeBody(body, rec); err != nil {
		res.s.fail(w, r, err)
		return
	}
	meta := rec.Base()
	*meta = amur.Meta{ID: meta.ID}
	if !res.keepID {
		meta.ID = ""
	}
	if err := res.create(r.Context(), rec); err != nil {
		res.s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/"+string(res.kind)+"/"+url.PathEscape(meta.ID))
	w.Header().Set("ETag", etag(meta.Version))
	res.s.writeJSON(w, r, http.StatusCreated, rec)
}

// handlePatch answers PATCH /api/v1/{kind}/{id}: it applies a JSON Merge
// Patch (RFC 7386) to the JSON of the stored record and stores the result
// if it is valid and the record has not changed since the client read it.
func (res *resource[T, P]) handlePatch(w http.ResponseWriter, r *http.Request) {
	next, err := res.patched(w, r)
	if err == nil {
		err = res.update(r.Context(), next)
	}
	if err != nil {
		res.s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(next.Base().Version))
	res.s.writeJSON(w, r, http.StatusOK, next)
}

// patched returns the stored record with the request's patch applied. Its
// version is the one read, so the store refuses it if another writer came
// in between.
func (res *resource[T, P]) patched(w http.ResponseWriter, r *http.Request) (P, error) {
	stored, err := res.get(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	if err := checkIfMatch(r, stored.Base().Version); err != nil {
		return nil, err
	}
	body, err := res.s.readBody(w, r)
	if err != nil {
		return nil, err
	}
	patch, err := parseJSON(body)
	if err != nil {
		return nil, err
	}
	if _, ok := patch.(map[string]any); !ok {
		return nil, amur.Errorf(amur.EInvalid, "err.json_object")
	}
	doc, err := toDoc(stored)
	if err != nil {
		return nil, err
	}
	next := P(new(T))
	if err := decodeDoc(mergePatch(doc, patch), next); err != nil {
		return nil, err
	}
	if err := sameMeta(stored.Base(), next.Base()); err != nil {
		return nil, err
	}
	return next, nil
}

// handleDelete answers DELETE /api/v1/{kind}/{id}, honouring If-Match.
func (res *resource[T, P]) handleDelete(w http.ResponseWriter, r *http.Request) {
	stored, err := res.get(r.Context(), r.PathValue("id"))
	if err == nil {
		err = checkIfMatch(r, stored.Base().Version)
	}
	if err == nil {
		// The stored id, because programs and flagships are also found by slug.
		err = res.remove(r.Context(), stored.Base().ID)
	}
	if err != nil {
		res.s.fail(w, r, err)
		return
	}
	w.Header().Del("Content-Type")
	w.WriteHeader(http.StatusNoContent)
}

// toDoc returns the JSON tree of rec, numbers kept exact.
func toDoc(rec any) (any, error) {
	b, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc any
	err = dec.Decode(&doc)
	return doc, err
}

// mergePatch applies the JSON Merge Patch patch to target (RFC 7386): an
// object merges member by member, null removes a member, and anything else
// (arrays included) replaces the target whole.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
		} else {
			t[k] = mergePatch(t[k], v)
		}
	}
	return t
}

// sameMeta refuses a patch that changes the bookkeeping fields. A changed
// version is a stale copy, like a failed If-Match.
func sameMeta(stored, next *amur.Meta) error {
	switch {
	case next.ID != stored.ID:
		return amur.Invalid("id", "err.readonly")
	case !next.CreatedAt.Equal(stored.CreatedAt):
		return amur.Invalid("created_at", "err.readonly")
	case !next.UpdatedAt.Equal(stored.UpdatedAt):
		return amur.Invalid("updated_at", "err.readonly")
	case next.Version != stored.Version:
		e := amur.Errorf(amur.EStale, "err.stale")
		e.Field = "version"
		return e
	}
	return nil
}

// etag returns the entity tag of a record version.
func etag(version int) string {
	return `"` + strconv.Itoa(version) + `"`
}

// checkIfMatch refuses the request when it carries If-Match and none of
// the listed tags is the record's current one. A blank header counts as
// absent.
func checkIfMatch(r *http.Request, version int) error {
	h := r.Header.Values("If-Match")
	if strings.TrimSpace(strings.Join(h, "")) == "" || etagListed(h, etag(version), false) {
		return nil
	}
	e := amur.Errorf(amur.EStale, "err.stale")
	e.Field = "If-Match"
	return e
}

// etagListed reports whether the header values list tag or "*". The weak
// form W/"…" counts only when weak is set: If-None-Match compares weakly,
// If-Match strongly (RFC 9110).
func etagListed(values []string, tag string, weak bool) bool {
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			p := strings.TrimSpace(part)
			if p == "*" || p == tag || weak && p == "W/"+tag {
				return true
			}
		}
	}
	return false
}
