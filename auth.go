package amur

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
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
	// SetPassword replaces the hash, ends every session of the user and
	// cancels its unused reset tokens; its API tokens stay valid.
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
	// ResetTokenUser returns the user of the unexpired reset token without
	// consuming it, or ENotFound, so that a new password can be checked
	// before the token is spent.
	ResetTokenUser(ctx context.Context, hash string) (string, error)
	// UseResetToken consumes the token (once, atomically) and returns its user.
	UseResetToken(ctx context.Context, hash string) (string, error)

	// Hit adds one to the counter key in the current window of length
	// window and returns the count so far. Counters live in the database so
	// that several servers share one limit. Windows are fixed and aligned
	// to the Unix epoch: the window of time t starts at t - t mod window.
	Hit(ctx context.Context, key string, window time.Duration) (int, error)
	// Hits returns the count of key in the current window without adding
	// to it, so that a caller can refuse before doing costly work.
	Hits(ctx context.Context, key string, window time.Duration) (int, error)
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
	// Before and After hold the record's JSON as stored (Before is absent
	// for a create, After for a delete). An import's entry has no Before and
	// its After summarises the import (see BulkSummary).
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}

// The actions the store itself writes to the audit log.
const (
	AuditCreate = "create"
	AuditUpdate = "update"
	AuditDelete = "delete"
	// AuditImport is one Store.Bulk call: one entry per kind it stored,
	// rather than one per record, so a million-row import adds a few rows.
	AuditImport = "import"
)

// AuditPassword is a change of an account's password; its entry holds no
// document, so no hash ever reaches the log.
const AuditPassword = "password"

// AuditActions lists the actions an audit filter may name.
var AuditActions = []string{AuditCreate, AuditUpdate, AuditDelete, AuditImport, AuditPassword, "merge", "decision", "login", "logout"}

// KindUser is the kind of audit entries about accounts. Accounts are not
// records of the program (not in Kinds: they are neither imported nor
// exported), but who may do what is worth a history of its own.
const KindUser Kind = "users"

// AuditKinds lists the kinds an audit entry may be about.
var AuditKinds = append(slices.Clone(Kinds), KindUser)

// ParseAuditKind returns the kind named s as ParseKind does, and also
// accepts "user" and "users".
func ParseAuditKind(s string) (Kind, error) {
	if s == "user" || s == "users" {
		return KindUser, nil
	}
	if slices.Contains(AuditKinds, Kind(s)) && !slices.Contains(Kinds, Kind(s)) {
		return Kind(s), nil // the kinds capabilities add, such as fund_proposals
	}
	return ParseKind(s)
}

// BulkSummary is the After of an import's audit entry.
type BulkSummary struct {
	// Count is how many records of the entry's kind the import stored.
	Count int `json:"count"`
	// Sources are the distinct provenance sources of those records (the
	// imported file's name), at most MaxBulkSources of them.
	Sources []string `json:"sources"`
}

// MaxBulkSources bounds BulkSummary.Sources.
const MaxBulkSources = 20

// AuditChange is one changed top-level member of a record.
type AuditChange struct {
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}

// Diff returns the top-level members of the record that differ between
// Before and After, with their old and new JSON; a member absent on one
// side has no JSON there. It is nil when either side is not a JSON object,
// as for an import's summary.
func (e *AuditEntry) Diff() map[string]AuditChange {
	var before, after map[string]json.RawMessage
	if len(e.Before) > 0 && json.Unmarshal(e.Before, &before) != nil ||
		len(e.After) > 0 && json.Unmarshal(e.After, &after) != nil ||
		e.Action == AuditImport || before == nil && after == nil {
		return nil
	}
	out := map[string]AuditChange{}
	for k, b := range before {
		if a, ok := after[k]; !ok || !bytes.Equal(compactJSON(a), compactJSON(b)) {
			out[k] = AuditChange{Before: b, After: a}
		}
	}
	for k, a := range after {
		if _, ok := before[k]; !ok {
			out[k] = AuditChange{After: a}
		}
	}
	return out
}

// compactJSON returns v without insignificant space, so that equal values
// compare equal however they were written.
func compactJSON(v json.RawMessage) []byte {
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return v
	}
	return b.Bytes()
}

// AuditFilter selects audit entries; empty parts select everything.
type AuditFilter struct {
	UserID string
	// Email matches the e-mail address the user had when acting.
	Email  string
	Kind   Kind
	ID     string
	Action string
	// From and To bound the entry's time, inclusively.
	From, To time.Time
	Page
}

// AuditSorts are the sort keys of the audit log: newest first by default.
var AuditSorts = []string{"-seq", "seq"}

// Validate checks the filter and its page.
func (f *AuditFilter) Validate() error {
	switch {
	case f.UserID != "" && !ValidID(f.UserID):
		return Invalid("user", "err.id")
	case f.Email != "" && !emailRE.MatchString(f.Email):
		return Invalid("user", "err.email", "value", f.Email)
	case ValidString("id", f.ID, 200) != nil:
		return ValidString("id", f.ID, 200)
	case f.Action != "" && !slices.Contains(AuditActions, f.Action):
		return Invalid("action", "err.enum", "value", f.Action, "allowed", joinStrings(AuditActions))
	case f.Kind != "" && !slices.Contains(AuditKinds, f.Kind):
		return checkEnum("kind", f.Kind, AuditKinds)
	case !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From):
		return Invalid("to", "err.end_before_start")
	}
	return f.Page.Validate(AuditSorts)
}

// AuditStore reads the audit log. Entries are written by the store itself
// in the transaction of each change, from the Actor of the context.
type AuditStore interface {
	Audit(ctx context.Context, f AuditFilter) (*List[*AuditEntry], error)
}
