package sqlstore_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

func TestTokens(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		u := newUser("t@example.org", amur.RoleApplicant)
		must(t, db.CreateUser(ctx, u, "h"))
		forever := &amur.Token{Hash: "h-forever", UserID: u.ID, Name: "nightly export"}
		must(t, db.CreateToken(ctx, forever))
		if !amur.ValidID(forever.ID) || forever.CreatedAt.IsZero() || !forever.LastUsed.IsZero() {
			t.Fatalf("created token = %+v; want an id, a creation time and no use", forever)
		}
		week := &amur.Token{Hash: "h-week", UserID: u.ID, Name: "import", ExpiresAt: time.Now().Add(7 * 24 * time.Hour)}
		must(t, db.CreateToken(ctx, week))
		must(t, db.CreateToken(ctx, &amur.Token{Hash: "h-expired", UserID: u.ID, Name: "old", ExpiresAt: time.Now().Add(-time.Minute)}))

		got, err := db.TokenByHash(ctx, "h-forever")
		must(t, err)
		if got.ID != forever.ID || got.Name != "nightly export" || got.LastUsed.IsZero() || !got.ExpiresAt.IsZero() {
			t.Errorf("TokenByHash = %+v; want the token, its use recorded, no expiry", got)
		}
		list, err := db.Tokens(ctx, u.ID)
		must(t, err)
		if len(list) != 3 || list[0].ID != forever.ID || list[0].LastUsed.IsZero() || list[1].ID != week.ID {
			t.Errorf("Tokens = %+v; want three, oldest first, the used one marked", list)
		}
		if _, err := db.TokenByHash(ctx, "h-expired"); amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("expired token: %v, want ENotFound", err)
		}
		must(t, db.DeleteToken(ctx, week.ID))
		if _, err := db.TokenByHash(ctx, "h-week"); amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("deleted token: %v, want ENotFound", err)
		}
		wantError(t, db.DeleteToken(ctx, week.ID), amur.ENotFound, "err.notfound", "")

		// A new token prunes the user's expired ones.
		must(t, db.CreateToken(ctx, &amur.Token{Hash: "h-new", UserID: u.ID, Name: "new"}))
		if list, _ := db.Tokens(ctx, u.ID); len(list) != 2 {
			t.Errorf("%d tokens after pruning, want 2 (forever, new)", len(list))
		}
		wantError(t, db.CreateToken(ctx, &amur.Token{Hash: "h-x", UserID: u.ID}), amur.EInvalid, "err.required", "name")
		wantError(t, db.CreateToken(ctx, &amur.Token{Hash: "h-y", UserID: amur.NewID(), Name: "x"}), amur.EInvalid, "err.ref", "user_id")
		wantError(t, db.CreateToken(ctx, &amur.Token{Hash: "h-new", UserID: u.ID, Name: "again"}), amur.EConflict, "err.duplicate_key", "hash")
	})
}

func TestResetTokens(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		u := newUser("r@example.org", amur.RoleApplicant)
		must(t, db.CreateUser(ctx, u, ""))
		must(t, db.CreateResetToken(ctx, u.ID, "r-live", time.Now().Add(time.Hour)))
		must(t, db.CreateResetToken(ctx, u.ID, "r-expired", time.Now().Add(-time.Second)))

		for range 2 {
			if id, err := db.ResetTokenUser(ctx, "r-live"); err != nil || id != u.ID {
				t.Fatalf("ResetTokenUser = %q, %v; want the user, and the token unspent", id, err)
			}
		}
		if id, err := db.UseResetToken(ctx, "r-live"); err != nil || id != u.ID {
			t.Fatalf("UseResetToken = %q, %v; want the user", id, err)
		}
		for name, err := range map[string]error{
			"used again":   second(db.UseResetToken(ctx, "r-live")),
			"peek used":    second(db.ResetTokenUser(ctx, "r-live")),
			"expired":      second(db.UseResetToken(ctx, "r-expired")),
			"peek expired": second(db.ResetTokenUser(ctx, "r-expired")),
			"unknown":      second(db.UseResetToken(ctx, "r-never")),
		} {
			if amur.ErrorCode(err) != amur.ENotFound {
				t.Errorf("%s: %v, want ENotFound", name, err)
			}
		}
		if err := db.CreateResetToken(ctx, amur.NewID(), "r-orphan", time.Now().Add(time.Hour)); amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("reset token of an unknown user: %v, want EInvalid", err)
		}
	})
}

// TestResetTokenUsedOnceConcurrently races many consumers of one token:
// exactly one may win, however the database interleaves them.
func TestResetTokenUsedOnceConcurrently(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		u := newUser("race@example.org", amur.RoleApplicant)
		must(t, db.CreateUser(ctx, u, ""))
		for round := range 5 {
			hash := "race-" + string(rune('a'+round))
			must(t, db.CreateResetToken(ctx, u.ID, hash, time.Now().Add(time.Hour)))
			const n = 16
			var wg sync.WaitGroup
			var mu sync.Mutex
			wins, other := 0, []error{}
			start := make(chan struct{})
			for range n {
				wg.Go(func() {
					<-start
					id, err := db.UseResetToken(ctx, hash)
					mu.Lock()
					defer mu.Unlock()
					switch {
					case err == nil && id == u.ID:
						wins++
					case amur.ErrorCode(err) != amur.ENotFound:
						other = append(other, err)
					}
				})
			}
			close(start)
			wg.Wait()
			if wins != 1 || len(other) > 0 {
				t.Fatalf("round %d: %d of %d consumers won (unexpected errors %v); want exactly one", round, wins, n, other)
			}
		}
	})
}
