package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"amur"
	"amur/auth"
	"amur/internal/testkit"
	"amur/registry"
)

// The ways a client signs in: a browser session opened by POST
// /api/v1/login (whose writes carry the CSRF token), or an API token.
const (
	bySession = "session"
	byToken   = "token"
)

// client sends requests as one role, signed in through the server's own
// sign-in, so that the tests cover the path real requests take.
type client struct {
	name string
	// user is the role's account; nil for the anonymous public.
	user    *amur.User
	srv     http.Handler
	headers []string
}

// do sends one request as the client.
func (c client) do(tb testing.TB, method, target, body string) response {
	tb.Helper()
	return do(tb, c.srv, method, target, body, c.headers...)
}

// roleUsers are the accounts of the roles every route is tried as, in the
// order of the expectations in routeCases (after the anonymous public).
func (fx *fixture) roleUsers() []*amur.User {
	return []*amur.User{
		{Email: "admin@example.org", Role: amur.RoleAdmin},
		{Email: "office-cn@example.org", Role: amur.RoleOffice, Side: "CN"},
		{Email: "office-ru@example.org", Role: amur.RoleOffice, Side: "RU"},
		{Email: "coordinator@example.org", Role: amur.RoleCoordinator, OrgID: fx.coordOrg.ID},
		{Email: "applicant@example.org", Role: amur.RoleApplicant},
		{Email: "reviewer@example.org", Role: amur.RoleReviewer},
	}
}

// roleNames name the clients of clients, in order.
var roleNames = []string{"anonymous", "admin", "office CN", "office RU", "coordinator", "applicant", "reviewer"}

// clients returns the anonymous public and one client per role, signed in
// the given way; the accounts are made on first use.
func (fx *fixture) clients(tb testing.TB, how string) []client {
	tb.Helper()
	ctx := auth.System(context.Background())
	if fx.users == nil {
		fx.users = fx.roleUsers()
		for _, u := range fx.users {
			if err := fx.auth.AddUser(ctx, u, testPassword); err != nil {
				tb.Fatal(err)
			}
		}
	}
	out := []client{{name: roleNames[0], srv: fx.srv}}
	for i, u := range fx.users {
		c := client{name: roleNames[i+1], user: u, srv: fx.srv}
		if how == byToken {
			secret, _, err := fx.auth.CreateToken(ctx, u.ID, "tests", time.Time{})
			if err != nil {
				tb.Fatal(err)
			}
			c.headers = []string{"Authorization", "Bearer " + secret}
		} else {
			res := do(tb, fx.srv, "POST", "/api/v1/login", mustJSON(tb, loginBody{Email: u.Email, Password: testPassword})).want(tb, http.StatusOK)
			var info sessionInfo
			res.decode(tb, &info)
			cookie := cookieNamed(res, sessionCookie)
			if cookie == nil || info.CSRFToken == "" {
				tb.Fatalf("signing in %s gave no session: %s", u.Email, res.Body)
			}
			c.headers = []string{"Cookie", sessionCookie + "=" + cookie.Value, csrfHeader, info.CSRFToken}
		}
		out = append(out, c)
	}
	return out
}

// fixture is the registry the permission tests run on: a published CN+RU
// activity, a RU-only one, a draft of the coordinator's organisation and a
// draft of another organisation, with the records around them.
type fixture struct {
	db                                 amur.Store
	srv                                *Server
	auth                               *auth.Service
	users                              []*amur.User
	program                            *amur.Program
	field                              *amur.Field
	cnOrg, ruOrg, coordOrg, otherOrg   *amur.Organization
	personCN, personRU                 *amur.Person
	flagship                           *amur.Flagship
	entry                              *amur.TimelineEntry
	joint, ruOnly, coordDraft, otherDr *amur.Activity
	// fresh counts the records made for one case, for unique keys.
	fresh int
}

// newFixture stores the fixture as the system and serves it through the
// registry, as amur serve does.
func newFixture(tb testing.TB) *fixture {
	tb.Helper()
	db := testkit.MustOpenStore(tb)
	store := registry.New(db)
	fx := &fixture{db: db, auth: auth.New(store, auth.Options{Params: cheapParams})}
	fx.srv = New(Config{Store: store, Auth: fx.auth})
	ctx := context.Background()
	check := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	check(db.CreateField(ctx, testkit.Field("1", "Natural sciences")))
	fx.field = testkit.Field("1.1", "Mathematics")
	check(db.CreateField(ctx, fx.field))
	fx.program = testkit.Program("crys-2020")
	check(db.CreateProgram(ctx, fx.program))
	fx.cnOrg, fx.ruOrg = testkit.Org("清华大学", "CN"), testkit.Org("Томский государственный университет", "RU")
	fx.coordOrg, fx.otherOrg = testkit.Org("Дальневосточный федеральный университет", "RU"), testkit.Org("哈尔滨工业大学", "CN")
	for _, o := range []*amur.Organization{fx.cnOrg, fx.ruOrg, fx.coordOrg, fx.otherOrg} {
		check(db.CreateOrganization(ctx, o))
	}
	fx.personCN, fx.personRU = testkit.Person("Li", "Wei", "CN"), testkit.Person("Petrova", "Anna", "RU")
	fx.personCN.Contact = amur.Contact{Email: "li.wei@example.org", Phone: "+86 10 0000 0000"}
	fx.personRU.Contact = amur.Contact{Email: "petrova@example.org"}
	check(db.CreatePerson(ctx, fx.personCN))
	check(db.CreatePerson(ctx, fx.personRU))
	fx.flagship = &amur.Flagship{ProgramID: fx.program.ID, Slug: "nica", Name: amur.T("en", "NICA collider")}
	check(db.CreateFlagship(ctx, fx.flagship))
	fx.entry = &amur.TimelineEntry{ProgramID: fx.program.ID, Date: amur.MustDate("2020-08-26"), Kind: amur.CeremonyEntry, Title: amur.T("en", "Opening")}
	check(db.CreateTimelineEntry(ctx, fx.entry))
	fx.joint = fx.newActivity(tb, "joint")
	fx.ruOnly = fx.newActivity(tb, "ruOnly")
	fx.coordDraft = fx.newActivity(tb, "coordDraft")
	fx.otherDr = fx.newActivity(tb, "otherDraft")
	return fx
}

// activityOf returns a new activity of one of the fixture's shapes.
func (fx *fixture) activityOf(shape string) *amur.Activity {
	part := func(o *amur.Organization) amur.Participant { return testkit.OrgPart(o.ID, o.Country, amur.Organiser) }
	var a *amur.Activity
	switch shape {
	case "joint":
		a = testkit.Activity("Joint forum", amur.Forum, "2020-09-07", []string{"1.1"}, part(fx.cnOrg), part(fx.ruOrg))
	case "ruOnly":
		a = testkit.Activity("Tomsk summer school", amur.Training, "2020-07-01", nil, part(fx.ruOrg))
		a.Sides = []string{"RU"}
	case "coordDraft":
		a = testkit.Activity("Vladivostok proposal", amur.Forum, "2021-05-01", nil, part(fx.coordOrg))
		a.Sides, a.Draft = []string{"RU"}, true
	case "otherDraft":
		a = testkit.Activity("Harbin proposal", amur.Exhibition, "2021-06-01", nil, part(fx.otherOrg))
		a.Sides, a.Draft = []string{"CN"}, true
	default:
		panic("no activity shape " + shape)
	}
	a.ProgramID = fx.program.ID
	return a
}

// newActivity stores a new activity of shape as the system.
func (fx *fixture) newActivity(tb testing.TB, shape string) *amur.Activity {
	tb.Helper()
	a := fx.activityOf(shape)
	if err := fx.db.CreateActivity(context.Background(), a); err != nil {
		tb.Fatal(err)
	}
	return a
}

// target returns the id a case's request names: a fixture record, or for
// "new:…" a record stored for the case alone, so that deletes never take
// away what later cases need.
func (fx *fixture) target(tb testing.TB, name string) (amur.Kind, string) {
	tb.Helper()
	ctx := context.Background()
	fx.fresh++
	n := fx.fresh
	var r amur.Record
	switch name {
	case "program":
		return amur.KindProgram, fx.program.ID
	case "field":
		return amur.KindField, fx.field.ID
	case "cnOrg":
		return amur.KindOrganization, fx.cnOrg.ID
	case "coordOrg":
		return amur.KindOrganization, fx.coordOrg.ID
	case "personCN":
		return amur.KindPerson, fx.personCN.ID
	case "personRU":
		return amur.KindPerson, fx.personRU.ID
	case "flagship":
		return amur.KindFlagship, fx.flagship.ID
	case "entry":
		return amur.KindTimeline, fx.entry.ID
	case "joint":
		return amur.KindActivity, fx.joint.ID
	case "ruOnly":
		return amur.KindActivity, fx.ruOnly.ID
	case "coordDraft":
		return amur.KindActivity, fx.coordDraft.ID
	case "otherDraft":
		return amur.KindActivity, fx.otherDr.ID
	case "new:program":
		r = testkit.Program(fmt.Sprintf("fresh-%d", n))
	case "new:field":
		r = testkit.Field(fmt.Sprintf("1.1.fresh%d", n), "Fresh")
	case "new:ruOrg":
		r = testkit.Org(fmt.Sprintf("Институт № %d", n), "RU")
	case "new:personRU":
		r = testkit.Person("Sidorov", fmt.Sprint(n), "RU")
	case "new:flagship":
		r = &amur.Flagship{Slug: fmt.Sprintf("fresh-%d", n), Name: amur.T("en", "Fresh")}
	case "new:entry":
		r = &amur.TimelineEntry{Date: amur.MustDate("2021"), Kind: amur.OtherEntry, Title: amur.T("en", "Fresh")}
	case "new:joint", "new:ruOnly", "new:coordDraft":
		r = fx.activityOf(name[len("new:"):])
	default:
		if k, id, ok := fx.offerTarget(tb, name); ok {
			return k, id
		}
		tb.Fatalf("no target %q", name)
	}
	if err := createAny(ctx, fx.db, r); err != nil {
		tb.Fatal(err)
	}
	return r.RecordKind(), r.Base().ID
}

// targetFor is target for a case sent by cl, which also knows the API
// tokens: "ownToken" is a new token of cl's account (of the admin's for
// the public, who has none), "adminToken" one of the admin's. Tokens are
// no records, so their kind is "".
func (fx *fixture) targetFor(tb testing.TB, name string, cl client) (amur.Kind, string) {
	tb.Helper()
	owner := fx.users[0]
	switch {
	case name == "ownToken" && cl.user != nil:
		owner = cl.user
	case name != "ownToken" && name != "adminToken":
		return fx.target(tb, name)
	}
	_, tok, err := fx.auth.CreateToken(auth.System(context.Background()), owner.ID, "target", time.Time{})
	if err != nil {
		tb.Fatal(err)
	}
	return "", tok.ID
}

// createAny stores r through the create method of its kind.
func createAny(ctx context.Context, s amur.Store, r amur.Record) error {
	switch v := r.(type) {
	case *amur.Program:
		return s.CreateProgram(ctx, v)
	case *amur.Field:
		return s.CreateField(ctx, v)
	case *amur.Organization:
		return s.CreateOrganization(ctx, v)
	case *amur.Person:
		return s.CreatePerson(ctx, v)
	case *amur.Flagship:
		return s.CreateFlagship(ctx, v)
	case *amur.TimelineEntry:
		return s.CreateTimelineEntry(ctx, v)
	case *amur.Activity:
		return s.CreateActivity(ctx, v)
	}
	return fmt.Errorf("no create for %T", r)
}

// version returns the stored version of a record, or 0 when it is gone.
func (fx *fixture) version(k amur.Kind, id string) int {
	var n int
	_ = fx.db.Each(context.Background(), k, func(r amur.Record) error {
		if r.Base().ID == id {
			n = r.Base().Version
		}
		return nil
	})
	return n
}

// status returns the expected status for an outcome word of a case.
func status(tb testing.TB, word string) int {
	tb.Helper()
	var code int
	if _, err := fmt.Sscan(word, &code); err != nil || http.StatusText(code) == "" {
		tb.Fatalf("bad expected status %q", word)
	}
	return code
}
