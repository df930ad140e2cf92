package auth

import (
	"context"
	"time"

	"amur"
)

// AddUser creates an account with password ("" leaves it without one, to
// be chosen through a reset token). Only admins and the system may add
// users.
func (s *Service) AddUser(ctx context.Context, u *amur.User, password string) error {
	if err := mayManageUsers(ctx); err != nil {
		return err
	}
	u.Normalize()
	if err := u.Validate(); err != nil {
		return err
	}
	hash := ""
	if password != "" {
		if err := CheckPassword("password", password, u.Email); err != nil {
			return err
		}
		var err error
		if hash, err = s.hash(ctx, password); err != nil {
			return err
		}
	}
	return s.store.CreateUser(ctx, u, hash)
}

// Users lists every account; only admins and the system may.
func (s *Service) Users(ctx context.Context) ([]*amur.User, error) {
	if err := mayManageUsers(ctx); err != nil {
		return nil, err
	}
	return s.store.Users(ctx)
}

// SetPassword gives the account userID a new password chosen for it, as
// "amur user passwd" does, and ends its sessions. Only admins and the
// system may.
func (s *Service) SetPassword(ctx context.Context, userID, password string) error {
	if err := mayManageUsers(ctx); err != nil {
		return err
	}
	return s.replacePassword(ctx, userID, "password", password)
}

// replacePassword checks password against the rules of the account and
// stores its hash, which ends every session of the account.
func (s *Service) replacePassword(ctx context.Context, userID, field, password string) error {
	u, err := s.store.User(ctx, userID)
	if err != nil {
		return err
	}
	if err := CheckPassword(field, password, u.Email); err != nil {
		return err
	}
	hash, err := s.hash(ctx, password)
	if err != nil {
		return err
	}
	return s.store.SetPassword(ctx, userID, hash)
}

// ChangePassword replaces the signed-in principal's password, which it
// must prove with current. Every session of the account ends, the
// caller's too, and a new session is returned for the caller, so a thief
// who had the old password or a cookie is out. It needs a session: an API
// token cannot change the password. Wrong current passwords count as
// failed sign-ins.
func (s *Service) ChangePassword(ctx context.Context, current, next, addr, agent string) (*SignIn, error) {
	p, err := signedIn(ctx, true)
	if err != nil {
		return nil, err
	}
	if err := CheckPassword("new", next, p.Email); err != nil {
		return nil, err
	}
	keys := failureKeys(p.Email, addr)
	if err := s.throttle(ctx, keys); err != nil {
		return nil, err
	}
	hash, err := s.store.PasswordHash(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	if hash == "" {
		hash = s.dummyHash()
	}
	ok, err := s.check(ctx, hash, current)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, s.failed(ctx, keys, amur.Invalid("current", "err.password_wrong"))
	}
	if err := s.replacePassword(ctx, p.UserID, "new", next); err != nil {
		return nil, err
	}
	u, err := s.store.User(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	return s.startSession(ctx, u, addr, agent)
}

// IssueResetToken returns a one-time token with which the account userID
// can choose a new password until it expires. Only admins and the system
// may issue one; the token is shown to them once and stored hashed.
func (s *Service) IssueResetToken(ctx context.Context, userID string) (string, time.Time, error) {
	if err := mayManageUsers(ctx); err != nil {
		return "", time.Time{}, err
	}
	if _, err := s.store.User(ctx, userID); err != nil {
		return "", time.Time{}, err
	}
	secret := newSecret()
	expires := s.now().Add(s.opts.ResetTTL).UTC().Truncate(time.Millisecond)
	if err := s.store.CreateResetToken(ctx, userID, hashSecret(secret), expires); err != nil {
		return "", time.Time{}, err
	}
	return secret, expires, nil
}

// ResetPassword sets the password of the account a reset token names and
// spends the token. The password is checked before the token is spent, so
// a rejected password leaves the token usable; of two concurrent uses only
// one succeeds. Anyone holding the token may do this.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	bad := amur.Invalid("token", "err.reset_token")
	if !wellFormed(token) {
		return bad
	}
	hash := hashSecret(token)
	userID, err := s.store.ResetTokenUser(ctx, hash)
	if amur.ErrorCode(err) == amur.ENotFound {
		return bad
	}
	if err != nil {
		return err
	}
	u, err := s.store.User(ctx, userID)
	if err != nil {
		return err
	}
	if err := CheckPassword("password", password, u.Email); err != nil {
		return err
	}
	pwHash, err := s.hash(ctx, password)
	if err != nil {
		return err
	}
	spent, err := s.store.UseResetToken(ctx, hash)
	if amur.ErrorCode(err) == amur.ENotFound || err == nil && spent != userID {
		return bad
	}
	if err != nil {
		return err
	}
	return s.store.SetPassword(ctx, userID, pwHash)
}

// Me returns the signed-in principal's account.
func (s *Service) Me(ctx context.Context) (*amur.User, error) {
	p, err := signedIn(ctx, false)
	if err != nil {
		return nil, err
	}
	return s.store.User(ctx, p.UserID)
}
