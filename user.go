package amur

import (
	"context"
	"strings"
	"time"
)

// UserRole is what a user may do on the platform.
type UserRole string

// The roles. The anonymous public has no user and no role.
const (
	// RoleAdmin may do everything, including managing users.
	RoleAdmin UserRole = "admin"
	// RoleOffice is a program office (ministry) of one side: it approves,
	// publishes and edits the records of its side.
	RoleOffice UserRole = "office"
	// RoleCoordinator speaks for one organisation: it proposes and edits
	// that organisation's activities, offers and requests, as drafts.
	RoleCoordinator UserRole = "coordinator"
	// RoleApplicant applies to the joint fund and sees its own proposals.
	RoleApplicant UserRole = "applicant"
	// RoleReviewer reviews proposals assigned to it.
	RoleReviewer UserRole = "reviewer"
)

// UserRoles lists every role a user account may hold.
var UserRoles = []UserRole{RoleAdmin, RoleOffice, RoleCoordinator, RoleApplicant, RoleReviewer}

// User is an account. Its password and tokens are kept apart, hashed, by
// the store; they never travel in this type.
type User struct {
	Meta
	Email string   `json:"email"`
	Name  string   `json:"name,omitempty"`
	Role  UserRole `json:"role"`
	// Side is the country of an office (required for RoleOffice).
	Side string `json:"side,omitempty"`
	// OrgID is the organisation a coordinator speaks for (required for
	// RoleCoordinator).
	OrgID    string `json:"org_id,omitempty"`
	Disabled bool   `json:"disabled"`
}

// Normalize puts the user in canonical form: e-mail addresses compare in
// lower case.
func (u *User) Normalize() {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	u.Name = strings.TrimSpace(u.Name)
	u.Side = NormalizeSide(u.Side)
}

// Validate checks the user; the error names the offending field.
func (u *User) Validate() error {
	if !validAccountEmail(u.Email) {
		return Invalid("email", "err.email", "value", u.Email)
	}
	if err := ValidString("name", u.Name, 200); err != nil {
		return err
	}
	if err := checkEnum("role", u.Role, UserRoles); err != nil {
		return err
	}
	switch {
	case u.Role == RoleOffice && !ValidSide(u.Side):
		return Invalid("side", "err.side", "value", u.Side)
	case u.Role != RoleOffice && u.Side != "" && !ValidSide(u.Side):
		return Invalid("side", "err.side", "value", u.Side)
	case u.Role == RoleCoordinator && !ValidID(u.OrgID):
		return Invalid("org_id", "err.required")
	case u.OrgID != "" && !ValidID(u.OrgID):
		return Invalid("org_id", "err.id")
	}
	return nil
}

// validAccountEmail reports whether s may name an account: an e-mail
// address, or a mailbox at localhost, which is what the first admin of a
// fresh installation is called before anyone has a real address.
func validAccountEmail(s string) bool {
	if len(s) > 254 {
		return false
	}
	local, domain, ok := strings.Cut(s, "@")
	if ok && domain == "localhost" && local != "" && !strings.ContainsAny(local, " \t\r\n") {
		return true
	}
	return emailRE.MatchString(s)
}

// Principal is who makes a request: a signed-in user, or nobody (the
// anonymous public) when the context carries none.
type Principal struct {
	UserID string
	Email  string
	Role   UserRole
	Side   string
	OrgID  string
	// TokenID is the API token that proved the principal, or "" for a
	// browser session; some acts (minting tokens, changing the password)
	// need the password, so a token alone cannot do them.
	TokenID string
}

// Actor is what the audit log records of a change: the principal (nil for
// the system itself, such as the demo loader) and where the request came
// from.
type Actor struct {
	Principal *Principal
	// Addr is the client's address (after trusted proxies), or a label such
	// as "cli" for commands run on the server.
	Addr string
	// Via names the entry point: "api", "web", "cli", "import".
	Via string
	// At is when the request began; zero means now.
	At time.Time
}

// actorKey is the context key of the Actor.
type actorKey struct{}

// WithActor returns a context carrying a.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx, or nil when none was set.
func ActorFrom(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey{}).(*Actor)
	return a
}

// PrincipalFrom returns the signed-in principal of ctx, or nil for the
// anonymous public.
func PrincipalFrom(ctx context.Context) *Principal {
	if a := ActorFrom(ctx); a != nil {
		return a.Principal
	}
	return nil
}

// Is reports whether p holds role r; a nil principal holds no role.
func (p *Principal) Is(r UserRole) bool { return p != nil && p.Role == r }
