package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// memCount numbers in-memory databases so that each Open gets its own.
var memCount atomic.Int64

// sqlitePragmas are set on every SQLite connection. WAL lets readers run
// beside the writer; synchronous=NORMAL is safe with WAL and much faster
// than FULL; the busy timeout covers writers in other processes.
const sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)"

// openSQLite opens a SQLite database with a one-connection writer pool and
// a reader pool.
func openSQLite(ctx context.Context, dsn string) (*DB, error) {
	base, mem := sqliteBase(dsn)
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	common := base + sep + sqlitePragmas
	if !mem {
		if err := initSQLiteFile(ctx, base); err != nil {
			return nil, fmt.Errorf("sqlstore: open %s: %w", dsn, err)
		}
	}
	// The writer takes the write lock at BEGIN (immediate) so a transaction
	// never fails halfway when another process writes; a large page cache
	// keeps index pages of big imports in memory.
	w, err := sql.Open("sqlite", common+"&_txlock=immediate&_pragma=cache_size("+strconv.Itoa(sqliteWriterCache)+")")
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open %s: %w", dsn, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	// Open the writer first so that it creates the file and switches it to
	// WAL before any reader connects.
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlstore: open %s: %w", dsn, err)
	}
	r, err := sql.Open("sqlite", common+"&_pragma=query_only(1)&_pragma=cache_size(-16384)"+sqliteReaderMmap)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlstore: open %s: %w", dsn, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	if mem {
		// An in-memory database disappears with its last connection, so
		// one reader connection is kept open for the life of the DB.
		r.SetConnMaxIdleTime(0)
		r.SetConnMaxLifetime(0)
	}
	return &DB{w: w, r: r, d: sqliteDialect{}, now: time.Now}, nil
}

// sqliteWriterCache is the page cache of the writer connection (negative:
// KiB); readers have a quarter of it each.
const sqliteWriterCache = -65536

// sqlitePageSize is the page size of new databases. Activities are rows
// of about 1.5 KB (the JSON document), so 4 KB pages hold two and a bulk
// import spends much of its time splitting pages; larger pages also make
// index B-trees shallower.
const sqlitePageSize = 16384

// initSQLiteFile sets the page size of a new database file, which must
// happen before WAL mode is on, and turns WAL on. Both are no-ops for an
// existing file already in WAL mode.
func initSQLiteFile(ctx context.Context, base string) error {
	db, err := sql.Open("sqlite", base)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, p := range []string{fmt.Sprintf("PRAGMA page_size = %d", sqlitePageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.ExecContext(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// sqliteBase turns dsn into the driver's name without the store's
// parameters, and tells whether it is an in-memory database.
func sqliteBase(dsn string) (string, bool) {
	switch {
	case dsn == "":
		return "amur.db", false
	case dsn == ":memory:":
		// The memdb VFS shares a database named with a leading slash among
		// the connections of one process, with proper locking, unlike
		// cache=shared, whose table locks fail instead of waiting.
		return fmt.Sprintf("file:/amur-memory-%d?vfs=memdb", memCount.Add(1)), true
	}
	return dsn, strings.Contains(dsn, "vfs=memdb") || strings.Contains(dsn, "mode=memory")
}

// sqliteDialect is the SQLite dialect.
type sqliteDialect struct{}

func (sqliteDialect) name() string                { return "sqlite" }
func (sqliteDialect) gooseDialect() goose.Dialect { return goose.DialectSQLite3 }
func (sqliteDialect) rebind(q string) string      { return q }

// migrateOptions needs no lock: the single writer connection already
// serialises migrations within a process.
func (sqliteDialect) migrateOptions() []goose.ProviderOption { return nil }

// unindexed prefixes col with a unary +, SQLite's way to keep a term off
// an index.
func (sqliteDialect) unindexed(col string) string { return "+" + col }

// contains uses instr, which costs a third less than a LIKE '%…%' on
// each index entry a list walks.
func (sqliteDialect) contains(s, sub string) string { return "instr(" + s + ", " + sub + ") > 0" }

// readOptions is nil: reader connections are query_only already.
func (sqliteDialect) readOptions() *sql.TxOptions { return nil }

// lockOutbox does nothing: SQLite has one writer at a time.
func (sqliteDialect) lockOutbox(context.Context, *sql.Tx) error { return nil }

// violation reads SQLite's extended result code.
func (sqliteDialect) violation(err error) violation {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return violation{}
	}
	switch e.Code() {
	case sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return violation{kind: vUnique, primary: true}
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE:
		return violation{kind: vUnique}
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return violation{kind: vForeignKey}
	}
	return violation{}
}

// analyze runs PRAGMA optimize, which analyzes the tables whose statistics
// are stale, with a sample limit so that it stays quick on large tables.
func (sqliteDialect) analyze(ctx context.Context, db *DB, _ []string) error {
	_, err := db.w.ExecContext(ctx, "PRAGMA analysis_limit = 1000; PRAGMA optimize")
	return err
}

// sqliteReaderMmap maps the database file into the reader connections'
// memory (up to SQLite's default limit of almost 2 GiB; SQLite maps less
// when built with a lower limit). Without it every page a list reads
// beyond the 16 MiB page cache of the connection is a pread system call:
// at 1,000,000 activities those took over half of a list's CPU time. The
// mapping is shared by the connections and with the kernel's page cache,
// so it costs address space, not memory.
const sqliteReaderMmap = "&_pragma=mmap_size(2147418112)"
