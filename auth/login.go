package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/netip"
	"strings"

	"amur"
)

// errLogin is the one answer to a failed sign-in, whether the account
// exists or not, so the answer does not tell which addresses have accounts.
func errLogin() error { return amur.Errorf(amur.EUnauthorized, "err.login") }

// Login signs the account with email in with password, from the client
// address addr with user agent agent. Failures are counted per account and
// per address; after MaxFailures of either in a window, attempts are
// refused with EThrottled until the window ends, before any password is
// checked.
func (s *Service) Login(ctx context.Context, email, password, addr, agent string) (*SignIn, error) {
	email = normalizeEmail(email)
	keys := failureKeys(email, addr)
	if err := s.throttle(ctx, keys); err != nil {
		return nil, err
	}
	u, ok, err := s.checkLogin(ctx, email, password)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, s.failed(ctx, keys, errLogin())
	}
	return s.startSession(ctx, u, addr, agent)
}

// checkLogin looks the account up and verifies the password, running
// exactly one argon2 verification whatever the outcome: against a dummy
// hash when there is no account or it has no password yet.
func (s *Service) checkLogin(ctx context.Context, email, password string) (*amur.User, bool, error) {
	if len(password) > MaxPasswordBytes {
		// No stored password is this long; refusing before hashing keeps
		// the cost of an attempt bounded, and says nothing about accounts.
		return nil, false, nil
	}
	u, err := s.store.UserByEmail(ctx, email)
	hash := ""
	switch {
	case err == nil:
		if hash, err = s.store.PasswordHash(ctx, u.ID); err != nil {
			return nil, false, err
		}
	case amur.ErrorCode(err) != amur.ENotFound:
		return nil, false, err
	}
	if hash == "" {
		u, hash = nil, s.dummyHash()
	}
	ok, err := s.check(ctx, hash, password)
	if err != nil || !ok || u == nil || u.Disabled {
		return nil, false, err
	}
	return u, true, nil
}

// startSession opens a new session of u.
func (s *Service) startSession(ctx context.Context, u *amur.User, addr, agent string) (*SignIn, error) {
	secret := newSecret()
	now := s.now()
	sess := &amur.Session{
		IDHash:    hashSecret(secret),
		UserID:    u.ID,
		CSRFToken: newSecret(),
		CreatedAt: now,
		ExpiresAt: now.Add(s.opts.SessionTTL),
		Addr:      addr,
		Agent:     cleanAgent(agent),
	}
	if err := s.store.CreateSession(ctx, sess); err != nil {
		return nil, err
	}
	return &SignIn{User: u, Session: sess, Secret: secret}, nil
}

// Logout ends the session whose cookie holds secret. A session that has
// already ended is no error: the client is signed out either way.
func (s *Service) Logout(ctx context.Context, secret string) error {
	if !wellFormed(secret) {
		return nil
	}
	err := s.store.DeleteSession(ctx, hashSecret(secret))
	if amur.ErrorCode(err) == amur.ENotFound {
		return nil
	}
	return err
}

// Authenticate returns the principal that a secret proves: an API token
// (amur_…) or else the secret of a session cookie, with the session.
func (s *Service) Authenticate(ctx context.Context, secret string) (*amur.Principal, *amur.Session, error) {
	if strings.HasPrefix(secret, TokenPrefix) {
		p, err := s.Token(ctx, secret)
		return p, nil, err
	}
	return s.Session(ctx, secret)
}

// Session returns the principal and session of a session cookie's secret;
// an unknown, expired or malformed secret, or a disabled account, is
// EUnauthorized "err.session".
func (s *Service) Session(ctx context.Context, secret string) (*amur.Principal, *amur.Session, error) {
	bad := amur.Errorf(amur.EUnauthorized, "err.session")
	if !wellFormed(secret) {
		return nil, nil, bad
	}
	sess, err := s.store.Session(ctx, hashSecret(secret))
	if amur.ErrorCode(err) == amur.ENotFound {
		return nil, nil, bad
	}
	if err != nil {
		return nil, nil, err
	}
	u, err := s.activeUser(ctx, sess.UserID, bad)
	if err != nil {
		return nil, nil, err
	}
	return principalOf(u, ""), sess, nil
}

// Token returns the principal an API token proves; an unknown, expired,
// revoked or malformed token, or a disabled account, is EUnauthorized
// "err.token".
func (s *Service) Token(ctx context.Context, secret string) (*amur.Principal, error) {
	bad := amur.Errorf(amur.EUnauthorized, "err.token")
	if !wellFormedToken(secret) {
		return nil, bad
	}
	t, err := s.store.TokenByHash(ctx, hashSecret(secret))
	if amur.ErrorCode(err) == amur.ENotFound {
		return nil, bad
	}
	if err != nil {
		return nil, err
	}
	u, err := s.activeUser(ctx, t.UserID, bad)
	if err != nil {
		return nil, err
	}
	return principalOf(u, t.ID), nil
}

// activeUser returns the account id unless it is gone or disabled, which
// is the error bad.
func (s *Service) activeUser(ctx context.Context, id string, bad error) (*amur.User, error) {
	u, err := s.store.User(ctx, id)
	switch {
	case amur.ErrorCode(err) == amur.ENotFound:
		return nil, bad
	case err != nil:
		return nil, err
	case u.Disabled:
		return nil, bad
	}
	return u, nil
}

// normalizeEmail is the canonical form the store compares addresses in.
func normalizeEmail(email string) string {
	u := amur.User{Email: email}
	u.Normalize()
	return u.Email
}

// failureKeys are the rate-limit counters of failed sign-ins to the
// account email from addr. The account is named by a hash, so the table
// holds no addresses of people; an IPv6 client is counted by its /64,
// which is what one subscriber usually gets.
func failureKeys(email, addr string) []string {
	sum := sha256.Sum256([]byte(email))
	keys := []string{"login:account:" + hex.EncodeToString(sum[:16])}
	if a, err := netip.ParseAddr(addr); err == nil {
		a = a.Unmap()
		if a.Is6() {
			p, _ := a.Prefix(64)
			addr = p.String()
		} else {
			addr = a.String()
		}
		keys = append(keys, "login:addr:"+addr)
	} else if addr != "" {
		sum := sha256.Sum256([]byte(addr))
		keys = append(keys, "login:addr:"+hex.EncodeToString(sum[:16]))
	}
	return keys
}

// throttle refuses with EThrottled when any counter of keys has reached
// the limit in the current window.
func (s *Service) throttle(ctx context.Context, keys []string) error {
	for _, k := range keys {
		n, err := s.store.Hits(ctx, k, s.opts.FailureWindow)
		if err != nil {
			return err
		}
		if n >= s.opts.MaxFailures {
			return s.throttled()
		}
	}
	return nil
}

// failed counts one failure on every key and returns fail, or EThrottled
// when a counter went past the limit: that happens when attempts raced
// past throttle together, and the last of them must not get an answer.
func (s *Service) failed(ctx context.Context, keys []string, fail error) error {
	over := false
	for _, k := range keys {
		n, err := s.store.Hit(ctx, k, s.opts.FailureWindow)
		if err != nil {
			return err
		}
		over = over || n > s.opts.MaxFailures
	}
	if over {
		return s.throttled()
	}
	return fail
}

// throttled is EThrottled with the seconds until the current window ends,
// which is when the counters start again (windows are aligned to the Unix
// epoch, as the store's are).
func (s *Service) throttled() error {
	w := s.opts.FailureWindow.Milliseconds()
	now := s.now().UnixMilli()
	secs := int((w - now%w + 999) / 1000)
	secs = max(secs, 1)
	return amur.Errorf(amur.EThrottled, "err.throttled", "retry_after", secs, "minutes", (secs+59)/60)
}
