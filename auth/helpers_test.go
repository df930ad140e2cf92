package auth

import (
	"context"
	"sync/atomic"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// testParams are cheap argon2id costs for tests of the logic around the
// hash; TestHashPassword uses the real ones.
var testParams = Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// testPassword satisfies the password rules.
const testPassword = "correct horse battery"

// fixture is a Service on a fresh store with an admin and an applicant.
type fixture struct {
	svc              *Service
	store            amur.UserStore
	admin, applicant *amur.User
	// verifies counts password verifications.
	verifies atomic.Int64
}

// newFixture returns a fixture on a fresh SQLite store.
func newFixture(t *testing.T, opts Options) *fixture {
	t.Helper()
	return newFixtureOn(t, testkit.MustOpenStore(t), opts)
}

// newFixtureOn returns a fixture on store.
func newFixtureOn(t *testing.T, store amur.Store, opts Options) *fixture {
	t.Helper()
	if opts.Params == (Params{}) {
		opts.Params = testParams
	}
	f := &fixture{svc: New(store, opts), store: store}
	f.svc.verify = func(encoded, password string) (bool, error) {
		f.verifies.Add(1)
		return VerifyPassword(encoded, password)
	}
	sys := System(context.Background())
	f.admin = &amur.User{Email: "admin@example.org", Role: amur.RoleAdmin}
	f.applicant = &amur.User{Email: "applicant@example.org", Role: amur.RoleApplicant}
	for _, u := range []*amur.User{f.admin, f.applicant} {
		if err := f.svc.AddUser(sys, u, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// as returns a context acting as principal p from the web.
func as(p *amur.Principal) context.Context {
	return amur.WithActor(context.Background(), &amur.Actor{Principal: p, Addr: "192.0.2.1", Via: "api"})
}

// login signs email in and fails the test on error.
func (f *fixture) login(t *testing.T, email string) *SignIn {
	t.Helper()
	in, err := f.svc.Login(context.Background(), email, testPassword, "192.0.2.1", "test")
	if err != nil {
		t.Fatalf("login %s: %v", email, err)
	}
	return in
}

// wantCode fails the test unless err has code and key.
func wantCode(t *testing.T, err error, code, key string) {
	t.Helper()
	e := amur.AsError(err)
	if err == nil || e.Code != code || e.Key != key {
		t.Fatalf("error = %v, want %s %s", err, code, key)
	}
}
