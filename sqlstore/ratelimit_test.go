package sqlstore_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

func TestHit(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		// A year-long window keeps the test clear of a window boundary.
		const w = 365 * 24 * time.Hour
		for i := 1; i <= 3; i++ {
			if n, err := db.Hit(ctx, "login:account:a@example.org", w); err != nil || n != i {
				t.Fatalf("hit %d = %d, %v", i, n, err)
			}
		}
		if n, err := db.Hits(ctx, "login:account:a@example.org", w); err != nil || n != 3 {
			t.Errorf("Hits = %d, %v; want 3 and no increment", n, err)
		}
		if n, _ := db.Hits(ctx, "login:account:a@example.org", w); n != 3 {
			t.Errorf("Hits changed the count to %d", n)
		}
		if n, err := db.Hit(ctx, "login:addr:192.0.2.1", w); err != nil || n != 1 {
			t.Errorf("another key = %d, %v; want 1", n, err)
		}
		if n, err := db.Hits(ctx, "never", w); err != nil || n != 0 {
			t.Errorf("Hits of an unused key = %d, %v; want 0", n, err)
		}
		if _, err := db.Hit(ctx, "k", 0); amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("zero window: %v, want EInvalid", err)
		}
		if _, err := db.Hit(ctx, "", w); amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("empty key: %v, want EInvalid", err)
		}
	})
}

// TestHitConcurrent checks that concurrent hits all count and each sees a
// distinct count, as the upsert promises.
func TestHitConcurrent(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		const n = 24
		var wg sync.WaitGroup
		var mu sync.Mutex
		seen := []int{}
		for range n {
			wg.Go(func() {
				c, err := db.Hit(ctx, "shared", 365*24*time.Hour)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				seen = append(seen, c)
				mu.Unlock()
			})
		}
		wg.Wait()
		slices.Sort(seen)
		for i, c := range seen {
			if c != i+1 {
				t.Fatalf("counts %v; want 1..%d each once", seen, n)
			}
		}
	})
}
