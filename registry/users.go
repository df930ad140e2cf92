package registry

import (
	"context"
	"time"

	"amur"
)

// The account methods pass through unchanged. Accounts are not records of
// the program: auth.Service, which the web adapter uses for everything
// about them, decides from the same principal who may add users or mint
// tokens, and these methods deal in hashes, never in secrets.

// User returns the account with id.
func (s *Store) User(ctx context.Context, id string) (*amur.User, error) { return s.next.User(ctx, id) }

// UserByEmail returns the account with the e-mail address.
func (s *Store) UserByEmail(ctx context.Context, email string) (*amur.User, error) {
	return s.next.UserByEmail(ctx, email)
}

// Users returns every account.
func (s *Store) Users(ctx context.Context) ([]*amur.User, error) { return s.next.Users(ctx) }

// CreateUser stores a new account.
func (s *Store) CreateUser(ctx context.Context, u *amur.User, passwordHash string) error {
	return s.next.CreateUser(ctx, u, passwordHash)
}

// UpdateUser replaces a stored account.
func (s *Store) UpdateUser(ctx context.Context, u *amur.User) error { return s.next.UpdateUser(ctx, u) }

// PasswordHash returns the stored password hash of an account.
func (s *Store) PasswordHash(ctx context.Context, userID string) (string, error) {
	return s.next.PasswordHash(ctx, userID)
}

// SetPassword replaces the password hash of an account.
func (s *Store) SetPassword(ctx context.Context, userID, passwordHash string) error {
	return s.next.SetPassword(ctx, userID, passwordHash)
}

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, sess *amur.Session) error {
	return s.next.CreateSession(ctx, sess)
}

// Session returns the unexpired session with the hash.
func (s *Store) Session(ctx context.Context, idHash string) (*amur.Session, error) {
	return s.next.Session(ctx, idHash)
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	return s.next.DeleteSession(ctx, idHash)
}

// CreateToken stores a new API token.
func (s *Store) CreateToken(ctx context.Context, t *amur.Token) error {
	return s.next.CreateToken(ctx, t)
}

// TokenByHash returns the unexpired API token with the hash.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*amur.Token, error) {
	return s.next.TokenByHash(ctx, hash)
}

// Tokens returns the API tokens of a user.
func (s *Store) Tokens(ctx context.Context, userID string) ([]*amur.Token, error) {
	return s.next.Tokens(ctx, userID)
}

// DeleteToken revokes an API token.
func (s *Store) DeleteToken(ctx context.Context, id string) error { return s.next.DeleteToken(ctx, id) }

// CreateResetToken stores a password-reset token hash.
func (s *Store) CreateResetToken(ctx context.Context, userID, hash string, expires time.Time) error {
	return s.next.CreateResetToken(ctx, userID, hash, expires)
}

// ResetTokenUser returns the user of an unexpired reset token.
func (s *Store) ResetTokenUser(ctx context.Context, hash string) (string, error) {
	return s.next.ResetTokenUser(ctx, hash)
}

// UseResetToken consumes a reset token.
func (s *Store) UseResetToken(ctx context.Context, hash string) (string, error) {
	return s.next.UseResetToken(ctx, hash)
}

// Hit counts one event of key in the current window.
func (s *Store) Hit(ctx context.Context, key string, window time.Duration) (int, error) {
	return s.next.Hit(ctx, key, window)
}

// Hits returns the count of key in the current window.
func (s *Store) Hits(ctx context.Context, key string, window time.Duration) (int, error) {
	return s.next.Hits(ctx, key, window)
}
