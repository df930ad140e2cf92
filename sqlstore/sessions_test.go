package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

func TestSessions(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		u := newUser("s@example.org", amur.RoleReviewer)
		must(t, db.CreateUser(ctx, u, "h"))
		expires := time.Now().Add(12 * time.Hour).UTC().Truncate(time.Millisecond)
		s := &amur.Session{IDHash: "live", UserID: u.ID, CSRFToken: "csrf", ExpiresAt: expires, Addr: "192.0.2.1", Agent: "test"}
		must(t, db.CreateSession(ctx, s))
		must(t, db.CreateSession(ctx, &amur.Session{IDHash: "old", UserID: u.ID, ExpiresAt: time.Now().Add(-time.Second)}))

		got, err := db.Session(ctx, "live")
		must(t, err)
		if *got != *s {
			t.Errorf("Session = %+v, want %+v", got, s)
		}
		if _, err := db.Session(ctx, "old"); amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("expired session: %v, want ENotFound", err)
		}
		if _, err := db.Session(ctx, "never"); amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("unknown session: %v, want ENotFound", err)
		}
		must(t, db.DeleteSession(ctx, "live"))
		if _, err := db.Session(ctx, "live"); amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("deleted session: %v, want ENotFound", err)
		}
		wantError(t, db.DeleteSession(ctx, "live"), amur.ENotFound, "err.notfound", "")
		wantError(t, db.CreateSession(ctx, &amur.Session{IDHash: "x", UserID: amur.NewID(), ExpiresAt: expires}), amur.EInvalid, "err.ref", "user_id")
		wantError(t, db.CreateSession(ctx, &amur.Session{UserID: u.ID, ExpiresAt: expires}), amur.EInvalid, "err.required", "id_hash")
	})
}
