package auth

import (
	"context"
	"strings"
	"time"

	"amur"
)

// CreateToken mints an API token named name for the account userID,
// expiring at expires (zero: never). It returns the token, which is shown
// once and stored only as its hash. The signed-in owner may mint its own
// tokens from a session (not with another token, so a leaked token cannot
// breed), and the system anyone's.
func (s *Service) CreateToken(ctx context.Context, userID, name string, expires time.Time) (string, *amur.Token, error) {
	if !isSystem(ctx) {
		p, err := signedIn(ctx, true)
		if err != nil {
			return "", nil, err
		}
		if p.UserID != userID {
			return "", nil, amur.Errorf(amur.EForbidden, "err.forbidden")
		}
	}
	if _, err := s.store.User(ctx, userID); err != nil {
		return "", nil, err
	}
	if !expires.IsZero() && !expires.After(s.now()) {
		return "", nil, amur.Invalid("expires_at", "err.future")
	}
	secret := TokenPrefix + newSecret()
	t := &amur.Token{Hash: hashSecret(secret), UserID: userID, Name: strings.TrimSpace(name), ExpiresAt: expires}
	if err := s.store.CreateToken(ctx, t); err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// Tokens lists the signed-in principal's API tokens.
func (s *Service) Tokens(ctx context.Context) ([]*amur.Token, error) {
	p, err := signedIn(ctx, false)
	if err != nil {
		return nil, err
	}
	return s.store.Tokens(ctx, p.UserID)
}

// DeleteToken revokes one of the signed-in principal's API tokens; another
// account's token is ENotFound, as if it did not exist.
func (s *Service) DeleteToken(ctx context.Context, id string) error {
	list, err := s.Tokens(ctx)
	if err != nil {
		return err
	}
	for _, t := range list {
		if t.ID == id {
			return s.store.DeleteToken(ctx, id)
		}
	}
	return amur.NotFound("api_tokens", id)
}
