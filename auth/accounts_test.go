package auth

import (
	"context"
	"sync"
	"testing"
	"time"

	"amur"
)

func TestManagingUsersNeedsAnAdmin(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		name string
		ctx  context.Context
		code string
	}{
		{"no actor", context.Background(), amur.EUnauthorized},
		{"anonymous web", amur.WithActor(context.Background(), &amur.Actor{Via: "web", Addr: "192.0.2.1"}), amur.EUnauthorized},
		{"applicant", as(principalOf(f.applicant, "")), amur.EForbidden},
		{"admin", as(principalOf(f.admin, "")), ""},
		{"system", System(context.Background()), ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := &amur.User{Email: "new" + string(rune('a'+i)) + "@example.org", Role: amur.RoleReviewer}
			errs := map[string]error{"AddUser": f.svc.AddUser(tt.ctx, u, testPassword)}
			_, errs["Users"] = f.svc.Users(tt.ctx)
			_, _, errs["IssueResetToken"] = f.svc.IssueResetToken(tt.ctx, f.applicant.ID)
			errs["SetPassword"] = f.svc.SetPassword(tt.ctx, f.applicant.ID, testPassword)
			for op, err := range errs {
				if amur.ErrorCode(err) != tt.code && (tt.code != "" || err != nil) {
					t.Errorf("%s: %v, want code %q", op, err, tt.code)
				}
			}
		})
	}
}

func TestAddUserChecksPassword(t *testing.T) {
	f := newFixture(t, Options{})
	sys := System(context.Background())
	u := &amur.User{Email: "short@example.org", Role: amur.RoleReviewer}
	err := f.svc.AddUser(sys, u, "too short")
	if e := amur.AsError(err); e.Key != "err.password_short" || e.Field != "password" {
		t.Errorf("short password: %v", err)
	}
	if _, err := f.store.UserByEmail(context.Background(), "short@example.org"); amur.ErrorCode(err) != amur.ENotFound {
		t.Errorf("the account was stored despite the bad password: %v", err)
	}
	err = f.svc.AddUser(sys, &amur.User{Email: "applicant@example.org", Role: amur.RoleReviewer}, testPassword)
	if e := amur.AsError(err); e.Code != amur.EConflict || e.Field != "email" {
		t.Errorf("taken address: %v, want EConflict on email", err)
	}
	hash, _ := f.store.PasswordHash(context.Background(), f.admin.ID)
	if ok, err := VerifyPassword(hash, testPassword); !ok || err != nil {
		t.Errorf("stored hash %q does not verify the password: %v", hash, err)
	}
}

func TestChangePassword(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	first, other := f.login(t, "applicant@example.org"), f.login(t, "applicant@example.org")
	p, _, err := f.svc.Session(ctx, first.Secret)
	must(t, err)
	const next = "a much better password"

	_, err = f.svc.ChangePassword(as(p), "wrong password here", next, "192.0.2.1", "")
	if e := amur.AsError(err); e.Key != "err.password_wrong" || e.Field != "current" {
		t.Fatalf("wrong current password: %v", err)
	}
	_, err = f.svc.ChangePassword(as(p), testPassword, "applicant@example.org", "192.0.2.1", "")
	if e := amur.AsError(err); e.Key != "err.password_email" || e.Field != "new" {
		t.Fatalf("the address as password: %v", err)
	}
	tokenP := *p
	tokenP.TokenID = amur.NewID()
	_, err = f.svc.ChangePassword(as(&tokenP), testPassword, next, "192.0.2.1", "")
	wantCode(t, err, amur.EForbidden, "err.session_required")

	in, err := f.svc.ChangePassword(as(p), testPassword, next, "192.0.2.1", "")
	must(t, err)
	for name, secret := range map[string]string{"this": first.Secret, "other": other.Secret} {
		if _, _, err := f.svc.Session(ctx, secret); amur.ErrorCode(err) != amur.EUnauthorized {
			t.Errorf("the %s old session survived the change: %v", name, err)
		}
	}
	if _, _, err := f.svc.Session(ctx, in.Secret); err != nil {
		t.Errorf("the new session does not work: %v", err)
	}
	if _, err := f.svc.Login(ctx, "applicant@example.org", testPassword, "192.0.2.2", ""); amur.ErrorCode(err) != amur.EUnauthorized {
		t.Errorf("the old password still signs in: %v", err)
	}
	if _, err := f.svc.Login(ctx, "applicant@example.org", next, "192.0.2.2", ""); err != nil {
		t.Errorf("the new password does not sign in: %v", err)
	}
}

func TestResetPassword(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	old := f.login(t, "applicant@example.org")
	token, expires, err := f.svc.IssueResetToken(System(ctx), f.applicant.ID)
	must(t, err)
	if !wellFormed(token) || time.Until(expires) < DefaultResetTTL-time.Minute {
		t.Fatalf("token %q expires %v; want a secret valid for %v", token, expires, DefaultResetTTL)
	}
	// A refused password leaves the token usable.
	err = f.svc.ResetPassword(ctx, token, "short")
	if e := amur.AsError(err); e.Key != "err.password_short" || e.Field != "password" {
		t.Fatalf("short password: %v", err)
	}
	const next = "chosen after a reset"
	must(t, f.svc.ResetPassword(ctx, token, next))
	if err := f.svc.ResetPassword(ctx, token, "another new password"); amur.AsError(err).Key != "err.reset_token" {
		t.Errorf("second use: %v, want err.reset_token", err)
	}
	if _, _, err := f.svc.Session(ctx, old.Secret); err == nil {
		t.Error("a session survived the reset")
	}
	if _, err := f.svc.Login(ctx, "applicant@example.org", next, "192.0.2.1", ""); err != nil {
		t.Errorf("the new password does not sign in: %v", err)
	}
	for _, bad := range []string{"", "garbage", newSecret()} {
		if err := f.svc.ResetPassword(ctx, bad, next); amur.AsError(err).Key != "err.reset_token" || amur.AsError(err).Field != "token" {
			t.Errorf("token %q: %v, want err.reset_token on field token", bad, err)
		}
	}
}

// TestResetPasswordOnce races several resets with one token: one wins.
func TestResetPasswordOnce(t *testing.T) {
	f := newFixture(t, Options{})
	token, _, err := f.svc.IssueResetToken(System(context.Background()), f.applicant.ID)
	must(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			errs <- f.svc.ResetPassword(context.Background(), token, "concurrent password "+string(rune('a'+i)))
		})
	}
	wg.Wait()
	close(errs)
	ok := 0
	for err := range errs {
		switch {
		case err == nil:
			ok++
		case amur.AsError(err).Key != "err.reset_token":
			t.Errorf("unexpected error %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d resets succeeded with one token, want 1", ok)
	}
}

func TestTokens(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	me := as(principalOf(f.applicant, ""))
	secret, tok, err := f.svc.CreateToken(me, f.applicant.ID, " nightly export ", time.Time{})
	must(t, err)
	if tok.Name != "nightly export" || tok.Hash != hashSecret(secret) || !wellFormedToken(secret) {
		t.Errorf("token %+v for secret %q", tok, secret)
	}
	viaToken := as(principalOf(f.applicant, tok.ID))
	_, _, err = f.svc.CreateToken(viaToken, f.applicant.ID, "bred", time.Time{})
	wantCode(t, err, amur.EForbidden, "err.session_required")
	_, _, err = f.svc.CreateToken(me, f.admin.ID, "someone else's", time.Time{})
	wantCode(t, err, amur.EForbidden, "err.forbidden")
	_, _, err = f.svc.CreateToken(me, f.applicant.ID, "past", time.Now().Add(-time.Hour))
	wantCode(t, err, amur.EInvalid, "err.future")
	_, _, err = f.svc.CreateToken(ctx, f.applicant.ID, "anonymous", time.Time{})
	wantCode(t, err, amur.EUnauthorized, "err.unauthorized")
	adminSecret, adminTok, err := f.svc.CreateToken(System(ctx), f.admin.ID, "ops", time.Now().Add(time.Hour))
	must(t, err)

	list, err := f.svc.Tokens(viaToken)
	if err != nil || len(list) != 1 || list[0].ID != tok.ID {
		t.Errorf("Tokens = %v, %v; want only the applicant's", list, err)
	}
	wantCode(t, f.svc.DeleteToken(me, adminTok.ID), amur.ENotFound, "err.notfound")
	if _, _, err := f.svc.Authenticate(ctx, adminSecret); err != nil {
		t.Errorf("another user's token was revoked: %v", err)
	}
	must(t, f.svc.DeleteToken(viaToken, tok.ID))
	_, _, err = f.svc.Authenticate(ctx, secret)
	wantCode(t, err, amur.EUnauthorized, "err.token")
}
