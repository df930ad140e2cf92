package sqlstore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// TestOpenMemory checks that :memory: gives each Open its own database,
// shared by all of that DB's connections.
func TestOpenMemory(t *testing.T) {
	ctx := context.Background()
	open := func() *sqlstore.DB {
		db, err := sqlstore.Open(ctx, ":memory:")
		must(t, err)
		t.Cleanup(func() { db.Close() })
		must(t, db.Migrate(ctx))
		return db
	}
	a, b := open(), open()
	must(t, a.CreateProgram(ctx, testkit.Program("only-in-a")))
	// Reads run on other connections than the write.
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() { _, errs[i] = a.Program(ctx, "only-in-a") })
	}
	wg.Wait()
	for _, err := range errs {
		must(t, err)
	}
	if n, err := b.Count(ctx, amur.KindProgram); err != nil || n != 0 {
		t.Errorf("second in-memory database holds %d programs, %v; want its own, empty", n, err)
	}
	if a.Dialect() != "sqlite" {
		t.Errorf("dialect = %s", a.Dialect())
	}
}

// TestReopenFile checks that a file database keeps its records and that
// migrating again is a no-op.
func TestReopenFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "registry.db")
	db, err := sqlstore.Open(ctx, "file:"+path)
	must(t, err)
	must(t, db.Migrate(ctx))
	must(t, db.CreateField(ctx, testkit.Field("1", "Natural sciences")))
	must(t, db.Close())
	db, err = sqlstore.Open(ctx, path)
	must(t, err)
	defer db.Close()
	must(t, db.Migrate(ctx))
	if _, err := db.Field(ctx, "1"); err != nil {
		t.Errorf("field lost on reopen: %v", err)
	}
}

// TestConcurrentWriters checks that writers running at once all succeed:
// SQLite queues them on its one writer connection instead of failing with
// SQLITE_BUSY, and readers run beside them.
func TestConcurrentWriters(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		const writers, each = 8, 15
		var wg sync.WaitGroup
		errs := make(chan error, writers*each*2)
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					o := testkit.Org(fmt.Sprintf("Org %d-%d", w, i), "CN")
					if err := s.CreateOrganization(ctx, o); err != nil {
						errs <- err
						continue
					}
					o.Website = "https://example.org"
					errs <- s.UpdateOrganization(ctx, o)
					if _, err := s.Organizations(ctx, amur.OrganizationFilter{Q: "org"}); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if n, err := s.Count(ctx, amur.KindOrganization); err != nil || n != writers*each {
			t.Errorf("organisations = %d, %v; want %d", n, err, writers*each)
		}
		changes, err := s.Changes(ctx, 0, 1000)
		must(t, err)
		if len(changes) != 2*writers*each {
			t.Errorf("outbox rows = %d, want %d", len(changes), 2*writers*each)
		}
	})
}
