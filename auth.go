package amur

import (
	"context"
	"time"
)

// Session is a signed-in browser session. The store keeps only the SHA-256
// of the session's secret, so a leaked database cannot be replayed.
type Session struct {
	// IDHash is the hex SHA-256 of the secret the cookie carries.
	IDHash    string    `json:"-"`
	UserID    string    `json:"user_id"`
	CSRFToken string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	// Addr and Agent describe where the session was opened, for the user's
	// own list of sessions and for the audit log.
	Addr  string `json:"addr"`
	Agent string `json:"agent"`
}

// Token is an API token for scripts. Like sessions, only its hash is kept.
type Token struct {
	ID        string    `json:"id"`
	Hash      string    `json:"-"`
	UserID    string    `json:"user_id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
	// ExpiresAt is zero for a token that does not expire.
	ExpiresAt time.Time `json:"expires_at"`
	LastUsed  time.Time `json:"last_used"`
}

// UserStore keeps accounts and the secrets that prove them. Password
// hashes, session secrets and tokens are stored hashed; every method that
// checks a secret takes its hash, never the secret.
type UserStore interface {
	User(ctx context.Context, id string) (*User, error)
	UserByEmail(ctx context.Context, email string) (*User, error)
	Users(ctx context.Context) ([]*User, error)
	// CreateUser stores u with the given password hash ("" for an account
	// that must set its password through a reset token).
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	UpdateUser(ctx context.Context, u *User) error
	PasswordHash(ctx context.Context, userID string) (string, error)
	// SetPassword replaces the hash and ends every session of the user.
	SetPassword(ctx context.Context, userID, passwordHash string) error

	CreateSession(ctx context.Context, s *Session) error
	// Session returns the unexpired session with the hash, or ENotFound.
	Session(ctx context.Context, idHash string) (*Session, error)
	DeleteSession(ctx context.Context, idHash string) error

	CreateToken(ctx context.Context, t *Token) error
	// TokenByHash returns the unexpired token with the hash, or ENotFound,
	// and records its use.
	TokenByHash(ctx context.Context, hash string) (*Token, error)
	Tokens(ctx context.Context, userID string) ([]*Token, error)
	DeleteToken(ctx context.Context, id string) error

	// CreateResetToken stores a one-time password-reset token hash.
	CreateResetToken(ctx context.Context, userID, hash string, expires time.Time) error
	// UseResetToken consumes the token (once, atomically) and returns its user.
	UseResetToken(ctx context.Context, hash string) (string, error)

	// Hit adds one to the counter key in the current window of length
	// window and returns the count so far. Counters live in the database so
	// that several servers share one limit.
	Hit(ctx context.Context, key string, window time.Duration) (int, error)
}

// AuditEntry is one change of the record of the program: who made it,
// when, from where, and the record before and after.
type AuditEntry struct {
	Seq    int64     `json:"seq"`
	At     time.Time `json:"at"`
	UserID string    `json:"user_id,omitempty"`
	Email  string    `json:"email,omitempty"`
	Addr   string    `json:"addr,omitempty"`
	Via    string    `json:"via,omitempty"`
	// Action is "create", "update", "delete", "merge", "decision", "login"…
	Action string `json:"action"`
	Kind   Kind   `json:"kind"`
	ID     string `json:"id"`
	// Before and After hold the record's JSON (null for create or delete).
	Before []byte `json:"before,omitempty"`
	After  []byte `json:"after,omitempty"`
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	UserID   string
	Kind     Kind
	ID       string
	Action   string
	From, To time.Time
	Page
}

// AuditStore reads the audit log. Entries are written by the store itself
// in the transaction of each change, from the Actor of the context.
type AuditStore interface {
	Audit(ctx context.Context, f AuditFilter) (*List[*AuditEntry], error)
}
