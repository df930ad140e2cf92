// Package auth signs people in and out of Amur and proves who makes each
// request. It keeps accounts, server-side sessions, API tokens and
// password resets over an amur.UserStore, hashes passwords with argon2id,
// limits failed sign-ins per account and per address through counters in
// the database (so several nodes share one limit), and decides the acts
// that belong to roles, such as who may add users, from the Principal of
// the context. It knows nothing of HTTP: the web adapter carries its
// secrets in cookies and headers.
package auth

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"amur"
)

// Defaults of Options.
const (
	// DefaultSessionTTL is how long a session lasts from sign-in. The
	// lifetime is fixed, not sliding: a request never writes to extend it,
	// and a stolen cookie is worth at most a working day.
	DefaultSessionTTL = 12 * time.Hour
	// DefaultResetTTL is how long a password-reset token stays usable.
	DefaultResetTTL = 24 * time.Hour
	// DefaultMaxFailures is how many failed sign-ins an account, and
	// separately an address, may have in one window before further
	// attempts are refused until the window ends.
	DefaultMaxFailures = 10
	// DefaultFailureWindow is the length of that window.
	DefaultFailureWindow = 15 * time.Minute
)

// Options tune a Service; zero values take the defaults.
type Options struct {
	SessionTTL    time.Duration
	ResetTTL      time.Duration
	MaxFailures   int
	FailureWindow time.Duration
	// Params are the argon2id costs of new hashes; stored hashes keep
	// their own. Zero means DefaultParams.
	Params Params
}

// Service is the sign-in capability. It is safe for concurrent use.
type Service struct {
	store amur.UserStore
	opts  Options
	now   func() time.Time
	// hashes bounds concurrent argon2 runs, and so their memory.
	hashes chan struct{}
	// verify checks a password against a stored hash; tests count its calls.
	verify func(encoded, password string) (bool, error)

	dummyOnce sync.Once
	dummy     string
}

// New returns a Service over store.
func New(store amur.UserStore, opts Options) *Service {
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = DefaultSessionTTL
	}
	if opts.ResetTTL <= 0 {
		opts.ResetTTL = DefaultResetTTL
	}
	if opts.MaxFailures <= 0 {
		opts.MaxFailures = DefaultMaxFailures
	}
	if opts.FailureWindow <= 0 {
		opts.FailureWindow = DefaultFailureWindow
	}
	if opts.Params == (Params{}) {
		opts.Params = DefaultParams
	}
	return &Service{
		store:  store,
		opts:   opts,
		now:    time.Now,
		hashes: make(chan struct{}, runtime.GOMAXPROCS(0)),
		verify: VerifyPassword,
	}
}

// SessionTTL returns how long new sessions last.
func (s *Service) SessionTTL() time.Duration { return s.opts.SessionTTL }

// SignIn is a new session: the account, the stored session and the secret
// the client keeps (in the amur_session cookie). The secret exists only
// here; the store has its hash.
type SignIn struct {
	User    *amur.User
	Session *amur.Session
	Secret  string
}

// viaCLI is the Via of the platform acting on its own behalf: a command run
// on the server by someone who holds the database.
const viaCLI = "cli"

// System returns ctx acting as the platform itself, as the commands run on
// the server do (amur user add, amur token create). Who can run them holds
// the database already, so they may manage every account.
func System(ctx context.Context) context.Context {
	return amur.WithActor(ctx, &amur.Actor{Addr: viaCLI, Via: viaCLI})
}

// isSystem reports whether ctx acts as the platform itself. Only an
// explicit command-line actor counts: a context without an actor is not
// trusted, so a forgotten middleware fails closed.
func isSystem(ctx context.Context) bool {
	a := amur.ActorFrom(ctx)
	return a != nil && a.Principal == nil && a.Via == viaCLI
}

// mayManageUsers allows the system and admins.
func mayManageUsers(ctx context.Context) error {
	if isSystem(ctx) || amur.PrincipalFrom(ctx).Is(amur.RoleAdmin) {
		return nil
	}
	return denied(ctx)
}

// denied is EUnauthorized for the anonymous public, asking it to sign in,
// and EForbidden for a principal that may not do the act.
func denied(ctx context.Context) error {
	if amur.PrincipalFrom(ctx) == nil {
		return amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	}
	return amur.Errorf(amur.EForbidden, "err.forbidden")
}

// signedIn returns the principal of ctx, requiring a password-proven
// session rather than an API token when session is set.
func signedIn(ctx context.Context, session bool) (*amur.Principal, error) {
	p := amur.PrincipalFrom(ctx)
	switch {
	case p == nil:
		return nil, amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	case session && p.TokenID != "":
		return nil, amur.Errorf(amur.EForbidden, "err.session_required")
	}
	return p, nil
}

// principalOf is the principal of an account, proven by token tokenID or
// ("") by a session.
func principalOf(u *amur.User, tokenID string) *amur.Principal {
	return &amur.Principal{UserID: u.ID, Email: u.Email, Role: u.Role, Side: u.Side, OrgID: u.OrgID, TokenID: tokenID}
}

// hash hashes a new password, waiting for a free hashing slot.
func (s *Service) hash(ctx context.Context, password string) (string, error) {
	if err := s.acquire(ctx); err != nil {
		return "", err
	}
	defer s.release()
	return HashPassword(password, s.opts.Params), nil
}

// check verifies password against encoded, waiting for a free hashing
// slot. A malformed stored hash matches nothing.
func (s *Service) check(ctx context.Context, encoded, password string) (bool, error) {
	if err := s.acquire(ctx); err != nil {
		return false, err
	}
	defer s.release()
	ok, err := s.verify(encoded, password)
	return ok && err == nil, nil
}

// acquire takes a hashing slot or gives up with the context.
func (s *Service) acquire(ctx context.Context) error {
	select {
	case s.hashes <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release returns a hashing slot.
func (s *Service) release() { <-s.hashes }

// dummyHash returns a hash of a random password made with the current
// parameters. Signing in to an account that does not exist (or has no
// password) verifies against it, so the answer takes as long as for a
// wrong password and does not tell which accounts exist.
func (s *Service) dummyHash() string {
	s.dummyOnce.Do(func() { s.dummy = HashPassword(newSecret(), s.opts.Params) })
	return s.dummy
}

// maxAgent bounds the user agent kept with a session.
const maxAgent = 256

// cleanAgent returns a user agent string fit to store: valid UTF-8, at
// most maxAgent bytes, cut on a character boundary.
func cleanAgent(a string) string {
	a = strings.ToValidUTF8(a, "\uFFFD")
	if len(a) <= maxAgent {
		return a
	}
	cut := maxAgent
	for cut > 0 && !utf8.RuneStart(a[cut]) {
		cut--
	}
	return a[:cut]
}
