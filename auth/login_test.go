package auth

import (
	"context"
	"strconv"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
)

func TestLogin(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	before := time.Now()
	in, err := f.svc.Login(ctx, " Applicant@Example.org ", testPassword, "192.0.2.1", "Firefox")
	if err != nil {
		t.Fatal(err)
	}
	if in.User.ID != f.applicant.ID || in.Session.IDHash != hashSecret(in.Secret) || !wellFormed(in.Secret) {
		t.Fatalf("sign-in %+v: want the applicant, a session stored under the secret's hash", in)
	}
	if ttl := in.Session.ExpiresAt.Sub(before); ttl < DefaultSessionTTL-time.Second || ttl > DefaultSessionTTL+time.Minute {
		t.Errorf("session lasts %v, want %v", ttl, DefaultSessionTTL)
	}
	if in.Session.CSRFToken == "" || in.Session.CSRFToken == in.Secret || in.Session.Addr != "192.0.2.1" || in.Session.Agent != "Firefox" {
		t.Errorf("session %+v: want a CSRF token of its own, the address and agent", in.Session)
	}
	p, sess, err := f.svc.Authenticate(ctx, in.Secret)
	if err != nil || p.UserID != f.applicant.ID || p.Role != amur.RoleApplicant || p.TokenID != "" || sess.CSRFToken != in.Session.CSRFToken {
		t.Fatalf("Authenticate = %+v, %+v, %v", p, sess, err)
	}
	must(t, f.svc.Logout(ctx, in.Secret))
	_, _, err = f.svc.Session(ctx, in.Secret)
	wantCode(t, err, amur.EUnauthorized, "err.session")
	must(t, f.svc.Logout(ctx, in.Secret))
}

// TestLoginFailuresLookAlike checks that every kind of failed sign-in
// answers the same error after exactly one password verification, so
// neither the answer nor its cost tells whether the account exists.
func TestLoginFailuresLookAlike(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	disabled := &amur.User{Email: "disabled@example.org", Role: amur.RoleReviewer, Disabled: true}
	must(t, f.svc.AddUser(System(ctx), disabled, testPassword))
	must(t, f.svc.AddUser(System(ctx), &amur.User{Email: "nopassword@example.org", Role: amur.RoleReviewer}, ""))
	tests := []struct{ name, email, password string }{
		{"wrong password", "applicant@example.org", "wrong password here"},
		{"unknown account", "nobody@example.org", testPassword},
		{"disabled account", "disabled@example.org", testPassword},
		{"account without a password", "nopassword@example.org", ""},
		{"not an address", "not an address", testPassword},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := f.verifies.Load()
			_, err := f.svc.Login(ctx, tt.email, tt.password, "192.0.2.7", "")
			wantCode(t, err, amur.EUnauthorized, "err.login")
			if got := f.verifies.Load() - n; got != 1 {
				t.Errorf("%d password verifications, want exactly 1", got)
			}
		})
	}
}

func TestLoginThrottled(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	// Ten failures on one account from ten addresses lock the account,
	// even for the right password, but not another account.
	for i := range DefaultMaxFailures {
		_, err := f.svc.Login(ctx, "applicant@example.org", "wrong password here", "198.51.100."+strconv.Itoa(i), "")
		wantCode(t, err, amur.EUnauthorized, "err.login")
	}
	n := f.verifies.Load()
	_, err := f.svc.Login(ctx, "applicant@example.org", testPassword, "203.0.113.9", "")
	wantCode(t, err, amur.EThrottled, "err.throttled")
	if f.verifies.Load() != n {
		t.Error("a throttled attempt still checked the password")
	}
	secs, _ := amur.AsError(err).Args["retry_after"].(int)
	if secs < 1 || secs > int(DefaultFailureWindow/time.Second) {
		t.Errorf("retry_after = %d s, want 1..%d", secs, int(DefaultFailureWindow/time.Second))
	}
	f.login(t, "admin@example.org")

	// Ten failures from one address on ten accounts lock the address.
	for i := range DefaultMaxFailures {
		_, err := f.svc.Login(ctx, "user"+strconv.Itoa(i)+"@example.org", "wrong password here", "2001:db8:1:2::"+strconv.Itoa(i+1), "")
		wantCode(t, err, amur.EUnauthorized, "err.login")
	}
	_, err = f.svc.Login(ctx, "admin@example.org", testPassword, "2001:db8:1:2:ffff::1", "")
	wantCode(t, err, amur.EThrottled, "err.throttled")
	if _, err := f.svc.Login(ctx, "admin@example.org", testPassword, "2001:db8:1:3::1", ""); err != nil {
		t.Errorf("another /64 is throttled too: %v", err)
	}
}

func TestAuthenticateRefuses(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	in := f.login(t, "applicant@example.org")
	secret, tok, err := f.svc.CreateToken(as(principalOf(f.applicant, "")), f.applicant.ID, "script", time.Time{})
	must(t, err)
	if p, sess, err := f.svc.Authenticate(ctx, secret); err != nil || p.TokenID != tok.ID || sess != nil {
		t.Fatalf("token: %+v, %v, %v; want the principal with its token id and no session", p, sess, err)
	}
	tests := []struct{ name, secret, key string }{
		{"empty", "", "err.session"},
		{"session as token", TokenPrefix + in.Secret, "err.token"},
		{"token without prefix", secret[len(TokenPrefix):], "err.session"},
		{"truncated session", in.Secret[:42], "err.session"},
		{"unknown session", newSecret(), "err.session"},
		{"unknown token", TokenPrefix + newSecret(), "err.token"},
	}
	for _, tt := range tests {
		_, _, err := f.svc.Authenticate(ctx, tt.secret)
		if e := amur.AsError(err); err == nil || e.Code != amur.EUnauthorized || e.Key != tt.key {
			t.Errorf("%s: %v, want EUnauthorized %s", tt.name, err, tt.key)
		}
	}

	// A disabled account loses its sessions and tokens at once.
	u, _ := f.store.User(ctx, f.applicant.ID)
	u.Disabled = true
	must(t, f.store.UpdateUser(ctx, u))
	_, _, err = f.svc.Authenticate(ctx, in.Secret)
	wantCode(t, err, amur.EUnauthorized, "err.session")
	_, _, err = f.svc.Authenticate(ctx, secret)
	wantCode(t, err, amur.EUnauthorized, "err.token")
}

func TestSessionExpires(t *testing.T) {
	f := newFixture(t, Options{SessionTTL: time.Hour})
	f.svc.now = func() time.Time { return time.Now().Add(-61 * time.Minute) }
	in := f.login(t, "applicant@example.org")
	_, _, err := f.svc.Session(context.Background(), in.Secret)
	wantCode(t, err, amur.EUnauthorized, "err.session")
}

// TestThrottleSharedAcrossServices checks that two services over one
// database count failures together, as two nodes would.
func TestThrottleSharedAcrossServices(t *testing.T) {
	st := testkit.MustOpenStore(t)
	a := newFixtureOn(t, st, Options{MaxFailures: 3})
	b := New(st, a.svc.opts)
	ctx := context.Background()
	for range 3 {
		_, err := a.svc.Login(ctx, "admin@example.org", "wrong password here", "192.0.2.50", "")
		wantCode(t, err, amur.EUnauthorized, "err.login")
	}
	_, err := b.Login(ctx, "admin@example.org", "wrong password here", "192.0.2.51", "")
	wantCode(t, err, amur.EThrottled, "err.throttled")
}

// must fails the test on err.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
