package sqlstore

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestHitPrunesEndedWindows moves the store's clock past a window and
// checks that the next hit deletes the ended window's row, so the table
// does not grow with every address that ever failed to sign in.
func TestHitPrunesEndedWindows(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "amur.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2021, 5, 19, 10, 0, 0, 0, time.UTC)
	db.now = func() time.Time { return now }
	rows := func() int {
		var n int
		if err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM rate_limits").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, k := range []string{"a", "b", "a"} {
		if _, err := db.Hit(ctx, k, 15*time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := db.Hits(ctx, "a", 15*time.Minute); n != 2 || rows() != 2 {
		t.Fatalf("count of a = %d with %d rows; want 2 and 2", n, rows())
	}
	now = now.Add(15 * time.Minute)
	if n, err := db.Hit(ctx, "a", 15*time.Minute); err != nil || n != 1 {
		t.Fatalf("first hit of the next window = %d, %v; want 1", n, err)
	}
	if got := rows(); got != 1 {
		t.Errorf("%d rows after the window ended, want 1 (the new window's)", got)
	}
}
