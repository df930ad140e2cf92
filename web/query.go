package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"amur"
)

// maxParamLen bounds one query parameter value.
const maxParamLen = 1024

// query reads and checks the parameters of one request's query string. It
// records every name an endpoint asks for, so that finish can refuse the
// others as unknown and list exactly the names the endpoint understands.
// The first error is kept; later reads return zero values.
type query struct {
	vals  url.Values
	asked []string
	err   error
}

// parseQuery reads the request's query string.
func parseQuery(r *http.Request) (*query, error) {
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, &amur.Error{Code: amur.EInvalid, Key: "err.query", Err: err}
	}
	return &query{vals: vals}, nil
}

// fail keeps the first error.
func (q *query) fail(err error) {
	if q.err == nil {
		q.err = err
	}
}

// finish refuses parameters no one asked for, then returns the first error
// met while reading. lang is always allowed: it picks the language of
// messages.
func (q *query) finish() error {
	names := make([]string, 0, len(q.vals))
	for name := range q.vals {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if name == "" {
			// "?=0" has no name to report, so the error is about the query as a whole.
			return amur.Errorf(amur.EInvalid, "err.param_no_name")
		}
		if name != "lang" && !slices.Contains(q.asked, name) {
			allowed := append(slices.Clone(q.asked), "lang")
			slices.Sort(allowed)
			return amur.Invalid(name, "err.unknown_param", "value", name, "allowed", strings.Join(slices.Compact(allowed), ", "))
		}
	}
	return q.err
}

// list returns the values of name, which may repeat or be comma-separated.
func (q *query) list(name string) []string {
	q.asked = append(q.asked, name)
	var out []string
	for _, v := range q.vals[name] {
		for part := range strings.SplitSeq(v, ",") {
			if p := strings.TrimSpace(part); p != "" && q.check(name, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// one returns the single value of name, or "" when it is absent.
func (q *query) one(name string) string {
	q.asked = append(q.asked, name)
	vs := q.vals[name]
	switch {
	case len(vs) == 0:
		return ""
	case len(vs) > 1:
		q.fail(amur.Invalid(name, "err.param_once"))
		return ""
	}
	v := strings.TrimSpace(vs[0])
	if !q.check(name, v) {
		return ""
	}
	return v
}

// check refuses values that are not clean text of a sane length.
func (q *query) check(name, v string) bool {
	if err := amur.ValidString(name, v, maxParamLen); err != nil {
		q.fail(err)
		return false
	}
	return true
}

// enums returns the values of name, each one of allowed.
func enums[T ~string](q *query, name string, allowed []T) []T {
	var out []T
	for _, v := range q.list(name) {
		if !slices.Contains(allowed, T(v)) {
			names := make([]string, len(allowed))
			for i, a := range allowed {
				names[i] = string(a)
			}
			q.fail(amur.Invalid(name, "err.enum", "value", v, "allowed", strings.Join(names, ", ")))
			return nil
		}
		out = append(out, T(v))
	}
	return out
}

// sides returns country codes, upper-cased.
func (q *query) sides(name string) []string {
	var out []string
	for _, v := range q.list(name) {
		v = amur.NormalizeSide(v)
		if !amur.ValidSide(v) {
			q.fail(amur.Invalid(name, "err.side", "value", v))
			return nil
		}
		out = append(out, v)
	}
	return out
}

// fieldCodes returns field codes.
func (q *query) fieldCodes(name string) []string {
	out := q.list(name)
	for _, v := range out {
		if !amur.ValidFieldCode(v) {
			q.fail(amur.Invalid(name, "err.field_code", "value", v))
			return nil
		}
	}
	return out
}

// id returns a record id.
func (q *query) id(name string) string {
	v := q.one(name)
	if v != "" && !amur.ValidID(v) {
		q.fail(amur.Invalid(name, "err.id"))
		return ""
	}
	return v
}

// ref returns an id or a readable slug; resolveRef turns a slug into an id.
func (q *query) ref(name string) string {
	v := q.one(name)
	if v != "" && !amur.ValidID(v) && !amur.ValidSlug(v) {
		q.fail(amur.Invalid(name, "err.id"))
		return ""
	}
	return v
}

// text returns a search text.
func (q *query) text(name string) string {
	v := q.one(name)
	if len(v) > 200 {
		q.fail(amur.Invalid(name, "err.too_long", "max", 200))
		return ""
	}
	return v
}

// boolean returns a true or false value; absence is false.
func (q *query) boolean(name string) bool {
	p := q.optBool(name)
	return p != nil && *p
}

// optBool returns a true or false value, or nil when it is absent.
func (q *query) optBool(name string) *bool {
	v := q.one(name)
	if v == "" {
		return nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		q.fail(amur.Invalid(name, "err.boolean", "value", v))
		return nil
	}
	return &b
}

// integer returns a whole number between lo and hi; absence is 0.
func (q *query) integer(name string, lo, hi int) int {
	v := q.one(name)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		q.fail(amur.Invalid(name, "err.range", "min", lo, "max", hi))
		return 0
	}
	return n
}

// date returns a date known to the year, month or day.
func (q *query) date(name string) amur.Date {
	v := q.one(name)
	d, err := amur.ParseDate(v)
	if err != nil {
		q.fail(amur.Invalid(name, "err.date", "value", v))
	}
	return d
}

// dateRange returns the from and to dates, refusing a range that ends
// before it starts.
func (q *query) dateRange() (from, to amur.Date) {
	from, to = q.date("from"), q.date("to")
	if !from.IsZero() && !to.IsZero() && to.Last(time.UTC).Before(from.First(time.UTC)) {
		q.fail(amur.Invalid("to", "err.end_before_start"))
	}
	return from, to
}

// page returns the limit, offset, sort and count parameters. A list whose
// sorts are nil has one fixed order and no sort parameter.
func (q *query) page(sorts []string) amur.Page {
	p := amur.Page{
		Limit:  q.integer("limit", 1, amur.MaxLimit),
		Offset: q.integer("offset", 0, maxOffset),
		Count:  q.boolean("count"),
	}
	if sorts != nil {
		p.Sort = q.one("sort")
	}
	if err := p.Validate(sorts); err != nil {
		q.fail(err)
	}
	return p
}

// maxOffset is the deepest page Page.Validate accepts.
const maxOffset = 10_000_000

// resolveRef turns a filter value that names a program or flagship project
// by its slug into its id. An id passes unchanged: an unknown id simply
// matches nothing, while an unknown slug is a mistake worth naming.
func resolveRef[P amur.Record](ctx context.Context, param, v string, get func(context.Context, string) (P, error)) (string, error) {
	if v == "" || amur.ValidID(v) {
		return v, nil
	}
	rec, err := get(ctx, v)
	if amur.ErrorCode(err) == amur.ENotFound {
		return "", amur.Invalid(param, "err.ref", "value", v)
	}
	if err != nil {
		return "", err
	}
	return rec.Base().ID, nil
}

// resolveRefs turns the program and flagship slugs a filter may hold into
// ids; a nil pointer is left alone.
func (s *Server) resolveRefs(ctx context.Context, program, flagship *string) error {
	var err error
	if program != nil {
		if *program, err = resolveRef(ctx, "program", *program, s.store.Program); err != nil {
			return err
		}
	}
	if flagship != nil {
		*flagship, err = resolveRef(ctx, "flagship", *flagship, s.store.Flagship)
	}
	return err
}

// noQuery refuses every query parameter but lang.
func noQuery(r *http.Request) error {
	q, err := parseQuery(r)
	if err != nil {
		return err
	}
	return q.finish()
}
