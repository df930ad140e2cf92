// Package sqlstore implements amur.Store over SQLite (embedded, the default)
// and PostgreSQL, with hand-written SQL through database/sql.
//
// Every entity table keeps the whole record as JSON in a doc column, which is
// what reads return, and copies into ordinary columns and child tables the
// values that filters, sort orders, unique keys and foreign keys need. The
// SQL is shared by both dialects; the few differences (placeholders, error
// codes, the bulk path, connection set-up) live in sqlite.go and postgres.go.
package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/pressly/goose/v3"

	"amur"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// DB is the registry stored in SQLite or PostgreSQL. It implements
// amur.Store and is safe for concurrent use.
type DB struct {
	// w runs write transactions and r runs reads. For SQLite w holds a single
	// connection, so writers queue in Go instead of failing with SQLITE_BUSY,
	// while readers use their own pool and, in WAL mode, never wait for the
	// writer. For PostgreSQL both are the same pool.
	w, r *sql.DB
	d    dialect
	// now is the clock, replaceable in tests.
	now func() time.Time
	// queries caches SQL rewritten for the dialect's placeholders.
	queries sync.Map
}

var _ amur.Store = (*DB)(nil)

// Open opens the database named by dsn. A dsn starting with postgres:// or
// postgresql:// opens PostgreSQL; anything else is SQLite: a file path
// (empty means ./amur.db), a file: URI, or :memory: for a private in-memory
// database that all connections of this DB share. Open does not migrate;
// call Migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	return openSQLite(ctx, dsn)
}

// Close releases the database.
func (db *DB) Close() error {
	err := db.w.Close()
	if db.r != db.w {
		err = errors.Join(err, db.r.Close())
	}
	return err
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.d.name() }

// Migrate applies the embedded migrations of the database's dialect that
// have not been applied yet, each in its own transaction.
func (db *DB) Migrate(ctx context.Context) error {
	fsys, err := fs.Sub(migrations, "migrations/"+db.d.name())
	if err != nil {
		return err
	}
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	opts = append(opts, db.d.migrateOptions()...)
	p, err := goose.NewProvider(db.d.gooseDialect(), db.w, fsys, opts...)
	if err != nil {
		return fmt.Errorf("sqlstore: migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("sqlstore: migrate: %w", err)
	}
	return nil
}

// q returns query with its ? placeholders rewritten for the dialect.
func (db *DB) q(query string) string {
	if v, ok := db.queries.Load(query); ok {
		return v.(string)
	}
	out := db.d.rebind(query)
	db.queries.Store(query, out)
	return out
}

// write runs fn in one write transaction, committing when fn returns nil.
func (db *DB) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return runTx(ctx, db.w, nil, fn)
}

// read runs fn in one read-only transaction, so that a list and its count
// see the same snapshot.
func (db *DB) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return runTx(ctx, db.r, db.d.readOptions(), fn)
}

// runTx begins a transaction on pool, runs fn and commits, or rolls back
// when fn or the commit fails.
func runTx(ctx context.Context, pool *sql.DB, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	tx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("sqlstore: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlstore: commit: %w", err)
	}
	return nil
}

// placeholders returns n comma-separated ? placeholders.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}
