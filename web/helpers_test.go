package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// newTestServer returns a Server on a fresh SQLite store.
func newTestServer(tb testing.TB) (*Server, amur.Store) {
	tb.Helper()
	st := testkit.MustOpenStore(tb)
	return New(Config{Store: st}), st
}

// response is a recorded answer.
type response struct {
	Code   int
	Header http.Header
	Body   []byte
}

// do sends one request to h; headers come as name, value pairs. A body
// gets Content-Type application/json unless the pairs set one.
func do(tb testing.TB, h http.Handler, method, target, body string, headers ...string) response {
	tb.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// decode unmarshals the body into v.
func (r response) decode(tb testing.TB, v any) {
	tb.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		tb.Fatalf("body is not JSON (%v): %s", err, r.Body)
	}
}

// apiError returns the error object of an error answer.
func (r response) apiError(tb testing.TB) errorDetail {
	tb.Helper()
	var b errorBody
	r.decode(tb, &b)
	if b.Error.Code == "" || b.Error.Message == "" {
		tb.Fatalf("not an error answer: %s", r.Body)
	}
	return b.Error
}

// want fails the test unless the answer has status code.
func (r response) want(tb testing.TB, code int) response {
	tb.Helper()
	if r.Code != code {
		tb.Fatalf("status %d, want %d; body: %s", r.Code, code, r.Body)
	}
	return r
}

// mustJSON marshals v.
func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// seed holds the records of the fixture program.
type seed struct {
	program    *amur.Program
	cn, ru     *amur.Organization
	person     *amur.Person
	flagship   *amur.Flagship
	forum      *amur.Activity // 2020-09-07, field 1.1, CN org
	ceremony   *amur.Activity // 2020-08-26, field 1.1.vaccines, RU person
	research   *amur.Activity // 2021-05-19, field 2.3, flagship, BY side
	milestones []*amur.TimelineEntry
}

// mustSeed stores a small program: fields 1, 1.1, 1.1.vaccines and 2.3,
// two organisations, a person, a flagship project, three activities and
// two timeline entries.
func mustSeed(tb testing.TB, st amur.Store) *seed {
	tb.Helper()
	ctx := context.Background()
	check := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	for _, f := range []*amur.Field{
		testkit.Field("1", "Natural sciences"), testkit.Field("1.1", "Mathematics"),
		testkit.Field("1.1.vaccines", "Vaccines"), testkit.Field("2", "Engineering"),
		testkit.Field("2.3", "Mechanical engineering"),
	} {
		check(st.CreateField(ctx, f))
	}
	s := &seed{program: testkit.Program("crys-2020")}
	check(st.CreateProgram(ctx, s.program))
	s.cn = testkit.Org("北京大学", "CN")
	s.cn.ROR = "02v51f717"
	check(st.CreateOrganization(ctx, s.cn))
	s.ru = testkit.Org("Московский государственный университет", "RU")
	check(st.CreateOrganization(ctx, s.ru))
	s.person = testkit.Person("Shakhray", "Sergey", "RU")
	s.person.ORCID = "0000-0002-1825-0097"
	s.person.Contact.Email = "shakhray@example.org"
	check(st.CreatePerson(ctx, s.person))
	s.flagship = &amur.Flagship{ProgramID: s.program.ID, Slug: "nica", Name: amur.T("en", "NICA collider"), Fields: []string{"2.3"}}
	check(st.CreateFlagship(ctx, s.flagship))

	s.forum = testkit.Activity("CIEP forum", amur.Forum, "2020-09-07T10:00", []string{"1.1"}, testkit.OrgPart(s.cn.ID, "CN", amur.Organiser))
	s.ceremony = testkit.Activity("Opening ceremony", amur.Ceremony, "2020-08-26T15:00", []string{"1.1.vaccines"}, testkit.PersonPart(s.person.ID, "RU", amur.Speaker))
	s.research = testkit.Activity("NICA joint research", amur.JointResearch, "2021-05-19", []string{"2.3"})
	s.research.Sides = []string{"BY", "CN"}
	s.research.FlagshipID = s.flagship.ID
	s.research.Synthetic = true
	for _, a := range []*amur.Activity{s.forum, s.ceremony, s.research} {
		a.ProgramID = s.program.ID
		check(st.CreateActivity(ctx, a))
	}
	for _, e := range []*amur.TimelineEntry{
		{ProgramID: s.program.ID, Date: amur.MustDate("2020-08-26"), Kind: amur.CeremonyEntry, Title: amur.T("en", "Opening")},
		{ProgramID: s.program.ID, Date: amur.MustDate("2021-11"), Kind: amur.Statement, Title: amur.T("en", "Closing"), FlagshipID: s.flagship.ID},
	} {
		check(st.CreateTimelineEntry(ctx, e))
		s.milestones = append(s.milestones, e)
	}
	return s
}

// doReader sends a JSON body of unknown length, as a chunked upload does.
func doReader(tb testing.TB, h http.Handler, method, target string, body io.Reader) response {
	tb.Helper()
	req := httptest.NewRequest(method, target, io.NopCloser(body))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}
