package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// newUser returns a valid account of role with the e-mail address.
func newUser(email string, role amur.UserRole) *amur.User {
	return &amur.User{Email: email, Name: "Test " + string(role), Role: role}
}

func TestUsers(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		org := testkit.Org("Московский государственный университет", "RU")
		must(t, db.CreateOrganization(ctx, org))

		admin := newUser("  Admin@Example.ORG ", amur.RoleAdmin)
		must(t, db.CreateUser(ctx, admin, "$argon2id$hash-a"))
		if admin.Email != "admin@example.org" || !amur.ValidID(admin.ID) || admin.Version != 1 || admin.CreatedAt.IsZero() {
			t.Fatalf("created user = %+v; want a normalised address, an id, version 1 and a time", admin)
		}
		coord := newUser("coordinator@example.org", amur.RoleCoordinator)
		coord.OrgID = org.ID
		must(t, db.CreateUser(ctx, coord, ""))

		got, err := db.UserByEmail(ctx, "ADMIN@example.org")
		must(t, err)
		if *got != *admin {
			t.Errorf("UserByEmail = %+v, want %+v", got, admin)
		}
		if got, err := db.User(ctx, coord.ID); err != nil || got.OrgID != org.ID || got.Role != amur.RoleCoordinator {
			t.Errorf("User = %+v, %v; want the coordinator of %s", got, err, org.ID)
		}
		all, err := db.Users(ctx)
		must(t, err)
		if len(all) != 2 || all[0].Email != "admin@example.org" || all[1].Email != "coordinator@example.org" {
			t.Errorf("Users = %v, want admin then coordinator", all)
		}
		if h, err := db.PasswordHash(ctx, admin.ID); err != nil || h != "$argon2id$hash-a" {
			t.Errorf("PasswordHash = %q, %v", h, err)
		}
		if h, err := db.PasswordHash(ctx, coord.ID); err != nil || h != "" {
			t.Errorf("PasswordHash of an account without a password = %q, %v; want empty", h, err)
		}

		coord.Name, coord.Disabled = "Renamed", true
		must(t, db.UpdateUser(ctx, coord))
		if coord.Version != 2 {
			t.Errorf("version after update = %d, want 2", coord.Version)
		}
		if got, _ := db.User(ctx, coord.ID); got.Name != "Renamed" || !got.Disabled || got.Version != 2 {
			t.Errorf("stored after update = %+v", got)
		}
		stale := *coord
		stale.Version = 1
		wantError(t, db.UpdateUser(ctx, &stale), amur.EStale, "err.stale", "version")
	})
}

func TestUserErrors(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		must(t, db.CreateUser(ctx, newUser("taken@example.org", amur.RoleApplicant), ""))
		unknownOrg := newUser("c@example.org", amur.RoleCoordinator)
		unknownOrg.OrgID = amur.NewID()
		office := newUser("office@example.org", amur.RoleOffice)
		tests := []struct {
			name             string
			u                *amur.User
			code, key, field string
		}{
			{"taken address in other case", newUser("TAKEN@example.org", amur.RoleReviewer), amur.EConflict, "err.duplicate", "email"},
			{"bad address", newUser("not-an-address", amur.RoleReviewer), amur.EInvalid, "err.email", "email"},
			{"unknown role", newUser("r@example.org", "superuser"), amur.EInvalid, "err.enum", "role"},
			{"office without side", office, amur.EInvalid, "err.side", "side"},
			{"unknown organisation", unknownOrg, amur.EInvalid, "err.ref", "org_id"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantError(t, db.CreateUser(ctx, tt.u, ""), tt.code, tt.key, tt.field)
				if tt.u.ID != "" {
					t.Errorf("a failed create left the id %q", tt.u.ID)
				}
			})
		}
		if n, _ := db.Users(ctx); len(n) != 1 {
			t.Errorf("%d users after failed creates, want 1", len(n))
		}
		wantError(t, db.UpdateUser(ctx, &amur.User{Meta: amur.Meta{ID: amur.NewID(), Version: 1}, Email: "x@example.org", Role: amur.RoleApplicant}),
			amur.ENotFound, "err.notfound", "")
		for name, err := range map[string]error{
			"User":        second(db.User(ctx, amur.NewID())),
			"UserByEmail": second(db.UserByEmail(ctx, "nobody@example.org")),
			"PasswordHash": func() error {
				_, err := db.PasswordHash(ctx, amur.NewID())
				return err
			}(),
			"SetPassword": db.SetPassword(ctx, amur.NewID(), "x"),
		} {
			if amur.ErrorCode(err) != amur.ENotFound {
				t.Errorf("%s of an unknown account: %v, want ENotFound", name, err)
			}
		}
	})
}

// second returns the error of a two-valued call.
func second[T any](_ T, err error) error { return err }

func TestLocalhostAdminAddress(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		must(t, db.CreateUser(context.Background(), newUser("admin@localhost", amur.RoleAdmin), ""))
	})
}

func TestSetPasswordEndsSessionsAndResets(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		a, b := newUser("a@example.org", amur.RoleApplicant), newUser("b@example.org", amur.RoleApplicant)
		must(t, db.CreateUser(ctx, a, "old"))
		must(t, db.CreateUser(ctx, b, "old"))
		later := time.Now().Add(time.Hour)
		for _, s := range []*amur.Session{
			{IDHash: "a1", UserID: a.ID, ExpiresAt: later}, {IDHash: "a2", UserID: a.ID, ExpiresAt: later},
			{IDHash: "b1", UserID: b.ID, ExpiresAt: later},
		} {
			must(t, db.CreateSession(ctx, s))
		}
		must(t, db.CreateResetToken(ctx, a.ID, "reset-a", later))
		must(t, db.CreateToken(ctx, &amur.Token{Hash: "token-a", UserID: a.ID, Name: "script"}))

		must(t, db.SetPassword(ctx, a.ID, "new"))
		if h, _ := db.PasswordHash(ctx, a.ID); h != "new" {
			t.Errorf("hash after SetPassword = %q, want new", h)
		}
		for _, h := range []string{"a1", "a2"} {
			if _, err := db.Session(ctx, h); amur.ErrorCode(err) != amur.ENotFound {
				t.Errorf("session %s after SetPassword: %v, want ENotFound", h, err)
			}
		}
		if _, err := db.ResetTokenUser(ctx, "reset-a"); amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("reset token after SetPassword: %v, want ENotFound", err)
		}
		if _, err := db.Session(ctx, "b1"); err != nil {
			t.Errorf("another user's session ended too: %v", err)
		}
		if _, err := db.TokenByHash(ctx, "token-a"); err != nil {
			t.Errorf("API token ended with the password: %v", err)
		}
	})
}
