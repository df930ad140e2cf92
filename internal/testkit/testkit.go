// Package testkit holds what tests across Amur share: fresh migrated
// stores on SQLite and PostgreSQL, record fixtures and golden files.
package testkit

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver for schema set-up

	"amur"
	"amur/sqlstore"
)

// PostgresEnv names the environment variable holding the URL of the
// PostgreSQL server tests may use; PostgreSQL tests skip when it is unset.
const PostgresEnv = "AMUR_TEST_POSTGRES"

// MustOpenStore returns a fresh migrated SQLite store in a temporary file,
// closed when the test ends. A file (not memory) gives the WAL mode and the
// separate reader connections of production.
func MustOpenStore(tb testing.TB) *sqlstore.DB {
	tb.Helper()
	return mustOpen(tb, filepath.Join(tb.TempDir(), "amur.db"))
}

// MustOpenPostgres returns a fresh migrated store in a new PostgreSQL schema
// of the server named by AMUR_TEST_POSTGRES, dropped when the test ends. It
// skips the test when the variable is unset.
func MustOpenPostgres(tb testing.TB) *sqlstore.DB {
	tb.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		tb.Skip(PostgresEnv + " is not set")
	}
	return mustOpen(tb, newSchema(tb, base))
}

// newSchema creates a uniquely named schema and returns a URL whose
// connections use it. The schema is dropped when the test ends.
func newSchema(tb testing.TB, base string) string {
	tb.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatalf("open %s: %v", PostgresEnv, err)
	}
	defer admin.Close()
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "amur_test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer db.Close()
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("parse %s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// mustOpen opens and migrates dsn, closing the store when the test ends.
func mustOpen(tb testing.TB, dsn string) *sqlstore.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return db
}

// Stores returns a fresh store of every dialect available: always
// "sqlite", and "postgres" when AMUR_TEST_POSTGRES is set.
func Stores(tb testing.TB) map[string]*sqlstore.DB {
	tb.Helper()
	out := map[string]*sqlstore.DB{"sqlite": MustOpenStore(tb)}
	if os.Getenv(PostgresEnv) != "" {
		out["postgres"] = MustOpenPostgres(tb)
	}
	return out
}

// Dialects lists the dialects ForEachStore runs on in this environment.
func Dialects() []string {
	if os.Getenv(PostgresEnv) != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// ForEachStore runs fn as a subtest on a fresh store of every available
// dialect, named after the dialect.
func ForEachStore(t *testing.T, fn func(t *testing.T, s amur.Store)) {
	t.Helper()
	ForEachDB(t, func(t *testing.T, db *sqlstore.DB) { fn(t, db) })
}

// ForEachDB is ForEachStore for tests that need the concrete store.
func ForEachDB(t *testing.T, fn func(t *testing.T, db *sqlstore.DB)) {
	t.Helper()
	for _, d := range Dialects() {
		t.Run(d, func(t *testing.T) {
			if d == "postgres" {
				fn(t, MustOpenPostgres(t))
				return
			}
			fn(t, MustOpenStore(t))
		})
	}
}
