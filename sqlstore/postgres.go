package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// outboxLockKey is the advisory lock that orders outbox commits.
const outboxLockKey = 0x616d7572 // "amur"

// openPostgres opens PostgreSQL through pgx's database/sql driver.
func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: postgres dsn: %w", err)
	}
	pool := stdlib.OpenDB(*cfg)
	pool.SetMaxOpenConns(20)
	pool.SetMaxIdleConns(10)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("sqlstore: open postgres: %w", err)
	}
	return &DB{w: pool, r: pool, d: postgresDialect{}, now: time.Now}, nil
}

// postgresDialect is the PostgreSQL dialect.
type postgresDialect struct{}

func (postgresDialect) name() string                { return "postgres" }
func (postgresDialect) gooseDialect() goose.Dialect { return goose.DialectPostgres }
func (postgresDialect) rebind(q string) string      { return rebindDollar(q) }

// migrateOptions takes a session advisory lock so that several nodes
// starting at once do not migrate concurrently.
func (postgresDialect) migrateOptions() []goose.ProviderOption {
	l, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil
	}
	return []goose.ProviderOption{goose.WithSessionLocker(l)}
}

// unindexed returns col: PostgreSQL's planner weighs an index scan in
// sort order against a bitmap scan and a sort from statistics itself.
func (postgresDialect) unindexed(col string) string { return col }

// contains uses strpos.
func (postgresDialect) contains(s, sub string) string { return "strpos(" + s + ", " + sub + ") > 0" }

// readOptions makes reads read-only, which PostgreSQL can run cheaper.
func (postgresDialect) readOptions() *sql.TxOptions { return &sql.TxOptions{ReadOnly: true} }

// lockOutbox takes a transaction-scoped advisory lock before the outbox
// insert. Sequence values are handed out at insert time but become visible
// at commit, so without the lock a reader of Changes could see seq 6 before
// seq 5 commits and skip 5 for good. Holding the lock from the insert to the
// commit makes outbox rows commit in sequence order; only the end of each
// write transaction is serialised.
func (postgresDialect) lockOutbox(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", outboxLockKey)
	return err
}

// violation reads PostgreSQL's SQLSTATE.
func (postgresDialect) violation(err error) violation {
	var e *pgconn.PgError
	if !errors.As(err, &e) {
		return violation{}
	}
	switch e.Code {
	case "23505":
		return violation{kind: vUnique, primary: strings.HasSuffix(e.ConstraintName, "_pkey")}
	case "23503":
		return violation{kind: vForeignKey}
	}
	return violation{}
}

// analyze runs ANALYZE on tables; autovacuum would, but only later.
func (postgresDialect) analyze(ctx context.Context, db *DB, tables []string) error {
	for _, t := range tables {
		if _, err := db.w.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return err
		}
	}
	return nil
}
